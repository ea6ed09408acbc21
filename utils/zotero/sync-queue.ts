/**
 * The sync's status and its queue as the background keeps them between syncs. Every status write
 * goes through one promise chain (`createStatusChain`), so a write that reads the status, awaits
 * (the queue's size from the database) and writes it back can never overwrite a status a sync
 * wrote meanwhile: the sync's write waits its turn, and the read-modify-write sees the newest.
 *
 * A change to the list (`listChanged`) asks for a sync only when the list holds something Zotero
 * does not (the queue is not empty). A sync's own pull changes the list too, but leaves every
 * record it stored agreed with Zotero, so it asks for nothing: no flag held across an await that a
 * reader's change made at the same moment could slip past.
 */
import type { ActiveSync, SyncStatus } from './sync-settings';

export interface StatusStore {
  get: () => Promise<SyncStatus | undefined>;
  set: (status: SyncStatus) => Promise<void>;
}

export interface StatusChain {
  /** Writes a whole status (a sync's), after every write queued before it. */
  write: (status: SyncStatus) => Promise<void>;
  /** Reads the newest status, changes it (undefined: no write) and writes it, with no write between. */
  update: (change: (current: SyncStatus | undefined) => Promise<SyncStatus | undefined>) => Promise<void>;
}

export function createStatusChain(store: StatusStore): StatusChain {
  let chain: Promise<unknown> = Promise.resolve();
  const run = (step: () => Promise<void>): Promise<void> => {
    const next = chain.then(step);
    // One failed write does not stop the ones after it.
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    write: (status) => run(() => store.set(status)),
    update: (change) =>
      run(async () => {
        const next = await change(await store.get());
        if (next) await store.set(next);
      }),
  };
}

export interface ListChangePorts {
  active: () => Promise<ActiveSync | undefined>;
  /** Records (and deletions) not in Zotero as they are now. */
  queueSize: (target: string) => Promise<number>;
  requestSync: () => Promise<void>;
  status: StatusChain;
  now?: () => number;
}

/**
 * The list changed: the status shows the queue's size (only that field changes), and a sync is
 * asked for when something waits. Resolves to whether it asked.
 */
export async function listChanged(ports: ListChangePorts): Promise<boolean> {
  const sync = await ports.active();
  if (!sync) return false;
  let pending = 0;
  await ports.status.update(async (current) => {
    pending = await ports.queueSize(sync.target);
    const base: SyncStatus = current ?? { state: 'idle', at: (ports.now ?? Date.now)(), pending };
    return base.pending === pending ? undefined : { ...base, pending };
  });
  if (pending > 0) await ports.requestSync();
  return pending > 0;
}

/** What the popup says about the sync: a problem of the last sync, or changes still waiting. */
export interface SyncNotice {
  kind: 'offline' | 'bad-key' | 'failed' | 'waiting';
  /** Records (and deletions) not in Zotero yet. */
  pending: number;
}

/**
 * The popup's line, from the status the background left: the last sync failed (offline, a refused
 * key, anything else), or it went through and changes still wait. Nothing while sync is off, a
 * sync runs, or nothing waits.
 */
export function syncNotice(on: boolean, status: SyncStatus | undefined): SyncNotice | undefined {
  if (!on || !status) return undefined;
  const pending = Math.max(0, Math.floor(Number(status.pending) || 0));
  if (status.state === 'offline' || status.state === 'bad-key' || status.state === 'failed')
    return { kind: status.state, pending };
  if (status.state === 'idle' && pending > 0) return { kind: 'waiting', pending };
  return undefined;
}
