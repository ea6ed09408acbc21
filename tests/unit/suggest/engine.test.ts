import { describe, expect, it } from 'vitest';
import { createSuggestionEngine, type Suggestion } from '@/utils/suggest';
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import { catalogEntry, DAY, NOW, savedRecord, suggest } from './helpers';
import { library } from './library';

const ids = (suggestions: Suggestion[]) => suggestions.map((s) => s.id);

describe('dismissing', () => {
  it('removes the suggestion and pushes its theme down for similar ones', () => {
    const { saved, catalog } = library();
    const engine = createSuggestionEngine({ saved, catalog });
    const before = engine.rank({ now: NOW }).find((s) => s.id === 'c-digital')!.score;
    engine.dismiss('c-dismissed');
    const after = engine.rank({ now: NOW });
    expect(ids(after)).not.toContain('c-dismissed');
    expect(after.find((s) => s.id === 'c-digital')!.score).toBeLessThan(before);
  });
});

describe('incremental updates', () => {
  function expectSameRanking(actual: Suggestion[], expected: Suggestion[]) {
    expect(ids(actual)).toEqual(ids(expected));
    actual.forEach((suggestion, index) => {
      expect(suggestion.score).toBeCloseTo(expected[index].score, 9);
      expect(suggestion.reasons).toEqual(expected[index].reasons);
      expect(suggestion.themes).toEqual(expected[index].themes);
    });
  }

  function bigLibrary() {
    const themes = [
      'Digitalisering',
      'Democratie',
      'Klimaat en energie',
      'Wonen',
      'Sturen in netwerken',
      'Housing',
    ];
    const words = [
      'overheid',
      'burgers',
      'energie',
      'woningen',
      'netwerken',
      'algoritmes',
      'verkiezingen',
      'warmte',
      'huur',
      'regio',
      'samenwerking',
      'toezicht',
    ];
    const pick = (i: number, n: number) =>
      Array.from({ length: n }, (_, k) => words[(i * 7 + k * 5) % words.length]);
    const saved: SavedPublication[] = Array.from({ length: 30 }, (_, i) =>
      savedRecord({
        id: `bs${i}`,
        title: `Over ${pick(i, 3).join(' en ')}`,
        themes: i % 4 === 0 ? [] : [themes[i % themes.length]],
        authors: [`Auteur ${i % 5}`],
        publisher: `Uitgever ${i % 3}`,
        savedAt: NOW - i * DAY,
        status: i % 3 === 0 ? 'read' : 'to-read',
      }),
    );
    const catalog: CatalogEntry[] = Array.from({ length: 120 }, (_, i) =>
      catalogEntry(
        {
          id: `bc${i}`,
          title: `De ${pick(i + 3, 4).join(' ')}`,
          summary: pick(i, 6).join(' '),
          themes: i % 3 === 0 ? [] : [themes[(i * 5) % themes.length]],
          authors: [`Auteur ${i % 9}`],
          publisher: `Uitgever ${i % 4}`,
          year: 2010 + (i % 16),
        },
        [saved[i % saved.length]],
      ),
    );
    return { saved, catalog };
  }

  it('after saves, dismissals and new catalog entries, ranks exactly as a full recompute', () => {
    const { saved, catalog } = bigLibrary();
    const engine = createSuggestionEngine({ saved: saved.slice(0, 20), catalog: catalog.slice(0, 80) });
    engine.rank({ now: NOW });
    for (const record of saved.slice(20)) engine.addSaved(record);
    engine.addCatalogEntries(catalog.slice(80));
    engine.dismiss('bc7');
    engine.dismiss('bc8');
    engine.undismiss('bc8');
    const incremental = engine.rank({ now: NOW, limit: 100, includeUnexplained: true });
    const full = createSuggestionEngine({ saved, catalog, dismissed: ['bc7'] }).rank({
      now: NOW,
      limit: 100,
      includeUnexplained: true,
    });
    expect(incremental.length).toBe(100);
    expectSameRanking(incremental, full);
  });

  it('saving a suggested catalog entry and editing a saved record match a full recompute', () => {
    const { saved, catalog } = bigLibrary();
    const engine = createSuggestionEngine({ saved, catalog });
    engine.rank({ now: NOW });
    const nowSaved = savedRecord({
      id: 'bc10',
      title: catalog[10].title,
      url: catalog[10].url,
      themes: catalog[10].themes,
    });
    engine.addSaved(nowSaved);
    engine.removeCatalogEntry('bc10');
    const edited = { ...saved[3], themes: ['Democratie'] };
    engine.addSaved(edited);
    const expectedSaved = saved.map((record) => (record.id === edited.id ? edited : record));
    const full = createSuggestionEngine({
      saved: [...expectedSaved.filter((r) => r.id !== edited.id), nowSaved, edited],
      catalog: catalog.filter((entry) => entry.id !== 'bc10'),
    }).rank({ now: NOW, limit: 100 });
    expectSameRanking(engine.rank({ now: NOW, limit: 100 }), full);
  });
});

describe('untrusted input', () => {
  it('survives malformed records and huge fields', () => {
    const saved = [
      savedRecord({ title: 'Democratie', themes: ['Democratie'], summary: 'woord '.repeat(200_000) }),
    ];
    const catalog = [
      catalogEntry({ title: 'Democratie en burgers', themes: ['Democratie', 42 as unknown as string] }),
      { id: 'broken', title: undefined, sources: 'nope' } as unknown as CatalogEntry,
    ];
    const suggestions = suggest(saved, catalog, [], NOW);
    expect(suggestions[0].title).toBe('Democratie en burgers');
  });
});

describe('themes inferred for saved records without themes', () => {
  it('lends the themes of its nearest themed neighbours to the profile, without claiming saves', () => {
    const saved = [
      savedRecord({
        id: 'untagged',
        title: 'Warmtepompen en isolatie in oude wijken',
        summary: 'Hoe gemeenten de warmtetransitie in bestaande wijken aanpakken.',
      }),
    ];
    const catalog = [
      catalogEntry({
        title: 'Warmtetransitie in de wijk',
        summary: 'Gemeenten en de aanpak van warmtepompen en isolatie.',
        themes: ['Klimaat en energie'],
      }),
      catalogEntry({
        title: 'Isolatie van oude woningen',
        summary: 'Warmtepompen in bestaande wijken.',
        themes: ['Klimaat en energie'],
      }),
      catalogEntry({
        title: 'Vertrouwen in de rechtspraak',
        summary: 'Burgers en rechters.',
        themes: ['Rechtsstaat'],
      }),
    ];
    const engine = createSuggestionEngine({ saved, catalog });
    const themes = engine.profile(NOW).themes;
    expect(themes.map((theme) => theme.label)).toEqual(['Klimaat en energie']);
    expect(themes[0].weight).toBeGreaterThan(0);
    expect(themes[0].savedCount).toBe(0);
  });
});
