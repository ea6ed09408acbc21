import { describe, expect, it } from 'vitest';
import { authorsBesidesPublisher, showPublisher } from '@/utils/publisher-names';
import { normaliseSettings, siteHost } from '@/utils/settings';
import { createReadingListIndex } from '@/utils/search';
import { collectFacets, matchesFilters } from '@/utils/stores/list-view';
import { renameTheme } from '@/utils/themes/aliases';
import { record } from './records';

describe('theme names in the list', () => {
  it('applies the names to facets and filters', () => {
    const a = record({ title: 'A', themes: ['Geopolitics'] });
    const b = record({ title: 'B', themes: ['Geopolitiek'] });
    const tables = { themeAliases: renameTheme({}, 'Geopolitics', 'Geopolitiek'), publisherNames: {} };
    expect(collectFacets([a, b], tables).themes).toEqual([{ value: 'Geopolitiek', count: 2 }]);
    expect(matchesFilters(a, { theme: 'Geopolitiek' }, tables)).toBe(true);
    expect(matchesFilters(a, { theme: 'Geopolitiek' })).toBe(false);
  });
});

describe('publisher names', () => {
  it('shows the spellings of one publisher as one name with its acronym', () => {
    for (const stored of ['CPB', 'CPB Centraal Planbureau', 'Centraal Planbureau', 'centraal  planbureau'])
      expect(showPublisher(stored)?.label).toBe('Centraal Planbureau (CPB)');
    expect(showPublisher('PBL Planbureau voor de Leefomgeving')?.short).toBe('PBL');
    expect(showPublisher('Onbekend Instituut')?.label).toBe('Onbekend Instituut');
    expect(showPublisher('  ')).toBeUndefined();
  });

  it("puts the reader's own name first", () => {
    expect(showPublisher('CPB', { cpb: 'Het CPB' })?.label).toBe('Het CPB');
  });

  it('drops an author that is the publisher itself', () => {
    const cpb = showPublisher('CPB');
    expect(authorsBesidesPublisher(['Centraal Planbureau', 'Jan Jansen'], cpb)).toEqual(['Jan Jansen']);
  });
});

describe('search by what readers type', () => {
  const tables = { themeAliases: {}, publisherNames: {} };
  const records = [
    record({ id: 'cpb', title: 'CO2-heffing', publisher: 'CPB', year: 2021, type: 'working-paper' }),
    record({ id: 'wrr', title: 'Weerbare democratie', publisher: 'WRR', year: 2022, type: 'policy-brief' }),
    record({
      id: 'ch',
      title: 'AI and power',
      publisher: 'Chatham House',
      year: 2023,
      themes: ['Geopolitics'],
    }),
    record({ id: 'kw', title: 'Open science', keywords: ['datadeling'], year: 2020 }),
  ];
  const index = createReadingListIndex(records, tables);
  const ids = (q: string) => [...(index.search(q)?.keys() ?? [])].sort();

  it('matches publisher names and acronyms, years, type labels in both languages, keywords and themes across languages', () => {
    expect(ids('Centraal Planbureau')).toEqual(['cpb']);
    expect(ids('cpb')).toEqual(['cpb']);
    expect(ids('Chatham')).toEqual(['ch']);
    expect(ids('2021')).toEqual(['cpb']);
    expect(ids('beleidsnotitie')).toEqual(['wrr']);
    expect(ids('policy brief')).toEqual(['wrr']);
    expect(ids('werkdocument')).toEqual(['cpb']);
    expect(ids('datadeling')).toEqual(['kw']);
    expect(ids('geopolitiek')).toEqual(['ch']);
    expect(ids('Wetenschappelijke Raad')).toEqual(['wrr']);
  });

  it("finds a theme under the reader's merged name", () => {
    const merged = createReadingListIndex(records, {
      themeAliases: renameTheme({}, 'Geopolitics', 'Machtspolitiek'),
      publisherNames: {},
    });
    expect([...(merged.search('machtspolitiek')?.keys() ?? [])]).toEqual(['ch']);
  });
});

