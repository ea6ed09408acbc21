/**
 * The sync as the background runs it, over the real database (fake-indexeddb) and the Web API
 * conformance server (tests/e2e/zotero-webapi-server.ts, not Zotero): two browser profiles are two
 * databases. What a pull brings is in the list and the links together; the queue is what the list
 * holds that Zotero does not; a record the reader edits while a sync runs keeps both changes.
 */
import { describe, expect, it } from 'vitest';
import {
  deletePublications,
  getPublication,
  listPublications,
  openLeesmapDB,
  savePublication,
  updatePublication,
  type LeesmapDatabase,
} from '@/utils/db';
import { clearZoteroSync, readZoteroSync } from '@/utils/db/zotero-links';
import { importPublications, undoLastImport } from '@/utils/db/imports';
import { fromBackupJson, toBackupJson } from '@/utils/export/backup';
import { newSavedPublication } from '@/utils/record';
import { queueSize, runZoteroSync } from '@/utils/zotero/run';
import { createStatusChain } from '@/utils/zotero/sync-queue';
import type { SyncStatus } from '@/utils/zotero/sync-settings';
import {
  startFakeWebApi,
  TEST_GROUP_TARGET,
  testGroupSync,
  type FakeWebApi,
} from '../../e2e/zotero-webapi-server';
import { freshIndexedDB, publication } from '../db/helpers';

const TARGET = TEST_GROUP_TARGET;
/** Anna's sync, for the runs a test drives itself. */
const ANNA = testGroupSync('key-anna');

async function device(server: FakeWebApi, user: string) {
  const db = await openLeesmapDB(`${freshIndexedDB()}-${user}`);
  server.keys.set(`key-${user}`, user);
  const sync = testGroupSync(`key-${user}`);
  const statuses: SyncStatus[] = [];
  const run = () =>
    runZoteroSync({
      db,
      sync,
      fetch: server.fetch,
      setStatus: async (s) => void statuses.push(s),
      previous: statuses.at(-1),
      sleep: async () => undefined,
    });
  return { db, run, statuses };
}

const save = (db: LeesmapDatabase, i = 0) =>
  savePublication(
    db,
    publication({ url: `https://www.nsob.nl/publicaties/p${i}`, title: `Publicatie ${i}` }),
    { status: 'to-read', tags: ['werk'], notes: i === 0 ? 'Hoofdstuk 3.' : '' },
  );

/** Two profiles that both hold one record through the library. */
async function linkedPair() {
  const server = startFakeWebApi([TARGET]);
  const a = await device(server, 'anna');
  const b = await device(server, 'bert');
  const { id } = await save(a.db);
  await a.run();
  await b.run();
  return { server, a, b, id };
}

