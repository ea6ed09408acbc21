/**
 * Each signal with tiny pages, both ways: the cue present and the near miss without it.
 * A weak cue alone never makes a publication; declared structure or several cues together do.
 */
import { describe, expect, it } from 'vitest';
import { isPublicationPage } from '@/utils/detect';
import { LONG_PARAGRAPH, page } from './helpers';

const URL_ESSAY = 'https://www.nsob.nl/publicaties/leren-van-doen';

function detect(doc: Document, url = URL_ESSAY) {
  return isPublicationPage(doc, url);
}

/** The full check on a page from head and body gives these signals (among others) and this decision. */
function expectCheck(head: string, body: string, signals: string[], detected: boolean): void {
  const detection = detect(page(head, body));
  expect(detection.signals).toEqual(expect.arrayContaining(signals));
  expect(detection.detected).toBe(detected);
}

describe('declared metadata', () => {
  it('detects a page with citation_title, and not the same page without it', () => {
    const main = '<h1>Leren van doen</h1>';
    const withCitation = detect(page('<meta name="citation_title" content="Leren van doen">', main));
    expect(withCitation.detected).toBe(true);
    expect(withCitation.signals).toContain('citation_title');
    const without = detect(page('', main));
    expect(without.detected).toBe(false);
    expect(without.signals).not.toContain('citation_title');
  });

  it('reads JSON-LD types from @graph and @type arrays, and ignores WebPage', () => {
    const report = detect(
      page(
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["Report","CreativeWork"],"name":"Leren van doen"}]}</script>',
        '<h1>Leren van doen</h1>',
      ),
    );
    expect(report.detected).toBe(true);
    expect(report.signals).toContain('jsonld:Report');
    const webPage = detect(
      page(
        '<script type="application/ld+json">{"@type":"WebPage","name":"Leren van doen"}</script>',
        '<h1>Leren van doen</h1>',
      ),
    );
    expect(webPage.detected).toBe(false);
    expect(webPage.signals.some((s) => s.startsWith('jsonld:'))).toBe(false);
  });

  it('still reads the type of a JSON-LD block that does not parse', () => {
    const doc = page(
      '<script type="application/ld+json">{"@type": "ScholarlyArticle", "name": "Broken, }</script>',
      '<h1>Titel</h1>',
    );
    expect(detect(doc).signals).toContain('jsonld:ScholarlyArticle');
  });

  it('counts og:type=article as a hint that needs company', () => {
    const alone = detect(
      page('<meta property="og:type" content="article">', '<h1>Publicaties</h1><p>Korte inleiding.</p>'),
    );
    expect(alone.signals).toContain('og:type=article');
    expect(alone.detected).toBe(false);
    const withByline = detect(
      page(
        '<meta property="og:type" content="article">',
        '<h1>Wat een burgerberaad wel en niet kan</h1><p class="byline">Door Pieter Smit en Yasmin El Idrissi</p><p>Korte inleiding.</p>',
      ),
    );
    expect(withByline.signals).toContain('byline');
    expect(withByline.detected).toBe(true);
  });

  it('reads schema.org microdata types', () => {
    expectCheck(
      '',
      `<div itemscope itemtype="https://schema.org/Report"><h1 itemprop="name">Thuis in de buurt</h1>${LONG_PARAGRAPH}${LONG_PARAGRAPH}</div>`,
      ['microdata:Report'],
      true,
    );
  });
});

