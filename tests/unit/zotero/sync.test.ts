/**
 * Two devices syncing one reading list through a group library of the conformance server
 * (webapi-server.ts, not Zotero): a save on one appears on the other; edits of one record on both
 * (status on one, tags on the other) keep both; a stale write (412), Backoff and a server that goes
 * down mid-sync lose nothing; 10,000 records to an empty library take 200 writes, and a sync with
 * no change one request.
 */
import { describe, expect, it } from 'vitest';
import type { SavedPublication } from '@/utils/record';
import { fieldsOfRecord, mergeFields } from '@/utils/zotero/merge';
import { syncCollection, type SyncOutcome, type SyncState } from '@/utils/zotero/sync';
import { createWebApi } from '@/utils/zotero/webapi';
import { nsobRecord } from '../export/nsob';
import { startFakeWebApi, type FakeWebApi } from '../../e2e/zotero-webapi-server';

const COLLECTION = 'LEESMAP1';
const KEY_CHARS = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';

/** An edit as the database makes it: the fields, and a new `updatedAt`. */
function edit(device: Device, id: string, changes: Partial<SavedPublication>): void {
  const record = device.records.get(id)!;
  device.records.set(id, { ...record, ...changes, updatedAt: record.updatedAt + 1 });
}

/** One browser profile: its records, its sync state, its own key. */
class Device {
  records = new Map<string, SavedPublication>();
  state: SyncState = { libraryVersion: 0, links: {} };
  saved: SyncState[] = [];
  waits: number[] = [];
  private clock = 0;
  private keys = 0;
  constructor(
    private readonly server: FakeWebApi,
    private readonly name: string,
    apiKey: string,
  ) {
    server.keys.set(apiKey, name);
    if (!server.users.has(name)) server.users.set(name, 1000 + server.users.size);
    this.apiKey = apiKey;
  }
  private readonly apiKey: string;

  /** `count` copies of the reference record, each its own publication. */
  addMany(count: number, changes: Partial<SavedPublication> = {}): void {
    for (let i = 0; i < count; i++) {
      const url = `https://www.nsob.nl/publicaties/p${i}`;
      this.records.set(`r${i}`, { ...reference(), ...changes, id: `r${i}`, url, title: `Publicatie ${i}` });
    }
  }

  async sync(): Promise<SyncOutcome> {
    const api = createWebApi({
      fetch: this.server.fetch,
      apiKey: this.apiKey,
      library: { type: 'group', id: 4711 },
      now: () => this.clock,
      sleep: async (ms) => {
        this.waits.push(ms);
        this.clock += ms;
      },
    });
    const outcome = await syncCollection({
      api,
      collection: COLLECTION,
      records: [...this.records.values()],
      state: this.state,
      save: async (changes) => void this.saved.push(changes),
      userId: this.server.users.get(this.name),
      newKey: () => {
        let n = ++this.keys * 7919 + (this.name === 'anna' ? 1 : 2) * 104_729;
        let key = '';
        for (let i = 0; i < 8; i++, n = Math.floor(n / 31)) key += KEY_CHARS[n % KEY_CHARS.length];
        return key;
      },
    });
    for (const record of [...outcome.updated, ...outcome.added.map((a) => a.record)])
      this.records.set(record.id, record);
    for (const id of outcome.removed) this.records.delete(id);
    return outcome;
  }
}

function reference(): SavedPublication {
  return { ...nsobRecord(), status: 'to-read', tags: ['werk'], notes: 'Hoofdstuk 3.' };
}

const writes = (server: FakeWebApi) => server.requests.filter((r) => r.method === 'POST').length;

/** Two devices of one group library, the reference record saved on the first (not synced yet). */
function twoDevices() {
  const server = startFakeWebApi(['groups/4711/LEESMAP1']);
  const a = new Device(server, 'anna', 'key-a');
  const b = new Device(server, 'bert', 'key-b');
  a.records.set(reference().id, reference());
  return { server, a, b };
}

