/**
 * What a sync stores (utils/db/zotero-links.ts): links and records in one transaction, a pulled
 * record the list already holds under another id takes no second place, an invalid one is not
 * stored, and a record changed while the sync ran is reconciled, not overwritten.
 */
import { describe, expect, it } from 'vitest';
import { listPublications, savePublication, updatePublication, type LeesmapDatabase } from '@/utils/db';
import { readZoteroSync, writeSynced, type SyncedWrite } from '@/utils/db/zotero-links';
import { reconcileRecord } from '@/utils/zotero/merge';
import { eachTestOnFreshDB, publication } from '../db/helpers';

let db!: LeesmapDatabase;
eachTestOnFreshDB((opened) => (db = opened));

const link = (key: string) => ({ key, version: 3, base: {}, updatedAt: 1 });

function write(changes: Partial<SyncedWrite>): Promise<void> {
  return writeSynced(db, {
    target: 'groups/4711/LEESMAP1',
    libraryVersion: 3,
    links: {},
    records: [],
    before: new Map(),
    reconcile: reconcileRecord,
    ...changes,
  });
}

describe('what a sync stores', () => {
  it("a pulled record the list holds under another id: one record with both sides' tags, the reader's status, and that one takes the link", async () => {
    const saved = await savePublication(db, publication(), { tags: ['werk'], status: 'reading' });
    const pulled = {
      ...saved,
      id: 'title:leren van doen',
      tags: ['groep'],
      status: 'read' as const,
      updatedAt: saved.updatedAt + 5,
    };
    await write({ records: [pulled], links: { [pulled.id]: link('ABCD2345') } });
    const list = await listPublications(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: saved.id, status: 'reading' });
    expect([...list[0].tags].sort()).toEqual(['groep', 'werk']);
    const stored = await readZoteroSync(db);
    expect(stored).toMatchObject({ target: 'groups/4711/LEESMAP1', libraryVersion: 3 });
    expect(Object.keys(stored!.links)).toEqual([saved.id]);
    expect(stored!.links[saved.id]).toMatchObject({ key: 'ABCD2345', updatedAt: undefined });
  });

  it("a page the reader saved while the sync pulled it keeps the reader's tags, notes and status", async () => {
    const saved = await savePublication(db, publication(), {
      tags: ['werk'],
      status: 'reading',
      notes: 'Mijn notitie',
    });
    // What the pull brings for the same publication; the list did not hold it when the sync began.
    const pulled = { ...saved, tags: ['groep'], status: 'read' as const, notes: 'Van Zotero' };
    await write({
      records: [{ ...pulled, updatedAt: saved.updatedAt + 5 }],
      links: { [pulled.id]: link('ABCD2345') },
    });
    const [stored] = await listPublications(db);
    expect(stored.status).toBe('reading');
    expect([...stored.tags].sort()).toEqual(['groep', 'werk']);
    expect(stored.notes).toContain('Mijn notitie');
    expect(stored.notes).toContain('Van Zotero');
  });

  it('an invalid pulled record is not stored, nor its link', async () => {
    const bad = {
      ...(await savePublication(db, publication())),
      id: 'x',
      url: 'javascript:alert(1)',
      title: '',
    };
    await write({ records: [bad], links: { x: link('ABCD2345') } });
    expect(await listPublications(db)).toHaveLength(1);
    expect((await readZoteroSync(db))!.links).toEqual({});
  });

  it('a record the reader changed while the sync ran keeps both changes, and goes again next time', async () => {
    const before = await savePublication(db, publication(), { tags: ['werk'], status: 'to-read' });
    const merged = { ...before, status: 'read' as const, updatedAt: before.updatedAt + 10 };
    await updatePublication(db, before.id, { tags: ['werk', 'later'] }, before.updatedAt + 5);
    await write({
      records: [merged],
      links: { [before.id]: link('ABCD2345') },
      before: new Map([[before.id, before]]),
    });
    const [now] = await listPublications(db);
    expect(now).toMatchObject({ status: 'read', tags: ['werk', 'later'] });
    expect((await readZoteroSync(db))!.links[before.id].updatedAt).toBeUndefined();
  });
});
