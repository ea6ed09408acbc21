/**
 * The reader's sync through a Zotero library, as kept in `browser.storage.local`: the API key (only
 * here: never in the database, never in a backup; removed in one click), the library and collection
 * chosen, whether sync is on, the status the options page shows, and the requests to sync that the
 * options page and the list's changes leave for the background. Sync is on only when the reader
 * said so, gave a key, picked a collection, and granted `https://api.zotero.org/*`.
 */
import type { LibraryRef } from './webapi';

export const ZOTERO_API_ORIGIN = 'https://api.zotero.org/*';

const KEY = 'zoteroApiKey';
const CONFIG = 'zoteroSync';
const STATUS = 'zoteroSyncStatus';
/** Set when a sync is due (a list change, "Sync now"); cleared by the sync that ran after it. */
export const DUE = 'zoteroSyncDue';

export interface SyncConfig {
  on: boolean;
  /** `userId`: the Zotero user the key belongs to (kept since the choice; absent in older choices). */
  library?: LibraryRef & { name: string; userId?: number };
  collection?: { key: string; name: string };
}

export type SyncProblem = 'offline' | 'bad-key' | 'failed';

export interface SyncStatus {
  state: 'idle' | 'syncing' | SyncProblem;
  /** When the state was set. */
  at: number;
  /** The last sync that went through. */
  lastSuccess?: number;
  /** Local changes not in Zotero yet (the queue). */
  pending: number;
  pushed?: number;
  /** Records the sync stored from Zotero (merged, added, removed); set also when a later step failed. */
  pulled?: number;
  /** Records the last sync removed because their item was deleted in Zotero. */
  removed?: number;
  /** Items the last sync moved to Zotero's trash because the reader deleted their record. */
  deleted?: number;
  /** Records others added to the collection, and who (the last ten). */
  addedByOthers?: Array<{ title: string; by: string }>;
  /** When the background tries again after a failure. */
  retryAt?: number;
  /** Zotero asked for no request before this time (`Backoff`). */
  backoffUntil?: number;
}

export async function getApiKey(): Promise<string | undefined> {
  const value = (await browser.storage.local.get(KEY))[KEY];
  return typeof value === 'string' && value ? value : undefined;
}

export async function setApiKey(key: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: key.trim() });
}

export async function getSyncConfig(): Promise<SyncConfig> {
  const value = (await browser.storage.local.get(CONFIG))[CONFIG] as SyncConfig | undefined;
  return value && typeof value === 'object' ? value : { on: false };
}

export async function setSyncConfig(config: SyncConfig): Promise<void> {
  await browser.storage.local.set({ [CONFIG]: config });
}

/**
 * Removes the key, the choice and the status: sync is off and Leesmap holds no credential. The
 * background then forgets the links too (entrypoints/background/zotero-sync.ts), and a sync running
 * at that moment stops before its next write.
 */
export async function forgetZoteroAccount(): Promise<void> {
  await browser.storage.local.remove([KEY, CONFIG, STATUS, DUE]);
}

export async function getSyncStatus(): Promise<SyncStatus | undefined> {
  return (await browser.storage.local.get(STATUS))[STATUS] as SyncStatus | undefined;
}

export async function setSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS]: status });
}

/** Asks the background to sync (it listens for this key); the options' "Sync now". */
export async function requestSync(): Promise<void> {
  await browser.storage.local.set({ [DUE]: Date.now() });
}

export async function syncDue(): Promise<number | undefined> {
  const value = (await browser.storage.local.get(DUE))[DUE];
  return typeof value === 'number' ? value : undefined;
}

/** Clears the request if no newer one came while the sync ran. */
export async function clearDue(startedAt: number): Promise<void> {
  const due = await syncDue();
  if (due !== undefined && due <= startedAt) await browser.storage.local.remove(DUE);
}

export function onSyncStorage(listener: (key: 'status' | 'due' | 'config') => void): () => void {
  const names: Record<string, 'status' | 'due' | 'config'> = {
    [STATUS]: 'status',
    [DUE]: 'due',
    [CONFIG]: 'config',
  };
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    for (const key of Object.keys(changes)) if (names[key]) listener(names[key]);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export interface ActiveSync {
  apiKey: string;
  library: LibraryRef;
  collection: string;
  /** `groups/4711/ABCD2345`: what the stored links belong to. */
  target: string;
  /** The Zotero user the key belongs to, when known (a user library's is its own id). */
  userId?: number;
}

/** The sync to run, or undefined while the reader has not turned it on (then nothing is requested). */
export async function activeSync(): Promise<ActiveSync | undefined> {
  const [config, apiKey] = await Promise.all([getSyncConfig(), getApiKey()]);
  if (!config.on || !apiKey || !config.library || !config.collection) return undefined;
  if (!(await browser.permissions.contains({ origins: [ZOTERO_API_ORIGIN] }))) return undefined;
  const library = { type: config.library.type, id: config.library.id };
  const target = `${library.type}s/${library.id}/${config.collection.key}`;
  const userId = config.library.userId ?? (library.type === 'user' ? library.id : undefined);
  return { apiKey, library, collection: config.collection.key, target, ...(userId ? { userId } : {}) };
}