describe('the sync over the database', () => {
  it('a save in one profile appears in the other, with its link and who added it', async () => {
    const server = startFakeWebApi([TARGET]);
    const a = await device(server, 'anna');
    const b = await device(server, 'bert');
    const record = await save(a.db);
    expect(await queueSize(a.db, TARGET)).toBe(1);
    expect(await a.run()).toMatchObject({ state: 'idle', pushed: 1, pending: 0 });
    const status = await b.run();
    expect(status).toMatchObject({ state: 'idle', pulled: 1, pending: 0 });
    expect(status.addedByOthers).toEqual([{ title: 'Publicatie 0', by: 'anna' }]);
    const got = await getPublication(b.db, record.id);
    expect(got).toMatchObject({
      title: 'Publicatie 0',
      tags: ['werk'],
      notes: 'Hoofdstuk 3.',
      status: 'to-read',
    });
    const link = (await readZoteroSync(b.db))!.links[record.id];
    expect(link).toMatchObject({ addedBy: 'anna' });
    // The record itself says who added it, and keeps it through a backup and its restore.
    expect(got!.addedBy).toBe('anna');
    expect(fromBackupJson(toBackupJson([got!]))[0].addedBy).toBe('anna');
    // A backup holds the records, never the links (nor the key, which is not in the database).
    const backup = toBackupJson(await listPublications(b.db));
    expect(backup).toContain('Publicatie 0');
    expect(backup).not.toContain(String(link.key));
    expect(backup).not.toContain('key-bert');
    // Nothing changed since: one request each.
    server.requests.length = 0;
    await a.run();
    await b.run();
    expect(server.requests).toHaveLength(2);
    expect(server.problems).toEqual([]);
  });

  it('status edited in one profile and tags in the other: both survive in both', async () => {
    const { a, b, id } = await linkedPair();
    await updatePublication(a.db, id, { status: 'read' });
    await updatePublication(b.db, id, { tags: ['werk', 'dossier-ibp'] });
    await a.run();
    await b.run();
    await a.run();
    for (const db of [a.db, b.db])
      expect(await getPublication(db, id)).toMatchObject({ status: 'read', tags: ['werk', 'dossier-ibp'] });
  });

  it('a record the reader edits while a sync merges it keeps both changes', async () => {
    const { server, a, b, id } = await linkedPair();
    await updatePublication(a.db, id, { status: 'reading' });
    await a.run();
    // b's reader adds a tag just as b's sync has read the list and asks Zotero what changed.
    const fetch = server.fetch;
    server.fetch = async (url, init) => {
      server.fetch = fetch;
      await updatePublication(b.db, id, { tags: ['werk', 'later'] });
      return fetch(url, init);
    };
    await b.run();
    expect(await getPublication(b.db, id)).toMatchObject({ status: 'reading', tags: ['werk', 'later'] });
    expect(await queueSize(b.db, TARGET)).toBe(1);
    await b.run();
    await a.run();
    expect(await getPublication(a.db, id)).toMatchObject({ status: 'reading', tags: ['werk', 'later'] });
  });

  it('Zotero going down mid-sync: the status says so, the queue keeps the rest, and drains when it is back', async () => {
    const server = startFakeWebApi([TARGET]);
    const a = await device(server, 'anna');
    for (let i = 0; i < 120; i++) await save(a.db, i);
    let posts = 0;
    const fetch = server.fetch;
    server.fetch = async (url, init) => {
      if (init?.method === 'POST' && ++posts === 2) server.down = true;
      return fetch(url, init);
    };
    const failed = await a.run();
    expect(failed.state).toBe('offline');
    expect(failed.pending).toBeGreaterThan(0);
    expect(failed.pending).toBeLessThan(120);
    server.down = false;
    server.fetch = fetch;
    expect(await a.run()).toMatchObject({ state: 'idle', pending: 0, pushed: failed.pending });
    expect(server.library('groups/4711').items.size).toBe(120 + 1); // the items, and the one note
    expect(await listPublications(a.db)).toHaveLength(120);
  });

  it('a Backoff on the last answer of a sync holds the next one back until its time', async () => {
    const server = startFakeWebApi([TARGET]);
    const a = await device(server, 'anna');
    await save(a.db);
    let clock = Date.UTC(2026, 11, 5, 9);
    const run = (previous?: SyncStatus) =>
      runZoteroSync({
        db: a.db,
        sync: ANNA,
        fetch: async (url, init) => {
          // The write's answer (the sync's last) carries Backoff: 120.
          if (init?.method === 'POST') server.backoffOnce = 120;
          return server.fetch(url, init);
        },
        setStatus: async () => undefined,
        previous,
        now: () => clock,
      });
    const first = await run();
    expect(first).toMatchObject({ state: 'idle', backoffUntil: clock + 120_000 });
    server.requests.length = 0;
    clock += 60_000;
    const held = await run(first);
    expect(held).toMatchObject({ state: 'offline', retryAt: first.backoffUntil });
    expect(server.requests).toEqual([]);
    clock += 61_000;
    expect(await run(held)).toMatchObject({ state: 'idle' });
    expect(server.requests).toHaveLength(1);
  });

  it('a key Zotero refuses: the status says so, nothing is lost', async () => {
    const server = startFakeWebApi([TARGET]);
    const a = await device(server, 'anna');
    await save(a.db);
    server.keys.clear();
    expect(await a.run()).toMatchObject({ state: 'bad-key', pending: 1 });
  });
});

