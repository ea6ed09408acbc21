/**
 * Opening the reading list's database: its schema, the upgrade ladder and the errors the UI
 * translates. Only `utils/db` opens IndexedDB; the background (the writer) and extension pages use
 * it, never a content script, where IndexedDB would be the website's own.
 *
 * Rules, after idb's README: one `DBSchema` types every store and index; `upgrade` is a ladder of
 * `if (oldVersion < N)` steps and a step is never edited once released (tests build every earlier
 * version with data in it and upgrade it); nothing but IndexedDB is awaited inside a transaction;
 * a write is done when `tx.done` resolves, and only then do these functions resolve.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CatalogEntry, SavedPublication } from '@/utils/record';

export const DB_NAME = 'leesmap';
export const DB_VERSION = 5;

/** A saved record as stored: the record plus every identity key it was ever known by. */
export type StoredPublication = SavedPublication & { identity: string[] };
export type StoredCatalogEntry = CatalogEntry & { identity: string[] };

export interface LeesmapDB extends DBSchema {
  publications: {
    key: string;
    value: StoredPublication;
    indexes: {
      savedAt: number;
      /** multiEntry over `identity`: any key finds the record. */
      identity: string;
    };
  };
  catalog: {
    key: string;
    value: StoredCatalogEntry;
    indexes: {
      lastSeenAt: number;
      identity: string;
      // v2: suggestions look up the catalog by theme.
      themes: string;
    };
  };
  dismissed: {
    key: string;
    value: { id: string; dismissedAt: number };
  };
  /**
   * v3: what the last import changed, to undo it in one step: a `meta` row (the import's ids that
   * were new) and `records:<n>` rows holding the records it replaced, as they were before it.
   */
  undo: {
    key: string;
    value: UndoRow;
  };
  /**
   * v4: a token that every write of `publications` replaces: an import planned for its preview is
   * written as planned only when the list has not changed since (else it is planned again).
   */
  meta: {
    key: string;
    value: { key: 'list'; token: string };
  };
  /** v5: what a sync through a Zotero library remembers (zotero-links.ts); never in a backup. */
  zotero: {
    key: string;
    value: ZoteroRow;
  };
  /** v2: how many saved records carry each theme, kept up to date by every write. */
  themes: {
    key: string;
    value: ThemeCount;
  };
}

/** v5: a sync link (`link:<record id>`, the engine's `SyncLink`) or the sync's `state`. */
export type ZoteroRow =
  | { key: 'state'; target: string; libraryVersion: number }
  | { key: string; link: { updatedAt?: number } & Record<string, unknown> };

export type UndoRow =
  | { key: 'meta'; at: number; mode: 'merge' | 'replace'; added: string[]; restored: number }
  | { key: string; records: StoredPublication[] };

export interface ThemeCount {
  theme: string;
  count: number;
}

export type LeesmapDatabase = IDBPDatabase<LeesmapDB>;
export type Tx<Mode extends IDBTransactionMode, S extends StoreNames<LeesmapDB>[]> = IDBPTransaction<
  LeesmapDB,
  S,
  Mode
>;

/** Why storage failed, as a code the UI translates; existing data is never touched by a failure. */
export type StorageErrorReason =
  | 'quota' // the disk or the browser's quota is full
  | 'blocked' // an older Leesmap tab or worker holds the database open during an upgrade
  | 'version' // the database is newer than this Leesmap (a downgrade)
  | 'open-failed' // the database would not open (private mode, corrupt profile, disabled storage)
  | 'not-found' // the record to change does not exist
  | 'invalid' // the data to write is not a valid record
  | 'failed'; // any other IndexedDB failure

export class StorageError extends Error {
  /** The same as `reason`, under the name the message router forwards to pages (`Reply.code`). */
  readonly code: StorageErrorReason;

  constructor(
    readonly reason: StorageErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
    this.code = reason;
  }
}

/** Turns whatever IndexedDB threw into a StorageError with a reason code. */
export function toStorageError(error: unknown, fallback: StorageErrorReason = 'failed'): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new StorageError('quota', 'Not enough storage space to save the reading list.', { cause: error });
  }
  if (name === 'VersionError') {
    return new StorageError('version', 'The reading list was written by a newer version of Leesmap.', {
      cause: error,
    });
  }
  return new StorageError(fallback, `Storage failed: ${message}`, { cause: error });
}

