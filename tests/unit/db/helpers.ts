import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Publication } from '@/utils/record';

let counter = 0;

/** A fresh, empty IndexedDB per test: installs a new fake factory globally and returns a unique name. */
export function freshIndexedDB(): string {
  globalThis.indexedDB = new IDBFactory();
  return `leesmap-test-${++counter}`;
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
