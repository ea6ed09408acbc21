import { describe, expect, it } from 'vitest';
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import { recordWeight } from '@/utils/suggest';
import { keyLabels, profileFromTables, weighProfile } from '@/utils/suggest/profile';
import { catalogEntry, DAY, NOW, savedRecord } from './helpers';

function buildProfile(
  saved: readonly SavedPublication[],
  dismissed: readonly CatalogEntry[],
  now: number,
  inferred: { record: SavedPublication; themes: string[] }[] = [],
) {
  const { tables, totalWeight } = weighProfile(
    {
      saved: saved.map((record) => ({ record, labels: keyLabels(record) })),
      dismissed: dismissed.map((entry) => keyLabels(entry)),
      inferred,
    },
    now,
  );
  return profileFromTables(tables, totalWeight);
}

describe('recordWeight', () => {
  const base = savedRecord({ title: 'Basis', savedAt: NOW - DAY });

  it('counts a recent save more than an old one', () => {
    expect(recordWeight(base, NOW)).toBeGreaterThan(recordWeight({ ...base, savedAt: NOW - 400 * DAY }, NOW));
  });

  it('counts read and starred records more than unread ones', () => {
    expect(recordWeight({ ...base, status: 'read' }, NOW)).toBeGreaterThan(recordWeight(base, NOW));
    expect(recordWeight({ ...base, starred: true }, NOW)).toBeGreaterThan(recordWeight(base, NOW));
  });

  it('never lets an old save drop to nothing', () => {
    expect(recordWeight({ ...base, savedAt: NOW - 10_000 * DAY }, NOW)).toBeGreaterThan(0.4);
  });
});

describe('weighProfile', () => {
  const saved = [
    savedRecord({
      title: 'A',
      themes: ['Strategie en toekomst'],
      authors: ['Martijn van der Steen'],
      publisher: 'NSOB',
    }),
    savedRecord({
      title: 'B',
      themes: ['strategie & toekomst', 'Democratie'],
      publisher: 'NSOB',
      status: 'read',
      starred: true,
    }),
    savedRecord({ title: 'C', themes: ['Democratie'], publisher: 'WRR', savedAt: NOW - 700 * DAY }),
  ];

  it('adds up a theme over spelling variants and counts the records carrying it', () => {
    const profile = buildProfile(saved, [], NOW);
    const strategy = profile.themes.find((theme) => theme.key === 'strategie toekomst');
    expect(strategy).toMatchObject({ label: 'Strategie en toekomst', savedCount: 2 });
    expect(profile.themes[0].key).toBe('strategie toekomst');
  });

  it('weighs authors and publishers, heaviest first', () => {
    const profile = buildProfile(saved, [], NOW);
    expect(profile.publishers.map((p) => p.label)).toEqual(['NSOB', 'WRR']);
    expect(profile.authors[0]).toMatchObject({ label: 'Martijn van der Steen', savedCount: 1 });
  });

  it('lets dismissed suggestions count against their themes and publisher', () => {
    const without = buildProfile(saved, [], NOW);
    const dismissed = [catalogEntry({ title: 'X', themes: ['Democratie'], publisher: 'WRR' })];
    const withDismissal = buildProfile(saved, dismissed, NOW);
    const weightOf = (profile: typeof without, key: string) =>
      profile.themes.find((t) => t.key === key)!.weight;
    expect(weightOf(withDismissal, 'democratie')).toBeLessThan(weightOf(without, 'democratie'));
    expect(withDismissal.themes.find((t) => t.key === 'democratie')!.savedCount).toBe(2);
    expect(withDismissal.publishers.find((p) => p.label === 'WRR')!.weight).toBeLessThan(
      without.publishers.find((p) => p.label === 'WRR')!.weight,
    );
  });

  it("sums the saved records' weights, not the dismissed ones", () => {
    const dismissed = [catalogEntry({ title: 'X', themes: ['Democratie'] })];
    const expected = saved.reduce((sum, record) => sum + recordWeight(record, NOW), 0);
    expect(buildProfile(saved, dismissed, NOW).totalWeight).toBeCloseTo(expected, 12);
  });

  it('gives a theme inferred for an unthemed save half its weight, without counting it as saved', () => {
    const untagged = savedRecord({ title: 'Zonder thema', status: 'read' });
    const profile = buildProfile([untagged], [], NOW, [{ record: untagged, themes: ['Klimaat en energie'] }]);
    expect(profile.themes).toEqual([
      {
        key: 'klimaat energie',
        label: 'Klimaat en energie',
        weight: recordWeight(untagged, NOW) / 2,
        savedCount: 0,
      },
    ]);
  });

  it('keeps one entry per author however the name is spelled', () => {
    const profile = buildProfile(
      [
        savedRecord({ title: 'A', authors: ['Martijn van der Steen'] }),
        savedRecord({ title: 'B', authors: ['martijn van der  steen'] }),
      ],
      [],
      NOW,
    );
    expect(profile.authors).toHaveLength(1);
    expect(profile.authors[0]).toMatchObject({ label: 'Martijn van der Steen', savedCount: 2 });
  });
});
