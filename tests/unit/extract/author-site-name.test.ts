/**
 * The site's name in `<meta name="author">` (issue 13): the CMS's default, not a byline, unless a
 * byline the reader sees signs with it, or the structured data says the site is a person's.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { extract, jsonLd, page } from './helpers';

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const HEAD =
  '<meta property="og:site_name" content="Beispiel Bund"><meta name="author" content="Beispiel Bund">';

describe('authors: the site’s name in the author tag', () => {
  it('is no author when nothing on the page signs with it', () => {
    const body = `<main><article><h1>Neue Regeln</h1>${INTRO}</article></main>`;
    expect(extract(page(HEAD, body))?.authors).toEqual([]);
  });

  it('is the author when the visible byline names the site', () => {
    const body = `<main><article><h1>Neue Regeln</h1><p>Von Beispiel Bund 4. 2. 2022.</p>${INTRO}</article></main>`;
    expect(extract(page(HEAD, body))?.authors).toEqual(['Beispiel Bund']);
  });

  it('is the author on a person’s own site (JSON-LD Person of that name)', () => {
    const head =
      '<meta property="og:site_name" content="Jana Klein"><meta name="author" content="Jana Klein">' +
      jsonLd({
        '@type': 'BlogPosting',
        headline: 'Neue Regeln',
        author: { '@type': 'Person', name: 'Jana Klein' },
      });
    const body = `<main><article><h1>Neue Regeln</h1>${INTRO}</article></main>`;
    expect(extract(page(head, body))?.authors).toEqual(['Jana Klein']);
  });

  it('a person in the author tag stays', () => {
    const head = HEAD.replace('name="author" content="Beispiel Bund"', 'name="author" content="Jana Klein"');
    const body = `<main><article><h1>Neue Regeln</h1>${INTRO}</article></main>`;
    expect(extract(page(head, body))?.authors).toEqual(['Jana Klein']);
  });
});

describe('authors: the last part of a site name', () => {
  it.each([
    [
      'in a site name that holds the title is the site, no author; the byline is',
      '<meta property="og:site_name" content="Neue Regeln | Die Wochenschrift"><meta name="author" content="Die Wochenschrift">',
      '<p>von Jana Klein</p>',
    ],
    [
      'in a site name that holds no title (“Blog | Jana Klein”) is the blog owner, who signs',
      '<title>Neue Regeln | Blog | Jana Klein</title><meta property="og:site_name" content="Blog | Jana Klein"><meta name="author" content="Jana Klein">',
      '',
    ],
  ])('%s', (_case, head, byline) => {
    const body = `<main><article><h1>Neue Regeln</h1>${byline}${INTRO}</article></main>`;
    expect(extract(page(head, body))?.authors).toEqual(['Jana Klein']);
  });
});

describe('authors: another article’s teaser card', () => {
  it('gives no author, beside or inside the article', () => {
    const card =
      '<article class="teaser"><h2><a href="/meinung/zuversicht">Zuversicht</a></h2><footer><span class="teaser__author">Tom Brink</span></footer></article>';
    const inside = `<main><article><h1>Neue Regeln</h1><div class="slider">${card}</div>${INTRO}</article></main>`;
    expect(extract(page('', inside))?.authors).toEqual([]);
    const beside = `<main>${card}<article><h1>Neue Regeln</h1>${INTRO}</article></main>`;
    expect(extract(page('', beside))?.authors).toEqual([]);
  });

  it('leaves the article’s own byline, also where the heading stands above the article', () => {
    const own = `<main><article><h1>Neue Regeln</h1><span class="author">Jana Klein</span>${INTRO}</article></main>`;
    expect(extract(page('', own))?.authors).toEqual(['Jana Klein']);
    const above = `<main><h1>Neue Regeln</h1><article><span class="author">Jana Klein</span>${INTRO}</article></main>`;
    expect(extract(page('', above))?.authors).toEqual(['Jana Klein']);
  });

  it('reads the article’s own experts, rendered as articles inside it (Drupal)', () => {
    const expert = `<div class="field--name-field-experts"><article class="node--type-expert"><span itemprop="author">Jana Klein</span></article></div>`;
    const body = `<main><article class="node--type-publication"><h1>Neue Regeln</h1>${expert}${INTRO}</article></main>`;
    expect(extract(page('', body))?.authors).toEqual(['Jana Klein']);
  });
});

describe('authors: a numeric date after the name', () => {
  it('is cut off', () => {
    expect(cleanAuthors(['Von Beispiel Bund 4. 2. 2022.'])).toEqual(['Beispiel Bund']);
    expect(cleanAuthors(['Jan Jansen - 03.03.2019'])).toEqual(['Jan Jansen']);
    expect(cleanAuthors(['Jan Jansen'])).toEqual(['Jan Jansen']);
  });
});

describe('authors: publication words on the byline row', () => {
  it('cuts "— veröffentlicht …" and a glued "vor 5 Stunden"; a bare "Posted on" is no name', () => {
    expect(cleanAuthors(['Dominique — veröffentlicht'])).toEqual(['Dominique']);
    expect(cleanAuthors(['Beispiel Redaktionvor 5 StundenMehr'])).toEqual(['Beispiel Redaktion']);
    expect(cleanAuthors(['Posted on'])).toEqual([]);
    expect(cleanAuthors(['Publiziert am'])).toEqual([]);
    expect(cleanAuthors(['Anna Posthuma'])).toEqual(['Anna Posthuma']);
  });
});

describe('authors: a JSON-LD person the page never shows', () => {
  const head = (name: string) =>
    jsonLd({ '@type': 'NewsArticle', headline: 'Neue Regeln', author: { '@type': 'Person', name } });

  it('is no author (a CMS account behind an unsigned page)', () => {
    const body = `<main><article><h1>Neue Regeln</h1>${INTRO}</article></main>`;
    expect(extract(page(head('Jana Klein'), body))?.authors).toEqual([]);
  });

  it('is the author when the page shows the name, even run into the next word', () => {
    const body = `<main><article><h1>Neue Regeln</h1><div class="autor"><span>Jana Klein</span>Redakteurin</div>${INTRO}</article></main>`;
    expect(extract(page(head('Jana Klein'), body))?.authors).toEqual(['Jana Klein']);
    const glued = `<main><article><h1>Neue Regeln</h1><p>Jana KleinRedakteurin</p>${INTRO}</article></main>`;
    expect(extract(page(head('Jana Klein'), glued))?.authors).toEqual(['Jana Klein']);
  });
});
