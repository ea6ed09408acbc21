/**
 * Fakes of the background's ports: an IndexedDB of its own (fake-indexeddb) whose transactions
 * are counted, session storage in a Map, tabs, badges, broadcasts and injected scripts in memory,
 * and a clock the test moves.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { openLeesmapDB, type LeesmapDatabase } from '@/utils/db';
import type { FirstCheck } from '@/utils/detect';
import type { BroadcastOf, BroadcastType } from '@/utils/messages';
import type {
  BackgroundPorts,
  BadgeMark,
  BadgeState,
  InjectedScript,
  SessionStore,
} from '@/utils/background/ports';
import { createBackground, type Background } from '@/utils/background/context';
import type { ExtractionResult, Publication, RelatedPublication } from '@/utils/record';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

let counter = 0;

export interface Counts {
  readwrite: number;
  readonly: number;
}

/** A fresh database whose transactions are counted by mode. */
export async function countedDatabase(): Promise<{ db: LeesmapDatabase; counts: Counts }> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openLeesmapDB(`leesmap-background-${++counter}`);
  const counts: Counts = { readwrite: 0, readonly: 0 };
  const raw = unwrap(db) as IDBDatabase;
  const transaction = raw.transaction.bind(raw);
  raw.transaction = ((
    stores: string | string[],
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) => {
    counts[mode === 'readwrite' ? 'readwrite' : 'readonly']++;
    return transaction(stores, mode, options);
  }) as IDBDatabase['transaction'];
  return { db, counts };
}

export function memorySession(): SessionStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    remove: async (key) => void data.delete(key),
  };
}

export interface Sent {
  type: BroadcastType;
  payload: BroadcastOf<BroadcastType>;
}

export interface Fakes {
  bg: Background;
  db: LeesmapDatabase;
  counts: Counts;
  session: ReturnType<typeof memorySession>;
  /** Open tabs: id → address. */
  tabs: Map<number, string>;
  badges: Map<number, BadgeState>;
  /** Every badge and passing mark shown, and every wait, in order. */
  shown: Array<{ tabId: number; badge: BadgeState | BadgeMark } | { waitMs: number }>;
  broadcasts: Sent[];
  /**
   * What each tab's injected script returns (per script), or an Error to throw; run at the tab's
   * address (its `url`) unless the result names another.
   */
  pages: Map<number, Partial<Record<InjectedScript, unknown>>>;
  injected: Array<{ tabId: number; script: InjectedScript }>;
  settings: Settings;
  clock: { now: number };
}

export async function fakeBackground(overrides: Partial<BackgroundPorts> = {}): Promise<Fakes> {
  const { db, counts } = await countedDatabase();
  const session = memorySession();
  const tabs = new Map<number, string>();
  const badges = new Map<number, BadgeState>();
  const shown: Fakes['shown'] = [];
  const broadcasts: Sent[] = [];
  const pages: Fakes['pages'] = new Map();
  const injected: Fakes['injected'] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const clock = { now: Date.UTC(2026, 0, 5, 9) };
  const ports: BackgroundPorts = {
    database: async () => db,
    session,
    tabs: {
      async url(tabId) {
        const url = tabs.get(tabId);
        if (url === undefined) throw new Error(`No tab with id: ${tabId}`);
        return url;
      },
      all: async () => [...tabs].map(([id, url]) => ({ id, url })),
    },
    async setBadge(tabId, state) {
      badges.set(tabId, state);
      shown.push({ tabId, badge: state });
    },
    markBadge: async (tabId, mark) => void shown.push({ tabId, badge: mark }),
    wait: async (waitMs) => void shown.push({ waitMs }),
    broadcast: (type, payload) => void broadcasts.push({ type, payload }),
    async inject(tabId, script) {
      injected.push({ tabId, script });
      const result = pages.get(tabId)?.[script];
      if (result instanceof Error || result === undefined) throw result ?? new Error('Cannot access');
      return ranAt(tabs.get(tabId), result);
    },
    settings: async () => ({ ...settings }),
    now: () => clock.now,
    ...overrides,
  };
  return {
    bg: createBackground(ports),
    db,
    counts,
    session,
    tabs,
    badges,
    shown,
    broadcasts,
    pages,
    injected,
    settings,
    clock,
  };
}

/** A script's result as the page at `url` gives it: the address it ran at, unless it names one. */
export function ranAt(url: string | undefined, result: unknown): unknown {
  const copy = structuredClone(result);
  return typeof copy === 'object' && copy !== null && !('url' in copy) ? { ...copy, url } : copy;
}

/** The reference record the db tests use too. */
export { publication } from '../db/helpers';

/**
 * What full-check.js / extractor.js return from a page: the extraction and its time (the fake
 * `inject` adds the address it ran at).
 */
export function pageResult(p: Publication | undefined, detected = true, ms = 12): unknown {
  const result: ExtractionResult = { detected, confidence: detected ? 0.9 : 0.1, signals: [] };
  if (p) result.publication = p;
  return { result, ms };
}

/**
 * A page as the background's run after the first check finds it: full-check.js gives its verdict
 * only (4 ms in the page), and extractor.js, injected where that is a publication, the record
 * (12 ms), taking full-check.js's verdict. `p` undefined: a page that is not a publication.
 */
export function checkedPage(p: Publication | undefined): Partial<Record<InjectedScript, unknown>> {
  if (!p) return { 'full-check': pageResult(undefined, false, 4), extractor: pageResult(undefined, false) };
  return {
    'full-check': pageResult(undefined, true, 4),
    extractor: { ...(pageResult(p) as object), handedOff: true },
  };
}

export const LETS_THROUGH: FirstCheck = { ruledOut: false, signals: [] };
export const RULED_OUT: FirstCheck = { ruledOut: true, signals: ['path:contact'] };

/** A related publication a page lists. */
export function listed(title: string, url: string): RelatedPublication {
  return { title, url, themes: [] };
}
