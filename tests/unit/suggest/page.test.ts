import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicationId } from '@/utils/identity';
import type { RelatedPublication } from '@/utils/record';
import {
  createSuggestionEngine,
  PAGE_THEME_MAX,
  pageListingEntry,
  SUMMARY_LINE_CHARS,
  type PageContext,
  type Suggestion,
} from '@/utils/suggest';
import { summaryLine } from '@/utils/suggest/reasons';
import { catalogEntry, NOW, savedRecord } from './helpers';
import { library } from './library';

const ids = (suggestions: Suggestion[]) => suggestions.map((s) => s.id);
const groups = (suggestions: Suggestion[]) => suggestions.map((s) => s.group);

/** A listing on a page, as the extractor gives it, of a catalog entry. */
const listing = (entry: { title: string; url?: string; themes?: string[] }): RelatedPublication => ({
  title: entry.title,
  ...(entry.url ? { url: entry.url } : {}),
  themes: entry.themes ?? [],
});

/** "Leren van doen", the page the reader is on: not saved, in the catalog as visited. */
function onPage() {
  const { saved, catalog } = library();
  const byId = new Map(catalog.map((entry) => [entry.id, entry]));
  const self = catalogEntry({
    id: 'c-self',
    title: 'Leren van doen',
    themes: ['Landbouw', 'Digitalisering'],
    summary: 'Digitale projecten van de overheid en wat ervan te leren valt.',
  });
  const page: PageContext = {
    url: `${self.url}?utm_source=nieuwsbrief`,
    title: 'Leren van doen',
    themes: ['Landbouw'],
    related: [listing(byId.get('c-far')!), listing(byId.get('c-author')!)],
  };
  return { saved, catalog: [...catalog, self], page };
}

describe('page first', () => {
  const { saved, catalog, page } = onPage();
  const engine = createSuggestionEngine({ saved, catalog });
  const ranking = engine.rank({ now: NOW, page });

  it('puts what the page lists first, even what the reader would not otherwise be shown', () => {
    expect(ids(engine.rank({ now: NOW }))).not.toContain('c-far');
    expect(new Set(ids(ranking).slice(0, 2))).toEqual(new Set(['c-far', 'c-author']));
    expect(groups(ranking).slice(0, 2)).toEqual(['page', 'page']);
  });

  it('then what shares its themes, then the reader’s own suggestions as without a page', () => {
    const pageGroup = ranking.filter((s) => s.group === 'page');
    expect(pageGroup.length).toBe(2); // nothing else in the catalog is about Landbouw
    const withoutPage = engine
      .rank({ now: NOW })
      .filter((s) => !['c-far', 'c-author', 'c-self'].includes(s.id));
    expect(ids(ranking.filter((s) => s.group === 'reader'))).toEqual(ids(withoutPage));
  });

  it('never suggests the page itself, saved or not', () => {
    expect(ids(engine.rank({ now: NOW }))).toContain('c-self');
    expect(ids(ranking)).not.toContain('c-self');
    const savedPage = savedRecord({ id: 's-page', title: 'Leren van doen', url: catalog.at(-1)!.url });
    const withSaved = createSuggestionEngine({ saved: [...saved, savedPage], catalog });
    expect(ids(withSaved.rank({ now: NOW, page: { ...page, id: 's-page' } }))).not.toContain('c-self');
  });

  it('explains a listed publication by the page, in a sentence the UI can phrase', () => {
    const far = ranking.find((s) => s.id === 'c-far')!;
    expect(far.reasons[0]).toEqual({
      kind: 'listedBy',
      id: page.url,
      title: 'Leren van doen',
      url: page.url,
      currentPage: true,
    });
  });

  it('names a shared theme as the page words it, with how many saves the reader has on it', () => {
    const entries = [
      ...catalog,
      catalogEntry({ id: 'c-digi', title: 'Data in de wijk', themes: ['digitalisering'] }),
    ];
    const ranked = createSuggestionEngine({ saved, catalog: entries }).rank({
      now: NOW,
      page: { ...page, related: [], themes: ['Digitalisering'] },
    });
    const digi = ranked.find((s) => s.id === 'c-digi')!;
    expect(digi.group).toBe('page');
    expect(digi.reasons[0]).toEqual({
      kind: 'theme',
      theme: 'Digitalisering',
      savedCount: 2,
      candidateTheme: 'digitalisering',
      currentPage: true,
    });
    // The same theme is not given twice.
    expect(digi.reasons.filter((r) => r.kind === 'theme')).toHaveLength(1);
  });

  it('does not repeat that a saved page lists it when that page is the one the reader is on', () => {
    const ranked = createSuggestionEngine({ saved, catalog }).rank({
      now: NOW,
      page: { id: 's1', url: saved[0].url, title: saved[0].title, related: [listing(catalog[0])] },
    });
    const digital = ranked.find((s) => s.id === 'c-digital')!;
    expect(digital.group).toBe('page');
    expect(digital.reasons.filter((r) => r.kind === 'listedBy')).toEqual([
      { kind: 'listedBy', id: 's1', title: saved[0].title, url: saved[0].url, currentPage: true },
    ]);
  });

  it('takes at most a few that only share a theme', () => {
    const many = Array.from({ length: PAGE_THEME_MAX + 4 }, (_, i) =>
      catalogEntry({ id: `c-land-${i}`, title: `Boeren en grond ${i}`, themes: ['Landbouw'] }),
    );
    const ranked = createSuggestionEngine({ saved, catalog: [...catalog, ...many] }).rank({
      now: NOW,
      page: { ...page, related: [] },
    });
    expect(ranked.filter((s) => s.group === 'page')).toHaveLength(PAGE_THEME_MAX);
  });
});

