import { describe, expect, it } from 'vitest';
import { themeKey, themesMatch, themeSimilarity } from '@/utils/suggest';

describe('theme matching across publishers', () => {
  const same: [string, string][] = [
    ['Sturen in netwerken', 'Netwerksturing'],
    ['Strategie en toekomst', 'strategie & Toekomst'],
    ['Strategie en toekomst', 'Toekomst en strategie'],
    ['Democratie', 'Digitale democratie'],
    ['Klimaat en energie', 'Energie'],
    ['Europa', 'Europe'],
    ['Zorg', 'Zorg en welzijn'],
    ['Housing', 'housing'],
    ['Économie', 'economie'],
  ];
  const different: [string, string][] = [
    ['Sturen in netwerken', 'Netwerksamenleving'],
    ['Strategie en toekomst', 'Politiek en bestuur'],
    ['Governance', 'Sturen in netwerken'],
    ['Rechtsstaat', 'Democratie'],
    ['Wonen', 'Zorg en welzijn'],
    ['Artificial intelligence', 'AI'],
    ['EU', 'Neutraliteit'],
  ];

  it.each(same)('"%s" matches "%s" (both ways)', (a, b) => {
    expect(themesMatch(a, b)).toBe(true);
    expect(themesMatch(b, a)).toBe(true);
  });

  it.each(different)('"%s" does not match "%s" (both ways)', (a, b) => {
    expect(themesMatch(a, b)).toBe(false);
    expect(themesMatch(b, a)).toBe(false);
  });

  it('rates a compound covering both words above one covering only one', () => {
    expect(themeSimilarity('Sturen in netwerken', 'Netwerksturing')).toBeGreaterThan(
      themeSimilarity('Sturen in netwerken', 'Netwerksamenleving'),
    );
  });

  it('gives spelling variants one key and ignores empty or stop-word-only labels', () => {
    expect(themeKey('Strategie & Toekomst')).toBe(themeKey('strategie en toekomst'));
    expect(themeSimilarity('', 'Democratie')).toBe(0);
    expect(themeSimilarity('en de', 'en de')).toBe(0);
  });
});
