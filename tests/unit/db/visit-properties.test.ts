/**
 * Property tests of the identity rules over the real database (fake-indexeddb): whatever pages the
 * reader visits (forged canonicals, borrowed DOIs, copied titles, home-page canonicals, http), a
 * visit never removes a saved record, never changes a reader's field or a field the reader edited,
 * and never touches a record of another site.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listPublications, openLeesmapDB, recordVisit, savePublication, updatePublication } from '@/utils/db';
import { sameSite } from '@/utils/linking';
import type { Publication, SavedPublication } from '@/utils/record';
import { freshIndexedDB } from './helpers';

const ORIGINS = [
  'https://www.nsob.nl',
  'https://www.wrr.nl',
  'https://rathenau.nl',
  'https://evil.example',
  'http://www.nsob.nl',
  'https://www.government.nl',
  'https://www.rijksoverheid.nl',
];
const PATHS = [
  '/publicaties/leren-van-doen',
  '/publicaties/rapport-a',
  '/',
  '/publicaties',
  '/nl',
  '/p/1',
  '/essay?id=2',
];
const TITLES = [
  'Leren van doen',
  'Rapport A',
  'Hijacked title',
  'Leren van doen: een essay',
  'Sturen op vertrouwen',
];
const DOIS = [undefined, '10.1234/leren', '10.5555/b', '10.9999/z'];

const address = fc.tuple(fc.constantFrom(...ORIGINS), fc.constantFrom(...PATHS)).map(([o, p]) => o + p);

const pagePublication = fc
  .record({
    url: address,
    canonicalUrl: fc.option(address, { nil: undefined }),
    title: fc.constantFrom(...TITLES),
    doi: fc.constantFrom(...DOIS),
    year: fc.option(fc.constantFrom(2020, 2021, 2023), { nil: undefined }),
    publisher: fc.option(fc.constantFrom('NSOB', 'WRR', 'Kaper'), { nil: undefined }),
    summary: fc.option(fc.constantFrom('Nieuwe samenvatting', 'Gekaapte samenvatting'), { nil: undefined }),
    pdfUrl: fc.option(fc.constant('https://evil.example/malware.pdf'), { nil: undefined }),
    authors: fc.subarray(['Mark van Twist', 'Anna de Vries']),
    themes: fc.subarray(['Democratie', 'Zorg']),
  })
  .map((p): Publication => {
    const out: Publication = { ...p, keywords: [], related: [] };
    for (const key of Object.keys(out) as (keyof Publication)[]) if (out[key] === undefined) delete out[key];
    return out;
  });

const readerFields = fc.record({
  status: fc.constantFrom('to-read' as const, 'reading' as const, 'read' as const),
  notes: fc.constantFrom('', 'mijn aantekening'),
  tags: fc.subarray(['werk', 'later']),
  starred: fc.boolean(),
});

const READER_KEYS = ['id', 'status', 'notes', 'tags', 'starred', 'editedFields', 'savedAt'] as const;

function byId(records: SavedPublication[]): Map<string, SavedPublication> {
  return new Map(records.map((r) => [r.id, r]));
}

describe('identity rules over any visits', () => {
  it("a visit never removes a saved record, changes a reader field or an edited field, or touches another site's record", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(pagePublication, readerFields, fc.boolean()), { minLength: 1, maxLength: 5 }),
        fc.array(pagePublication, { minLength: 1, maxLength: 8 }),
        async (saves, visits) => {
          const db = await openLeesmapDB(freshIndexedDB());
          try {
            let now = 1;
            for (const [p, reader, editTitle] of saves) {
              const saved = await savePublication(db, p, reader, now++);
              if (editTitle)
                await updatePublication(db, saved.id, { title: `${saved.title} (mijn titel)` }, now++);
            }
            for (const page of visits) {
              const before = byId(await listPublications(db));
              await recordVisit(db, page, now++);
              const after = byId(await listPublications(db));
              expect(after.size).toBe(before.size);
              for (const [id, old] of before) {
                const next = after.get(id);
                expect(next, id).toBeDefined();
                for (const key of READER_KEYS) expect(next![key], `${id} ${key}`).toEqual(old[key]);
                for (const field of old.editedFields)
                  expect(next![field], `${id} ${field}`).toEqual(old[field]);
                const untouchable =
                  !sameSite(old.url, page.url) ||
                  (page.url.startsWith('http:') && old.url.startsWith('https:'));
                if (untouchable) expect(next, `${id} visited from ${page.url}`).toEqual(old);
              }
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it("a save from a page never removes another record and leaves every other site's record as it was", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(pagePublication, readerFields), { minLength: 1, maxLength: 5 }),
        pagePublication,
        async (saves, page) => {
          const db = await openLeesmapDB(freshIndexedDB());
          try {
            let now = 1;
            for (const [p, reader] of saves) await savePublication(db, p, reader, now++);
            const before = byId(await listPublications(db));
            const saved = await savePublication(db, page, undefined, now++);
            const after = byId(await listPublications(db));
            expect(after.size).toBeGreaterThanOrEqual(before.size);
            for (const [id, old] of before) {
              expect(after.has(id)).toBe(true);
              if (id !== saved.id) expect(after.get(id)).toEqual(old);
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
