/** One test per precedence decision and cleaning rule, on tiny inline pages. */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { parseDate } from '@/utils/extract/dates';
import { cleanUrl } from '@/utils/extract/urls';
import { extract, jsonLd, page, readPage, titleOf } from './helpers';

const ARTICLE =
  '<main><h1>Kop van de pagina</h1><p>Een alinea met genoeg tekst om als lopende tekst te gelden, over bestuur en beleid in Nederland.</p></main>';

describe('title', () => {
  it('JSON-LD headline beats citation_title, og:title and <title>', () => {
    expect(
      titleOf(
        `<title>Titel uit title | Site</title><meta property="og:title" content="OG titel"><meta name="citation_title" content="Citation titel">${jsonLd({ '@context': 'https://schema.org', '@type': 'Report', headline: 'JSON-LD titel' })}`,
        ARTICLE,
      ),
    ).toBe('JSON-LD titel');
  });

  it('citation_title beats og:title', () => {
    expect(
      titleOf(
        '<meta property="og:title" content="OG titel"><meta name="citation_title" content="Citation titel">',
        ARTICLE,
      ),
    ).toBe('Citation titel');
  });

  it('og:title beats the document title', () => {
    expect(
      extract(page('<title>Iets anders</title><meta property="og:title" content="OG titel">', ARTICLE))
        ?.title,
    ).toBe('OG titel');
  });

  it('drops the site name from the document title', () => {
    const html = page('<title>Leren van doen | NSOB</title>', '<main><h1>Leren van doen</h1></main>');
    expect(extract(html, 'https://www.nsob.nl/publicaties/leren-van-doen')?.title).toBe('Leren van doen');
  });

  it('drops a section and the site name ("Title | Publicaties | Site")', () => {
    expect(
      titleOf(
        '<title>Thuis in de buurt | Publicatie | Sociaal en Cultureel Planbureau</title>',
        '<main><h1>Thuis in de buurt</h1></main>',
        'https://www.scp.nl/publicaties/thuis',
      ),
    ).toBe('Thuis in de buurt');
  });

  it('prefers the heading when the document title is a short form of it', () => {
    expect(
      titleOf(
        '<title>CO2-heffing industrie | CPB</title>',
        '<main><h1>Effecten van een CO2-heffing voor de industrie</h1></main>',
        'https://www.cpb.nl/x',
      ),
    ).toBe('Effecten van een CO2-heffing voor de industrie');
  });

  it('keeps a declared title as written when the addition is the author the page names (not a site)', () => {
    expect(
      titleOf(
        '<meta property="og:title" content="Whale strandings worry tribes | Eleanor Ainge Roy">',
        '<main><h1>Whale strandings worry tribes</h1><p class="byline">By Eleanor Ainge Roy</p></main>',
      ),
    ).toBe('Whale strandings worry tribes | Eleanor Ainge Roy');
  });

  it('drops a series number before the heading ("Advies 126: …")', () => {
    expect(
      titleOf(
        '<title>Advies 126: Europese digitale autonomie | AIV</title>',
        '<main><h1>Europese digitale autonomie</h1></main>',
        'https://www.aiv.nl/x',
      ),
    ).toBe('Europese digitale autonomie');
  });

  it('markup in a heading gives its text only', () => {
    const html = page('', '<main><h1><img src="x" onerror="alert(1)">Rapport over bestuur</h1></main>');
    const publication = extract(html);
    expect(publication?.title).toBe('Rapport over bestuur');
    expect(JSON.stringify(publication)).not.toContain('onerror');
  });

  it('markup written as text in <title> stays that text, not an element', () => {
    const publication = extract(page('<title>&lt;img src=x onerror=alert(1)&gt; Rapport</title>'));
    expect(publication?.title).toBe('<img src=x onerror=alert(1)> Rapport');
  });
});

describe('subtitle', () => {
  it('reads the line under the heading in the header block', () => {
    const header =
      '<header><p>NSOB | essay</p><h1>Leren van doen</h1><h2>Ervaringen met samenwerken in het IBP</h2></header>';
    const record = readPage('', `<main>${header}<p>Tekst.</p></main>`);
    expect(record?.subtitle).toBe('Ervaringen met samenwerken in het IBP');
  });

  it('a section heading in running text is not a subtitle', () => {
    const html = page(
      '',
      '<main><article><h1>Leren van doen</h1><h2>Inleiding</h2><p>Eerste alinea.</p><p>Tweede alinea.</p><h2>Conclusie</h2><p>Slot.</p></article></main>',
    );
    expect(extract(html)?.subtitle).toBeUndefined();
  });
});