/** Ends a write that found nothing to change: its transaction is aborted, and 'not-found' thrown. */
export async function notFound(tx: { abort(): void; done: Promise<void> }, message: string): Promise<never> {
  tx.abort();
  await tx.done.catch(() => {});
  throw new StorageError('not-found', message);
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

export interface OpenOptions {
  /** How long to wait for older connections to close before failing with reason 'blocked'. */
  blockedTimeoutMs?: number;
  /** Called when this connection was closed for a newer version or by the browser: reopen. */
  onClose?: (why: 'versionchange' | 'terminated') => void;
}

/** Opens (creating or upgrading) the reading list's database. */
export function openLeesmapDB(name: string = DB_NAME, options: OpenOptions = {}): Promise<LeesmapDatabase> {
  const { blockedTimeoutMs = 10_000, onClose } = options;
  return new Promise<LeesmapDatabase>((resolve, reject) => {
    let settled = false;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    let db: LeesmapDatabase | undefined;
    const fail = (error: StorageError) => {
      if (blockedTimer) clearTimeout(blockedTimer);
      if (settled) return;
      settled = true;
      reject(error);
    };
    let opening: Promise<LeesmapDatabase>;
    try {
      opening = openDB<LeesmapDB>(name, DB_VERSION, {
        upgrade(upgrading, oldVersion, _newVersion, transaction) {
          upgradeLeesmapDB(upgrading, oldVersion, transaction);
        },
        blocked() {
          // An older connection did not close on versionchange; don't hang forever.
          blockedTimer ??= setTimeout(
            () =>
              fail(
                new StorageError(
                  'blocked',
                  'Leesmap is open in another window with an older version; close it and retry.',
                ),
              ),
            blockedTimeoutMs,
          );
        },
        blocking() {
          // A newer Leesmap wants to upgrade: step aside so its upgrade is not blocked.
          db?.close();
          onClose?.('versionchange');
        },
        terminated() {
          onClose?.('terminated');
        },
      });
    } catch (error) {
      // No IndexedDB at all (storage disabled, some private modes) throws before any request.
      fail(toStorageError(error, 'open-failed'));
      return;
    }
    opening.then(
      (opened) => {
        db = opened;
        if (blockedTimer) clearTimeout(blockedTimer);
        if (settled) {
          // We already reported 'blocked'; a late success must not leak a connection.
          opened.close();
          return;
        }
        settled = true;
        resolve(opened);
      },
      (error: unknown) => fail(toStorageError(error, 'open-failed')),
    );
  });
}

/**
 * One shared connection, opened on first use and reopened after it closed (a newer Leesmap took
 * over, or the browser closed it) or failed to open, so the next call retries.
 */
export function createLeesmapConnection(
  name: string = DB_NAME,
  options: OpenOptions = {},
): () => Promise<LeesmapDatabase> {
  let opening: Promise<LeesmapDatabase> | undefined;
  return () => {
    opening ??= openLeesmapDB(name, {
      ...options,
      onClose(why) {
        opening = undefined;
        options.onClose?.(why);
      },
    }).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}

/**
 * The upgrade ladder. Each step runs once, in order, inside the version-change transaction.
 * Released steps are never edited: add a new `if (oldVersion < N)` below instead.
 */
/** Indexes v2 added to `publications` that nothing reads; v4 drops them. */
const UNUSED_SINCE_V4 = ['updatedAt', 'status', 'year', 'publisher', 'tags'] as const;
/** v2's `themes` index of `publications`: only an undo read it (it now counts what it changes); v5 drops it. */
const UNUSED_SINCE_V5 = ['themes'] as const;

function upgradeLeesmapDB(
  db: LeesmapDatabase,
  oldVersion: number,
  transaction: Tx<'versionchange', StoreNames<LeesmapDB>[]>,
): void {
  if (oldVersion < 1) {
    const publications = db.createObjectStore('publications', { keyPath: 'id' });
    publications.createIndex('savedAt', 'savedAt');
    publications.createIndex('identity', 'identity', { multiEntry: true });
    const catalog = db.createObjectStore('catalog', { keyPath: 'id' });
    catalog.createIndex('lastSeenAt', 'lastSeenAt');
    catalog.createIndex('identity', 'identity', { multiEntry: true });
    db.createObjectStore('dismissed', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    const publications = transaction.objectStore('publications');
    // As released; the schema type no longer names the indexes v4 dropped, hence the raw store.
    const legacy = unwrap(publications);
    legacy.createIndex('updatedAt', 'updatedAt');
    legacy.createIndex('status', 'status');
    legacy.createIndex('year', 'year');
    legacy.createIndex('publisher', 'publisher');
    legacy.createIndex('themes', 'themes', { multiEntry: true });
    legacy.createIndex('tags', 'tags', { multiEntry: true });
    transaction.objectStore('catalog').createIndex('themes', 'themes', { multiEntry: true });
    const themes = db.createObjectStore('themes', { keyPath: 'theme' });
    // Count the themes of records saved under v1; runs inside the upgrade transaction.
    void (async () => {
      const counts = new Map<string, number>();
      let cursor = await publications.openCursor();
      while (cursor) {
        for (const theme of new Set(cursor.value.themes)) counts.set(theme, (counts.get(theme) ?? 0) + 1);
        cursor = await cursor.continue();
      }
      for (const [theme, count] of counts) void themes.put({ theme, count });
    })().catch(() => {
      // A failed request aborts the upgrade transaction itself; the open then rejects.
    });
  }
  if (oldVersion < 3) {
    db.createObjectStore('undo', { keyPath: 'key' });
  }
  if (oldVersion < 4) {
    // v2's indexes for filters and sorts the list does in memory: never read, yet every write
    // of a record paid for them (a 10,000-record import wrote up to five index rows more per record).
    const publications = unwrap(transaction.objectStore('publications'));
    for (const name of UNUSED_SINCE_V4) publications.deleteIndex(name);
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  if (oldVersion < 5) {
    db.createObjectStore('zotero');
    // A multiEntry index costs an index row per theme on every write of a record (an import of
    // 10,000 records with 2–3 themes each wrote ~25,000 rows more, and deleted as many).
    const publications = unwrap(transaction.objectStore('publications'));
    for (const name of UNUSED_SINCE_V5) publications.deleteIndex(name);
  }
}

interface MetaTx<Store> {
  objectStore(name: 'meta'): Store;
}

/** Notes, in a write's own transaction, that the list changed (see the `meta` store). */
export function noteListChanged(
  tx: MetaTx<{ put(value: LeesmapDB['meta']['value']): Promise<string> }>,
): void {
  void tx.objectStore('meta').put({ key: 'list', token: crypto.randomUUID() });
}

/** The list's current change token (undefined before its first write under v4). */
export async function listToken(
  tx: MetaTx<{ get(key: string): Promise<LeesmapDB['meta']['value'] | undefined> }>,
): Promise<string | undefined> {
  return (await tx.objectStore('meta').get('list'))?.token;
}

/**
 * Asks the browser to keep Leesmap's storage under pressure (no eviction). Callable from the
 * background or any extension page; resolves to what the browser answered.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<'granted' | 'denied' | 'unsupported'> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
