/**
 * The words a date line under the heading may hold besides the date: Italian and Spanish weekdays
 * with accents, a French "publié le"; a byline with a name before the date. Not a decree's or a
 * decision's date ("Par arrêté du 12.05.2021"), which opens like a byline but names no one.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
/** The date read from a line in its own block under the heading's. */
const publishedOf = (line: string) =>
  extract(
    page(
      '',
      `<main><div class="title"><h1>Neue Regeln</h1></div><div class="meta"><span>${line}</span></div>${INTRO}</main>`,
    ),
  )?.published;

const expectAll = (cases: [string, string | undefined][]) => {
  for (const [line, day] of cases) expect({ line, day: publishedOf(line) }).toEqual({ line, day });
};

describe('accented weekdays and words', () => {
  it('reads the date after an Italian or Spanish weekday, or "publié le"', () => {
    expectAll([
      ['lunedì 10.05.2021', '2021-05-10'],
      ['venerdì 14.05.2021', '2021-05-14'],
      ['miércoles 12.05.2021', '2021-05-12'],
      ['sábado 15.05.2021', '2021-05-15'],
      ['publié le 12.05.2021', '2021-05-12'],
    ]);
  });
});

describe('a byline before the date', () => {
  it('a name or a user name, with its particles', () => {
    expectAll([
      ['Von der Redaktion 12.05.2021', '2021-05-12'],
      ['Par Jean Dupont 12.05.2021', '2021-05-12'],
      ['von jsmit1 am 20.09.2020', '2020-09-20'],
    ]);
  });

  it('not a decree or a decision named by "par … du"', () => {
    expectAll([
      ['Par arrêté du 12.05.2021', undefined],
      ['Par décision du 3 mai 2021', undefined],
      ['Par Décision du 3 mai 2021', undefined],
    ]);
  });
});
