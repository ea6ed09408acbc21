import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach } from 'vitest';
import { openLeesmapDB, type LeesmapDatabase } from '@/utils/db';
import type { Publication } from '@/utils/record';

let counter = 0;

/** A fresh, empty IndexedDB per test: installs a new fake factory globally and returns a unique name. */
export function freshIndexedDB(): string {
  globalThis.indexedDB = new IDBFactory();
  return `leesmap-test-${++counter}`;
}

/** The database of the running test, in a file that calls `eachTestOnFreshDB()`. */
export let db: LeesmapDatabase;

/**
 * Before each test of the calling file: opens a fresh, empty database as `db` (and hands it to
 * `use`, if given), and closes it after the test.
 */
export function eachTestOnFreshDB(use?: (db: LeesmapDatabase) => void): void {
  beforeEach(async () => {
    const opened = await openLeesmapDB(freshIndexedDB());
    db = opened;
    use?.(opened);
    return () => opened.close();
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

/** A store of a released schema: its key path and its indexes as [name, multiEntry]. */
type ReleasedStore = [keyPath: string, indexes?: [name: string, multiEntry?: true][]];

const V1: Record<string, ReleasedStore> = {
  publications: ['id', [['savedAt'], ['identity', true]]],
  catalog: ['id', [['lastSeenAt'], ['identity', true]]],
  dismissed: ['id'],
};
const V3: Record<string, ReleasedStore> = {
  ...V1,
  publications: [
    'id',
    [
      ['savedAt'],
      ['identity', true],
      ['updatedAt'],
      ['status'],
      ['year'],
      ['publisher'],
      ['themes', true],
      ['tags', true],
    ],
  ],
  catalog: ['id', [['lastSeenAt'], ['identity', true], ['themes', true]]],
  themes: ['theme'],
  undo: ['key'],
};

/**
 * Each released schema exactly as it was released (every index is over the field of its name).
 * Never edit one: a new version adds a row.
 */
const RELEASED_SCHEMAS: Record<number, Record<string, ReleasedStore>> = {
  1: V1,
  3: V3,
  4: {
    ...V3,
    publications: ['id', [['savedAt'], ['identity', true], ['themes', true]]],
    meta: ['key'],
  },
};

/** Creates database `name` at a released `version`, with its stores and indexes and nothing in them. */
export function openReleased(name: string, version: keyof typeof RELEASED_SCHEMAS) {
  return openDB(name, version, {
    upgrade(db) {
      for (const [store, [keyPath, indexes = []]] of Object.entries(RELEASED_SCHEMAS[version])) {
        const created = db.createObjectStore(store, { keyPath });
        for (const [index, multiEntry] of indexes) created.createIndex(index, index, { multiEntry });
      }
    },
  });
}