describe('deletions over the database', () => {
  const items = (server: FakeWebApi) =>
    [...server.library('groups/4711').items.values()].filter((i) => i.data.itemType !== 'note');
  const trashed = (server: FakeWebApi) => items(server).filter((i) => i.data.deleted === 1);

  it("a record deleted in one profile goes to Zotero's trash, then leaves the other profile", async () => {
    const { server, a, b, id } = await linkedPair();
    await deletePublications(a.db, [id]);
    // The deletion waits in the queue, and the status says so.
    expect(await queueSize(a.db, TARGET)).toBe(1);
    expect(await a.run()).toMatchObject({ state: 'idle', pending: 0, deleted: 1 });
    expect(trashed(server)).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(await b.run()).toMatchObject({ state: 'idle', pending: 0, removed: 1, pulled: 1 });
    expect(await getPublication(b.db, id)).toBeUndefined();
    // Both keep the link (trashed) until the trash is emptied.
    for (const profile of [a, b])
      expect((await readZoteroSync(profile.db))!.links[id]).toMatchObject({ trashed: true });
    server.remove('groups/4711', [items(server)[0].key]);
    await a.run();
    await b.run();
    for (const profile of [a, b]) expect((await readZoteroSync(profile.db))!.links).toEqual({});
  });

  it('brought back before the sync runs, nothing is deleted', async () => {
    const { server, a, id } = await linkedPair();
    const [kept] = await listPublications(a.db);
    await deletePublications(a.db, [id]);
    await save(a.db);
    expect((await getPublication(a.db, id))!.notes).toBe(kept.notes);
    server.requests.length = 0;
    expect(await a.run()).toMatchObject({ state: 'idle', pending: 0 });
    expect(trashed(server)).toEqual([]);
    expect(items(server)).toHaveLength(1);
  });

  it('a replace import drops records, the sync trashes their items, Undo import brings back the same items', async () => {
    const { server, a, id } = await linkedPair();
    const key = items(server)[0].key;
    const other = newSavedPublication({
      id: 'url:wrr.nl/publicaties/x',
      url: 'https://www.wrr.nl/publicaties/x',
      title: 'WRR-rapport',
      savedAt: 1,
    });
    await importPublications(a.db, [other], 'replace');
    expect(await getPublication(a.db, id)).toBeUndefined();
    await a.run();
    expect(trashed(server).map((i) => i.key)).toEqual([key]);
    await undoLastImport(a.db);
    expect(await getPublication(a.db, id)).toBeDefined();
    expect(await queueSize(a.db, TARGET)).toBeGreaterThan(0);
    server.requests.length = 0;
    await a.run();
    // The same item, out of the trash; no second one; nothing deleted for good. (The record the
    // import had added left with the undo: its item is in the trash now.)
    expect(server.library('groups/4711').items.get(key)!.data.deleted).toBeUndefined();
    expect(items(server)).toHaveLength(2);
    expect(trashed(server).map((i) => i.data.title)).toEqual(['WRR-rapport']);
    expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect((await readZoteroSync(a.db))!.links[id]).toMatchObject({ key });
    expect(await queueSize(a.db, TARGET)).toBe(0);
  });

  it('deleted in Zotero while the reader edits it here: it stays, with the edit, and goes back to Zotero', async () => {
    const { server, b, id } = await linkedPair();
    const key = (await readZoteroSync(b.db))!.links[id].key as string;
    server.remove('groups/4711', [key]);
    // b's reader adds a tag just as b's sync asks Zotero what was deleted.
    const fetch = server.fetch;
    server.fetch = async (url, init) => {
      if (String(url).includes('/deleted')) await updatePublication(b.db, id, { tags: ['werk', 'bewaren'] });
      return fetch(url, init);
    };
    expect(await b.run()).toMatchObject({ state: 'idle' });
    server.fetch = fetch;
    expect(await getPublication(b.db, id)).toMatchObject({ tags: ['werk', 'bewaren'] });
    expect(await queueSize(b.db, TARGET)).toBe(1);
    await b.run();
    expect(items(server)).toHaveLength(1);
    expect(items(server)[0].key).not.toBe(key);
    expect(await queueSize(b.db, TARGET)).toBe(0);
  });
});

