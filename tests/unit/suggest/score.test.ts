import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SavedPublication } from '@/utils/record';
import { themeSimilarity } from '@/utils/suggest';
import type { DocIndex } from '@/utils/suggest/doc-index';
import { weighProfile } from '@/utils/suggest/profile';
import {
  combine,
  emptyParts,
  freshness,
  profileVector,
  saturate,
  scoreParts,
  ThemeAffinities,
  ThemeMemo,
  type ScoreContext,
} from '@/utils/suggest/score';
import { DEFAULT_WEIGHTS } from '@/utils/suggest/types';
import { catalogEntry, indexOf, NOW, savedRecord } from './helpers';

function tablesOf(index: DocIndex, dismissed: string[] = []) {
  return weighProfile(
    {
      saved: index.saved.values(),
      dismissed: dismissed.map((id) => index.catalog.get(id)!.labels),
      inferred: [],
    },
    NOW,
  ).tables;
}

function contextOf(index: DocIndex, dismissed: string[] = []): ScoreContext {
  const tables = tablesOf(index, dismissed);
  return {
    index,
    tables,
    profile: profileVector(index, dismissed, NOW),
    themes: new ThemeAffinities(tables.themes, new ThemeMemo()),
    currentYear: new Date(NOW).getUTCFullYear(),
  };
}

describe('saturate', () => {
  it('keeps any sum within -1..1, rising with it, symmetric around 0', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
        fc.double({ noNaN: true, min: 0, max: 1e9 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (value, more, half) => {
          const s = saturate(value, half);
          expect(Math.abs(s)).toBeLessThan(1);
          expect(saturate(value + more, half)).toBeGreaterThanOrEqual(s);
          expect(saturate(-value, half)).toBeCloseTo(-s, 12);
        },
      ),
    );
  });

  it('reaches a half at `half`: one match says something, four say more, not four times more', () => {
    expect(saturate(1, 1)).toBe(0.5);
    expect(saturate(4, 1)).toBeLessThan(4 * saturate(1, 1));
  });
});

describe('freshness', () => {
  it('is 1 this year, halves every five years, and is low for an unknown year', () => {
    expect(freshness(2026, 2026)).toBe(1);
    expect(freshness(2021, 2026)).toBeCloseTo(0.5, 12);
    expect(freshness(2016, 2026)).toBeCloseTo(0.25, 12);
    expect(freshness(2030, 2026)).toBe(1);
    expect(freshness(undefined, 2026)).toBe(0.3);
    expect(freshness(Number.NaN, 2026)).toBe(0.3);
    expect(freshness('2020', 2026)).toBe(0.3);
  });
});

describe('combine', () => {
  it('is the weighted sum of the parts', () => {
    const parts = {
      theme: 1,
      text: 0.5,
      coListing: 0.25,
      author: 0,
      publisher: 1,
      keyword: 0,
      freshness: 0.5,
    };
    expect(combine(DEFAULT_WEIGHTS, parts)).toBeCloseTo(1 + 0.75 + 0.25 + 0.15 + 0.05, 12);
    expect(combine({ ...DEFAULT_WEIGHTS, theme: 0 }, parts)).toBeCloseTo(0.75 + 0.25 + 0.15 + 0.05, 12);
  });

  it('counts every part there is, each by its own weight', () => {
    const names = Object.keys(emptyParts()) as (keyof typeof DEFAULT_WEIGHTS)[];
    const values = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(values, { minLength: 14, maxLength: 14 }), (numbers) => {
        const parts = emptyParts();
        const weights = { ...DEFAULT_WEIGHTS };
        names.forEach((name, i) => {
          parts[name] = numbers[i];
          weights[name] = numbers[names.length + i];
        });
        const expected = names.reduce((sum, name) => sum + weights[name] * parts[name], 0);
        expect(combine(weights, parts)).toBeCloseTo(expected, 12);
      }),
    );
  });
});