describe('what the page shows', () => {
  it('recognises Dutch publication labels in a definition list', () => {
    expectCheck(
      '',
      `<article><h1>Leren van doen</h1><dl><dt>Publicatiejaar</dt><dd>2020</dd><dt>Auteur(s)</dt><dd>Martijn van der Steen</dd><dt>Thema's</dt><dd>Sturen in netwerken</dd></dl></article>`,
      ['label:year', 'label:author', 'label:theme'],
      true,
    );
  });

  it('recognises English labels in table headers and "Label: value" lines', () => {
    const table = detect(
      page(
        '',
        '<h1>Governing algorithms</h1><table><tr><th>Published</th><td>March 2024</td></tr><tr><th>Authors</th><td>Jane Doe</td></tr></table>',
        { lang: 'en' },
      ),
    );
    expect(table.signals).toEqual(expect.arrayContaining(['label:year', 'label:author']));
    const lines = detect(
      page(
        '',
        "<h1>Europese digitale autonomie</h1><p>Publicatiedatum: 15 februari 2024</p><p>Auteur: Adviesraad Internationale Vraagstukken</p><p>Thema's: Europa</p>",
      ),
    );
    expect(lines.signals).toEqual(expect.arrayContaining(['label:year', 'label:author', 'label:theme']));
    expect(lines.detected).toBe(true);
  });

  it('reads "Label: value" lines separated by line breaks in a block under the heading', () => {
    const doc = page(
      '',
      '<h1>Effecten van een CO2-heffing</h1><div class="info">Soort publicatie: Working paper<br>Auteurs: Rutger Hoekstra en Lisa de Wit<br>Thema\'s: Klimaat</div>',
    );
    expect(detect(doc).signals).toEqual(
      expect.arrayContaining(['label:type', 'label:author', 'label:theme']),
    );
    const prose = page(
      '',
      '<h1>Effecten van een CO2-heffing</h1><div>Een heffing werkt: de uitstoot daalt.<br>Maar niet overal.</div>',
    );
    expect(detect(prose).signals.filter((s) => s.startsWith('label:'))).toEqual([]);
  });

  it('does not take the words of a product table (Type, Format, Date, Year) for publication labels', () => {
    const product = page(
      '',
      '<h1>Beamer X200</h1><table><tr><th>Type</th><td>LED</td></tr><tr><th>Format</th><td>16:9</td></tr>' +
        '<tr><th>Date</th><td>2024</td></tr><tr><th>Year</th><td>2024</td></tr></table>',
      { lang: 'en' },
    );
    const verdict = detect(product);
    expect(verdict.signals.filter((s) => s.startsWith('label:'))).toEqual([]);
    expect(verdict.detected).toBe(false);
  });

  it('does not take the filter facets of an overview for publication labels', () => {
    const doc = page(
      '',
      `<h1>Publicaties</h1><div class="facets">
      <div><h3>Publicatiejaar</h3><ul><li><input type="checkbox" id="j1"><label for="j1">2024</label></li></ul></div>
      <div><h3>Thema's</h3><ul><li><input type="checkbox" id="t1"><label for="t1">Democratie</label></li></ul></div>
      <form><h3>Auteur</h3><select><option>Iedereen</option></select></form></div>`,
    );
    const detection = detect(doc, 'https://www.nsob.nl/zoek-publicaties');
    expect(detection.signals.filter((s) => s.startsWith('label:'))).toEqual([]);
    expect(detection.detected).toBe(false);
  });

  it('finds a byline and a date beside the main heading, not in cards further down', () => {
    const beside = detect(
      page(
        '',
        `<article><header><h1>Wat een burgerberaad wel en niet kan</h1><div>Door Pieter Smit · <time datetime="2023-02-03">3 februari 2023</time></div></header>${LONG_PARAGRAPH}</article>`,
      ),
    );
    expect(beside.signals).toEqual(expect.arrayContaining(['byline', 'heading-date']));
    expect(beside.detected).toBe(true);
    const inCards = detect(
      page(
        '',
        `<h1>Blogs</h1><p>Onze blogs.</p><ul><li><h3><a href="/a">A</a></h3><p>Door Pieter Smit · <time datetime="2023-02-03">3 februari 2023</time></p></li></ul>`,
      ),
      'https://www.rathenau.nl/nl/vitale-kennisecosystemen',
    );
    expect(inCards.signals).not.toContain('byline');
    expect(inCards.signals).not.toContain('heading-date');
  });

  it('recognises dates written out in Dutch and English next to the heading', () => {
    expect(detect(page('', '<h1>Raad in beweging</h1><p>Advies | 25-11-2021</p>')).signals).toContain(
      'heading-date',
    );
    expect(detect(page('', '<h1>Raad in beweging</h1><p>22 september 2020</p>')).signals).toContain(
      'heading-date',
    );
    expect(detect(page('', '<h1>Housing supply</h1><p>March 4, 2024</p>', { lang: 'en' })).signals).toContain(
      'heading-date',
    );
    expect(
      detect(page('', '<h1>Raad in beweging</h1><p>Advies over lokale democratie</p>')).signals,
    ).not.toContain('heading-date');
  });

  it('counts a PDF download, but not a page full of PDFs', () => {
    const one = detect(
      page('', '<h1>Raad in beweging</h1><a href="/documenten/raad-in-beweging.pdf">Download (PDF)</a>'),
    );
    expect(one.signals).toContain('pdf-link');
    const many = Array.from(
      { length: 12 },
      (_, i) => `<a href="/documenten/rapport-${i}.pdf">Rapport ${i}</a>`,
    ).join('');
    expect(detect(page('', `<h1>Downloads</h1>${many}`)).signals).not.toContain('pdf-link');
  });

  it('measures running text like Readability does, ignoring dialogs and list teasers', () => {
    const text = detect(page('', `<article><h1>Lorem</h1>${LONG_PARAGRAPH}${LONG_PARAGRAPH}</article>`));
    expect(text.signals).toContain('running-text');
    expect(text.detected).toBe(true);
    const teasers = detect(
      page('', `<h1>Lorem</h1><ul><li>${LONG_PARAGRAPH}</li><li>${LONG_PARAGRAPH}</li></ul>`),
    );
    expect(teasers.signals).not.toContain('running-text');
    // The cookie dialog in every test page is long, and is not the page's text.
    expect(detect(page('', '<h1>Lorem</h1>')).signals).not.toContain('running-text');
  });

  it('takes a kicker above the heading into account both ways', () => {
    const essay = detect(
      page('', `<p>Essay</p><h1>Leren van doen</h1><p>Door Martijn van der Steen</p>${LONG_PARAGRAPH}`),
    );
    expect(essay.signals).toContain('kicker:publication');
    const vacancy = detect(
      page(
        '',
        `<p>Vacature</p><h1>Onderzoeker digitale overheid</h1><p>Publicatiedatum: 3 maart 2025</p>${LONG_PARAGRAPH}`,
      ),
      'https://www.example.nl/onderzoeker-digitale-overheid',
    );
    expect(vacancy.signals).toContain('kicker:vacancy');
    expect(vacancy.detected).toBe(false);
  });
});

