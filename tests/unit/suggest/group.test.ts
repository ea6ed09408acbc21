import { describe, expect, it } from 'vitest';
import { groupSuggestionsByTheme, suggestForProfile, type Suggestion } from '@/utils/suggest';
import { catalogEntry, DAY, NOW, savedRecord } from './helpers';

function suggestion(id: string, themes: string[], reasonTheme?: string): Suggestion {
  return {
    id,
    title: id,
    themes,
    themesInferred: false,
    score: 1,
    parts: { theme: 0, text: 0, coListing: 0, author: 0, publisher: 0, keyword: 0, freshness: 0 },
    reasons: reasonTheme
      ? [{ kind: 'theme', theme: reasonTheme, savedCount: 1, candidateTheme: themes[0] }]
      : [],
  };
}

describe('groupSuggestionsByTheme', () => {
  it("groups under the reader's theme named in the reason, keeping the ranking order", () => {
    const groups = groupSuggestionsByTheme([
      suggestion('a', ['Netwerksturing'], 'Sturen in netwerken'),
      suggestion('b', ['Democratie'], 'Democratie'),
      suggestion('c', ['Sturen in netwerken'], 'Sturen in netwerken'),
      suggestion('d', []),
      suggestion('e', ['democratie']),
    ]);
    expect(groups.map((group) => group.theme)).toEqual(['Sturen in netwerken', 'Democratie', undefined]);
    expect(groups.map((group) => group.suggestions.map((s) => s.id))).toEqual([
      ['a', 'c'],
      ['b', 'e'],
      ['d'],
    ]);
  });

  it('returns no groups for no suggestions', () => {
    expect(groupSuggestionsByTheme([])).toEqual([]);
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
    expect(suggestForProfile(saved, catalog, [], NOW).map((s) => s.id)).toEqual(['climate', 'housing']);
    // Same records, the other way round: the order follows the reader.
    const swapped = [
      { ...saved[0], status: 'to-read' as const, starred: false, savedAt: NOW - 900 * DAY },
      { ...saved[1], status: 'read' as const, starred: true, savedAt: NOW - DAY },
    ];
    expect(suggestForProfile(swapped, catalog, [], NOW).map((s) => s.id)).toEqual(['housing', 'climate']);
  });
});