describe('theme affinity', () => {
  const saved = [
    savedRecord({ title: 'A', themes: ['Sturen in netwerken'] }),
    savedRecord({ title: 'B', themes: ['Sturen in netwerken'] }),
    savedRecord({ title: 'C', themes: ['Wonen'] }),
  ];
  const dismissed = catalogEntry({ id: 'd', title: 'D', themes: ['Landbouw'] });
  const index = indexOf(saved, [dismissed]);
  const affinities = new ThemeAffinities(tablesOf(index, ['d']).themes, new ThemeMemo());

  it('matches a reader theme in other words, and names it', () => {
    const affinity = affinities.of('netwerksturing', 'Netwerksturing');
    expect(affinity.score).toBeGreaterThan(0);
    expect(affinity.best).toMatchObject({ label: 'Sturen in netwerken', savedCount: 2 });
  });

  it('scores a theme the reader never saved 0, and one they only dismissed below 0 without naming it', () => {
    expect(affinities.of('rechtsstaat', 'Rechtsstaat')).toEqual({ score: 0, best: undefined });
    const landbouw = affinities.of('landbouw', 'Landbouw');
    expect(landbouw.score).toBeLessThan(0);
    expect(landbouw.best).toBeUndefined();
  });

  it("counts a candidate's best theme fully and each further one a quarter", () => {
    const net = affinities.of('sturen netwerken', 'Sturen in netwerken').score;
    const wonen = affinities.of('wonen', 'Wonen').score;
    expect(net).toBeGreaterThan(wonen);
    expect(affinities.part(['sturen netwerken', 'wonen'], ['Sturen in netwerken', 'Wonen'])).toBeCloseTo(
      net + 0.25 * wonen,
      12,
    );
    expect(affinities.part([], [])).toBe(0);
  });
});

describe('ThemeMemo', () => {
  it('gives the same similarity as computing it afresh, either way round', () => {
    const memo = new ThemeMemo();
    const pairs = [
      ['Sturen in netwerken', 'Netwerksturing'],
      ['Democratie', 'Rechtsstaat'],
    ];
    for (const [a, b] of pairs) {
      const [left, right] = [memo.shapeOf(a.toLowerCase(), a), memo.shapeOf(b.toLowerCase(), b)];
      expect(memo.similarity(left, right)).toBe(themeSimilarity(a, b));
      expect(memo.similarity(right, left)).toBe(themeSimilarity(a, b));
    }
  });
});

describe('score parts of a candidate', () => {
  const lister = savedRecord({ id: 's1', title: 'Grip op grote ICT-projecten', authors: ['Anna de Vries'] });
  const saved: SavedPublication[] = [lister, savedRecord({ title: 'Woningbouw in de regio' })];

  it('counts only the saved pages among those that list it', () => {
    const unsaved = savedRecord({ id: 'x', title: 'Niet bewaard' });
    const entry = catalogEntry({ id: 'c', title: 'Anders' }, [lister, unsaved]);
    const index = indexOf(saved, [entry]);
    const parts = scoreParts(contextOf(index), index.catalog.get('c')!, emptyParts());
    expect(parts.coListing).toBeCloseTo(saturate(1, 0.5), 12);
  });

  it('scores text identical to the only saved record 1, unrelated text 0', () => {
    const index = indexOf(
      [lister],
      [
        catalogEntry({ id: 'same', title: lister.title }),
        catalogEntry({ id: 'other', title: 'Stikstof en landbouw' }),
      ],
    );
    const context = contextOf(index);
    expect(scoreParts(context, index.catalog.get('same')!, emptyParts()).text).toBeCloseTo(1, 12);
    expect(scoreParts(context, index.catalog.get('other')!, emptyParts()).text).toBe(0);
  });

  it('counts a shared author and lets a dismissal push the text part below zero', () => {
    const dismissedEntry = catalogEntry({ id: 'd', title: 'Stikstof en landbouw' });
    const candidate = catalogEntry({ id: 'c', title: 'Stikstof in de landbouw', authors: ['Anna de Vries'] });
    const index = indexOf(saved, [dismissedEntry, candidate]);
    const parts = scoreParts(contextOf(index, ['d']), index.catalog.get('c')!, emptyParts());
    expect(parts.author).toBeGreaterThan(0);
    expect(parts.text).toBeLessThan(0);
  });
});
