/**
 * Rules made general after pages from publishers the extractor was not written against
 * (tests/fixtures/knaw-*, ser-*, ippr-*, ceps-*, resolution-foundation-*, centre-for-cities-*,
 * onderwijsraad-*): one decision per test, each on a tiny inline page.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { extract, jsonLd, page } from './helpers';

const INTRO =
  '<p>Een alinea met genoeg tekst om als lopende tekst te gelden, over bestuur en beleid in Nederland en daarbuiten.</p>';

describe('labels followed by a run of like elements', () => {
  it('a label paragraph followed by one block per author gives every author, not the first', () => {
    const body = `<main><h1>Zorgwerk houdbaar maken</h1>${INTRO}<div class="authors"><p class="authors__label">Auteurs</p>
      <div class="author"><img src="/a.jpg" alt="Portret van Anne Kuipers"><span class="author__name">drs. Anne Kuipers</span></div>
      <div class="author"><img src="/b.jpg" alt="Portret van Joost Bakker"><span class="author__name">Joost Bakker MSc</span></div></div></main>`;
    expect(extract(page('', body))?.authors).toEqual(['Anne Kuipers', 'Joost Bakker']);
  });

  it('a heading followed by bare links gives every link as a theme', () => {
    const body = `<main><h1>Gatekeepers at the gate</h1>${INTRO}<div><h3>Research areas</h3><a href="/ra/digital">Digital Economy</a><a href="/ra/competition">Competition</a></div></main>`;
    expect(extract(page('', body))?.themes).toEqual(['Digital Economy', 'Competition']);
  });

  it('a list of authors takes the name beside each role, not name and role run together', () => {
    const body = `<main><h1>Stuck in the middle</h1>${INTRO}<h2>Authors</h2><ul>
      <li><a href="/people/a"><span class="person-name">Lalitha Rao</span><span class="person-role">Senior Economist</span></a></li>
      <li><a href="/people/b"><span class="person-name">Oliver Hughes</span><span class="person-role">Economist</span></a></li></ul></main>`;
    expect(extract(page('', body))?.authors).toEqual(['Lalitha Rao', 'Oliver Hughes']);
  });

  it('a bare span ending in a colon labels the links after it; without the colon it is just text', () => {
    const labelled = `<main><h1>Fair care for all</h1>${INTRO}<div><span>Topics:</span> <a href="/r/health">Health and care</a>, <a href="/r/public">Public services</a></div></main>`;
    expect(extract(page('', labelled))?.themes).toEqual(['Health and care', 'Public services']);
    const plain = labelled.replace('Topics:', 'Topics');
    expect(extract(page('', plain))?.themes).toEqual([]);
  });
});

describe('themes from unlabelled topic links', () => {
  it('links to taxonomy pages grouped in the article are its themes; navigation and sidebars are not', () => {
    const body = `<nav><a href="/topic/economy/">Economy</a></nav><main><ul class="tags"><li><a href="/topic/living-standards/">Living standards</a></li><li><a href="/topic/income-inequality/">Income inequality</a></li></ul>
      <h1>Stuck in the middle</h1>${INTRO}</main><aside><a href="/topic/housing/">Housing</a></aside>`;
    expect(extract(page('', body), 'https://www.example.org/publications/stuck/')?.themes).toEqual([
      'Living standards',
      'Income inequality',
    ]);
  });

  it('a label still beats topic links', () => {
    const body = `<main><ul class="tags"><li><a href="/topic/living-standards/">Living standards</a></li></ul><h1>Stuck in the middle</h1>${INTRO}<p>Thema: Inkomen</p></main>`;
    expect(extract(page('', body))?.themes).toEqual(['Inkomen']);
  });
});

describe('pdfUrl', () => {
  it('a summary PDF listed first is passed over for the publication itself', () => {
    const body = `<main><h1>Open wetenschap als gewoonte</h1>${INTRO}<ul><li><a href="/files/samenvatting-open-wetenschap.pdf">Samenvatting (pdf)</a></li><li><a href="/files/advies-open-wetenschap.pdf">Download het advies (pdf)</a></li></ul></main>`;
    expect(extract(page('', body))?.pdfUrl).toBe('https://www.example.org/files/advies-open-wetenschap.pdf');
  });

  it('a summary named only in the file name counts as a summary too', () => {
    const body = `<main><h1>Fair care</h1>${INTRO}<a href="/files/fair-care-summary.pdf">Download (PDF)</a> <a href="/files/fair-care-report.pdf">Download (PDF)</a></main>`;
    expect(extract(page('', body))?.pdfUrl).toBe('https://www.example.org/files/fair-care-report.pdf');
  });

  it('a summary PDF is still taken when it is the only PDF on the page', () => {
    const body = `<main><h1>Fair care</h1>${INTRO}<a href="/files/fair-care-summary.pdf">Download the summary (PDF)</a></main>`;
    expect(extract(page('', body))?.pdfUrl).toBe('https://www.example.org/files/fair-care-summary.pdf');
  });
});

describe('title and publisher from the document title', () => {
  it('a title that is the heading with a kicker word in front gives the heading', () => {
    const html = page(
      '<title>Verkenning Zorgwerk houdbaar maken - SER</title>',
      `<main><h1>Zorgwerk houdbaar maken</h1>${INTRO}</main>`,
    );
    expect(extract(html, 'https://www.ser.nl/nl/publicaties/zorgwerk')?.title).toBe(
      'Zorgwerk houdbaar maken',
    );
  });

  it('the part of a long suffix that names the host is the publisher', () => {
    const html = page(
      '<title>Fair care: a new settlement | IPPR - The Progressive Policy Think Tank</title>',
      `<header><a href="/">Home</a></header><main><h1>Fair care: a new settlement</h1>${INTRO}</main>`,
    );
    expect(extract(html, 'https://www.ippr.org/research/publications/fair-care')?.publisher).toBe('IPPR');
  });
});

describe('authors of institutional publications', () => {
  it('an advice that names nobody is by its publisher', () => {
    const html = page(
      '<meta property="og:site_name" content="Onderwijsraad">',
      `<main><p class="type">Advies</p><h1>Ruimte voor de leraar</h1>${INTRO}</main>`,
    );
    expect(extract(html)?.authors).toEqual(['Onderwijsraad']);
  });

  it('an article that names nobody stays without an author', () => {
    const html = page(
      '<meta property="og:site_name" content="Onderwijsraad">',
      `<main><p class="type">Artikel</p><h1>Ruimte voor de leraar</h1>${INTRO}</main>`,
    );
    expect(extract(html)?.authors).toEqual([]);
  });
});

describe('related blocks', () => {
  it('"You might also like" heads a list of related publications', () => {
    const body = `<main><h1>Gatekeepers at the gate</h1>${INTRO}</main><section><h2>You might also like</h2><div class="swiper-wrapper">
      <div class="swiper-slide"><a href="/p/platform-power"><h3>Platform power and the single market</h3></a></div>
      <div class="swiper-slide"><a href="/p/data-access"><h3>Data access for regulators</h3></a></div></div></section>`;
    expect(extract(page('', body))?.related.map((item) => item.title)).toEqual([
      'Platform power and the single market',
      'Data access for regulators',
    ]);
  });
});

describe('bylines', () => {
  it('a byline list of people with roles gives the names only', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1><ul class="authors"><li><a href="/p/a">Jan de Vries</a><span class="role">Senior onderzoeker</span></li><li><a href="/p/b">Petra Smit</a><span class="role">Onderzoeker</span></li></ul>${INTRO}</main>`;
    expect(extract(page('', body))?.authors).toEqual(['Jan de Vries', 'Petra Smit']);
  });

  it('a day-first date after the last name is not part of it', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Work in progress today</h1><div class="meta"><span class="by">By <a href="/x">Jane Roe</a> and <a href="/y">John Doe</a></span> <span class="date">3 October 2023</span></div>${INTRO}</main>`;
    expect(extract(page('', body))?.authors).toEqual(['Jane Roe', 'John Doe']);
  });

  it('"Tekst:" and a "Redactie" label name the authors', () => {
    const tekst = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1><p>Tekst: Jan de Vries</p>${INTRO}</main>`;
    expect(extract(page('', tekst))?.authors).toEqual(['Jan de Vries']);
    const redactie = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1><dl><dt>Redactie</dt><dd>Jan de Vries</dd><dd>Petra Smit</dd></dl>${INTRO}</main>`;
    expect(extract(page('', redactie))?.authors).toEqual(['Jan de Vries', 'Petra Smit']);
  });

  it('"by <a>Name</a>" in another article\'s card is no label for this page', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Work in progress today</h1><p class="byline">By Jane Roe</p>${INTRO}</main><div class="card"><span class="author">by <a href="/p/x">Sam Other</a></span></div>`;
    expect(extract(page('', body))?.authors).toEqual(['Jane Roe']);
  });
});

describe('dates near the heading', () => {
  it('published and modified on one line: the published part', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1><p class="meta">Laatst gewijzigd op 2 oktober 2023 | Gepubliceerd op 14 juni 2023</p>${INTRO}</main>`;
    expect(extract(page('', body))?.published).toBe('2023-06-14');
  });

  it('a type and a numeric date on one line: the date', () => {
    const body = `<header><a href="/">Home</a></header><main><div><h1>Ruimte voor de leraar</h1><p class="meta">Advies | 19-01-2023</p></div>${INTRO}</main>`;
    expect(extract(page('', body))?.published).toBe('2023-01-19');
  });
});

describe('related headings in longer forms', () => {
  const list =
    '<ul><li><a href="/p/1">Eerste publicatie over werk</a></li><li><a href="/p/2">Tweede publicatie over werk</a></li></ul>';
  it.each([
    'Gerelateerde publicaties (2)',
    'Meer over dit thema: Arbeidsmarkt',
    'Related research and commentary',
  ])('"%s" heads a related block', (heading) => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${INTRO}</main><section><h2>${heading}</h2>${list}</section>`;
    expect(extract(page('', body))?.related.map((item) => item.title)).toEqual([
      'Eerste publicatie over werk',
      'Tweede publicatie over werk',
    ]);
  });

  it('an empty recommendation widget inside the article does not turn the article into a related block', () => {
    const body = `<header><a href="/">Home</a></header><div class="article"><h1>Work in progress today</h1><p class="byline"><a rel="author" href="/writer/jane">Jane Roe</a></p>${INTRO}<div class="widget"><h3>You might also like</h3><div class="placeholder"></div></div></div>`;
    const publication = extract(page('', body));
    expect(publication?.authors).toEqual(['Jane Roe']);
    expect(publication?.related).toEqual([]);
  });

  it('a longer heading over a section of running text is not a related block', () => {
    const long = `<p>${'Lopende tekst over het onderwerp van deze pagina, met genoeg woorden om een echte alinea te zijn. '.repeat(4)}</p>`;
    const body = `<header><a href="/">Home</a></header><div class="content"><h1>Werk in uitvoering</h1>${long}${long}<h2>See also [edit]</h2><ul><li><a href="/wiki/x">Other entry</a></li></ul></div>`;
    const publication = extract(page('', body));
    expect(publication?.related).toEqual([]);
    expect(publication?.summary).toContain('Lopende tekst');
  });
});

describe('themes and PDFs, more forms', () => {
  it('a theme label without a colon before links', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${INTRO}<p class="tags">Onderwerpen <a href="/o/a">Arbeidsmarkt</a> <a href="/o/b">Zorg</a></p></main>`;
    expect(extract(page('', body))?.themes).toEqual(['Arbeidsmarkt', 'Zorg']);
  });

  it('a public version ("publieksversie") listed first is not the report', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${INTRO}<a href="/files/kort.pdf">Publieksversie (pdf)</a> <a href="/files/rapport.pdf">Rapport (pdf)</a></main>`;
    expect(extract(page('', body))?.pdfUrl).toBe('https://www.example.org/files/rapport.pdf');
  });
});

describe('summary', () => {
  it('a trimmed description of a body-length block stays the description; of an intro, the intro', () => {
    const description =
      'Added granite, andesite and diorite stone blocks, with smooth versions, and a lot more besides...';
    const changes = Array.from({ length: 60 }, (_, i) => `Added block number ${i}.`).join('<br>');
    const bodyBlock = `<header><a href="/">Home</a></header><main><h1>Snapshot release notes</h1><p>Added granite, andesite and diorite stone blocks, with smooth versions, and a lot more besides.<br>${changes}</p></main>`;
    expect(extract(page(`<meta name="description" content="${description}">`, bodyBlock))?.summary).toBe(
      description,
    );
    const intro = `<header><a href="/">Home</a></header><main><h1>Snapshot release notes</h1><p>Added granite, andesite and diorite stone blocks, with smooth versions, and a lot more besides. That is all for this week.</p></main>`;
    expect(extract(page(`<meta name="description" content="${description}">`, intro))?.summary).toBe(
      'Added granite, andesite and diorite stone blocks, with smooth versions, and a lot more besides. That is all for this week.',
    );
  });
});

describe('author names and organisations', () => {
  it('post-nominals, initials with the name used, and acronyms', () => {
    expect(
      cleanAuthors([
        'Prof. Dr. J.A. (Jan) de Vries',
        'mr. drs. Anna Jansen LLM',
        'Sarah Hill PhD, FBA',
        'Tom Lee, MA',
      ]),
    ).toEqual(['Jan de Vries', 'Anna Jansen', 'Sarah Hill', 'Tom Lee']);
    // A surname is no post-nominal, and a one-word name in capitals is an acronym, not shouting.
    expect(cleanAuthors(['Jack Ma', 'SER', 'GILLIAN MOHNEY'])).toEqual(['Jack Ma', 'SER', 'Gillian Mohney']);
  });

  /** An article page whose JSON-LD names one author of the given type, with `main` as its main region. */
  const werk = (type: string, name: string, main: string) =>
    page(
      jsonLd({ '@type': 'Article', headline: 'Werk in uitvoering', author: { '@type': type, name } }),
      `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${main}</main>`,
    );

  it('a JSON-LD organisation as author gives way to a person named in the byline', () => {
    const byline = '<p class="byline">Door Jan de Vries</p>';
    expect(extract(werk('Organization', 'SER', `${byline}${INTRO}`))?.authors).toEqual(['Jan de Vries']);
    expect(extract(werk('Organization', 'SER', INTRO))?.authors).toEqual(['SER']);
  });

  it('a JSON-LD person still beats the byline', () => {
    const html = werk(
      'Person',
      'Petra Smit',
      `<p class="byline">Door Jan de Vries</p>${INTRO}<div class="bio">Petra Smit</div>`,
    );
    // Both shown on the page: the structured data decides.
    expect(extract(html)?.authors).toEqual(['Petra Smit']);
  });
});