describe('published', () => {
  it('prefers datePublished over dateModified', () => {
    const html = page(
      jsonLd({
        '@type': 'Article',
        headline: 'Titel',
        dateModified: '2024-01-02',
        datePublished: '2020-09-22T10:00:00+02:00',
      }),
      // The page shows dates (a comment's): its metadata's day is one it has.
      `${ARTICLE}<section class="comments"><p>Reactie, 3 maart 2024</p></section>`,
    );
    expect(extract(html)?.published).toBe('2020-09-22');
  });

  it('never takes a modified date for the published date', () => {
    const html = page('<meta property="article:modified_time" content="2024-01-02">', ARTICLE);
    expect(extract(html)?.published).toBeUndefined();
  });

  it('JSON-LD beats citation_publication_date, which beats article:published_time', () => {
    const both = page(
      `<meta name="citation_publication_date" content="2019/05/01"><meta property="article:published_time" content="2018-01-01">${jsonLd({ '@type': 'Report', name: 'Titel', datePublished: '2020-03-04' })}`,
      ARTICLE,
    );
    expect(extract(both)?.published).toBe('2020-03-04');
    const noJsonLd = page(
      '<meta name="citation_publication_date" content="2019/05/01"><meta property="article:published_time" content="2018-01-01">',
      ARTICLE,
    );
    expect(extract(noJsonLd)?.published).toBe('2019-05-01');
  });

  it('keeps the precision the page states (a label with only a year)', () => {
    const html = page('', '<main><h1>Essay</h1><dl><dt>Publicatiejaar</dt><dd>2020</dd></dl></main>');
    const publication = extract(html);
    expect(publication?.published).toBe('2020');
    expect(publication?.year).toBe(2020);
  });

  it('skips an "updated" time element and takes the published one', () => {
    expect(
      readPage(
        '',
        '<main><h1>Essay</h1><p class="updated">Bijgewerkt <time datetime="2024-02-02">2 feb</time></p><p>Gepubliceerd <time datetime="2021-06-17">17 juni</time></p></main>',
      )?.published,
    ).toBe('2021-06-17');
  });
});

