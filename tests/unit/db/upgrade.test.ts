/**
 * Every earlier schema version, built here by hand exactly as it was released and filled with
 * data, must upgrade to the current version with every record intact. When a version N+1 is
 * added, add its schema to `RELEASED_SCHEMAS` (helpers.ts); never edit an existing one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  lastImport,
  DB_VERSION,
  findPublication,
  listCatalog,
  listDismissed,
  listPublications,
  openLeesmapDB,
  savePublication,
  themeCounts,
  type StoredPublication,
} from '@/utils/db';
import { identityKeys } from '@/utils/identity';
import type { CatalogEntry } from '@/utils/record';
import { freshIndexedDB, openReleased, publication } from './helpers';

let name: string;
beforeEach(() => {
  name = freshIndexedDB();
});

function storedRecord(n: number): StoredPublication {
  const p = publication({
    url: `https://www.wrr.nl/publicaties/rapport-${n}`,
    title: `Rapport ${n}: ‘Opgaven’ voor de overheid`,
    themes: n % 2 ? ['Zorg', 'Wonen'] : ['Zorg'],
    year: 2000 + (n % 25),
    publisher: 'WRR',
  });
  const identity = identityKeys(p);
  return {
    ...p,
    id: identity[0],
    status: n % 3 === 0 ? 'read' : 'to-read',
    notes: `Notitie ${n}\nmet een tweede regel`,
    tags: n % 4 === 0 ? ['werk'] : [],
    starred: n % 5 === 0,
    editedFields: n % 7 === 0 ? ['title'] : [],
    savedAt: 1_000 + n,
    updatedAt: 2_000 + n,
    identity,
  };
}

function catalogEntry(n: number): CatalogEntry & { identity: string[] } {
  const url = `https://www.rathenau.nl/nl/publicatie/${n}`;
  const identity = identityKeys({ url });
  return {
    id: identity[0],
    title: `Gezien ${n}`,
    url,
    themes: ['Digitalisering'],
    keywords: [],
    authors: [],
    sources: [{ kind: 'visited' }],
    firstSeenAt: 10 + n,
    lastSeenAt: 20 + n,
    identity,
  };
}

/** Version 1 as released: publications, catalog and dismissed, with savedAt/lastSeenAt/identity indexes. */
async function createVersion1(records: StoredPublication[], catalog: ReturnType<typeof catalogEntry>[]) {
  const db = await openReleased(name, 1);
  const tx = db.transaction(['publications', 'catalog', 'dismissed'], 'readwrite');
  for (const record of records) void tx.objectStore('publications').put(record);
  for (const entry of catalog) void tx.objectStore('catalog').put(entry);
  void tx.objectStore('dismissed').put({ id: catalog[0].id, dismissedAt: 5 });
  await tx.done;
  db.close();
}

/** Version 3 (v1, v2's indexes and theme counts, the undo store) or 4 (v2's unread indexes dropped, meta), with an undo row. */
async function createVersion(version: 3 | 4, records: StoredPublication[]) {
  const db = await openReleased(name, version);
  const tx = db.transaction(['publications', 'themes', 'undo'], 'readwrite');
  for (const record of records) void tx.objectStore('publications').put(record);
  void tx.objectStore('themes').put({ theme: 'Zorg', count: records.length });
  void tx.objectStore('undo').put({ key: 'meta', at: 7, mode: 'merge', added: [records[0].id], restored: 0 });
  await tx.done;
  db.close();
}

describe('upgrade from every earlier version', () => {
  it('is at version 5', () => {
    // A reminder: a new version needs its row in RELEASED_SCHEMAS (helpers.ts) and a test below.
    expect(DB_VERSION).toBe(5);
  });

  it('creates an empty database from nothing', async () => {
    const db = await openLeesmapDB(name);
    expect([...db.objectStoreNames].sort()).toEqual([
      'catalog',
      'dismissed',
      'meta',
      'publications',
      'themes',
      'undo',
      'zotero',
    ]);
    expect(await listPublications(db)).toEqual([]);
    db.close();
  });

  it('version 1 → current keeps every record, catalog entry and dismissal', async () => {
    const records = Array.from({ length: 60 }, (_, i) => storedRecord(i));
    const catalog = Array.from({ length: 10 }, (_, i) => catalogEntry(i));
    await createVersion1(records, catalog);

    const db = await openLeesmapDB(name);
    expect(db.version).toBe(DB_VERSION);
    // v3: an empty undo store, nothing to undo yet.
    expect([...db.objectStoreNames]).toContain('undo');
    expect(await db.count('undo')).toBe(0);
    const strip = ({ identity: _identity, ...rest }: StoredPublication) => rest;
    const list = await listPublications(db);
    expect(list).toHaveLength(60);
    expect([...list].sort((a, b) => a.savedAt - b.savedAt)).toEqual(records.map(strip));
    expect(await listCatalog(db)).toEqual(
      [...catalog].reverse().map(({ identity: _identity, ...rest }) => rest),
    );
    expect(await listDismissed(db)).toEqual([catalog[0].id]);

    // The new indexes and theme counts cover the old records.
    expect(await themeCounts(db)).toEqual([
      { theme: 'Zorg', count: 60 },
      { theme: 'Wonen', count: 30 },
    ]);
    // v4, v5: the v2 indexes nothing reads are gone.
    expect([...db.transaction('publications').store.indexNames].sort()).toEqual(['identity', 'savedAt']);

    // Old records still deduplicate against new saves.
    const again = await savePublication(
      db,
      publication({ url: 'http://wrr.nl/publicaties/rapport-3/', title: 'x' }),
    );
    expect(again.id).toBe(records[3].id);
    expect(again.notes).toBe(records[3].notes);
    expect(await listPublications(db)).toHaveLength(60);
    expect((await findPublication(db, { url: 'https://wrr.nl/publicaties/rapport-59' }))?.status).toBe(
      records[59].status,
    );
    db.close();
  });

  it.each([3, 4] as const)(
    'version %i → current keeps every record and the undo of the last import, and drops the unread indexes',
    async (version) => {
      const records = Array.from({ length: 12 }, (_, i) => storedRecord(i));
      await createVersion(version, records);
      const db = await openLeesmapDB(name);
      expect(db.version).toBe(DB_VERSION);
      expect(await listPublications(db)).toHaveLength(12);
      expect(await lastImport(db)).toEqual({ at: 7, mode: 'merge', added: 1, restored: 0 });
      expect([...db.transaction('publications').store.indexNames].sort()).toEqual(['identity', 'savedAt']);
      // Writes after the upgrade note the list's changes in the meta store, and keep theme counts.
      await savePublication(db, publication({ url: 'https://www.wrr.nl/publicaties/nieuw', title: 'Nieuw' }));
      expect(await db.count('meta')).toBe(1);
      expect(await themeCounts(db)).toEqual(
        expect.arrayContaining([
          { theme: 'Zorg', count: 12 },
          { theme: 'Sturen in netwerken', count: 1 },
        ]),
      );
      // v5: an empty store for the Zotero sync's links (none until the reader turns sync on).
      expect(await db.count('zotero')).toBe(0);
      db.close();
    },
  );
});