/** Two devices that both hold the reference record through the library. */
async function linkedDevices() {
  const { server, a, b } = twoDevices();
  const record = reference();
  await a.sync();
  await b.sync();
  return { server, a, b, record };
}

describe('sync through a Zotero group library', () => {
  it('a save on one device appears on the other, with who added it, notes and all', async () => {
    const { server, a, b } = twoDevices();
    expect((await a.sync()).pushed).toBe(1);
    const outcome = await b.sync();
    expect(outcome.added).toHaveLength(1);
    expect(outcome.added[0].addedBy).toBe('anna');
    const got = outcome.added[0].record;
    // The record itself says who added it (the list shows it on the item).
    expect(got.addedBy).toBe('anna');
    expect(got.id).toBe(reference().id);
    expect(got).toMatchObject({
      title: 'Leren van doen',
      subtitle: 'Ervaringen met samenwerken in het IBP',
      authors: ['Martijn van der Steen', 'Myrthe van Delden', 'Petra Ophoff'],
      publisher: 'NSOB',
      type: 'essay',
      published: '2020',
      themes: ['Sturen in netwerken'],
      tags: ['werk'],
      status: 'to-read',
      notes: 'Hoofdstuk 3.',
    });
    expect(server.problems).toEqual([]);
  });

  it("an item the other device holds under another id becomes one record there: no second item, the reader's status and both sides' tags kept", async () => {
    const { server, a, b } = twoDevices();
    await a.sync();
    // b saved the same publication earlier, under an id of its own (the address it was saved at).
    const own = { ...reference(), id: 'doi:10.5555/eigen', status: 'reading' as const, tags: ['dossier'] };
    b.records.set(own.id, own);
    const outcome = await b.sync();
    expect(outcome.added).toHaveLength(0);
    expect([...b.records.keys()]).toEqual([own.id]);
    expect(b.records.get(own.id)).toMatchObject({ status: 'reading' });
    expect([...b.records.get(own.id)!.tags].sort()).toEqual(['dossier', 'werk']);
    const items = [...server.library('groups/4711').items.values()];
    expect(items.filter((item) => item.data.itemType !== 'note')).toHaveLength(1);
  });

  it('status changed on one device and tags on the other: both changes kept on both', async () => {
    const { a, b, record } = await linkedDevices();
    edit(a, record.id, { status: 'read' });
    edit(b, record.id, { tags: ['werk', 'dossier-ibp'] });
    await a.sync();
    // b wrote nothing since it pulled; its pull brings a's status, its push its tags.
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      expect(device.records.get(record.id)!.status, device === a ? 'a' : 'b').toBe('read');
      expect(device.records.get(record.id)!.tags).toEqual(['werk', 'dossier-ibp']);
    }
  });

  it('a write refused as stale (412) pulls, merges and writes again: both notes kept', async () => {
    const { server, a, b, record } = await linkedDevices();
    edit(a, record.id, { notes: 'Hoofdstuk 3.\n\nAnna: lezen voor dinsdag.' });
    edit(b, record.id, { notes: 'Hoofdstuk 3.\n\nBert: zie ook WRR.' });
    // a writes just after b pulled: b's write is stale (412); b pulls again, merges, writes.
    const fetch = server.fetch;
    let interposed = false;
    server.fetch = async (url, init) => {
      if (init?.method === 'POST' && !interposed) {
        interposed = true;
        server.fetch = fetch;
        await a.sync();
      }
      return fetch(url, init);
    };
    server.requests.length = 0;
    await b.sync();
    // b: GET (nothing new), [a: GET, POST], b: POST → 412, GET (a's notes), GET (deletions since
    // b's version: none), POST (merged).
    expect(server.requests.map((r) => r.method)).toEqual([
      'GET',
      'GET',
      'POST',
      'POST',
      'GET',
      'GET',
      'POST',
    ]);
    await a.sync();
    for (const device of [a, b]) {
      const notes = device.records.get(record.id)!.notes;
      expect(notes).toContain('Anna: lezen voor dinsdag.');
      expect(notes).toContain('Bert: zie ook WRR.');
    }
  });

  it('Backoff: 5, then the server goes down mid-sync: nothing lost, the rest goes when it is back', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const a = new Device(server, 'anna', 'key-a');
    a.addMany(120);
    server.backoffOnce = 5;
    let posts = 0;
    const fetch = server.fetch;
    server.fetch = async (url, init) => {
      if (init?.method === 'POST' && ++posts === 2) server.down = true;
      return fetch(url, init);
    };
    await expect(a.sync()).rejects.toMatchObject({ code: 'offline' });
    expect(a.waits).toContain(5_000);
    // What was written before it went down is remembered (saved after each write).
    const remembered = new Set(a.saved.flatMap((changes) => Object.keys(changes.links))).size;
    expect(remembered).toBeGreaterThan(0);
    expect(remembered).toBeLessThan(120);
    server.down = false;
    server.fetch = fetch;
    const outcome = await a.sync();
    expect(outcome.pushed).toBe(120 - remembered);
    expect(server.libraries.get('groups/4711')!.items.size).toBe(240); // 120 items + their notes
  });

  it('10,000 records to an empty library: at most 200 writes; a sync with no change: 1 request', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const a = new Device(server, 'anna', 'key-a');
    a.addMany(10_000, { notes: '' });
    await a.sync();
    expect(writes(server)).toBeLessThanOrEqual(200);
    expect(server.libraries.get('groups/4711')!.items.size).toBe(10_000);
    server.requests.length = 0;
    const outcome = await a.sync();
    expect(outcome).toEqual({ updated: [], added: [], pushed: 0, refused: 0, removed: [], deleted: 0 });
    expect(server.requests).toHaveLength(1);
  }, 60_000);
});

