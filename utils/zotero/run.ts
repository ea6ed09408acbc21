/**
 * One sync of the reader's list with the Zotero collection they chose, over the database: read the
 * records and the links (utils/db/zotero-links.ts), run the engine (sync.ts) with the Web API
 * client (webapi.ts), store each step's records and links together, and say how it went in the
 * status the options page shows. The queue of local changes is the list itself: a record whose
 * `updatedAt` is not the one its link agreed on (or that has no link) is still to go, so nothing
 * is kept in memory that a stopped service worker could lose.
 */
import { listPublications, type LeesmapDatabase } from '@/utils/db';
import { clearZoteroSync, readZoteroSync, writeSynced } from '@/utils/db/zotero-links';
import type { SavedPublication } from '@/utils/record';
import { reconcileRecord } from './merge';
import { syncCollection, type SyncLink, type SyncOutcome, type SyncState } from './sync';
import type { SyncChanges } from './sync-work';
import type { StatusChain } from './sync-queue';
import type { ActiveSync, SyncStatus } from './sync-settings';
import type { FetchLike } from './connector';
import { createWebApi, WebApiError } from './webapi';

const KEY_CHARS = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
const ADDED_SHOWN = 10;
const SHOWN_CHARS = 200;
/** A Backoff left by the last sync: waited out in this one when this short, else the sync waits. */
const WAIT_IN_SYNC_MS = 20_000;

/** A new Zotero object key: 8 characters of Zotero's alphabet, from the browser's random source. */
export function newZoteroKey(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return [...random(8)].map((b) => KEY_CHARS[b % KEY_CHARS.length]).join('');
}

/** Records not in Zotero as they are now, and deletions not made there yet: the queue's size. */
export function pendingCount(
  records: SavedPublication[],
  links: Record<string, { updatedAt?: number; trashed?: boolean }>,
): number {
  const ids = new Set(records.map((r) => r.id));
  const deleted = Object.entries(links).filter(([id, link]) => !ids.has(id) && !link.trashed).length;
  const changed = records.filter((r) => links[r.id]?.updatedAt !== r.updatedAt || links[r.id]?.trashed);
  return changed.length + deleted;
}

/** How many records wait to go, for the status shown before a sync (or when sync cannot run). */
export async function queueSize(db: LeesmapDatabase, target: string): Promise<number> {
  const [records, stored] = await Promise.all([listPublications(db), readZoteroSync(db)]);
  return pendingCount(records, stored?.target === target ? stored.links : {});
}

/** The last items others added, newest first; a member's name is theirs to choose: bounded text. */
function addedByOthers(outcome: SyncOutcome, previous: SyncStatus | undefined): SyncStatus['addedByOthers'] {
  const added = outcome.added.flatMap((a) =>
    a.addedBy ? [{ title: a.record.title.slice(0, SHOWN_CHARS), by: a.addedBy.slice(0, SHOWN_CHARS) }] : [],
  );
  return [...added, ...(previous?.addedByOthers ?? [])].slice(0, ADDED_SHOWN);
}

/** A sync that went through: what it did. */
function doneStatus(outcome: SyncOutcome, previous: SyncStatus | undefined, at: number): SyncStatus {
  return {
    state: 'idle',
    at,
    lastSuccess: at,
    pending: 0,
    pushed: outcome.pushed,
    pulled: outcome.added.length + outcome.updated.length + outcome.removed.length,
    ...(outcome.removed.length ? { removed: outcome.removed.length } : {}),
    ...(outcome.deleted ? { deleted: outcome.deleted } : {}),
    addedByOthers: addedByOthers(outcome, previous),
  };
}

export interface RunOptions {
  db: LeesmapDatabase;
  sync: ActiveSync;
  fetch: FetchLike;
  setStatus: (status: SyncStatus) => Promise<void>;
  /**
   * The background's status chain (sync-queue.ts): the status a sync leaves is made inside it, its
   * queue counted there, so a list change's count never overwrites it nor is overwritten by it.
   */
  updateStatus?: StatusChain['update'];
  /** Whether sync is still on (with this target): checked before every store, the sync stops when not. */
  stillOn?: () => Promise<boolean>;
  /** The status the last sync left (its last success, who added what). */
  previous?: SyncStatus;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  newKey?: () => string;
}