describe('settings', () => {
  it('keeps only well-formed name tables, styles and sites', () => {
    const s = normaliseSettings({
      citationStyle: 'mla',
      themeAliases: { geopolitics: 'Geopolitiek', bad: 3, __proto__: 'x' },
      extraSites: ['https://www.example.org/pad', 'not a host', 42],
    });
    expect(s.citationStyle).toBe('apa');
    expect(s.themeAliases).toEqual({ geopolitics: 'Geopolitiek' });
    expect(s.extraSites).toEqual(['example.org']);
    expect(siteHost('WWW.Rand.org:443')).toBe('rand.org');
  });
});

describe('feedback after a save by shortcut or menu', () => {
  it('marks the icon and names the saved title in the interface language, bounded', async () => {
    const { saveFeedback } = await import('@/utils/save-feedback');
    const { setInterfaceLanguage } = await import('@/utils/i18n');
    setInterfaceLanguage('nl');
    try {
      const ok = saveFeedback({ ok: true, title: '  Leren\nvan doen  ' });
      expect(ok.badgeText).toBe('✓');
      expect(ok.title).toBe('Opgeslagen in Leesmap: Leren van doen');
      expect(saveFeedback({ ok: true, title: 'x'.repeat(10_000) }).title.length).toBeLessThan(200);
      const failed = saveFeedback({ ok: false, reason: 'quota' });
      expect(failed.badgeText).toBe('!');
      expect(failed.title).toContain('niet opslaan');
    } finally {
      setInterfaceLanguage('auto');
    }
  });
});

describe('renames reach a built search index', () => {
  it('finds records under a new theme name after the tables change, re-indexing only what it touches', async () => {
    const { createReadingListStore } = await import('@/utils/stores/reading-list');
    const { touchedByNames } = await import('@/utils/record-view');
    const list = [
      record({ id: 'g', title: 'AI', themes: ['Geopolitics'] }),
      record({ id: 'w', title: 'Huizen', themes: ['Wonen'] }),
    ];
    const store = createReadingListStore({
      source: { all: async () => list },
      send: (async () => ({})) as never,
    });
    await store.load();
    await store.prepareSearch();
    store.query.value = 'machtspolitiek';
    expect(store.results.value).toEqual([]);
    const next = { themeAliases: renameTheme({}, 'Geopolitics', 'Machtspolitiek'), publisherNames: {} };
    expect(touchedByNames(list, store.tables.peek(), next).map((r) => r.id)).toEqual(['g']);
    store.setTables(next);
    expect(store.results.value.map((r) => r.id)).toEqual(['g']);
  });

  it('finds records under names changed while nothing was searched, also a record changed since', async () => {
    const { createReadingListStore } = await import('@/utils/stores/reading-list');
    const list = [
      record({ id: 'g', title: 'AI', themes: ['Geopolitics'], savedAt: 2 }),
      record({ id: 'w', title: 'Huizen', themes: ['Wonen'], savedAt: 1 }),
    ];
    const store = createReadingListStore({
      source: { all: async () => list, one: async (id) => list.find((r) => r.id === id) },
      send: (async () => ({})) as never,
    });
    await store.load();
    await store.prepareSearch();
    store.setTables({ themeAliases: renameTheme({}, 'Geopolitics', 'Machtspolitiek'), publisherNames: {} });
    store.setTables({
      themeAliases: renameTheme(store.tables.peek().themeAliases, 'Wonen', 'Huisvesting'),
      publisherNames: {},
    });
    // Another window retitles a record before the reader searches.
    list[1] = { ...list[1], title: 'Woningen' };
    await store.refresh(['w']);
    store.query.value = 'machtspolitiek';
    expect(store.results.value.map((r) => r.id)).toEqual(['g']);
    store.query.value = 'huisvesting woningen';
    expect(store.results.value.map((r) => r.id)).toEqual(['w']);
  });
});