describe('event dates are not publication dates', () => {
  it('a line that is only a date beats a sentence about an event above it', () => {
    const body = `<header><a href="/">Home</a></header><main><div><h1>Werk in uitvoering</h1><p class="lead">Presentatie op 12 oktober 2023 in Den Haag</p><p class="date">14 juni 2023</p></div>${INTRO}</main>`;
    expect(extract(page('', body))?.published).toBe('2023-06-14');
  });

  it('a <time> in an event block is passed over', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1><div class="event-teaser">Webinar <time datetime="2023-10-12">12 oktober</time></div>${INTRO}<p>Gepubliceerd <time datetime="2023-06-14">14 juni 2023</time></p></main>`;
    expect(extract(page('', body))?.published).toBe('2023-06-14');
  });
});

describe('related blocks under headings that are not heading elements', () => {
  const list =
    '<ul><li><a href="/p/1">Eerste publicatie over werk</a></li><li><a href="/p/2">Tweede publicatie over werk</a></li></ul>';
  it('a div styled as a block title', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${INTRO}</main><div class="block"><div class="block__title">Gerelateerde publicaties</div>${list}</div>`;
    expect(extract(page('', body))?.related.map((item) => item.title)).toEqual([
      'Eerste publicatie over werk',
      'Tweede publicatie over werk',
    ]);
  });

  it('a region named by aria-label', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${INTRO}</main><section aria-label="Lees ook">${list}</section>`;
    expect(extract(page('', body))?.related.map((item) => item.title)).toEqual([
      'Eerste publicatie over werk',
      'Tweede publicatie over werk',
    ]);
  });

  it('a styled title that is not a related phrase leaves its links alone', () => {
    const body = `<header><a href="/">Home</a></header><main><h1>Werk in uitvoering</h1>${INTRO}</main><div class="block"><div class="block__title">Meest gelezen</div>${list}</div>`;
    expect(extract(page('', body))?.related).toEqual([]);
  });
});

describe('kicker', () => {
  it('a page whose main content opens the body has no kicker: the head is not read as one', () => {
    const html = page(
      '<title>Fair care: a new settlement | IPPR - The Progressive Policy Think Tank</title>',
      `<main><h1>Fair care: a new settlement</h1>${INTRO}</main>`,
    );
    expect(extract(html, 'https://www.ippr.org/research/publications/fair-care')?.publisher).toBe('IPPR');
  });
});
