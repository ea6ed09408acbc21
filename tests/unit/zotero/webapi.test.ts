/**
 * The Web API client against the conformance server (tests/e2e/zotero-webapi-server.ts, not
 * Zotero): request counts for a large first push and an idle second look, 412, Backoff,
 * Retry-After, a bad key, and a push cut off mid-way that resumes without loss or duplicates.
 */
import { describe, expect, it } from 'vitest';
import type { SavedPublication } from '@/utils/record';
import { toZoteroEntry } from '@/utils/zotero/items';
import { createWebApi, pushObjects, WebApiError, type WebApi } from '@/utils/zotero/webapi';
import { nsobRecord } from '../export/nsob';
import { startFakeWebApi, type FakeWebApi } from '../../e2e/zotero-webapi-server';

const COLLECTION = 'LEESMAP1';
const GROUP = { type: 'group', id: 4711 } as const;

function objects(n: number): Array<Record<string, unknown>> {
  const base = nsobRecord();
  return Array.from({ length: n }, (_, i) => {
    const record: SavedPublication = { ...base, id: `r${i}`, title: `Leren van doen ${i}` };
    return { ...toZoteroEntry(record).item, collections: [COLLECTION] };
  });
}

function client(server: FakeWebApi, waits: number[] = [], apiKey = 'good-key'): WebApi {
  let now = 0;
  return createWebApi({
    fetch: server.fetch,
    apiKey,
    library: GROUP,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
}

const writes = (server: FakeWebApi) => server.requests.filter((r) => r.method === 'POST').length;

describe('Zotero Web API client', () => {
  it('pushes 10,000 records to an empty library in 200 writes; an idle second look is 1 request', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const api = client(server);
    const { version, results } = await pushObjects(api, objects(10_000), 0, { refresh: async () => 0 });
    expect(writes(server)).toBe(200);
    expect(server.problems).toEqual([]);
    expect(results.filter((r) => 'failed' in r)).toEqual([]);
    expect(server.libraries.get('groups/4711')!.items.size).toBe(10_000);
    const before = server.requests.length;
    expect(await api.changedItems(COLLECTION, version)).toBeUndefined();
    expect(server.requests.length - before).toBe(1);
  });

  it('pulls what another member added since a version, with who added it', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    server.keys.set('bert-key', 'bert');
    const { version } = await pushObjects(client(server), objects(3), 0, { refresh: async () => 0 });
    await pushObjects(client(server, [], 'bert-key'), objects(120).slice(3), version, {
      refresh: async () => 0,
    });
    const changed = await client(server).changedItems(COLLECTION, version);
    expect(changed!.items).toHaveLength(117);
    expect(changed!.items.every((i) => i.meta?.createdByUser?.username === 'bert')).toBe(true);
    expect(changed!.version).toBe(server.libraries.get('groups/4711')!.version);
  });

  it('on 412 (someone wrote in between) it takes the new version and writes again', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const api = client(server);
    await pushObjects(api, objects(1), 0, { refresh: async () => 0 });
    // Another device wrote: the library is at 2, this one still thinks 1.
    await pushObjects(client(server), objects(1), 1, { refresh: async () => 1 });
    let refreshed = 0;
    const result = await pushObjects(api, objects(60), 1, {
      refresh: async () => (refreshed++, server.libraries.get('groups/4711')!.version),
    });
    expect(refreshed).toBe(1);
    expect(result.results.filter((r) => 'key' in r)).toHaveLength(60);
    expect(server.libraries.get('groups/4711')!.items.size).toBe(62);
  });

  it('waits as long as Backoff says before its next request, and retries after Retry-After', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const waits: number[] = [];
    const api = client(server, waits);
    server.backoffOnce = 5;
    await pushObjects(api, objects(60), 0, { refresh: async () => 0 });
    expect(waits).toEqual([5_000]);
    server.retryAfterOnce = 7;
    expect(await api.changedItems(COLLECTION, 0)).toBeDefined();
    expect(waits).toEqual([5_000, 7_000]);
  });

  it('says a bad key is a bad key, and an unreachable server offline', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    await expect(client(server, [], 'wrong').changedItems(COLLECTION, 0)).rejects.toMatchObject({
      code: 'bad-key',
    });
    server.down = true;
    const error = await client(server)
      .changedItems(COLLECTION, 0)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebApiError);
    expect((error as WebApiError).code).toBe('offline');
  });

  it('a push cut off mid-way resumes from its last finished write: nothing lost, nothing twice', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const all = objects(230);
    let done = 0;
    let version = 0;
    await expect(
      pushObjects(client(server), all, 0, {
        refresh: async () => version,
        onBatch: async (outcome, first) => {
          done = first + outcome.results.length;
          version = outcome.version;
          if (done === 100) server.down = true;
        },
      }),
    ).rejects.toMatchObject({ code: 'offline' });
    expect(done).toBe(100);
    server.down = false;
    await pushObjects(client(server), all.slice(done), version, { refresh: async () => version });
    const titles = [...server.libraries.get('groups/4711')!.items.values()].map((i) => i.data.title);
    expect(titles).toHaveLength(230);
    expect(new Set(titles).size).toBe(230);
  });

  it('refuses to write more than 50 objects at once', async () => {
    await expect(
      client(startFakeWebApi(['groups/4711/LEESMAP1'])).writeItems(objects(51), 0),
    ).rejects.toMatchObject({
      code: 'failed',
    });
  });
});