describe('pages that are not publications', () => {
  const cards = (n: number) =>
    `<ul class="cards">${Array.from({ length: n }, (_, i) => `<li><h3><a href="/publicaties/p${i}">Publicatie ${i}</a></h3><p><time datetime="2024-01-0${(i % 9) + 1}">${(i % 9) + 1} januari 2024</time></p></li>`).join('')}</ul>`;

  it('stays silent on an overview of cards, even one that claims og:type=article', () => {
    const doc = page(
      '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-01-01">',
      `<h1>Publicaties</h1>${LONG_PARAGRAPH}${cards(8)}`,
    );
    const detection = detect(doc, 'https://www.nsob.nl/alle-uitgaven');
    expect(detection.signals).toEqual(expect.arrayContaining(['listing:cards', 'listing:dates']));
    expect(detection.detected).toBe(false);
  });

  it('still detects a publication followed by five related publications', () => {
    const related = `<aside><h2>Gerelateerde publicaties</h2>${cards(5)}</aside>`;
    const doc = page(
      '',
      `<article><h1>Leren van doen</h1><dl><dt>Publicatiejaar</dt><dd>2020</dd><dt>Auteur(s)</dt><dd>M. van der Steen</dd></dl>${LONG_PARAGRAPH}</article>${related}`,
    );
    const detection = detect(doc);
    expect(detection.signals).not.toContain('listing:cards');
    expect(detection.detected).toBe(true);
  });

  it('counts eight related publications inside the article as related, not as a listing', () => {
    const doc = page(
      '',
      `<article><h1>Leren van doen</h1><p>Door Martijn van der Steen · 22 september 2020</p>${LONG_PARAGRAPH}${LONG_PARAGRAPH}<h2>Lees ook</h2>${cards(8)}</article>`,
    );
    const detection = detect(doc);
    expect(detection.signals).toContain('listing:cards-beside-article');
    expect(detection.signals).not.toContain('listing:cards');
    expect(detection.detected).toBe(true);
    const overview = detect(
      page(
        '',
        `<article><h1>Leren van doen</h1><p>Door Martijn van der Steen · 22 september 2020</p>${LONG_PARAGRAPH}<h2>Alle essays</h2>${cards(8)}</article>`,
      ),
    );
    expect(overview.signals).toContain('listing:cards');
  });

  it('stays silent on search results, but only when the address carries a query', () => {
    const main = `<h1>Zoeken</h1><form role="search" action="/zoeken"><input type="search" name="q" value="democratie"></form>${cards(3)}`;
    const results = detect(
      page('<meta property="og:type" content="article">', main),
      'https://www.wrr.nl/resultaten?q=democratie',
    );
    expect(results.signals).toContain('search-results');
    expect(results.detected).toBe(false);
    expect(detect(page('', main), 'https://www.wrr.nl/resultaten').signals).not.toContain('search-results');
  });

  it('stays silent on events declared in JSON-LD or offering a calendar file', () => {
    const event = detect(
      page(
        '<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"Event","name":"Debat"}</script>',
        `<article><h1>Debat over Europese veiligheid</h1><p><time datetime="2024-09-19">19 september 2024</time></p>${LONG_PARAGRAPH}</article>`,
      ),
      'https://www.clingendael.org/nl/debat-europese-veiligheid',
    );
    expect(event.signals).toContain('jsonld:Event');
    expect(event.detected).toBe(false);
    const ics = detect(page('', '<h1>Debat</h1><a href="/debat.ics">Zet in agenda</a>'));
    expect(ics.signals).toContain('calendar');
  });

  it('stays silent on a shop page with a price', () => {
    expectCheck(
      '<meta property="og:type" content="article">',
      `<article><h1>Het betere werk (boek)</h1><p>Door WRR</p><span itemprop="price" content="29.95">€ 29,95</span>${LONG_PARAGRAPH}</article>`,
      ['price'],
      false,
    );
  });

  it('treats a password field as a login wall only when the text is hidden behind it', () => {
    const wall = detect(
      page(
        '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-01-01">',
        '<h1>Leden</h1><form><input type="password" name="pw"></form>',
      ),
    );
    expect(wall.signals).toContain('login');
    const chrome = detect(
      page(
        '',
        `<article><h1>Lorem</h1><form><input type="password"></form>${LONG_PARAGRAPH}${LONG_PARAGRAPH}</article>`,
      ),
    );
    expect(chrome.signals).not.toContain('login');
    expect(chrome.detected).toBe(true);
  });

  it('knows home pages and service pages by their address', () => {
    const article = `<article><h1>Leren van doen</h1><p>Door Martijn van der Steen</p>${LONG_PARAGRAPH}</article>`;
    for (const url of [
      'https://www.wrr.nl/',
      'https://www.rathenau.nl/nl',
      'https://www.clingendael.org/en/',
    ]) {
      const detection = detect(page('', article), url);
      expect(detection.signals, url).toContain('home-page');
      expect(detection.detected, url).toBe(false);
    }
    for (const [url, signal] of [
      ['https://www.scp.nl/contact', 'path:contact'],
      ['https://www.nsob.nl/over-de-nsob', 'path:about'],
      ['https://www.rekenkamer.nl/werken-bij/vacatures/onderzoeker', 'path:vacancy'],
      ['https://www.ippr.org/newsletter', 'path:newsletter'],
      ['https://www.rathenau.nl/nl/agenda/debat-ai', 'path:calendar'],
      ['https://www.brookings.edu/topics/climate-change/', 'path:hub'],
      ['https://www.pbl.nl/publicaties', 'path:listing'],
    ]) {
      expect(detect(page('', article), url).signals, url).toContain(signal);
    }
    // A title that merely starts like a service page, deeper in the path, is left alone.
    const essay = detect(
      page('', article),
      'https://www.nsob.nl/publicaties/over-de-grenzen-van-de-rechtsstaat',
    );
    expect(essay.signals.some((s) => s.startsWith('path:') || s === 'home-page')).toBe(false);
    expect(essay.detected).toBe(true);
  });

  it('stays silent on a home page whose lead story heading links elsewhere on the site', () => {
    const doc = page(
      '',
      `<article><p>Rapport</p><h1><a href="/publicaties/het-betere-werk">Het betere werk</a></h1><p><time datetime="2024-04-18">18 april 2024</time></p>${LONG_PARAGRAPH}</article>`,
    );
    const detection = detect(doc, 'https://www.wrr.nl/welkom');
    expect(detection.signals).toContain('heading-links-away');
  });
});