describe('the run and the background', () => {
  it('a pull stored, then the push failed: the status still says the list changed', async () => {
    const { server, a, b } = await linkedPair();
    await save(a.db, 1);
    await a.run();
    // Bert has a change of his own to push; the server goes down at his write.
    await save(b.db, 2);
    const fetch = server.fetch;
    server.fetch = async (url, init) => {
      if (init?.method === 'POST') server.down = true;
      return fetch(url, init);
    };
    const status = await b.run();
    server.fetch = fetch;
    server.down = false;
    expect(status).toMatchObject({ state: 'offline', pulled: 1 });
    expect(await listPublications(b.db)).toHaveLength(3);
  });

  it('sync turned off (or the key removed) mid-sync: it stops before its next write', async () => {
    const server = startFakeWebApi([TARGET]);
    const a = await device(server, 'anna');
    for (let i = 0; i < 120; i++) await save(a.db, i);
    let checks = 0;
    const statuses: SyncStatus[] = [];
    await runZoteroSync({
      db: a.db,
      sync: ANNA,
      fetch: server.fetch,
      setStatus: async (s) => void statuses.push(s),
      // On for the first write's store (an empty library: the pull stores nothing); then the
      // reader removes the key, and the second write's links are not stored either.
      stillOn: async () => ++checks <= 1,
    });
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
    // Only the status of its start: none after the reader turned it off.
    expect(statuses.map((s) => s.state)).toEqual(['syncing']);
  });

  it('"Remove API key" forgets the links; connecting again links the records by identity, no second item', async () => {
    const { server, a } = await linkedPair();
    await clearZoteroSync(a.db);
    expect(await readZoteroSync(a.db)).toBeUndefined();
    expect(await listPublications(a.db)).toHaveLength(1);
    await a.run();
    expect(
      [...server.library('groups/4711').items.values()].filter((i) => i.data.itemType !== 'note'),
    ).toHaveLength(1);
    expect(Object.keys((await readZoteroSync(a.db))!.links)).toHaveLength(1);
  });

  it("the status a sync leaves counts the queue in the chain: a list change's count is never overwritten", async () => {
    const server = startFakeWebApi([TARGET]);
    const a = await device(server, 'anna');
    await save(a.db);
    let stored: SyncStatus | undefined;
    const chain = createStatusChain({ get: async () => stored, set: async (s) => void (stored = s) });
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A list change's count, started while the sync writes, waits on the reader's save.
    const fetch = async (url: string, init?: RequestInit) => {
      const response = await server.fetch(url, init);
      if (init?.method === 'POST')
        void chain.update(async (current) => {
          await gate;
          return { ...current!, pending: await queueSize(a.db, TARGET) };
        });
      return response;
    };
    const leave = (made: () => void) => {
      // The sync is about to leave its status: the reader saves one more record now.
      void save(a.db, 1).then(() => release());
      made();
    };
    await runZoteroSync({
      db: a.db,
      sync: ANNA,
      fetch,
      setStatus: async (s) => {
        if (s.state === 'idle') leave(() => undefined);
        await chain.write(s);
      },
      updateStatus: (change) => {
        leave(() => undefined);
        return chain.update(change);
      },
    });
    await chain.update(async () => undefined);
    expect(stored).toMatchObject({ state: 'idle', pending: 1 });
  });
});