describe('dates in Dutch and English', () => {
  it.each([
    ['22 september 2020', '2020-09-22'],
    ['1 mei 2019', '2019-05-01'],
    ['September 22, 2020', '2020-09-22'],
    ['Sept. 2020', '2020-09'],
    ['maart 2021', '2021-03'],
    ['2020', '2020'],
    ['2021-07-05T09:00:00Z', '2021-07-05'],
    ['05-07-2021', '2021-07-05'],
    ['Publicatiejaar 2020', '2020'],
  ])('%s → %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it.each(['', 'binnenkort', 'Rapport 126', '31-31-2020'])('%j is not a date', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });
});

describe('authors', () => {
  it('splits on commas, en/and, & and line breaks', () => {
    expect(cleanAuthors(['Door Rutger Hoekstra, Lisa de Wit en Jesse Mulder'])).toEqual([
      'Rutger Hoekstra',
      'Lisa de Wit',
      'Jesse Mulder',
    ]);
    expect(cleanAuthors(['By Jane Doe and John Roe'])).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors(['Anna de Vries & Piet Jansen'])).toEqual(['Anna de Vries', 'Piet Jansen']);
    expect(cleanAuthors(['Anna de Vries\nPiet Jansen'])).toEqual(['Anna de Vries', 'Piet Jansen']);
  });

  it('removes academic titles and roles', () => {
    expect(
      cleanAuthors([
        'prof. dr. Mark Hoogendoorn, decaan',
        'Dr Alex Thorne',
        'Rebecca Lindqvist, senior fellow',
      ]),
    ).toEqual(['Mark Hoogendoorn', 'Alex Thorne', 'Rebecca Lindqvist']);
  });

  it('keeps an organisation and drops duplicates', () => {
    expect(cleanAuthors(['Algemene Rekenkamer', 'algemene rekenkamer'])).toEqual(['Algemene Rekenkamer']);
  });

  it("drops a byline's date, and a date line in a byline slot is no author", () => {
    expect(cleanAuthors(['By GILLIAN MOHNEY March 11, 2015 3:46 PM'])).toEqual(['Gillian Mohney']);
    expect(cleanAuthors(['Last Updated: January 7, 2025'])).toEqual([]);
  });

  it('keeps a one-word-each-side "&" name whole', () => {
    expect(cleanAuthors(['Mac & i'])).toEqual(['Mac & i']);
  });

  it('JSON-LD authors (with @id references) beat meta author', () => {
    const html = page(
      `<meta name="author" content="Redactie">${jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Article', headline: 'Titel', author: [{ '@id': '#a' }, { '@id': '#b' }] },
          { '@type': 'Person', '@id': '#a', name: 'Karin Boelens' },
          { '@type': 'Person', '@id': '#b', name: 'Youssef Amrani' },
        ],
      })}`,
      ARTICLE.replace('</main>', '<p>Karin Boelens, Youssef Amrani</p></main>'),
    );
    expect(extract(html)?.authors).toEqual(['Karin Boelens', 'Youssef Amrani']);
  });

  it('turns citation_author "Last, First" round, one person per tag', () => {
    expect(
      readPage(
        '<meta name="citation_title" content="Titel"><meta name="citation_author" content="Bakker, Eline"><meta name="citation_author" content="Verhoeven, Tom">',
        ARTICLE,
      )?.authors,
    ).toEqual(['Eline Bakker', 'Tom Verhoeven']);
  });

  it('takes the author element inside a byline row that also holds a date and counts', () => {
    expect(
      readPage(
        '',
        '<main><h1>Titel van het stuk</h1><p class="byline"><span class="by-author">by <a class="byauthor" href="/a/ln">Lucas Nolan</a></span><span class="bydate">22 Dec 2016</span><a class="bycount" href="#c">651</a></p></main>',
      )?.authors,
    ).toEqual(['Lucas Nolan']);
  });

  it('reads a byline line near the heading', () => {
    expect(
      readPage('', '<main><div><h1>Essay</h1><p>Door Martijn van der Steen en Petra Ophoff</p></div></main>')
        ?.authors,
    ).toEqual(['Martijn van der Steen', 'Petra Ophoff']);
  });
});

describe('labels in every markup', () => {
  const expected = {
    authors: ['Anna de Vries', 'Piet Jansen'],
    themes: ['Wonen', 'Zorg'],
    published: '2021',
  };
  it.each([
    [
      'dl',
      "<dl><dt>Auteurs</dt><dd>Anna de Vries</dd><dd>Piet Jansen</dd><dt>Thema's</dt><dd>Wonen</dd><dd>Zorg</dd><dt>Jaar</dt><dd>2021</dd></dl>",
    ],
    [
      'table',
      '<table><tr><th>Authors</th><td>Anna de Vries, Piet Jansen</td></tr><tr><th>Topics</th><td>Wonen, Zorg</td></tr><tr><th>Year</th><td>2021</td></tr></table>',
    ],
    [
      'headings',
      "<h2>Auteur(s)</h2><ul><li>Anna de Vries</li><li>Piet Jansen</li></ul><h2>Thema's</h2><ul><li>Wonen</li><li>Zorg</li></ul><h2>Publicatiejaar</h2><p>2021</p>",
    ],
    [
      'strong labels',
      "<p><strong>Auteurs:</strong> Anna de Vries, Piet Jansen</p><p><strong>Thema's:</strong> Wonen, Zorg</p><p><strong>Publicatiejaar:</strong> 2021</p>",
    ],
    [
      'plain lines with <br>',
      "<div>Auteurs: Anna de Vries en Piet Jansen<br>Thema's: Wonen, Zorg<br>Datum: 2021</div>",
    ],
  ])('%s', (_, markup) => {
    const publication = extract(page('<title>Essay</title>', `<main><h1>Essay</h1>${markup}</main>`));
    expect(publication).toMatchObject(expected);
  });

  it('labels inside related cards do not leak into the page', () => {
    const html = page(
      '',
      `<main><h1>Essay</h1><dl><dt>Thema's</dt><dd>Wonen</dd></dl></main>
      <section><h2>Gerelateerde publicaties</h2><div><article><h3><a href="/a">Ander essay</a></h3><dl><dt>Thema's</dt><dd>Zorg</dd></dl></article></div></section>`,
    );
    const publication = extract(html);
    expect(publication?.themes).toEqual(['Wonen']);
    expect(publication?.related).toEqual([
      { title: 'Ander essay', url: 'https://www.example.org/a', themes: ['Zorg'] },
    ]);
  });
});

