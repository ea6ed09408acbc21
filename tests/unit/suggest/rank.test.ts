import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSuggestionEngine, type Suggestion } from '@/utils/suggest';
import { catalogEntry, DAY, NOW, savedRecord, suggest } from './helpers';
import { library } from './library';

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

describe('order', () => {
  const { saved, catalog } = library();

  it('ranks by score, strongest first', () => {
    const ranking = createSuggestionEngine({ saved, catalog }).rank({ now: NOW, includeUnexplained: true });
    const scores = ranking.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns at most `limit` suggestions, the first ones of the longer ranking', () => {
    const engine = createSuggestionEngine({ saved, catalog });
    const all = engine.rank({ now: NOW, includeUnexplained: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length + 2 }), (limit) => {
        const top = engine.rank({ now: NOW, limit, includeUnexplained: true });
        expect(ids(top)).toEqual(ids(all).slice(0, limit));
      }),
      { numRuns: 20 },
    );
  });

  it('gives a themeless candidate the theme of its look-alikes, at half the weight of a given theme', () => {
    const text = { title: 'Warmtepompen in oude wijken', summary: 'Gemeenten, isolatie en warmtenetten.' };
    const saved = [savedRecord({ title: 'Warmtetransitie', themes: ['Klimaat en energie'] })];
    const catalog = [
      catalogEntry({ id: 'given', ...text, themes: ['Klimaat en energie'] }),
      catalogEntry({ id: 'inferred', ...text }),
    ];
    const byId = new Map(suggest(saved, catalog).map((s) => [s.id, s]));
    expect(byId.get('inferred')!.themes).toEqual(['Klimaat en energie']);
    expect(byId.get('inferred')!.themesInferred).toBe(true);
    expect(byId.get('given')!.themesInferred).toBe(false);
    expect(byId.get('inferred')!.parts.theme).toBeCloseTo(byId.get('given')!.parts.theme / 2, 12);
  });
});

describe('profile weighting in the ranking', () => {
  it('ranks the theme of a starred, read, recent save above that of an old unread one', () => {
    const saved = [
      savedRecord({
        title: 'Klimaat',
        themes: ['Klimaat en energie'],
        status: 'read',
        starred: true,
        savedAt: NOW - DAY,
      }),
      savedRecord({ title: 'Wonen', themes: ['Wonen'], savedAt: NOW - 900 * DAY }),
    ];
    const catalog = [
      catalogEntry({ id: 'housing', title: 'Woningbouw in de regio', themes: ['Wonen'] }),
      catalogEntry({ id: 'climate', title: 'Warmtetransitie in de wijk', themes: ['Klimaat en energie'] }),
    ];
    expect(ids(suggest(saved, catalog))).toEqual(['climate', 'housing']);
    // Same records, the other way round: the order follows the reader.
    const swapped = [
      { ...saved[0], status: 'to-read' as const, starred: false, savedAt: NOW - 900 * DAY },
      { ...saved[1], status: 'read' as const, starred: true, savedAt: NOW - DAY },
    ];
    expect(ids(suggest(swapped, catalog))).toEqual(['housing', 'climate']);
  });

  it('ranks a newer publication above an otherwise equal older one', () => {
    const saved = [savedRecord({ title: 'Wonen', themes: ['Wonen'] })];
    const catalog = [
      catalogEntry({ id: 'old', title: 'Woningbouw', themes: ['Wonen'], year: 2001 }),
      catalogEntry({ id: 'new', title: 'Woningbouw', themes: ['Wonen'], year: 2025 }),
    ];
    expect(ids(suggest(saved, catalog))).toEqual(['new', 'old']);
  });
});
