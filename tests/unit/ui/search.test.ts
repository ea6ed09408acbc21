import { describe, expect, it } from 'vitest';
import { createReadingListIndex } from '@/utils/search';
import { collectFacets, matchesFilters, sortRecords } from '@/utils/stores/list-view';
import { record } from './records';

const leren = record({
  id: 'leren',
  title: 'Leren van doen',
  subtitle: 'Ervaringen met samenwerken in het IBP',
  authors: ['Martijn van der Steen', 'Petra Ophoff'],
  themes: ['Sturen in netwerken'],
  year: 2020,
  publisher: 'NSOB',
  type: 'essay',
});
const democracy = record({
  id: 'democracy',
  title: 'Weerbare democratie',
  summary: 'How democracies defend themselves against networks of disinformation.',
  themes: ['Democratie'],
  tags: ['leesclub'],
  notes: 'Hoofdstuk 3 lezen voor het overleg',
  year: 2022,
  publisher: 'WRR',
  type: 'report',
  status: 'reading',
});
const housing = record({
  id: 'housing',
  title: 'Housing supply',
  authors: ['Jenny Schuetz'],
  year: 2019,
  publisher: 'Brookings',
});

const ids = (found: Map<string, number> | undefined) => [...(found?.keys() ?? [])].sort();

describe('reading-list search', () => {
  const index = createReadingListIndex([leren, democracy, housing]);

  it('finds a Dutch word form the record does not use ("samenwerking" → "samenwerken")', () => {
    expect(ids(index.search('samenwerking'))).toEqual(['leren']);
  });

  it('finds English inflections too ("network" → "networks")', () => {
    expect(ids(index.search('network'))).toEqual(['democracy']);
  });

  it('searches authors, themes, tags and notes', () => {
    expect(ids(index.search('Ophoff'))).toEqual(['leren']);
    expect(ids(index.search('netwerken'))).toEqual(['leren']);
    expect(ids(index.search('leesclub'))).toEqual(['democracy']);
    expect(ids(index.search('overleg'))).toEqual(['democracy']);
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids(index.search('schue'))).toEqual(['housing']);
    expect(ids(index.search('democr'))).toEqual(['democracy']);
  });

  it('needs every word to match, ignoring stop words and case and accents', () => {
    expect(ids(index.search('leren doen'))).toEqual(['leren']);
    expect(ids(index.search('leren housing '))).toEqual([]);
    expect(ids(index.search('het LÉREN van'))).toEqual(['leren']);
  });

  it('has no opinion on a query of stop words or punctuation only', () => {
    expect(index.search('de het')).toBeUndefined();
    expect(index.search('  ,.; ')).toBeUndefined();
  });

  it('follows added, replaced and removed records', () => {
    const live = createReadingListIndex([leren]);
    live.add(record({ id: 'new', title: 'Klimaatadaptatie in de stad' }));
    expect(ids(live.search('klimaatadaptatie'))).toEqual(['new']);
    live.add({ ...leren, title: 'Anders genoemd', subtitle: undefined });
    expect(ids(live.search('samenwerking'))).toEqual([]);
    live.remove('new');
    expect(ids(live.search('klimaatadaptatie'))).toEqual([]);
    expect(live.size).toBe(1);
  });

  it('survives very long and odd input', () => {
    const odd = createReadingListIndex([
      record({ id: 'odd', title: 'x'.repeat(50_000), summary: '<img src=x onerror=alert(1)>' }),
    ]);
    expect(ids(odd.search('img'))).toEqual(['odd']);
    expect(() => odd.search('a '.repeat(10_000))).not.toThrow();
  });
});

describe('filters, sorts and facets', () => {
  it('filters by theme, status, publisher, year, type and tag', () => {
    expect(matchesFilters(leren, { theme: 'Sturen in netwerken' })).toBe(true);
    expect(matchesFilters(leren, { theme: 'Democratie' })).toBe(false);
    expect(
      matchesFilters(democracy, {
        status: 'reading',
        publisher: 'WRR',
        year: 2022,
        type: 'report',
        tag: 'leesclub',
      }),
    ).toBe(true);
    expect(matchesFilters(democracy, { status: 'read' })).toBe(false);
    expect(matchesFilters(housing, { year: 2020 })).toBe(false);
  });

  it('sorts by year (undated last), title, and saved date', () => {
    const undated = record({ id: 'undated', title: 'Aaa' });
    const list = [leren, undated, democracy, housing];
    expect(sortRecords(list, 'year').map((r) => r.id)).toEqual(['democracy', 'leren', 'housing', 'undated']);
    expect(sortRecords(list, 'title').map((r) => r.id)).toEqual(['undated', 'housing', 'leren', 'democracy']);
    expect(sortRecords(list, 'saved').map((r) => r.id)).toEqual(['undated', 'housing', 'democracy', 'leren']);
  });

  it('collects the values filters can take, most common first', () => {
    const facets = collectFacets([
      leren,
      democracy,
      housing,
      record({ title: 'b', themes: ['Democratie'], tags: ['leesclub'] }),
    ]);
    expect(facets.themes[0]).toEqual({ value: 'Democratie', count: 2 });
    expect(facets.years).toEqual([2022, 2020, 2019]);
    expect(facets.types).toEqual(['essay', 'report']);
    expect(facets.tags).toEqual([{ value: 'leesclub', count: 2 }]);
    // Publishers by their one shown name, with the acronym.
    expect(facets.publishers.map((p) => p.value)).toEqual([
      'Brookings Institution',
      'Nederlandse School voor Openbaar Bestuur (NSOB)',
      'Wetenschappelijke Raad voor het Regeringsbeleid (WRR)',
    ]);
  });
});