describe('other fields', () => {
  it('language: html[lang] beats inference; inferred from the text when missing', () => {
    expect(extract(page('<title>Titel</title>', ARTICLE, 'en-GB'))?.language).toBe('en-GB');
    expect(extract(page('<title>Titel</title>', ARTICLE))?.language).toBe('nl');
    expect(
      extract(
        page(
          '<title>Titel</title>',
          '<main><h1>Report</h1><p>This is the report that the institute has written about the future of the public service and what it should do.</p></main>',
        ),
      )?.language,
    ).toBe('en');
  });

  it('canonical URL: absolute, without fragment and tracking parameters', () => {
    const html = page(
      '<link rel="canonical" href="/publicaties/x?utm_source=nb&amp;id=3&amp;fbclid=abc#top">',
      ARTICLE,
    );
    expect(extract(html)?.canonicalUrl).toBe('https://www.example.org/publicaties/x?id=3');
    expect(cleanUrl('https://a.nl/x?gclid=1&utm_medium=e', 'https://a.nl/')).toBe('https://a.nl/x');
  });

  it('publisher: JSON-LD publisher beats og:site_name', () => {
    expect(
      readPage(
        `<meta property="og:site_name" content="Site">${jsonLd({ '@type': 'Report', name: 'Titel', publisher: { '@type': 'Organization', name: 'WRR' } })}`,
        ARTICLE,
      )?.publisher,
    ).toBe('WRR');
  });

  it('type: a type label beats JSON-LD; among JSON-LD types the specific one wins', () => {
    const typed = page(
      jsonLd({ '@type': 'Article', headline: 'Titel' }),
      '<main><h1>Titel</h1><p><strong>Soort publicatie:</strong> Working paper</p></main>',
    );
    expect(extract(typed)?.type).toBe('working-paper');
    expect(extract(page(jsonLd({ '@type': ['Article', 'Report'], headline: 'Titel' }), ARTICLE))?.type).toBe(
      'report',
    );
  });

  it('summary: a truncated description stands for the opening paragraph', () => {
    const paragraph =
      'Een groot deel van het publieke debat speelt zich af op platforms van een handvol internationale bedrijven. Hun regels bepalen wat zichtbaar wordt.';
    expect(
      readPage(
        '<meta name="description" content="Een groot deel van het publieke debat speelt zich af op platforms van een handvol …">',
        `<main><h1>Titel</h1><p>${paragraph}</p></main>`,
      )?.summary,
    ).toBe(paragraph);
  });

  it('summary: the description when it is not the opening paragraph', () => {
    expect(
      readPage('<meta name="description" content="Een korte eigen samenvatting van de uitgever.">', ARTICLE)
        ?.summary,
    ).toBe('Een korte eigen samenvatting van de uitgever.');
  });

  it('pdfUrl: citation_pdf_url beats links; a download link beats an inline annex', () => {
    expect(
      extract(page('<meta name="citation_pdf_url" content="/a.pdf">', `${ARTICLE}<a href="/b.pdf">b</a>`))
        ?.pdfUrl,
    ).toBe('https://www.example.org/a.pdf');
    const links = page(
      '',
      '<main><h1>Titel</h1><p>Zie de <a href="/bijlage.pdf">bijlage</a>.</p><a href="/rapport.pdf">Download het rapport (pdf)</a></main>',
    );
    expect(extract(links)?.pdfUrl).toBe('https://www.example.org/rapport.pdf');
  });

  it('doi and isbn are cleaned', () => {
    const html = page(
      '<meta name="citation_doi" content="https://doi.org/10.7249/RRA2718-1"><meta name="citation_isbn" content="978-0-8157-3742-1">',
      ARTICLE,
    );
    expect(extract(html)).toMatchObject({ doi: '10.7249/RRA2718-1', isbn: '9780815737421' });
  });

  it('meta property (RDFa) beats meta name for the same key', () => {
    const html = page(
      '<meta name="DC.title" content="Name title"><meta property="dc:title" content="Property title">',
      ARTICLE,
    );
    expect(extract(html)?.title).toBe('Property title');
  });
});