describe('related publications', () => {
  it('travel as relations where both ends are in the library, and only there', async () => {
    const server = startFakeWebApi(['groups/4711/LEESMAP1']);
    const a = new Device(server, 'anna', 'key-a');
    const other = {
      ...reference(),
      id: 'r-wrr',
      url: 'https://www.wrr.nl/publicaties/x',
      title: 'WRR-rapport',
    };
    const record = {
      ...reference(),
      related: [
        { title: 'WRR-rapport', url: other.url, themes: [] },
        { title: 'Niet bewaard', url: 'https://www.nsob.nl/elders', themes: [] },
      ],
    };
    a.records.set(record.id, record);
    a.records.set(other.id, other);
    await a.sync();
    const items = [...server.library('groups/4711').items.values()];
    const keyOf = (title: string) => items.find((i) => String(i.data.title).startsWith(title))!.key;
    const item = items.find((i) => i.key === keyOf('Leren van doen'))!;
    expect(item.data.relations).toEqual({
      'dc:relation': [`http://zotero.org/groups/4711/items/${keyOf('WRR-rapport')}`],
    });
    expect(items.find((i) => i.key === keyOf('WRR-rapport'))!.data.relations).toBeUndefined();
    expect(server.problems).toEqual([]);
  });
});

describe('the merge', () => {
  it('keeps what either side added to a list and drops what either removed', () => {
    const base = fieldsOfRecord({ ...reference(), tags: ['a', 'b'] });
    const local = { ...base, tags: ['a', 'b', 'c'] };
    const remote = { ...base, tags: ['b', 'd'] };
    expect(mergeFields(base, local, remote).tags).toEqual(['b', 'c', 'd']);
  });
});

/** The server's answers to item reads say `createdByUser` is this, whatever it is. */
function createdBy(server: FakeWebApi, user: Record<string, unknown>): void {
  const fetch = server.fetch;
  server.fetch = async (url, init) => {
    const response = await fetch(url, init);
    if (!String(url).includes('/collections/LEESMAP1/items') || response.status !== 200) return response;
    const items = (await response.json()) as Array<Record<string, unknown>>;
    for (const item of items) item.meta = { createdByUser: user };
    return new Response(JSON.stringify(items), { status: 200, headers: response.headers });
  };
}

