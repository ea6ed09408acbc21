/**
 * The maintained theme counts and the identity index must always agree with the records
 * themselves, whatever sequence of saves, visits, edits, deletes and imports led there.
 */
import { describe, expect, it } from 'vitest';
import {
  deletePublications,
  importPublications,
  listPublications,
  mergePublications,
  recordVisit,
  savePublication,
  themeCounts,
  updatePublication,
} from '@/utils/db';
import { identityKeys } from '@/utils/identity';
import type { Publication } from '@/utils/record';
import { seededRandom } from '@/scripts/lib/random';
import { db, eachTestOnFreshDB, publication } from './helpers';

eachTestOnFreshDB();

const THEMES = ['Zorg', 'Wonen', 'Klimaat', 'Democratie', 'Europa'];

function variant(n: number, next: () => number): Publication {
  const base = `https://www.wrr.nl/publicaties/${n}`;
  const url = [base, `${base}/`, `http://wrr.nl/publicaties/${n}?utm_source=x`, `${base}#deel-2`][
    Math.floor(next() * 4)
  ];
  const themes = THEMES.filter(() => next() < 0.4);
  return publication({
    url,
    title: `Rapport ${n}`,
    year: 2020 + (n % 3),
    publisher: 'WRR',
    themes,
    doi: n % 3 === 0 ? `10.5555/wrr.${n}` : undefined,
  });
}

async function expectConsistent(): Promise<void> {
  const records = await listPublications(db);
  const expected = new Map<string, number>();
  for (const r of records) for (const t of new Set(r.themes)) expected.set(t, (expected.get(t) ?? 0) + 1);
  const counts = await themeCounts(db);
  expect(Object.fromEntries(counts.map((c) => [c.theme, c.count]))).toEqual(Object.fromEntries(expected));
  // One record per publication: no two records share an identity key.
  const owners = new Map<string, string>();
  for (const r of records) {
    for (const key of identityKeys(r)) {
      expect(owners.get(key) ?? r.id, `key ${key}`).toBe(r.id);
      owners.set(key, r.id);
    }
  }
}

describe('consistency under mixed operations', () => {
  it.each([1, 2, 3])('theme counts and identities stay right (seed %i)', async (seed) => {
    const next = seededRandom(seed);
    for (let step = 0; step < 120; step++) {
      const n = Math.floor(next() * 12);
      const op = next();
      if (op < 0.35) await savePublication(db, variant(n, next), undefined, step);
      else if (op < 0.55) await recordVisit(db, variant(n, next), step);
      else if (op < 0.7) {
        const [target] = await listPublications(db);
        if (target)
          await updatePublication(db, target.id, { themes: THEMES.filter(() => next() < 0.5) }, step);
      } else if (op < 0.8) {
        const records = await listPublications(db);
        if (records.length) await deletePublications(db, [records[Math.floor(next() * records.length)].id]);
      } else if (op < 0.9) {
        const records = await listPublications(db);
        await importPublications(
          db,
          records.slice(0, 3).map((r) => ({ ...r, tags: ['import'] })),
          'merge',
        );
      } else {
        // Parallel saves of overlapping variants.
        await Promise.all(
          [variant(n, next), variant(n, next), variant((n + 1) % 12, next)].map((p) =>
            savePublication(db, p),
          ),
        );
      }
    }
    await expectConsistent();
  });

  it('a visit that names two saved records updates the one at its address and merges nothing; the reader merges', async () => {
    const byUrl = await savePublication(
      db,
      publication({ url: 'https://a.org/rapport', title: 'Eén', themes: ['Zorg'] }),
      {
        notes: 'eerste',
        tags: ['a'],
      },
      1,
    );
    const byDoi = await savePublication(
      db,
      publication({ url: 'https://doi.org/10.5555/x', doi: '10.5555/x', title: 'Eén', themes: ['Zorg'] }),
      { notes: 'tweede', tags: ['b'], status: 'read' },
      2,
    );
    expect(byUrl.id).not.toBe(byDoi.id);
    const visited = await recordVisit(
      db,
      publication({ url: 'https://a.org/rapport', doi: '10.5555/X', title: 'Eén', themes: ['Zorg'] }),
      3,
    );
    expect(visited.saved).toMatchObject({ id: byUrl.id, notes: 'eerste', tags: ['a'], status: 'to-read' });
    expect(visited.resembles.map((r) => r.id)).toEqual([byDoi.id]);
    expect(await listPublications(db)).toHaveLength(2);
    const merged = await mergePublications(db, [byUrl.id, byDoi.id], 4);
    expect(merged).toMatchObject({
      id: byUrl.id,
      notes: 'eerste\n\ntweede',
      tags: ['a', 'b'],
      status: 'read',
    });
    expect(await listPublications(db)).toHaveLength(1);
    expect(await themeCounts(db)).toEqual([{ theme: 'Zorg', count: 1 }]);
  });
});
