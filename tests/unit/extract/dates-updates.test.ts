/**
 * A page that shows only the day of its last change, labelled as an update in any of the usual
 * ways: the metadata's publication day stays, the change's day does not win.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const HEAD =
  '<meta property="article:published_time" content="2021-03-01T10:00:00+01:00"><meta property="article:modified_time" content="2022-01-12T09:00:00+01:00">';
const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const publishedOf = (stamp: string) =>
  extract(
    page(
      HEAD,
      `<main><article><h1>Neue Regeln</h1>${INTRO}<div class="info">${stamp}</div></article></main>`,
    ),
  )?.published;

describe('an update stamp in other words', () => {
  it('keeps the publication day for "Last update", "Update", "Letzte Aktualisierung", "Mise à jour", "Laatste wijziging", "Stand", "Revised"', () => {
    const numeric = ['Last update:', 'Update:', 'Letzte Aktualisierung:', 'Stand:', 'Überarbeitet am'];
    const worded = [
      'Mise à jour le 12 janvier 2022',
      'Laatste wijziging: 12 januari 2022',
      'Revised January 12, 2022',
    ];
    const stamps = [...numeric.map((label) => `${label} 12.01.2022`), ...worded];
    for (const stamp of stamps)
      expect({ stamp, day: publishedOf(stamp) }).toEqual({ stamp, day: '2021-03-01' });
  });

  it('takes the change’s day where the page shows it as its date', () => {
    expect(publishedOf('12.01.2022')).toBe('2022-01-12');
  });
});