describe('who added an item', () => {
  it("is the member's display name, one line and bounded, on the record", async () => {
    const { server, a, b } = twoDevices();
    await a.sync();
    // Zotero gives the member's name as they chose it: anything, of any length.
    createdBy(server, { username: 'anna', name: `Anna\u202e\u0007 de ${'Vries'.repeat(100)}` });
    const { added } = await b.sync();
    const by = added[0].record.addedBy!;
    expect(by.startsWith('Anna de Vries')).toBe(true);
    expect([...by].filter((c) => c.charCodeAt(0) < 32 || c === '\u202e')).toEqual([]);
    expect(by.length).toBeLessThanOrEqual(200);
  });

  it("is absent on the reader's own items on their second device (same Zotero user)", async () => {
    const { server, a } = twoDevices();
    await a.sync();
    const second = new Device(server, 'anna', 'key-a-laptop');
    const { added } = await second.sync();
    expect(added).toHaveLength(1);
    expect(added[0].addedBy).toBeUndefined();
    expect(added[0].record.addedBy).toBeUndefined();
  });

  it('survives a name that is not text: the username then', async () => {
    const { server, a, b } = twoDevices();
    await a.sync();
    createdBy(server, { id: 1, username: 'anna', name: { x: 1 } });
    const { added } = await b.sync();
    expect(added[0].record.addedBy).toBe('anna');
  });

  it('is absent on what the reader saved themselves', async () => {
    const { a, record } = await linkedDevices();
    expect(a.records.get(record.id)!.addedBy).toBeUndefined();
  });
});

