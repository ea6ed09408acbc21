/**
 * Export, then merge-import the same file into the same list: for every format the list is left
 * exactly as it was (every field the format carries comes back equal, and what it cannot carry is
 * never blanked), and the reader's status, notes, tags and stars are never changed. Each run
 * generates 1,000 varied records (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPublications, listPublications, openLeesmapDB, previewImport } from '@/utils/db';
import { exportRecords, importText } from '@/utils/export';
import { identityKeys } from '@/utils/identity';
import type { SavedPublication } from '@/utils/record';
import { freshIndexedDB } from './helpers';

const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: max }),
    fc.constantFrom(
      'Leren van doen',
      'Ångström & “quotes”: naïve café',
      'التعلم بالممارسة',
      'Braces {a} } \\ 50% #_$~^',
      'Emoji 📚🇳🇱',
    ),
  );
const name = fc.oneof(
  fc.constantFrom(
    'Mark van Twist',
    'Martijn van der Steen',
    'Zoë Ölçer',
    'Sociaal en Cultureel Planbureau',
    'محمد الأحمد',
  ),
  fc.string({ minLength: 2, maxLength: 30 }),
);

const generated = fc
  .record({
    n: fc.nat(1_000_000),
    // A title has something to read (an empty one is refused on every way in).
    title: text(120).filter((t) => /[\p{L}\p{N}]/u.test(t)),
    subtitle: fc.option(text(120), { nil: undefined }),
    authors: fc.array(name, { maxLength: 4 }),
    themes: fc.array(text(30), { maxLength: 4 }),
    keywords: fc.array(text(30), { maxLength: 4 }),
    date: fc.option(
      fc.tuple(
        fc.integer({ min: 1900, max: 2030 }),
        fc.option(fc.integer({ min: 1, max: 12 })),
        fc.option(fc.integer({ min: 1, max: 28 })),
      ),
      { nil: undefined },
    ),
    publisher: fc.option(text(60), { nil: undefined }),
    type: fc.option(
      fc.constantFrom(
        'report',
        'essay',
        'advice',
        'policy-brief',
        'working-paper',
        'book',
        'article',
        'blog',
        'other',
      ),
      { nil: undefined },
    ),
    summary: fc.option(text(400), { nil: undefined }),
    language: fc.option(fc.constantFrom('nl', 'en', 'de', 'en-GB', 'nl-NL'), { nil: undefined }),
    doi: fc.option(
      fc.integer({ min: 1, max: 99999 }).map((i) => `10.5555/leesmap.${i}`),
      { nil: undefined },
    ),
    pdf: fc.boolean(),
    related: fc.array(fc.record({ title: text(60), themes: fc.array(text(20), { maxLength: 2 }) }), {
      maxLength: 3,
    }),
    status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
    notes: fc.oneof(fc.constant(''), text(200)),
    tags: fc.array(text(20), { maxLength: 3 }),
    starred: fc.boolean(),
  })
  .map((g): SavedPublication => {
    const url = `https://www.example${g.n % 13}.org/publicaties/${g.n}`;
    const record: SavedPublication = {
      id: '',
      url,
      title: g.title,
      authors: g.authors,
      themes: g.themes,
      keywords: g.keywords,
      related: g.related.map((r, j) => ({ ...r, url: `${url}/gerelateerd-${j}` })),
      status: g.status,
      notes: g.notes,
      tags: g.tags,
      starred: g.starred,
      editedFields: [],
      savedAt: 1_700_000_000_000 + g.n,
      updatedAt: 1_700_000_000_000 + g.n,
    };
    if (g.subtitle) record.subtitle = g.subtitle;
    if (g.date) {
      const [y, m, d] = g.date;
      record.year = y;
      record.published = m
        ? d
          ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
          : `${y}-${String(m).padStart(2, '0')}`
        : `${y}`;
    }
    for (const key of ['publisher', 'type', 'summary', 'language', 'doi'] as const)
      if (g[key]) record[key] = g[key];
    if (g.pdf) record.pdfUrl = `${url}.pdf`;
    record.id = identityKeys(record)[0];
    return record;
  });

/** Unique addresses: the list holds one record per publication. */
const records = fc.uniqueArray(generated, { minLength: 1_000, maxLength: 1_000, selector: (r) => r.id });

describe('export, then merge-import into the same list', () => {
  for (const format of ['leesmap-json', 'csl-json', 'bibtex', 'ris'] as const) {
    it(`${format}: leaves every record exactly as it was, reader fields included (1,000 generated records a run)`, async () => {
      await fc.assert(
        fc.asyncProperty(records, async (generatedRecords) => {
          const db = await openLeesmapDB(freshIndexedDB());
          try {
            // The list as it holds them: through the one sanitiser, as a backup restores them.
            await importPublications(db, generatedRecords, 'replace', { readerFields: true });
            const before = await listPublications(db);
            const file = await exportRecords(before, format);
            const back = await importText(file.content, format);
            const readerFields = format === 'leesmap-json';
            const preview = await previewImport(db, back.records, 'merge', { readerFields });
            expect(preview.changedFields, format).toEqual({});
            expect(preview).toMatchObject({ added: 0, updated: 0, unchanged: before.length });
            await importPublications(db, back.records, 'merge', { readerFields });
            expect(await listPublications(db)).toEqual(before);
          } finally {
            db.close();
          }
        }),
        { numRuns: 2, endOnFailure: true },
      );
    }, 240_000);
  }
});
