/**
 * The background's status writes and list changes (utils/zotero/sync-queue.ts): a change to the
 * list that reads the queue's size while a sync finishes never puts back an older status, and a
 * reader's change made while a sync announces what it pulled still asks for a sync.
 */
import { describe, expect, it, vi } from 'vitest';
import { createStatusChain, listChanged } from '@/utils/zotero/sync-queue';
import type { ActiveSync, SyncStatus } from '@/utils/zotero/sync-settings';

const SYNC: ActiveSync = {
  apiKey: 'k',
  library: { type: 'group', id: 4711 },
  collection: 'LEESMAP1',
  target: 'groups/4711/LEESMAP1',
};

function memoryStore(start?: SyncStatus) {
  const state = { status: start, writes: [] as SyncStatus[] };
  return {
    state,
    get: async () => state.status,
    set: async (status: SyncStatus) => {
      state.status = status;
      state.writes.push(status);
    },
  };
}

/** A promise and its resolve, to hold a step open. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('status writes', () => {
  it('a queue size read while a sync ends does not put back the status the sync replaced', async () => {
    const store = memoryStore({ state: 'syncing', at: 1, pending: 3 });
    const chain = createStatusChain(store);
    const slowCount = gate();
    const queueSize = vi.fn(async () => {
      await slowCount.promise;
      return 0;
    });
    // A list change starts counting the queue; the sync finishes and writes its status meanwhile.
    const changed = listChanged({
      active: async () => SYNC,
      queueSize,
      requestSync: async () => undefined,
      status: chain,
    });
    await Promise.resolve();
    const done = chain.write({ state: 'idle', at: 2, lastSuccess: 2, pending: 0, pushed: 3 });
    slowCount.open();
    await Promise.all([changed, done]);
    expect(store.state.status).toEqual({ state: 'idle', at: 2, lastSuccess: 2, pending: 0, pushed: 3 });
  });

  it('a queue size counted after a sync keeps what the sync said and changes only the queue', async () => {
    const store = memoryStore();
    const chain = createStatusChain(store);
    const done = chain.write({ state: 'offline', at: 5, pending: 2, retryAt: 65 });
    const changed = listChanged({
      active: async () => SYNC,
      queueSize: async () => 4,
      requestSync: async () => undefined,
      status: chain,
    });
    await Promise.all([done, changed]);
    expect(store.state.status).toEqual({ state: 'offline', at: 5, pending: 4, retryAt: 65 });
  });

  it('one failed write does not stop the next', async () => {
    const store = memoryStore();
    const chain = createStatusChain({
      get: store.get,
      set: async (s) => {
        if (s.at === 1) throw new Error('storage full');
        await store.set(s);
      },
    });
    await expect(chain.write({ state: 'idle', at: 1, pending: 0 })).rejects.toThrow('storage full');
    await chain.write({ state: 'idle', at: 2, pending: 0 });
    expect(store.state.status?.at).toBe(2);
  });
});

describe('a change to the list', () => {
  it('asks for nothing while sync is off', async () => {
    const store = memoryStore();
    const requestSync = vi.fn(async () => undefined);
    const queueSize = vi.fn(async () => 5);
    const asked = await listChanged({
      active: async () => undefined,
      queueSize,
      requestSync,
      status: createStatusChain(store),
    });
    expect(asked).toBe(false);
    expect(queueSize).not.toHaveBeenCalled();
    expect(requestSync).not.toHaveBeenCalled();
    expect(store.state.writes).toEqual([]);
  });

  it("a sync's own pull asks for no sync; a reader's change made at the same moment does", async () => {
    const store = memoryStore({ state: 'idle', at: 1, pending: 0 });
    const chain = createStatusChain(store);
    const requestSync = vi.fn(async () => undefined);
    // The sync announces its pull (the queue is empty) and the reader edits a record meanwhile.
    let queue = 0;
    const fromSync = listChanged({
      active: async () => SYNC,
      queueSize: async () => queue,
      requestSync,
      status: chain,
    });
    queue = 1;
    const fromReader = listChanged({
      active: async () => SYNC,
      queueSize: async () => queue,
      requestSync,
      status: chain,
    });
    expect(await Promise.all([fromSync, fromReader])).toEqual([true, true]);
    expect(requestSync).toHaveBeenCalled();
    expect(store.state.status?.pending).toBe(1);

    requestSync.mockClear();
    queue = 0;
    expect(
      await listChanged({
        active: async () => SYNC,
        queueSize: async () => queue,
        requestSync,
        status: chain,
      }),
    ).toBe(false);
    expect(requestSync).not.toHaveBeenCalled();
    expect(store.state.status?.pending).toBe(0);
  });
});