describe('deletions travel', () => {
  const items = (server: FakeWebApi) => [...server.library('groups/4711').items.values()];
  const parents = (server: FakeWebApi) => items(server).filter((i) => i.data.itemType !== 'note');
  const nonWrites = (server: FakeWebApi) => server.requests.filter((r) => r.method !== 'GET');

  it("a record deleted on one device moves its item to Zotero's trash, then leaves the other device", async () => {
    const { server, a, b, record } = await linkedDevices();
    const key = a.state.links[record.id].key;
    a.records.delete(record.id);
    server.requests.length = 0;
    const outcome = await a.sync();
    expect(outcome.deleted).toBe(1);
    // A write, never a permanent delete: the item (and its note) are still in the library, in the trash.
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(items(server)).toHaveLength(2);
    expect(server.library('groups/4711').items.get(key)!.data.deleted).toBe(1);
    expect(a.state.links[record.id]).toMatchObject({ key, trashed: true });
    const pulled = await b.sync();
    expect(pulled.removed).toEqual([record.id]);
    expect(b.records.has(record.id)).toBe(false);
    expect(b.state.links[record.id]).toMatchObject({ key, trashed: true });
    // Nothing left to do on either side.
    server.requests.length = 0;
    await a.sync();
    await b.sync();
    expect(nonWrites(server)).toEqual([]);
    // Someone empties the trash: Zotero lists the item as deleted, and both forget the link.
    server.remove('groups/4711', [key]);
    await a.sync();
    await b.sync();
    expect(a.state.links).toEqual({});
    expect(b.state.links).toEqual({});
    expect(nonWrites(server).filter((r) => r.method === 'DELETE')).toEqual([]);
  });

  it('deleted, synced, then brought back (an undo): the same item is restored, no second item, nothing deleted for good', async () => {
    const { server, a, b, record } = await linkedDevices();
    const kept = a.records.get(record.id)!;
    const key = a.state.links[record.id].key;
    a.records.delete(record.id);
    await a.sync();
    await b.sync();
    expect(b.records.has(record.id)).toBe(false);
    // The reader clicks Undo: the very same record is back (same id, same updatedAt).
    a.records.set(record.id, kept);
    server.requests.length = 0;
    const outcome = await a.sync();
    expect(outcome.pushed).toBe(1);
    expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(parents(server)).toHaveLength(1);
    const item = server.library('groups/4711').items.get(key)!;
    expect(item.data.deleted).toBeUndefined();
    expect(a.state.links[record.id]).toMatchObject({ key });
    expect(a.state.links[record.id].trashed).toBeUndefined();
    // The other device gets it back too, notes and all.
    await b.sync();
    expect(b.records.get(record.id)).toMatchObject({ title: kept.title, notes: kept.notes });
    expect(b.state.links[record.id]).toMatchObject({ key });
    server.requests.length = 0;
    await a.sync();
    await b.sync();
    expect(nonWrites(server)).toEqual([]);
    expect(items(server)).toHaveLength(2);
  });

  it('an item deleted in Zotero whose record the reader changed since stays, and goes back as a new item', async () => {
    const { server, a, b, record } = await linkedDevices();
    const key = b.state.links[record.id].key;
    edit(b, record.id, { tags: ['werk', 'bewaren'] });
    server.remove('groups/4711', [key]);
    const outcome = await b.sync();
    expect(outcome.removed).toEqual([]);
    expect(b.records.get(record.id)!.tags).toEqual(['werk', 'bewaren']);
    const back = parents(server);
    expect(back).toHaveLength(1);
    expect(back[0].key).not.toBe(key);
    expect(back[0].data.tags).toContainEqual({ tag: 'bewaren' });
    // The other device, which changed nothing, gets the new item in place of the old.
    await a.sync();
    expect([...a.records.keys()]).toEqual([record.id]);
    expect(a.records.get(record.id)!.tags).toEqual(['werk', 'bewaren']);
  });

  it('a record deleted and brought back (undo) before the sync runs changes nothing', async () => {
    const { server, a, record } = await linkedDevices();
    const kept = a.records.get(record.id)!;
    a.records.delete(record.id);
    a.records.set(record.id, kept);
    server.requests.length = 0;
    const outcome = await a.sync();
    expect(outcome.deleted).toBe(0);
    expect(nonWrites(server)).toEqual([]);
    expect(items(server)).toHaveLength(2);
  });

  it('a trash write refused as stale (412): pulls what someone else wrote, then trashes', async () => {
    const { server, a, b, record } = await linkedDevices();
    const other = {
      ...reference(),
      id: 'r-wrr',
      url: 'https://www.wrr.nl/publicaties/x',
      title: 'WRR-rapport',
    };
    a.records.set(other.id, other);
    await a.sync();
    await b.sync();
    a.records.delete(record.id);
    // Bert edits the other item just as Anna's first write arrives: that write is stale.
    const otherKey = a.state.links[other.id].key;
    const fetch = server.fetch;
    let edited = false;
    server.fetch = async (url, init) => {
      if (init?.method === 'POST' && !edited) {
        edited = true;
        server.edit('groups/4711', otherKey, { tags: [{ tag: 'werk' }, { tag: 'van-bert' }] });
      }
      return fetch(url, init);
    };
    server.requests.length = 0;
    await a.sync();
    // GET (nothing new), POST (trash) → 412, GET (bert's edit), GET (deleted since), POST (trash).
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'GET', 'POST']);
    expect(server.library('groups/4711').items.get(a.state.links[record.id].key)!.data.deleted).toBe(1);
    expect(a.records.get(other.id)!.tags).toContain('van-bert');
    expect(parents(server)).toHaveLength(2);
  });

  it("deleted here while a colleague changed the item: the colleague's edit wins, the item stays in Zotero", async () => {
    const { server, a, b, record } = await linkedDevices();
    const key = a.state.links[record.id].key;
    a.records.delete(record.id);
    server.edit('groups/4711', key, { abstractNote: 'Bijgewerkt door Bert.' });
    server.requests.length = 0;
    await a.sync();
    const item = server.library('groups/4711').items.get(key)!;
    expect(item.data.deleted).toBeUndefined();
    expect(item.data.abstractNote).toBe('Bijgewerkt door Bert.');
    expect(nonWrites(server)).toEqual([]);
    expect(a.state.links[record.id]).toBeUndefined();
    // The colleague still has it; nothing waits on either side.
    await b.sync();
    expect(b.records.get(record.id)!.summary).toBe('Bijgewerkt door Bert.');
    server.requests.length = 0;
    await a.sync();
    expect(nonWrites(server)).toEqual([]);
  });

  it('a trash Zotero refuses for its item (a newer version there): the item stays, the link goes', async () => {
    const { server, a, record } = await linkedDevices();
    const key = a.state.links[record.id].key;
    a.records.delete(record.id);
    // The link holds an older version than the item's (as after a write whose answer was lost).
    a.state.links[record.id].version = 0;
    await a.sync();
    expect(server.library('groups/4711').items.get(key)!.data.deleted).toBeUndefined();
    expect(a.state.links[record.id]).toBeUndefined();
    server.requests.length = 0;
    await a.sync();
    expect(nonWrites(server)).toEqual([]);
  });

  it('a child note deleted in Zotero is not written back, until the reader changes the notes', async () => {
    const { server, a, record } = await linkedDevices();
    const noteKey = a.state.links[record.id].noteKey!;
    server.remove('groups/4711', [noteKey]);
    await a.sync();
    expect(a.state.links[record.id].noteKey).toBeUndefined();
    // An edit of something else: the item goes, the deleted note does not come back.
    edit(a, record.id, { tags: ['werk', 'later'] });
    await a.sync();
    const notes = () => items(server).filter((i) => i.data.itemType === 'note');
    expect(notes()).toEqual([]);
    expect(a.records.get(record.id)!.notes).toBe('Hoofdstuk 3.');
    // The reader changes the notes: they go as a new note.
    edit(a, record.id, { notes: 'Hoofdstuk 3 en 4.' });
    await a.sync();
    expect(notes()).toHaveLength(1);
    expect(notes()[0].key).not.toBe(noteKey);
    expect(notes()[0].data.note).toContain('Hoofdstuk 3 en 4.');
  });
});

