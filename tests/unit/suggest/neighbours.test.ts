import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import { inferThemes, mostSimilarSaved } from '@/utils/suggest/neighbours';
import { catalogEntry, indexOf, savedRecord } from './helpers';

const climate = [
  catalogEntry({
    id: 'k1',
    title: 'Warmtetransitie in de wijk',
    summary: 'Gemeenten en de aanpak van warmtepompen en isolatie.',
    themes: ['Klimaat en energie'],
  }),
  catalogEntry({
    id: 'k2',
    title: 'Isolatie van oude woningen',
    summary: 'Warmtepompen in bestaande wijken.',
    themes: ['Klimaat en energie'],
  }),
];
const law = catalogEntry({
  id: 'r1',
  title: 'Vertrouwen in de rechtspraak',
  summary: 'Burgers en rechters.',
  themes: ['Rechtsstaat'],
});

/** A saved record without themes, about what the climate records are about. */
const untagged = savedRecord({
  id: 'u',
  title: 'Warmtepompen en isolatie in oude wijken',
  summary: 'Hoe gemeenten de warmtetransitie in bestaande wijken aanpakken.',
});

describe('inferThemes', () => {
  it('gives an unthemed record the theme of its nearest themed records', () => {
    const index = indexOf([untagged], [...climate, law]);
    expect(inferThemes(index, index.saved.get('u')!)).toEqual(['Klimaat en energie']);
  });

  it('infers nothing when no themed record shares its words, and never votes for itself', () => {
    const lonely = catalogEntry({ id: 'l', title: 'Stikstof en landbouw', themes: ['Landbouw'] });
    const index = indexOf([], [...climate, law, lonely]);
    expect(inferThemes(index, index.catalog.get('l')!)).toEqual([]);
  });

  // Few words, many records: many neighbours tie, and more than five of them are near.
  const words = ['wonen', 'zorg', 'klimaat', 'energie', 'europa'];
  const themes = ['Wonen', 'Zorg', 'Klimaat', 'Europa', 'Bestuur'];
  const library = fc.array(
    fc.record({
      title: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      themes: fc.subarray(themes, { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 40 },
  );
  const entries = (items: { title: string; themes: string[] }[]): CatalogEntry[] =>
    items.map((item, i) => catalogEntry({ id: `c${i}`, language: 'nl', ...item }));

  it('gives at most two themes, each carried by another record sharing a word', () => {
    fc.assert(
      fc.property(library, (items) => {
        const catalog = entries(items);
        const index = indexOf([], catalog);
        for (const doc of index.catalog.values()) {
          const inferred = inferThemes(index, doc);
          expect(inferred.length).toBeLessThanOrEqual(2);
          for (const theme of inferred) {
            const carriers = [...index.catalog.values()].filter(
              (other) => other !== doc && other.themes.includes(theme),
            );
            expect(carriers.some((other) => [...other.terms].some((t) => doc.terms.includes(t)))).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order records were added in', () => {
    const withOrder = library.chain((items) =>
      fc.tuple(
        fc.constant(items),
        fc.shuffledSubarray(
          items.map((_, i) => i),
          { minLength: items.length },
        ),
      ),
    );
    fc.assert(
      fc.property(withOrder, ([items, order]) => {
        const catalog = entries(items);
        const first = indexOf([], catalog);
        const second = indexOf(
          [],
          order.map((i) => catalog[i]),
        );
        for (const entry of catalog) {
          expect(inferThemes(second, second.catalog.get(entry.id)!)).toEqual(
            inferThemes(first, first.catalog.get(entry.id)!),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('breaks ties between equally near records the same way whatever the order they came in', () => {
    // Six records equally near (same text, theme words equally rare): which five vote must not
    // depend on insertion order.
    const same = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) =>
      catalogEntry({ id, title: 'Digitale overheid', themes: [id < 'd' ? 'Digitalisering' : 'Bestuur'] }),
    );
    const digital = savedRecord({ id: 'u', title: 'Digitale overheid' });
    const results = [same, [...same].reverse()].map((order) => {
      const index = indexOf([digital], order);
      return inferThemes(index, index.saved.get('u')!);
    });
    expect(results[1]).toEqual(results[0]);
  });
});

describe('mostSimilarSaved', () => {
  const saved: SavedPublication[] = [
    savedRecord({
      id: 'ict',
      title: 'Grip op grote ICT-projecten',
      summary: 'Digitale projecten lopen uit.',
    }),
    savedRecord({ id: 'housing', title: 'Woningbouw in de regio', summary: 'Huur en koop.' }),
  ];

  it('names the saved record closest in text', () => {
    const candidate = catalogEntry({
      id: 'c',
      title: 'Uitlopende ICT-projecten',
      summary: 'Digitale projecten.',
    });
    const index = indexOf(saved, [candidate]);
    const similar = mostSimilarSaved(index, index.catalog.get('c')!);
    expect(similar?.doc.id).toBe('ict');
    expect(similar!.similarity).toBeGreaterThan(0.08);
    expect(similar!.similarity).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('names none when nothing is close', () => {
    const candidate = catalogEntry({ id: 'c', title: 'Stikstof en landbouw' });
    const index = indexOf(saved, [candidate]);
    expect(mostSimilarSaved(index, index.catalog.get('c')!)).toBeUndefined();
  });

  it('names the same record whichever was saved first, when two are equally close', () => {
    const twins = [
      savedRecord({ id: 'b-twin', title: 'Digitale overheid' }),
      savedRecord({ id: 'a-twin', title: 'Digitale overheid' }),
    ];
    const candidate = catalogEntry({ id: 'c', title: 'Digitale overheid' });
    for (const order of [twins, [...twins].reverse()]) {
      const index = indexOf(order, [candidate]);
      expect(mostSimilarSaved(index, index.catalog.get('c')!)?.doc.id).toBe('a-twin');
    }
  });
});
