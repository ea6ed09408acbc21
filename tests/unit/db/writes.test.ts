/**
 * What a write costs and leaves behind: a save with the reader's edits is one transaction, and a
 * visit that auto-saves a page saves it in its own transaction without cataloguing it first.
 */
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listCatalog,
  listPublications,
  recordVisit,
  savePublication,
  themeCounts,
  type LeesmapDatabase,
} from '@/utils/db';
import { db, eachTestOnFreshDB, publication } from './helpers';

eachTestOnFreshDB();
afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the transactions opened on `db` from now on (read and write). */
function countTransactions(database: LeesmapDatabase): () => number {
  const spy = vi.spyOn(Object.getPrototypeOf(unwrap(database)) as IDBDatabase, 'transaction');
  return () => spy.mock.calls.length;
}

const RELATED = [
  { title: 'Een verwante notitie', url: 'https://www.nsob.nl/publicaties/verwant', themes: [] },
  { title: 'Nog een', url: 'https://www.nsob.nl/publicaties/nog-een', themes: [] },
];

describe('savePublication', () => {
  it('saves a page with the fields the reader edited in one transaction, the edits marked as theirs', async () => {
    const transactions = countTransactions(db);
    const saved = await savePublication(
      db,
      publication({ title: 'Mijn eigen titel', themes: ['Eigen thema'] }),
      { status: 'reading', notes: 'voor het overleg' },
      1_000,
      { edited: ['title', 'themes'] },
    );
    expect(transactions()).toBe(1);
    expect(saved).toMatchObject({ title: 'Mijn eigen titel', status: 'reading', notes: 'voor het overleg' });
    expect(saved.editedFields).toEqual(['title', 'themes']);
    // A later visit of the page leaves the reader's title and themes alone.
    await recordVisit(db, publication({ title: 'Titel van de pagina', themes: ['Ander'] }), 2_000);
    const [stored] = await listPublications(db);
    expect(stored.title).toBe('Mijn eigen titel');
    expect(stored.themes).toEqual(['Eigen thema']);
  });
});

describe('recordVisit with auto-save', () => {
  it('saves an unsaved page in the visit itself: no catalog entry for it, related items listed by the record', async () => {
    const transactions = countTransactions(db);
    const result = await recordVisit(db, publication({ related: RELATED }), 5_000, { autoSave: true });
    expect(transactions()).toBe(1);
    expect(result.autoSaved).toBe(true);
    expect(result.saved).toMatchObject({ title: 'Leren van doen', status: 'to-read', savedAt: 5_000 });
    const catalog = await listCatalog(db);
    expect(catalog.map((entry) => entry.title).sort()).toEqual(['Een verwante notitie', 'Nog een']);
    expect(
      catalog.every((e) =>
        e.sources.every((s) => s.kind === 'related' && s.listedBy.id === result.saved!.id),
      ),
    ).toBe(true);
    expect(await themeCounts(db)).toEqual([
      { theme: 'Leren en experimenteren', count: 1 },
      { theme: 'Sturen in netwerken', count: 1 },
    ]);
  });

  it('takes the page out of the catalog when an earlier visit put it there', async () => {
    await recordVisit(db, publication(), 1_000);
    expect(await listCatalog(db)).toHaveLength(1);
    const result = await recordVisit(db, publication(), 2_000, { autoSave: true });
    expect(result.autoSaved).toBe(true);
    expect(await listCatalog(db)).toEqual([]);
    expect(await listPublications(db)).toHaveLength(1);
  });

  it('does not save again a page the reader saved: it refreshes it, and says it auto-saved nothing', async () => {
    await savePublication(db, publication(), { status: 'read' }, 1_000);
    const result = await recordVisit(db, publication({ summary: 'Nieuwe samenvatting' }), 2_000, {
      autoSave: true,
    });
    expect(result.autoSaved).toBe(false);
    expect(result.saved).toMatchObject({
      status: 'read',
      summary: 'Nieuwe samenvatting',
      lastVisitedAt: 2_000,
    });
    expect(await listPublications(db)).toHaveLength(1);
  });

  it('without auto-save catalogues the page and saves nothing', async () => {
    const result = await recordVisit(db, publication(), 1_000);
    expect(result).toMatchObject({ saved: undefined, autoSaved: false, catalogWrites: 1 });
    expect(await listPublications(db)).toEqual([]);
  });
});
