import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { openLeesmapDB, type LeesmapDatabase } from '@/utils/db';
import type { Publication } from '@/utils/record';

let counter = 0;

/** A fresh, empty IndexedDB per test: installs a new fake factory globally and returns a unique name. */
export function freshIndexedDB(): string {
  globalThis.indexedDB = new IDBFactory();
  return `leesmap-test-${++counter}`;
}

/**
 * Before each test of the calling file: opens a fresh, empty database, hands it to `use`, and
 * closes it after the test. `let db!: LeesmapDatabase; eachTestOnFreshDB((opened) => (db = opened));`
 */
export function eachTestOnFreshDB(use: (db: LeesmapDatabase) => void): void {
  beforeEach(async () => {
    const db = await openLeesmapDB(freshIndexedDB());
    use(db);
    return () => db.close();
  });
}

export function publication(overrides: Partial<Publication> = {}): Publication {
  return {
    url: 'https://www.nsob.nl/publicaties/leren-van-doen',
    title: 'Leren van doen',
    subtitle: 'Over experimenteren in het openbaar bestuur',
    authors: ['Mark van Twist', 'Martijn van der Steen'],
    published: '2023',
    year: 2023,
    publisher: 'NSOB',
    type: 'essay',
    themes: ['Leren en experimenteren', 'Sturen in netwerken'],
    keywords: [],
    summary: 'Een essay over leren door te doen.',
    language: 'nl',
    related: [],
    ...overrides,
  };
}