describe('listings the catalog lacks', () => {
  const { saved, catalog } = library();
  const unknown = {
    title: 'Experimenteren in de uitvoering',
    url: 'https://nsob.example/experimenteren',
    summary: 'Hoe uitvoeringsorganisaties leren door te proberen.',
    themes: ['Sturen in netwerken'],
  };

  it('suggests them under the id the catalog would give them, and honours their dismissal', () => {
    const engine = createSuggestionEngine({ saved, catalog });
    const page = { url: 'https://nsob.example/leren', title: 'Leren van doen', related: [unknown] };
    const first = engine.rank({ now: NOW, page })[0];
    expect(first).toMatchObject({ id: publicationId(unknown), group: 'page', title: unknown.title });
    expect(first.summary).toBe(unknown.summary);
    // What saving it needs: the entry, as the catalog would hold it.
    expect(pageListingEntry(page, first.id)).toMatchObject({
      id: first.id,
      url: unknown.url,
      title: unknown.title,
    });
    expect(pageListingEntry(page, 'c-far')).toBeUndefined();
    engine.dismiss(first.id);
    expect(ids(engine.rank({ now: NOW, page }))).not.toContain(first.id);
  });

  it('finds a listing in the catalog by address, or without one by its title in any case or accents', () => {
    const engine = createSuggestionEngine({ saved, catalog });
    const page = {
      title: 'Leren van doen',
      related: [
        { title: 'Another title, same page', url: 'http://www.example.org/catalogus/c-far/', themes: [] },
        { title: 'TOEZICHT OP DATA', themes: [] },
      ],
    };
    const ranked = engine.rank({ now: NOW, page });
    expect(ids(ranked).slice(0, 2).sort()).toEqual(['c-author', 'c-far']);
    engine.removeCatalogEntry('c-author');
    expect(ids(engine.rank({ now: NOW, page }))).toContain(publicationId({ title: 'TOEZICHT OP DATA' }));
  });

  it('leaves the engine as it was: a ranking without the page is the same before and after', () => {
    const engine = createSuggestionEngine({ saved, catalog });
    const before = engine.rank({ now: NOW, includeUnexplained: true });
    engine.rank({ now: NOW, page: { title: 'Leren van doen', related: [unknown], themes: ['Zorg'] } });
    expect(engine.rank({ now: NOW, includeUnexplained: true })).toEqual(before);
  });

  it('shows a new reader (nothing saved) the page’s group alone', () => {
    const ranked = createSuggestionEngine({ catalog }).rank({
      now: NOW,
      page: { title: 'Leren van doen', related: [unknown], themes: ['Housing'] },
    });
    expect(ids(ranked)).toEqual([publicationId(unknown), 'c-housing', 's3']);
    expect(new Set(groups(ranked))).toEqual(new Set(['page']));
    expect(createSuggestionEngine({ catalog }).rank({ now: NOW })).toEqual([]);
  });
});

describe('page first, for any page', () => {
  const { saved, catalog } = library();
  const engine = createSuggestionEngine({ saved, catalog, dismissed: ['c-dismissed'] });
  const themePool = ['Digitalisering', 'Housing', 'Landbouw', 'Rechtsstaat', 'Zorg'];
  const pages = fc.record({
    self: fc.constantFrom(...catalog),
    related: fc.subarray(catalog),
    themes: fc.subarray(themePool),
    limit: fc.integer({ min: 1, max: 12 }),
  });

  it('keeps the page’s group first, lists every eligible listing, never the page, saved or dismissed', () => {
    fc.assert(
      fc.property(pages, ({ self, related, themes, limit }) => {
        const page: PageContext = { url: self.url, title: self.title, themes, related: related.map(listing) };
        const ranked = engine.rank({ now: NOW, page, limit: 50 });
        const seen = groups(ranked);
        expect(seen.indexOf('reader') === -1 || seen.lastIndexOf('page') < seen.indexOf('reader')).toBe(true);
        expect(new Set(ids(ranked)).size).toBe(ranked.length);
        const never = new Set([self.id, 's3', 'c-saved-url', 'c-dismissed']);
        for (const id of ids(ranked)) expect(never.has(id)).toBe(false);
        const eligible = related.filter((entry) => !never.has(entry.id)).map((entry) => entry.id);
        const listedFirst = ids(ranked).slice(0, eligible.length);
        expect(new Set(listedFirst)).toEqual(new Set(eligible));
        for (const s of ranked.slice(0, eligible.length))
          expect(s.reasons[0]).toMatchObject({ currentPage: true });
        expect(ids(engine.rank({ now: NOW, page, limit }))).toEqual(ids(ranked).slice(0, limit));
      }),
      { numRuns: 60 },
    );
  });

  it('reads a hostile page without failing', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (related, themes, title) => {
        const page = { url: 'https://example.org/p', title, themes, related } as unknown as PageContext;
        const ranked = engine.rank({ now: NOW, page });
        for (const s of ranked) expect(typeof s.title).toBe('string');
      }),
      { numRuns: 100 },
    );
  });
});

describe('summary line', () => {
  it('is the summary’s start, one line long, cut at a word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (summary) => {
        const line = summaryLine(summary);
        const collapsed = summary.replace(/\s+/g, ' ').trim();
        expect(line.length).toBeLessThanOrEqual(SUMMARY_LINE_CHARS);
        if (line.endsWith('…') && collapsed.length > SUMMARY_LINE_CHARS)
          expect(collapsed.startsWith(line.slice(0, -1))).toBe(true);
        else expect(line).toBe(collapsed);
      }),
    );
    expect(summaryLine(`${'woord '.repeat(60)}einde`)).toMatch(/^(woord ){32}woord…$/);
  });
});
