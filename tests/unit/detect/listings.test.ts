/**
 * Listing, overview, press-release index, collection and search pages are not publications,
 * however much metadata they carry; a publication with a list of related ones beside it still is.
 * Every page is checked both ways (asking the DOM, and over the extractor's walked elements).
 */
import { describe, expect, it } from 'vitest';
import { isPublicationPage, type Detection } from '@/utils/detect';
import { walkedElements } from '@/utils/detect/walked';
import { elementsByTag, indexElements } from '@/utils/extract/elements';
import { LONG_PARAGRAPH, page } from './helpers';

const OG_ARTICLE = '<meta property="og:type" content="article">';
const PUBLISHED = '<meta property="article:published_time" content="2022-01-25T10:00:00+01:00">';

function detect(doc: Document, url: string): Detection {
  const asked = isPublicationPage(doc, url, { headMayBeStale: false });
  const index = indexElements(doc);
  const walked = walkedElements(index.all, (tag) => elementsByTag(index, tag));
  expect(isPublicationPage(doc, url, { headMayBeStale: false, walked })).toEqual(asked);
  return asked;
}

/** The page is not detected, and `missing` is not among the reasons given. */
function expectSilent(doc: Document, url: string, missing: string): void {
  const detection = detect(doc, url);
  expect(detection.signals).not.toContain(missing);
  expect(detection.detected).toBe(false);
}

/** `n` teaser cards, each a date, a heading linking to its item and (when given) a teaser text. */
function teasers(n: number, teaserText = '', date = (i: number) => `${20 + i}.01.2022`): string {
  return Array.from(
    { length: n },
    (_, i) => `
<div class="teaser">
  <p class="teaser__date">${date(i)}</p>
  <h2 class="teaser__title"><a href="/presse/pressemitteilung-${i}">Förderprogramm Wärmenetze: Runde ${i} beginnt</a></h2>
  ${teaserText}
</div>`,
  ).join('');
}

describe('press-release indexes and news overviews', () => {
  it('stays silent on five dated teasers with teaser text, even beside og:type=article', () => {
    expectSilent(
      page(OG_ARTICLE, `<h1>Pressemitteilungen</h1>${teasers(5, LONG_PARAGRAPH)}`, { lang: 'de' }),
      'https://www.ministerium.example/presse/uebersicht',
      'running-text',
    );
  });

  it('still counts the same text as running text on the item page itself', () => {
    const item = detect(
      page(
        OG_ARTICLE,
        `<h1>Förderprogramm Wärmenetze: Runde 1 beginnt</h1><p>21.01.2022</p>${LONG_PARAGRAPH}${LONG_PARAGRAPH}`,
        { lang: 'de' },
      ),
      'https://www.ministerium.example/presse/pressemitteilung-1',
    );
    expect(item.signals).toContain('running-text');
    expect(item.detected).toBe(true);
  });

  it("lends the main heading no date from the first teaser's date", () => {
    expectSilent(
      page(`${OG_ARTICLE}${PUBLISHED}`, `<h1>Nieuws</h1>${teasers(4, '', (i) => `${i + 2} december 2026`)}`),
      'https://www.raad.example/actueel/overzicht',
      'heading-date',
    );
  });

  it('still detects a publication whose own text is followed by related teasers', () => {
    const essay = detect(
      page(
        OG_ARTICLE,
        `<h1>Wat een burgerberaad wel en niet kan</h1><p class="byline">Door Pieter Smit</p><p>22 september 2020</p>${LONG_PARAGRAPH}${LONG_PARAGRAPH}<h2>Lees ook</h2><div class="related">${teasers(4, LONG_PARAGRAPH)}</div>`,
      ),
      'https://www.instituut.example/blog/burgerberaad',
    );
    expect(essay.signals).toEqual(expect.arrayContaining(['byline', 'heading-date', 'running-text']));
    expect(essay.detected).toBe(true);
  });

  it('keeps the text of sections whose headings link to anchors on the page', () => {
    const sections = Array.from(
      { length: 4 },
      (_, i) => `<div class="section"><h2><a href="#deel-${i}">Deel ${i}</a></h2>${LONG_PARAGRAPH}</div>`,
    ).join('');
    const report = detect(
      page(OG_ARTICLE, `<h1>Leren van doen</h1>${sections}`),
      'https://www.instituut.example/publicaties/leren-van-doen',
    );
    expect(report.signals).toContain('running-text');
    expect(report.detected).toBe(true);
  });
});

