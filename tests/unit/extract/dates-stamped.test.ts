/**
 * A page that shows no date at all (a recipe, a product, a guide) has none, whatever day its CMS
 * or SEO plugin stamped in the head (issue 13: "where the page has no date, return none"). Where
 * it shows any date, a comment's, a teaser's, "vor 2 Stunden", the metadata's day stays.
 */
import { describe, expect, it } from 'vitest';
import { extract, jsonLd, page } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const guide = (extra = '') => `<main><article><h1>Bienenstich backen</h1>${TEXT}${extra}</article></main>`;
const OG = '<meta property="article:published_time" content="2020-01-10T08:30:00+01:00">';

describe('a day only metadata holds, on a page that shows no date', () => {
  it('no date from Open Graph, a generic JSON-LD node, Dublin Core or the address', () => {
    expect(extract(page(OG, guide()))?.published).toBeUndefined();
    const node = jsonLd({ '@type': 'Article', datePublished: '2020-04-12T17:49:50+00:00' });
    expect(extract(page(node, guide()))?.published).toBeUndefined();
    expect(extract(page('<meta name="DC.date" content="2017-01-24">', guide()))?.published).toBeUndefined();
    const filed = 'https://www.example.org/2015/05/18/neue-hochzeitslokation/';
    expect(extract(page(OG, guide()), filed)?.published).toBeUndefined();
  });

  it('a date told inside running prose is an event’s, not one the page is dated with', () => {
    const prose =
      '<p>Die gebürtige Neuseeländerin umsegelte die Welt allein; am 21. Januar 2012 beendete sie ihre Reise in Auckland, nach mehr als einem Jahr auf See.</p>';
    expect(extract(page(OG, guide(prose)))?.published).toBeUndefined();
  });

  it('a fertiliser’s formula is no date: "Peters Classic 20-20-20"', () => {
    expect(extract(page(OG, guide('<p>Peters Classic 20-20-20</p>')))?.published).toBeUndefined();
  });
});

describe('the metadata’s day, where the page shows dates', () => {
  const shown = (extra: string) => extract(page(OG, guide(extra)))?.published;
  /** In a list of other items beside the article: not a line the page's own date is read from. */
  const beside = (item: string) =>
    extract(page(OG, `${guide()}<aside><ul><li><a href="/b">Andere Seite</a> ${item}</li></ul></aside>`))
      ?.published;

  it('a comment’s date, a teaser’s "02/11/23", a time ago, a date the script fills in', () => {
    expect(shown('<div class="comments"><p>Anna says: May 29, 2020 at 12:52 pm</p></div>')).toBe(
      '2020-01-10',
    );
    expect(shown('<ul><li><a href="/a">Sturmwarnung</a> 01/11/23</li></ul>')).toBe('2020-01-10');
    expect(shown('<p>Prashant Jha vor 2 Stunden</p>')).toBe('2020-01-10');
    expect(shown('<p>Hace 3 horas</p>')).toBe('2020-01-10');
    expect(shown('<div class="date-line">Updated <time></time></div>')).toBe('2020-01-10');
  });

  it('dates in Spanish, Russian and with slashes between the words', () => {
    expect(beside('Miércoles 4 de Mayo de 2022')).toBe('2020-01-10');
    expect(beside('16 мая 2018 г.')).toBe('2020-01-10');
    expect(beside('Fashion 29 / Dezember / 2022')).toBe('2020-01-10');
  });
});

describe('metadata set for the item itself stays, dates shown or not', () => {
  it('a newsroom’s Parse.ly date, scholarly citation metadata, a posting’s node', () => {
    const parsely = '<meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">';
    expect(extract(page(parsely, guide()))?.published).toBe('2024-04-20');
    const citation = '<meta name="citation_publication_date" content="2021/03/15">';
    expect(extract(page(citation, guide()))?.published).toBe('2021-03-15');
    const post = jsonLd({ '@type': 'SocialMediaPosting', datePublished: '2014-09-02T08:35:27-04:00' });
    expect(extract(page(post, guide()))?.published).toBe('2014-09-02');
  });
});
