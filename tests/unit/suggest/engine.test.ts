import { describe, expect, it } from 'vitest';
import { createSuggestionEngine, type Suggestion } from '@/utils/suggest';
import type { CatalogEntry, SavedPublication } from '@/utils/publication';
import { catalogEntry, DAY, NOW, savedRecord, suggest } from './helpers';

function library() {
  const saved = [
    savedRecord({
      id: 's1',
      title: 'Grip op grote ICT-projecten',
      themes: ['Digitalisering'],
      publisher: 'Algemene Rekenkamer',
      authors: ['Anna de Vries'],
      summary: 'Waarom digitale projecten van de overheid uitlopen.',
    }),
    savedRecord({
      id: 's2',
      title: 'Algoritmes getoetst',
      themes: ['Digitalisering', 'Rechtsstaat'],
      publisher: 'Algemene Rekenkamer',
      summary: 'Toetsing van algoritmes bij uitvoeringsorganisaties.',
    }),
    savedRecord({
      id: 's3',
      title: 'Housing affordability across cities',
      themes: ['Housing'],
      publisher: 'OECD',
      language: 'en',
      summary: 'Rents and house prices in growing cities.',
    }),
  ];
  const catalog = [
    catalogEntry(
      {
        id: 'c-digital',
        title: 'Digitale dienstverlening',
        themes: ['Digitale overheid'],
        publisher: 'WRR',
        summary: 'Burgers en het digitale loket van de overheid.',
      },
      [saved[0]],
    ),
    catalogEntry({
      id: 'c-author',
      title: 'Toezicht op data',
      authors: ['Anna de Vries'],
      publisher: 'Rathenau Instituut',
      summary: 'Toezicht in een datagedreven samenleving.',
    }),
    catalogEntry({
      id: 'c-housing',
      title: 'Zoning reform and the missing middle',
      themes: ['Housing'],
      publisher: 'Brookings',
      language: 'en',
      summary: 'How zoning limits housing supply in cities.',
    }),
    catalogEntry({
      id: 'c-text',
      title: 'Uitlopende ICT-projecten bij de overheid',
      publisher: 'ROB',
      summary: 'Digitale projecten van de overheid lopen vaak uit.',
    }),
    catalogEntry({
      id: 'c-far',
      title: 'Stikstof en landbouw',
      themes: ['Landbouw'],
      publisher: 'PBL',
      summary: 'Emissies van boerenbedrijven.',
    }),
    catalogEntry({
      id: 'c-saved-url',
      title: 'Algoritmes getoetst (kopie)',
      url: saved[1].url,
      themes: ['Digitalisering'],
    }),
    catalogEntry({ id: 's3', title: 'Housing affordability across cities', themes: ['Housing'] }),
    catalogEntry(
      {
        id: 'c-dismissed',
        title: 'Digitalisering in de zorg',
        themes: ['Digitalisering'],
        publisher: 'Rathenau Instituut',
      },
      [saved[0]],
    ),
  ];
  return { saved, catalog };
}

const ids = (suggestions: Suggestion[]) => suggestions.map((s) => s.id);

describe('candidates', () => {
  const { saved, catalog } = library();
  const suggestions = suggest(saved, catalog, ['c-dismissed'], NOW);

  it('never suggests what is saved (by id or by address) or dismissed', () => {
    expect(ids(suggestions)).not.toContain('s3');
    expect(ids(suggestions)).not.toContain('c-saved-url');
    expect(ids(suggestions)).not.toContain('c-dismissed');
  });

  it('suggests nothing to a reader who saved nothing', () => {
    expect(suggest([], catalog, [], NOW)).toEqual([]);
  });

  it('leaves out a publication it cannot give any reason for, unless asked for the full ranking', () => {
    expect(ids(suggestions)).not.toContain('c-far');
    const everything = createSuggestionEngine({ saved, catalog }).rank({
      now: NOW,
      includeUnexplained: true,
    });
    expect(ids(everything).at(-1)).toBe('c-far');
    expect(everything.at(-1)!.reasons).toEqual([]);
  });

  it('gives every suggestion at least one reason', () => {
    expect(suggestions.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) expect(suggestion.reasons.length).toBeGreaterThan(0);
  });
});

describe('reasons', () => {
  const { saved, catalog } = library();
  const byId = new Map(suggest(saved, catalog, [], NOW).map((s) => [s.id, s]));

  it('names the matching theme of the reader with the number of saved records, across wordings', () => {
    expect(byId.get('c-digital')!.reasons).toContainEqual({
      kind: 'theme',
      theme: 'Digitalisering',
      savedCount: 2,
      candidateTheme: 'Digitale overheid',
    });
  });

  it('names the saved page that listed it', () => {
    expect(byId.get('c-digital')!.reasons).toContainEqual({
      kind: 'listedBy',
      id: 's1',
      title: saved[0].title,
      url: saved[0].url,
    });
  });

  it('names a shared author and an English theme', () => {
    expect(byId.get('c-author')!.reasons).toContainEqual({
      kind: 'author',
      name: 'Anna de Vries',
      savedCount: 1,
    });
    expect(byId.get('c-housing')!.reasons).toContainEqual(
      expect.objectContaining({ kind: 'theme', theme: 'Housing', savedCount: 1 }),
    );
  });

  it('names the most similar saved record for a themeless look-alike and infers its theme', () => {
    const lookAlike = byId.get('c-text')!;
    expect(lookAlike.reasons).toContainEqual(expect.objectContaining({ kind: 'similarText', id: 's1' }));
    expect(lookAlike.themesInferred).toBe(true);
    expect(lookAlike.themes).toContain('Digitalisering');
    expect(lookAlike.reasons).toContainEqual(
      expect.objectContaining({ kind: 'theme', theme: 'Digitalisering', inferred: true }),
    );
  });
});

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
