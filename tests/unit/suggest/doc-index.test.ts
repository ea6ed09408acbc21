import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import { DocIndex } from '@/utils/suggest/doc-index';
import { catalogEntry, savedRecord } from './helpers';

/** Live document frequency by term string: what the IDF is computed from. */
function frequencies(index: DocIndex): Record<string, number> {
  const { terms, documentFrequency } = index.vocabulary;
  return Object.fromEntries(
    terms.map((term, id) => [term, documentFrequency[id]] as const).filter(([, df]) => df > 0),
  );
}

describe('what is indexed of a record', () => {
  it('keeps one theme per spelling, drops non-text and empty labels, and bounds lists and lengths', () => {
    const index = new DocIndex();
    index.addCatalogEntry(
      catalogEntry({
        id: 'c',
        title: 'Titel',
        themes: [
          'Strategie en toekomst',
          'strategie & Toekomst',
          '',
          42 as unknown as string,
          'x'.repeat(500),
        ],
        keywords: Array.from({ length: 80 }, (_, i) => `trefwoord ${i}`),
      }),
    );
    const doc = index.catalog.get('c')!;
    expect(doc.themes).toEqual(['Strategie en toekomst', 'x'.repeat(200)]);
    expect(doc.keywords).toHaveLength(50);
  });

  it('takes the pages that listed an entry from its related sources only, once each', () => {
    const lister = savedRecord({ id: 's', title: 'Lijst' });
    const entry = catalogEntry({ id: 'c', title: 'Titel' }, [lister, lister]);
    entry.sources.push({ kind: 'visited' }, null as unknown as CatalogEntry['sources'][number]);
    const index = new DocIndex();
    index.addCatalogEntry(entry);
    expect(index.catalog.get('c')!.listers.map((l) => l.id)).toEqual(['s']);
  });

  it('ignores records without an id and entries with malformed fields', () => {
    const index = new DocIndex();
    index.addSaved({ title: 'Geen id' } as unknown as SavedPublication);
    index.addCatalogEntry({ id: 'broken', title: undefined, sources: 'nope' } as unknown as CatalogEntry);
    expect(index.saved.size).toBe(0);
    expect(index.catalog.get('broken')!.listers).toEqual([]);
  });
});

describe('saved or not', () => {
  it('knows a catalog entry is saved by its id, its address or the saved canonical address', () => {
    const url = 'https://example.org/a?utm_source=x';
    const canonicalUrl = 'https://example.org/canonical';
    const index = new DocIndex();
    index.addSaved(savedRecord({ id: 's', title: 'Bewaard', url, canonicalUrl }));
    const entries = [
      catalogEntry({ id: 's', title: 'Zelfde id' }),
      catalogEntry({ id: 'c1', title: 'Zelfde adres', url: 'http://example.org/a' }),
      catalogEntry({ id: 'c2', title: 'Canoniek', url: canonicalUrl }),
      catalogEntry({ id: 'c3', title: 'Anders', url: 'https://example.org/b' }),
    ];
    for (const entry of entries) index.addCatalogEntry(entry);
    const saved = (id: string) => index.isSaved(index.catalog.get(id)!);
    expect(['s', 'c1', 'c2', 'c3'].map(saved)).toEqual([true, true, true, false]);

    index.removeSaved('s');
    expect(['s', 'c1', 'c2', 'c3'].map(saved)).toEqual([false, false, false, false]);
  });

  it('finds the saved record of a lister by id or by address', () => {
    const record = savedRecord({ id: 's', title: 'Bewaard' });
    const index = new DocIndex();
    index.addSaved(record);
    const byAddress = { id: 'other', title: 'Oud', url: record.url, urlKey: 'example.org/publicaties/s' };
    expect(index.listerIsSaved(byAddress)).toBe(true);
    expect(index.savedLister(byAddress)?.id).toBe('s');
    const unknown = { id: 'x', title: 'x', url: 'https://elders.example/x', urlKey: 'elders.example/x' };
    expect(index.listerIsSaved(unknown)).toBe(false);
  });
});

describe('updates one record at a time', () => {
  const words = ['wonen', 'zorg', 'klimaat', 'energie', 'europa', 'bestuur', 'onderwijs', 'digitaal'];
  const title = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('save' as const), id: fc.constantFrom('a', 'b', 'c'), title }),
    fc.record({ kind: fc.constant('catalog' as const), id: fc.constantFrom('a', 'd', 'e'), title }),
    fc.record({ kind: fc.constant('unsave' as const), id: fc.constantFrom('a', 'b', 'c') }),
    fc.record({ kind: fc.constant('uncatalog' as const), id: fc.constantFrom('a', 'd', 'e') }),
  );

  it('ends with the same document frequencies and IDF as an index built at once from what is left', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        const incremental = new DocIndex();
        const saved = new Map<string, SavedPublication>();
        const catalog = new Map<string, CatalogEntry>();
        for (const op of operations) {
          if (op.kind === 'save') {
            const record = savedRecord({ id: op.id, title: op.title, language: 'nl' });
            saved.set(op.id, record);
            incremental.addSaved(record);
          } else if (op.kind === 'catalog') {
            const entry = catalogEntry({ id: op.id, title: op.title, language: 'nl' });
            catalog.set(op.id, entry);
            incremental.addCatalogEntry(entry);
          } else if (op.kind === 'unsave') {
            saved.delete(op.id);
            incremental.removeSaved(op.id);
          } else {
            catalog.delete(op.id);
            incremental.removeCatalogEntry(op.id);
          }
        }
        const atOnce = new DocIndex();
        for (const record of saved.values()) atOnce.addSaved(record);
        for (const entry of catalog.values()) atOnce.addCatalogEntry(entry);
        expect(frequencies(incremental)).toEqual(frequencies(atOnce));
        incremental.vocabulary.ensureIdf();
        atOnce.vocabulary.ensureIdf();
        const idf = (index: DocIndex) =>
          Object.fromEntries(
            Object.keys(frequencies(index)).map((term) => [
              term,
              index.vocabulary.idf[index.vocabulary.terms.indexOf(term)],
            ]),
          );
        expect(idf(incremental)).toEqual(idf(atOnce));
        expect([...incremental.saved.keys()].sort()).toEqual([...saved.keys()].sort());
        expect([...incremental.catalog.keys()].sort()).toEqual([...catalog.keys()].sort());
      }),
      { numRuns: 60 },
    );
  });

  it('keeps only live documents in the postings once enough removals pile up', () => {
    const index = new DocIndex();
    const summary = Array.from({ length: 600 }, (_, i) => `woord${i}`).join(' ');
    // ~330 terms a version: the dead ones pass the compaction threshold (50,000) after ~150 saves.
    for (let round = 0; round < 200; round++) {
      index.addSaved(savedRecord({ id: 'churn', title: 'Wisselend', themes: ['Thema'], summary }));
    }
    const live = index.saved.get('churn')!;
    for (const id of live.terms) {
      const list = index.savedPostings.get(id)!;
      expect(list.length).toBeLessThan(100);
      expect(list.slots.subarray(0, list.length)).toContain(live.slot);
    }
  });
});
