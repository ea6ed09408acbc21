import { describe, expect, it } from 'vitest';
import { buildProfile, recordWeight } from '@/utils/suggest';
import { catalogEntry, DAY, NOW, savedRecord } from './helpers';

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

describe('buildProfile', () => {
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
});
