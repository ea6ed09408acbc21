/**
 * The merge rules, written once (utils/db/merge.ts, utils/db/imports.ts) and used by re-visits and
 * imports: fill and update, never blank, never poorer, reader fields only from a file that carries
 * them; a preview that writes nothing; one undo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  importPublications,
  lastImport,
  listPublications,
  previewImport,
  savePublication,
  themeCounts,
  undoLastImport,
  updatePublication,
} from '@/utils/db';
import { mergeBibliographic } from '@/utils/db/merge';
import type { SavedPublication } from '@/utils/record';
import { db, eachTestOnFreshDB, publication } from './helpers';

eachTestOnFreshDB();

function saved(overrides: Partial<SavedPublication> = {}): SavedPublication {
  return {
    ...publication({ published: '2023-05-17', keywords: ['leren'] }),
    id: 'url:nsob.nl/publicaties/leren-van-doen',
    status: 'reading',
    notes: 'Hoofdstuk 3',
    tags: ['werk'],
    starred: true,
    editedFields: [],
    savedAt: 1,
    updatedAt: 2,
    ...overrides,
  };
}

describe('mergeBibliographic', () => {
  it('never blanks a field the incoming record lacks, nor replaces a list by none', () => {
    const next = mergeBibliographic(saved(), {
      title: 'Leren van doen',
      themes: [],
      summary: undefined,
      authors: [],
    });
    expect(next).toEqual(saved());
  });

  it('keeps title and subtitle apart when the incoming record joins them', () => {
    const record = saved();
    const next = mergeBibliographic(record, { title: `${record.title}: ${record.subtitle}` });
    expect([next.title, next.subtitle]).toEqual([record.title, record.subtitle]);
  });

  it('keeps a date to the day over its year, a text over its cut-off start, a list over a part of it, a type over other', () => {
    const record = saved({ type: 'essay' });
    const next = mergeBibliographic(record, {
      published: '2023',
      summary: record.summary!.slice(0, 10),
      authors: [record.authors[0]],
      type: 'other',
      language: 'nl',
    });
    expect(next).toEqual(record);
  });

  it('updates what the incoming record says better or differently, but not what the reader edited', () => {
    const record = saved({ editedFields: ['summary'] });
    const next = mergeBibliographic(record, {
      summary: 'Nieuw',
      published: '2023-05-18',
      themes: ['Nieuw thema'],
      doi: '10.1234/x',
    });
    expect(next).toMatchObject({
      summary: record.summary,
      published: '2023-05-18',
      themes: ['Nieuw thema'],
      doi: '10.1234/x',
    });
  });

  it("never touches the reader's fields, whatever comes in (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          title: fc.string(),
          summary: fc.option(fc.string(), { nil: undefined }),
          themes: fc.array(fc.string()),
          status: fc.constant('read'),
        }),
        (incoming) => {
          const record = saved();
          const next = mergeBibliographic(record, incoming as never);
          expect([next.status, next.notes, next.tags, next.starred, next.id, next.url]).toEqual([
            record.status,
            record.notes,
            record.tags,
            record.starred,
            record.id,
            record.url,
          ]);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('imports under the merge rules', () => {
  async function withSaved() {
    const first = await savePublication(
      db,
      publication(),
      { status: 'reading', notes: 'Hoofdstuk 3', tags: ['werk'] },
      1,
    );
    return first;
  }

  /** A record of another publication, with the fields of `first` for the rest. */
  function another(first: SavedPublication): SavedPublication {
    const url = 'https://www.nsob.nl/andere';
    return { ...first, id: 'url:nsob.nl/andere', url, title: 'Andere publicatie', year: 2019 };
  }

  /** Saves the reference record, merge-imports it with `changes` at 100 and returns it before and after. */
  async function mergeOverSaved(changes: Partial<SavedPublication>, readerFields: boolean) {
    const first = await withSaved();
    await importPublications(db, [{ ...first, ...changes }], 'merge', { readerFields }, 100);
    const [after] = await listPublications(db);
    return { first, after };
  }

  it('a file without reader fields (BibTeX, RIS, CSL) never changes status, notes or tags of a saved record', async () => {
    const { first, after } = await mergeOverSaved(
      { status: 'to-read', notes: '', tags: [], themes: [], related: [], updatedAt: 99 },
      false,
    );
    expect(after).toMatchObject({
      status: 'reading',
      notes: 'Hoofdstuk 3',
      tags: ['werk'],
      themes: first.themes,
    });
  });

  it("a backup carries them: the newer side's status, tags united, different notes both kept", async () => {
    const backup: Partial<SavedPublication> = { status: 'read', notes: 'Thuis gelezen', tags: ['thuis'] };
    const { first, after } = await mergeOverSaved({ ...backup, updatedAt: 50 }, true);
    expect(after).toMatchObject({
      status: 'read',
      tags: ['werk', 'thuis'],
      notes: 'Hoofdstuk 3\n\nThuis gelezen',
    });
    // An older backup does not undo what the reader did since.
    await updatePublication(db, first.id, { status: 'to-read' }, 200);
    await importPublications(
      db,
      [{ ...first, ...backup, updatedAt: 60 }],
      'merge',
      { readerFields: true },
      300,
    );
    expect((await listPublications(db))[0].status).toBe('to-read');
  });

  it('previews without writing: new, updated, unchanged, and which fields change', async () => {
    const first = await withSaved();
    const other = another(first);
    const changed = { ...first, summary: 'Een nieuwe samenvatting', updatedAt: 10 };
    const preview = await previewImport(db, [changed, other, first], 'merge', { readerFields: true });
    expect(preview).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 0,
      removed: 0,
      changedFields: { summary: 1 },
    });
    expect(await listPublications(db)).toHaveLength(1);
    expect(await previewImport(db, [first], 'merge', { readerFields: true })).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await previewImport(db, [other], 'replace', { readerFields: true })).toMatchObject({
      added: 1,
      removed: 1,
    });
  });

  it('undoes the last import in one step, merge or replace, theme counts included', async () => {
    const first = await withSaved();
    const before = await listPublications(db);
    const themesBefore = await themeCounts(db);
    const other = { ...another(first), themes: ['Ander thema'] };
    await importPublications(
      db,
      [{ ...first, summary: 'Veranderd', updatedAt: 10 }, other],
      'merge',
      { readerFields: true },
      20,
    );
    expect(await listPublications(db)).toHaveLength(2);
    expect(await lastImport(db)).toMatchObject({ mode: 'merge', added: 1, restored: 1 });
    expect(await undoLastImport(db)).toEqual({ removed: 1, restored: 1 });
    expect(await listPublications(db)).toEqual(before);
    expect(await themeCounts(db)).toEqual(themesBefore);
    await expect(undoLastImport(db)).rejects.toMatchObject({ reason: 'not-found' });

    await importPublications(db, [other], 'replace', { readerFields: true }, 30);
    expect((await listPublications(db)).map((r) => r.id)).toEqual([other.id]);
    await undoLastImport(db);
    expect(await listPublications(db)).toEqual(before);
    expect(await themeCounts(db)).toEqual(themesBefore);
  });
});
