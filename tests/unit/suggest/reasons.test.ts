import { describe, expect, it } from 'vitest';
import {
  createSuggestionEngine,
  type ScoreParts,
  type Suggestion,
  type SuggestionReason,
} from '@/utils/suggest';
import { DEFAULT_WEIGHTS } from '@/utils/suggest/types';
import { catalogEntry, NOW, savedRecord, suggest } from './helpers';
import { library } from './library';

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

const PART_OF: Record<SuggestionReason['kind'], keyof ScoreParts> = {
  theme: 'theme',
  listedBy: 'coListing',
  author: 'author',
  publisher: 'publisher',
  keyword: 'keyword',
  similarText: 'text',
};

describe('reason order', () => {
  const weighted = (suggestion: Suggestion, weights: ScoreParts) =>
    suggestion.reasons.map(
      (reason) => weights[PART_OF[reason.kind]] * suggestion.parts[PART_OF[reason.kind]],
    );

  it('puts the reasons of the heaviest weighted score part first', () => {
    const { saved, catalog } = library();
    const suggestions = suggest(saved, catalog);
    expect(suggestions.some((s) => new Set(s.reasons.map((r) => r.kind)).size > 1)).toBe(true);
    for (const suggestion of suggestions) {
      const values = weighted(suggestion, DEFAULT_WEIGHTS);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
  });

  it('follows the weights: an author weighed heavily is named first', () => {
    const { saved, catalog } = library();
    const weights = { ...DEFAULT_WEIGHTS, author: 10 };
    const engine = createSuggestionEngine({ saved, catalog, weights });
    const shared = engine.rank({ now: NOW }).filter((s) => s.reasons.some((r) => r.kind === 'author'));
    expect(shared.length).toBeGreaterThan(0);
    for (const suggestion of shared) expect(suggestion.reasons[0].kind).toBe('author');
  });
});

describe('what a reason cites', () => {
  it('names the saved record as it is now, also when the listing page was matched by its address', () => {
    const record = savedRecord({ id: 'renamed', title: 'Nieuwe titel', themes: ['Wonen'] });
    const entry = catalogEntry({ id: 'c', title: 'Woningbouw', themes: ['Wonen'] });
    entry.sources = [{ kind: 'related', listedBy: { id: 'other-id', title: 'Oude titel', url: record.url } }];
    const [suggestion] = suggest([record], [entry]);
    expect(suggestion.reasons).toContainEqual({
      kind: 'listedBy',
      id: 'renamed',
      title: 'Nieuwe titel',
      url: record.url,
    });
  });

  it("names each of the reader's themes once, however many of the candidate's themes match it", () => {
    const saved = [savedRecord({ title: 'Digitaal', themes: ['Digitalisering'] })];
    const catalog = [catalogEntry({ title: 'Loket', themes: ['Digitalisering', 'digitalisering & data'] })];
    const [suggestion] = suggest(saved, catalog);
    expect(suggestion.reasons.filter((r) => r.kind === 'theme')).toHaveLength(1);
  });

  it('does not cite an author the reader dismissed more than saved', () => {
    const saved = [savedRecord({ title: 'Wonen', themes: ['Wonen'], authors: ['Jan Jansen'] })];
    const dismissed = ['d1', 'd2', 'd3', 'd4'].map((id) =>
      catalogEntry({ id, title: `Niet dit ${id}`, authors: ['Jan Jansen'] }),
    );
    const candidate = catalogEntry({
      id: 'c',
      title: 'Woningbouw',
      themes: ['Wonen'],
      authors: ['Jan Jansen'],
    });
    const suggestions = suggest(saved, [...dismissed, candidate], ['d1', 'd2', 'd3', 'd4']);
    const reasons = suggestions.find((s) => s.id === 'c')!.reasons;
    expect(reasons.some((r) => r.kind === 'theme')).toBe(true);
    expect(reasons.some((r) => r.kind === 'author')).toBe(false);
  });

  it('rounds the similarity it reports to two decimals', () => {
    const { saved, catalog } = library();
    const similar = suggest(saved, catalog)
      .flatMap((s) => s.reasons)
      .filter((r) => r.kind === 'similarText');
    expect(similar.length).toBeGreaterThan(0);
    for (const reason of similar) expect(reason.similarity * 100).toBe(Math.round(reason.similarity * 100));
  });

  it('bounds the title and subtitle it hands to the UI', () => {
    const saved = [savedRecord({ title: 'Wonen', themes: ['Wonen'] })];
    const catalog = [
      catalogEntry({ title: 'W'.repeat(10_000), subtitle: 'S'.repeat(10_000), themes: ['Wonen'] }),
    ];
    const [suggestion] = suggest(saved, catalog);
    expect(suggestion.title.length).toBe(500);
    expect(suggestion.subtitle!.length).toBe(500);
  });
});