/** Sync was turned off or the key removed while a sync ran: it stops, and leaves no status. */
export class SyncStopped extends Error {
  override name = 'SyncStopped';
}

/** The status a sync leaves, made (its queue counted) in the chain when there is one. */
async function leaveStatus(options: RunOptions, make: () => Promise<SyncStatus>): Promise<SyncStatus> {
  let left: SyncStatus | undefined;
  const made = async () => (left = await make());
  if (options.updateStatus) await options.updateStatus(made);
  else await options.setStatus(await made());
  return left as SyncStatus;
}

/** One step's changes into the database, unless sync was turned off meanwhile (then it stops). */
async function store(
  { db, sync, stillOn }: RunOptions,
  before: ReadonlyMap<string, SavedPublication>,
  changes: SyncChanges,
): Promise<void> {
  if (stillOn && !(await stillOn())) throw new SyncStopped();
  await writeSynced(db, {
    target: sync.target,
    libraryVersion: changes.libraryVersion,
    links: changes.links as unknown as Record<string, { updatedAt?: number }>,
    records: changes.records,
    removedLinks: changes.removedLinks,
    removedRecords: changes.removedRecords,
    before,
    reconcile: reconcileRecord,
  });
}

/** Runs one sync; resolves to the status it left (a failure is a status, not a rejection). */
export async function runZoteroSync(options: RunOptions): Promise<SyncStatus> {
  const { db, sync, setStatus } = options;
  const now = options.now ?? Date.now;
  const previous = options.previous;
  let stored = await readZoteroSync(db);
  if (stored && stored.target !== sync.target) {
    await clearZoteroSync(db);
    stored = undefined;
  }
  const records = await listPublications(db);
  const state: SyncState = {
    libraryVersion: stored?.libraryVersion ?? 0,
    links: (stored?.links ?? {}) as unknown as Record<string, SyncLink>,
  };
  const base = { lastSuccess: previous?.lastSuccess, addedByOthers: previous?.addedByOthers };
  const pace = { notBefore: previous?.backoffUntil ?? 0 };
  const pending = pendingCount(records, state.links);
  // Zotero asked Leesmap to wait: no request before then; the background tries again at that time.
  const waiting = pace.notBefore - now() > WAIT_IN_SYNC_MS;
  const start: SyncStatus = waiting
    ? { ...base, state: 'offline', at: now(), pending, backoffUntil: pace.notBefore, retryAt: pace.notBefore }
    : { ...base, state: 'syncing', at: now(), pending };
  await setStatus(start);
  if (waiting) return start;
  const before = new Map(records.map((r) => [r.id, r]));
  const api = createWebApi({
    fetch: options.fetch,
    apiKey: sync.apiKey,
    library: sync.library,
    now,
    sleep: options.sleep,
    pace,
  });
  const backoff = () => (pace.notBefore > now() ? { backoffUntil: pace.notBefore } : {});
  // Records the pull stored (merged, added, removed), also when a later step failed.
  let pulled = 0;
  try {
    const outcome = await syncCollection({
      api,
      collection: sync.collection,
      records,
      state,
      newKey: options.newKey ?? (() => newZoteroKey()),
      now,
      userId: sync.userId,
      save: async (changes) => {
        await store(options, before, changes);
        pulled += changes.records.length + changes.removedRecords.length;
      },
    });
    return await leaveStatus(options, async () => ({
      ...doneStatus(outcome, previous, now()),
      pending: await queueSize(db, sync.target),
      ...backoff(),
    }));
  } catch (error) {
    const failed = (problem: SyncStatus['state']): SyncStatus => ({
      ...base,
      state: problem,
      at: now(),
      pending: 0,
      ...(pulled ? { pulled } : {}),
      ...backoff(),
    });
    if (error instanceof SyncStopped) return failed('failed');
    const problem = error instanceof WebApiError && error.code !== 'stale' ? error.code : 'failed';
    const state = problem === 'bad-key' ? 'bad-key' : problem === 'offline' ? 'offline' : 'failed';
    return leaveStatus(options, async () => ({
      ...failed(state),
      pending: await queueSize(db, sync.target).catch(() => 0),
    }));
  }
}
