import { describe, expect, it } from 'vitest';
import { fromBackupJson, toBackupJson } from '@/utils/export/backup';
import {
  importPublications,
  listCatalog,
  listPublications,
  recordVisit,
  savePublication,
  themeCounts,
  updatePublication,
  type ImportResult,
} from '@/utils/db';
import type { SavedPublication } from '@/utils/record';
import { storedRecord, variedRecord } from '../export/records';
import { db, eachTestOnFreshDB, publication } from './helpers';

eachTestOnFreshDB();

/** Imports `records`, expects the counts it reports (0 where not given) and returns the list after. */
async function importCounting(
  records: SavedPublication[],
  mode: 'merge' | 'replace',
  counts: Partial<ImportResult>,
): Promise<SavedPublication[]> {
  expect(await importPublications(db, records, mode)).toEqual({
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    ...counts,
  });
  return listPublications(db);
}

describe('importPublications', () => {
  it('restores a 10,000-record backup into an empty list exactly', async () => {
    const records = Array.from({ length: 10_000 }, (_, n) => variedRecord(n));
    const restored = fromBackupJson(toBackupJson(records));
    const list = await importCounting(restored, 'replace', { added: 10_000 });
    // Exactly as the import stores them: bidi controls and zero-width spaces never enter the list.
    expect(list).toEqual(records.map(storedRecord).sort((a, b) => b.savedAt - a.savedAt));
    const counted = new Map<string, number>();
    for (const r of records) for (const t of new Set(r.themes)) counted.set(t, (counted.get(t) ?? 0) + 1);
    expect(await themeCounts(db)).toEqual(
      [...counted]
        .map(([theme, count]) => ({ theme, count }))
        .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
    );
  }, 60_000);

  it('merge: folds an imported record into the existing one found by another URL, keeping reader fields', async () => {
    const saved = await savePublication(db, publication(), { notes: 'eigen notitie', tags: ['thuis'] }, 1);
    await updatePublication(db, saved.id, { starred: true }, 2);
    const imported: SavedPublication = {
      ...saved,
      id: 'url:elders.example/kopie',
      url: 'https://elders.example/kopie',
      canonicalUrl: 'https://nsob.nl/publicaties/leren-van-doen/',
      notes: 'notitie uit backup',
      tags: ['werk'],
      starred: false,
      status: 'read',
      updatedAt: 10,
    };
    const list = await importCounting([imported], 'merge', { updated: 1 });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: saved.id,
      status: 'read',
      starred: true,
      tags: ['thuis', 'werk'],
      notes: 'eigen notitie\n\nnotitie uit backup',
    });
  });

  it('merge: duplicates inside one file become one record', async () => {
    const a = variedRecord(1);
    const copy = {
      ...a,
      id: 'url:other',
      url: `${a.url.replace('https://www.', 'http://')}/?utm_source=x`,
      tags: ['extra'],
    };
    // The copy folds into the first in the plan: one new record, with the copy's tags.
    const list = await importCounting([a, copy], 'merge', { added: 1 });
    expect(list).toHaveLength(1);
    expect(list[0].tags).toEqual([...a.tags, 'extra']);
  });

  it('replace: empties the list first; imported publications leave the catalog', async () => {
    await savePublication(db, publication({ url: 'https://a.org/weg', title: 'Weg' }));
    const relatedUrl = 'https://example.org/related';
    await recordVisit(db, publication({ related: [{ title: 'Gerelateerd', url: relatedUrl, themes: [] }] }));
    const record = { ...variedRecord(2), url: relatedUrl, canonicalUrl: undefined };
    delete record.canonicalUrl;
    await importPublications(db, [record], 'replace');
    expect((await listPublications(db)).map((p) => p.url)).toEqual([relatedUrl]);
    expect((await listCatalog(db)).map((e) => e.title)).toEqual(['Leren van doen']);
    expect(await themeCounts(db)).toEqual(
      record.themes.map((theme) => ({ theme, count: 1 })).sort((a, b) => a.theme.localeCompare(b.theme)),
    );
  });
});
