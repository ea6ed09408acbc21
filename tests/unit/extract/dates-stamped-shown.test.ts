/**
 * The ways a page shows its date, for the rule that drops a day only metadata holds (issue 13):
 * the month or a quarter of the metadata's day, a line of a word and its year, a day told as "today" or "yesterday" with its time, a time
 * ago in words, a long date line with its byline. Each keeps the metadata's full day.
 */
import { describe, expect, it } from 'vitest';
import { extract, jsonLd, page } from './helpers';

const TEXT =
  '<p>Dit rapport onderzoekt hoe gemeenten de uitvoering van de Wmo organiseren en welke keuzes zij daarbij maken voor burgers.</p>';
const OG = '<meta property="article:published_time" content="2026-12-05T08:30:00+01:00">';
const ARTICLE = jsonLd({ '@type': 'Article', datePublished: '2026-12-05' });
const shown = (line: string, head = OG) =>
  extract(
    page(head, `<main><article><h1>Zorg dichtbij</h1><p class="meta">${line}</p>${TEXT}</article></main>`),
  )?.published;

describe('a page that shows a month, a quarter or a relative day keeps the metadata’s day', () => {
  it('a month with its year, in words or in figures, and a quarter', () => {
    expect(shown('Dezember 2026')).toBe('2026-12-05');
    expect(shown('Rapport · December 2026', ARTICLE)).toBe('2026-12-05');
    expect(shown('12/2026')).toBe('2026-12-05');
    expect(shown('Rapport · Q4 2026', ARTICLE)).toBe('2026-12-05');
    expect(shown('Rapport, 2026', ARTICLE)).toBe('2026-12-05');
  });

  it('another month, a price’s year or a year in a sentence is not the page’s date', () => {
    expect(shown('Autorin: Sylvia Berger, Oktober 2008')).not.toBe('2026-12-05');
    expect(shown('Erwachsene: 3 € (Preis 2026)')).toBeUndefined();
    expect(shown('So hoch sind die Kreditzinsen 2026')).toBeUndefined();
  });

  it('today or yesterday with the time', () => {
    expect(shown('Vandaag, 09:12')).toBe('2026-12-05');
    expect(shown('Gisteren om 14:05')).toBe('2026-12-05');
    expect(shown('Heute, 10:32 Uhr')).toBe('2026-12-05');
    expect(shown('Yesterday at 10:32', ARTICLE)).toBe('2026-12-05');
  });

  it('a time ago told in words', () => {
    expect(shown('an hour ago')).toBe('2026-12-05');
    expect(shown('een uur geleden')).toBe('2026-12-05');
    expect(shown('vor einer Stunde')).toBe('2026-12-05');
  });

  it('a date line longer than a line, with its authors', () => {
    const line =
      'Gepubliceerd op 5 december 2026 door Jan Jansen en Anna de Vries, senior onderzoekers bij het Instituut voor Publieke Waarden';
    expect(shown(line)).toBe('2026-12-05');
  });

  it('a relative word without a time or a month word in prose is no date', () => {
    expect(shown('Vandaag in het nieuws: zorg en welzijn')).toBeUndefined();
    const prose =
      'Die Verwaltung hatte schon lange gewarnt; erst im Dezember 2026 legte das Ministerium einen Entwurf vor, der dann aber in den Ausschüssen scheiterte.';
    expect(shown(prose)).toBeUndefined();
  });
});

describe('a publication’s JSON-LD node is dated by nature', () => {
  it('a report, a scholarly article and a thesis keep their day where the page shows none', () => {
    for (const type of ['Report', 'ScholarlyArticle', 'Thesis']) {
      const node = jsonLd({ '@type': type, name: 'Zorg dichtbij', datePublished: '2026-12-05' });
      const html = page(node, `<main><article><h1>Zorg dichtbij</h1>${TEXT}</article></main>`);
      expect(extract(html)?.published).toBe('2026-12-05');
    }
  });
});