describe('single-page apps', () => {
  const head =
    '<meta name="citation_title" content="Vorige publicatie"><meta property="og:type" content="article">';

  it('ignores head metadata that describes another page of the same site', () => {
    const doc = page(
      `${head}<link rel="canonical" href="https://www.rand.org/pubs/research_reports/RRA100-1.html">`,
      '<h1>Research topics</h1>',
    );
    const detection = detect(doc, 'https://www.rand.org/topics/artificial-intelligence.html');
    expect(detection.signals).toContain('stale-metadata');
    expect(detection.signals).not.toContain('citation_title');
    expect(detection.detected).toBe(false);
  });

  it('trusts head metadata whose canonical is this page or a copy on another site', () => {
    const self = detect(
      page(
        `${head}<link rel="canonical" href="https://www.rand.org/pubs/research_reports/RRA100-1.html">`,
        '<h1>Vorige publicatie</h1>',
      ),
      'https://www.rand.org/pubs/research_reports/RRA100-1.html?utm_source=x#summary',
    );
    expect(self.signals).toContain('citation_title');
    expect(self.detected).toBe(true);
    const mirror = detect(
      page(
        `${head}<meta property="og:url" content="https://www.rand.org/pubs/x.html">`,
        '<h1>Vorige publicatie</h1>',
      ),
      'https://example.com/test/x/',
    );
    expect(mirror.signals).not.toContain('stale-metadata');
  });
});