describe('overview addresses the first check leaves to the full check', () => {
  const teaser = `<p class="date">3. März 2021</p>${LONG_PARAGRAPH}${LONG_PARAGRAPH}`;
  const post = `<article><h1>Wärmenetze in der Kommune</h1><p class="byline">Von Anna Beispiel</p>${teaser}</article>`;

  it('knows archives, tag pages and German listing words by the address', () => {
    for (const [url, signal] of [
      ['https://blog.beispiel.example/2021/03/', 'address:listing'],
      ['https://blog.beispiel.example/2021/03/14', 'address:listing'],
      ['https://www.verband.example/archiv/2020', 'address:listing'],
      ['https://www.verband.example/presse/pressemitteilungen', 'address:listing'],
      ['https://www.verband.example/aktuelles', 'address:listing'],
      ['https://blog.beispiel.example/schlagwort/energiewende', 'address:hub'],
      ['https://blog.beispiel.example/kategorie/politik/', 'address:hub'],
    ]) {
      const detection = detect(page(OG_ARTICLE, post, { lang: 'de' }), url);
      expect(detection.signals, url).toContain(signal);
    }
    const archive = detect(
      page(OG_ARTICLE, `<h1>Archiv 2020</h1>${teasers(2, LONG_PARAGRAPH)}`, { lang: 'de' }),
      'https://www.verband.example/archiv/2020',
    );
    expect(archive.detected).toBe(false);
  });

  it('leaves posts alone: a post number, a slug under a listing word, an item addressed by the query', () => {
    for (const url of [
      'https://blog.beispiel.example/1927',
      'https://blog.beispiel.example/2021/03/waermenetze-in-der-kommune',
      'https://www.verband.example/presse/pressemitteilungen/waermenetze-in-der-kommune',
      'https://www.verband.example/aktuelles?tx_news_pi1[news]=812',
      'https://www.verband.example/aktuelles/detail?id=812',
      'https://blog.beispiel.example/schlagwort/energiewende/waermenetze',
    ]) {
      const detection = detect(page(OG_ARTICLE, post, { lang: 'de' }), url);
      expect(
        detection.signals.some((s) => s.startsWith('address:')),
        url,
      ).toBe(false);
      expect(detection.detected, url).toBe(true);
    }
  });
});

describe('search pages', () => {
  const results = Array.from(
    { length: 3 },
    (_, i) =>
      `<div class="result"><h3><a href="/themen/klima-${i}">Klimaschutz ${i}</a></h3>${LONG_PARAGRAPH}</div>`,
  ).join('');

  it('stays silent on German search results with a plain text field', () => {
    const detection = detect(
      page(
        OG_ARTICLE,
        `<h1>Suche</h1><form action="/service/suche"><input type="text" name="query" value="klima"><button>Suchen</button></form>${results}`,
        { lang: 'de' },
      ),
      'https://www.ministerium.example/service/suche?query=klima',
    );
    expect(detection.signals).toEqual(expect.arrayContaining(['search-results', 'address:search']));
    expect(detection.detected).toBe(false);
  });

  it('knows results by their heading where the form is elsewhere', () => {
    const main = `<h1>Search results for “housing”</h1>${results}`;
    const detection = detect(
      page(OG_ARTICLE, main, { lang: 'en' }),
      'https://www.institute.example/find?q=housing',
    );
    expect(detection.signals).toContain('search-results');
    expect(detection.detected).toBe(false);
    // The same heading without search words in the address is left to the other signals.
    const noQuery = detect(page(OG_ARTICLE, main, { lang: 'en' }), 'https://www.institute.example/find');
    expect(noQuery.signals).not.toContain('search-results');
  });
});

describe('collections of reports', () => {
  const cards = Array.from(
    { length: 4 },
    (_, i) =>
      `<div class="card"><h3><a href="/adviezen/advies-${i}">Advies ${i}</a></h3><dl><dt>Publicatiejaar</dt><dd>202${i}</dd><dt>Auteur(s)</dt><dd>Jan Jansen</dd><dt>Thema</dt><dd>Wonen</dd></dl></div>`,
  ).join('');

  it("does not take the labels of each report's card for the page's own", () => {
    const collection = detect(
      page(OG_ARTICLE, `<h1>Adviezen van de raad</h1>${cards}`),
      'https://www.raad.example/werk',
    );
    expect(collection.signals.some((s) => s.startsWith('label:'))).toBe(false);
    expect(collection.detected).toBe(false);
    // One report's own labels still count.
    const report = detect(
      page(
        OG_ARTICLE,
        '<h1>Ruimte voor wonen</h1><dl><dt>Publicatiejaar</dt><dd>2021</dd><dt>Auteur(s)</dt><dd>Jan Jansen</dd></dl>',
      ),
      'https://www.raad.example/adviezen/ruimte-voor-wonen',
    );
    expect(report.signals).toEqual(expect.arrayContaining(['label:year', 'label:author']));
    expect(report.detected).toBe(true);
  });

  it('reads a collection declared in microdata', () => {
    const detection = detect(
      page(
        OG_ARTICLE,
        `<div itemscope itemtype="https://schema.org/CollectionPage"><h1>Adviezen van de raad</h1><p class="byline">Door de redactie</p><p>3 mei 2021</p></div>`,
      ),
      'https://www.raad.example/werk',
    );
    expect(detection.signals).toContain('microdata:CollectionPage');
    expect(detection.detected).toBe(false);
  });
});