describe('relations read back', () => {
  it('become related publications where both ends are in the list', async () => {
    const { server, a, b } = twoDevices();
    const other: SavedPublication = {
      ...reference(),
      id: 'url:wrr.nl/publicaties/x',
      url: 'https://www.wrr.nl/publicaties/x',
      canonicalUrl: undefined,
      doi: undefined,
      title: 'WRR-rapport',
    };
    a.records.set(other.id, other);
    await a.sync();
    await b.sync();
    expect(b.records.get(reference().id)!.related).toEqual([]);
    // In Zotero, someone relates the two items (and one to an item not in the collection).
    const library = server.library('groups/4711');
    const keyOf = (id: string) => a.state.links[id].key;
    const item = library.items.get(keyOf(reference().id))!;
    library.version++;
    item.version = library.version;
    item.data.relations = {
      'dc:relation': [
        `http://zotero.org/groups/4711/items/${keyOf(other.id)}`,
        'http://zotero.org/groups/4711/items/ZZZZZZZZ',
        `http://zotero.org/groups/9999/items/${keyOf(other.id)}`,
      ],
    };
    server.requests.length = 0;
    await b.sync();
    const related = b.records.get(reference().id)!.related;
    expect(related).toEqual([
      { title: 'WRR-rapport', subtitle: other.subtitle, url: other.url, themes: other.themes },
    ]);
    // Read back, not a change to send: the item is as Zotero holds it.
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
    server.requests.length = 0;
    await b.sync();
    expect(server.requests).toHaveLength(1);
  });
});
