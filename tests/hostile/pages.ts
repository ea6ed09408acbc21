/**
 * Hostile pages as HTML strings, for the extractor in Node (extractor.test.ts) and for Chromium
 * with the built extension (the browser tests serve them). Every generator returns a whole
 * document, is deterministic for its parameters, and has a short name in HOSTILE_PAGES.
 *
 * Addresses: pages name their own site as `origin` (default DEFAULT_ORIGIN) and expect to be
 * served at `origin + path` (the catalogue gives each page's path). A page served elsewhere still
 * loads; only the address-based checks (home page, listing) would then read it differently.
 */
import { seededRandom } from '@/scripts/lib/random';

/** Where the pages say they live unless told otherwise. `.example` is reserved: never a real site. */
export const DEFAULT_ORIGIN = 'https://www.hostile.example';
/** Another site, whose publication a forged page claims to be. */
export const FOREIGN_URL = 'https://www.other-publisher.example/publications/the-real-report';
/** A DOI of yet another publication (10.5555 is the test prefix of Crossref). */
export const FOREIGN_DOI = '10.5555/yet-another-publication.2024.17';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Text for an element or a quoted attribute: the page shows it as text, never as markup. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A JSON-LD block. `<` is escaped, so a value never closes the script (see truncatedJsonLd for that). */
export function jsonLdBlock(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}

/** A raw JSON-LD block: the text as given, broken or not. */
export function rawJsonLdBlock(text: string): string {
  return `<script type="application/ld+json">${text}</script>`;
}

/** A whole document. */
export function documentHtml({
  head = '',
  body = '',
  lang = 'nl',
}: {
  head?: string;
  body?: string;
  lang?: string;
}): string {
  return `<!DOCTYPE html><html lang="${esc(lang)}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

/** A paragraph long enough to count as running text for the detector and the summary. */
export const LONG_PARAGRAPH =
  'Sinds februari 2018 werken de rijksoverheid, gemeenten, provincies en waterschappen samen in het Interbestuurlijk Programma. ' +
  'In dit rapport kijken we naar wat de betrokkenen daarvan hebben geleerd, waar de samenwerking vastliep en wat er nodig is om ' +
  'samen te blijven werken aan maatschappelijke opgaven die geen van de overheden alleen kan oplossen.';

export interface ArticleParts {
  title: string;
  author?: string;
  date?: string;
  /** Theme labels (default one). */
  themes?: readonly string[];
  /** Raw markup placed inside <article> after the paragraphs. */
  extra?: string;
}

/** The body of an ordinary publication: heading, byline, date, labels, running text, a PDF link. */
export function articleBody({
  title,
  author = 'Anna de Vries',
  date = '14 juni 2023',
  themes = ['Bestuur'],
  extra = '',
}: ArticleParts): string {
  const themeItems = themes.map((theme, i) => `<li><a href="/thema/${i}">${esc(theme)}</a></li>`).join('');
  return (
    `<header><a href="/">Home</a><nav><ul><li><a href="/publicaties">Publicaties</a></li><li><a href="/over-ons">Over ons</a></li></ul></nav></header>` +
    `<main><article><p class="kicker">Rapport</p><h1>${esc(title)}</h1>` +
    `<p class="byline">Door ${esc(author)} · <time datetime="2023-06-14">${esc(date)}</time></p>` +
    `<dl><dt>Auteurs</dt><dd>${esc(author)}</dd><dt>Thema's</dt><dd><ul>${themeItems}</ul></dd></dl>` +
    `<p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p>` +
    `<p><a href="/documents/rapport.pdf">Download het rapport (pdf)</a></p>${extra}</article></main>` +
    `<footer><p>Hostile Example · Den Haag</p></footer>`
  );
}

/** Head tags a publisher declares for a publication (citation_*, og:*, JSON-LD), at `url`. */
export function publicationHead({
  title,
  url,
  author = 'Anna de Vries',
  doi,
}: {
  title: string;
  url: string;
  author?: string;
  doi?: string;
}): string {
  return (
    `<title>${esc(title)} | Hostile Example</title>` +
    `<link rel="canonical" href="${esc(url)}"><meta property="og:url" content="${esc(url)}">` +
    `<meta property="og:type" content="article"><meta property="og:title" content="${esc(title)}">` +
    `<meta name="citation_title" content="${esc(title)}"><meta name="citation_author" content="${esc(author)}">` +
    `<meta name="citation_publication_date" content="2023/06/14">` +
    (doi ? `<meta name="citation_doi" content="${esc(doi)}">` : '') +
    jsonLdBlock({
      '@context': 'https://schema.org',
      '@type': 'Report',
      headline: title,
      url,
      author: { '@type': 'Person', name: author },
      datePublished: '2023-06-14',
    })
  );
}

/** An ordinary publication page (the baseline every hostile piece is mixed into). */
export function plainPublication({
  origin = DEFAULT_ORIGIN,
  path = '/publicaties/gewoon-rapport',
  title = 'Een gewoon rapport',
} = {}): string {
  return documentHtml({ head: publicationHead({ title, url: origin + path }), body: articleBody({ title }) });
}

// ---------------------------------------------------------------------------------------------
// Size: depth and node count

/** A publication whose article sits `depth` elements deep (Chromium's parser flattens past 512; linkedom does not). */
export function deepNesting({ depth = 10_000, tag = 'div' }: { depth?: number; tag?: string } = {}): string {
  const title = 'Diep genest rapport';
  const inner = `<h1>${title}</h1><p class="byline">Door Anna de Vries</p><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p>`;
  return documentHtml({
    head: `<title>${title}</title>`,
    body: `<main>${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}</main>`,
  });
}

/** A publication followed by a listing and filler: about `nodes` elements in all. */
export function hugeDom({ nodes = 200_000 }: { nodes?: number } = {}): string {
  const cardCount = Math.floor(nodes / 10);
  const cards = Array.from(
    { length: cardCount },
    (_, i) => `<li><a href="/p/${i}"><h3>Publicatie ${i}</h3></a><p>Tekst</p><span>x</span></li>`,
  ).join('');
  const filler = '<span>y</span>'.repeat(Math.max(0, nodes - cardCount * 5));
  const title = 'Rapport in een enorme pagina';
  return documentHtml({
    head: `<title>${title}</title>`,
    body: `${articleBody({ title })}<section><h2>Lees ook</h2><ul>${cards}</ul></section><div>${filler}</div>`,
  });
}

/**
 * The same labels thousands of times under one parent, some with a value and some without
 * ("<b>Uitgever:</b><br>" after other text): a reader that looks at the parent for each label
 * costs the square of the page.
 */
export function repeatedLabels({ count = 20_000 }: { count?: number } = {}): string {
  const title = 'Rapport met duizenden labels';
  const empty = `<div><span>x</span>${'<b>Uitgever:</b><br>'.repeat(count)}${'<i>x</i>'.repeat(count)}</div>`;
  const valued = `<div>${'<b>Auteurs:</b><br>'.repeat(count / 2)}${'<strong>Thema\'s:</strong> <a href="/thema/x">X</a><br>'.repeat(count / 2)}${'<i>x</i>'.repeat(count)}</div>`;
  const lines = `<div>${'<p>Trefwoorden: a<br>DOI: b<br></p>'.repeat(count / 4)}</div>`;
  return documentHtml({
    head: `<title>${title}</title>`,
    body: articleBody({ title }) + empty + valued + lines,
  });
}

/**
 * "Lees ook" headings by the thousand (as h2 and as strong) under ancestors that hold `filler`
 * elements and no link, then an h1: each heading sends a reader up through the same large subtrees.
 */
export function repeatedRelatedHeadings({
  count = 4_000,
  filler = 100_000,
}: { count?: number; filler?: number } = {}): string {
  const title = 'Rapport met duizenden lees-ook-koppen';
  const half = Math.floor(count / 2);
  return documentHtml({
    head: `<title>${title}</title>`,
    body:
      articleBody({ title }) +
      `<div>${'<h2>Lees ook</h2>'.repeat(half)}<div><div>${'<p><strong>Gerelateerde publicaties</strong></p>'.repeat(count - half)}` +
      `${'<span>y</span>'.repeat(filler)}</div></div><h1>Nog een kop</h1></div>`,
  });
}

/** Label and heading tags (b, strong, h2, h3, label, dt, th, "Auteurs: x<br>" lines) nested `depth` deep around `filler` elements. */
export function nestedLabelTags({
  depth = 2_000,
  filler = 50_000,
}: { depth?: number; filler?: number } = {}): string {
  const title = 'Rapport met geneste labels';
  const open = [
    '<b>',
    '<strong>',
    '<h2>',
    '<h3>',
    '<label>',
    '<dl><dt>',
    '<table><tr><th>',
    '<div>Auteurs: x<br>',
  ];
  const close = [
    '</b>',
    '</strong>',
    '</h2>',
    '</h3>',
    '</label>',
    '</dt></dl>',
    '</th></tr></table>',
    '</div>',
  ];
  const opening = Array.from({ length: depth }, (_, i) => open[i % open.length]).join('');
  const closing = Array.from({ length: depth }, (_, i) => close[(depth - 1 - i) % close.length]).join('');
  return documentHtml({
    head: `<title>${title}</title>`,
    body: articleBody({ title }) + opening + '<i>x</i>'.repeat(filler) + closing,
  });
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

/** A block cut off mid-way, and one whose string closes the script element early. */
export function truncatedJsonLd(): string {
  return (
    rawJsonLdBlock(
      '{"@context":"https://schema.org","@type":"Report","headline":"Afgebroken blok","author":{"@type":"Person","name":"Kapot',
    ) +
    rawJsonLdBlock(
      '{"@type":"Report","headline":"Ontsnapt </script><script>window.escaped = true</script>"}',
    ) +
    rawJsonLdBlock('') +
    rawJsonLdBlock('<!-- {"@type":"Report"} -->') +
    rawJsonLdBlock('{"@type": "Report", "headline": "Dubbele komma",, }')
  );
}

/** Numbers, nulls, booleans and strings where objects are expected, and objects where strings are. */
export function wrongTypesJsonLd(): string {
  return [
    null,
    42,
    'just a string',
    true,
    [null, 1, 'x'],
    {
      '@type': ['Report', 7, null, { nested: true }],
      headline: { '@value': { deeper: [1, 2] } },
      name: 12345,
      author: [
        7,
        null,
        'Een Auteur',
        { name: null },
        { name: { name: 'Te diep' } },
        { '@id': 42 },
        [['Dubbel', ['genest']]],
      ],
      publisher: { '@type': 'Organization', name: ['Uitgever', 3, null] },
      datePublished: { '@value': 20230614 },
      dateCreated: Infinity, // 1e400 in the JSON a careless generator writes
      url: { href: 'https://www.hostile.example/x' },
      description: ['een', { text: 'beschrijving' }, 9],
      keywords: { 0: 'a', length: 1 },
      about: 3.14,
      inLanguage: ['nl', 'en'],
      identifier: { '@type': 'PropertyValue', value: { doi: '10.1234/x' } },
      sameAs: [null, 17, 'not a url'],
      encoding: [{ contentUrl: 42, encodingFormat: null }, 'pdf', null],
      isbn: 9789012345678,
      '@graph': 'not a graph',
      mainEntity: 0,
      hasPart: [null, [null, [null]]],
    },
  ]
    .map(jsonLdBlock)
    .join('');
}

/** Arrays nested `depth` deep around a publication node (JSON.parse copes; readers must not recurse that far). */
export function deepArrayJsonLd(depth = 50_000): string {
  const node =
    '{"@type":"Report","headline":"In een diepe array","author":{"@type":"Person","name":"Diepe Auteur"}}';
  return (
    rawJsonLdBlock(`${'['.repeat(depth)}${node}${']'.repeat(depth)}`) +
    rawJsonLdBlock(`{"@type":"Report","about":${'{"about":'.repeat(depth)}null${'}'.repeat(depth)}}`)
  );
}

/** A `@graph` whose nodes reference each other in cycles by `@id` (author → org → report → author …). */
export function cyclicGraphJsonLd(): string {
  return jsonLdBlock({
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@id': '#report',
        '@type': 'Report',
        headline: { '@id': '#report' },
        name: { '@id': '#author' },
        author: [{ '@id': '#author' }, { '@id': '#report' }],
        publisher: { '@id': '#org' },
        isPartOf: { '@id': '#report' },
        mainEntity: { '@id': '#report' },
        about: { '@id': '#about' },
      },
      {
        '@id': '#author',
        '@type': 'Person',
        name: { '@id': '#org' },
        worksFor: { '@id': '#org' },
        knows: { '@id': '#author' },
      },
      {
        '@id': '#org',
        '@type': 'Organization',
        name: { '@id': '#author' },
        member: { '@id': '#author' },
        parentOrganization: { '@id': '#org' },
      },
      { '@id': '#about', '@type': 'Thing', name: { '@id': '#about' } },
      { '@id': '#report', '@type': 'Article', headline: 'Tweede node met hetzelfde @id' },
    ],
  });
}

/** Keys that name prototypes: `__proto__`, `constructor`, `prototype`, at every level and as `@id`/`@type`. */
export function prototypeKeysJsonLd(): string {
  // JSON.parse makes `__proto__` an own key; written out by hand so JSON.stringify cannot drop it.
  const poison = '{"polluted":"yes","toString":"x","valueOf":"x","hasOwnProperty":"x"}';
  return (
    rawJsonLdBlock(
      `{"@context":"https://schema.org","__proto__":${poison},"constructor":{"prototype":${poison}},"prototype":${poison},` +
        `"@type":"Report","@id":"__proto__","headline":"Prototype-sleutels","author":{"__proto__":${poison},"@type":"Person","name":"Proto Type"},` +
        `"publisher":{"constructor":{"name":"Uitgever via constructor"}},"about":[{"__proto__":{"name":"x"}},"constructor","__proto__","prototype"],` +
        `"keywords":["__proto__","constructor","prototype","hasOwnProperty"]}`,
    ) +
    rawJsonLdBlock(
      `{"@graph":[{"@id":"constructor","@type":"__proto__","name":"constructor"},{"@id":"prototype","@type":["constructor","prototype"],"__proto__":${poison}}]}`,
    ) +
    rawJsonLdBlock(`[{"__proto__":[]},{"__proto__":null},{"constructor":null,"@type":"constructor"}]`)
  );
}

/** One block of about `bytes` characters: over every byte cap the readers have. */
export function hugeJsonLd(bytes = 5 * 1024 * 1024): string {
  const head = '{"@type":"Report","headline":"Reusachtig blok","description":"';
  const tail = '","@type":"Event"}';
  return rawJsonLdBlock(head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail);
}

/** Every kind of broken JSON-LD at once, beside an ordinary article. */
export function malformedJsonLd({
  depth = 50_000,
  bytes = 5 * 1024 * 1024,
}: { depth?: number; bytes?: number } = {}): string {
  const title = 'Rapport met kapotte JSON-LD';
  return documentHtml({
    head: `<title>${title}</title>${truncatedJsonLd()}${wrongTypesJsonLd()}${deepArrayJsonLd(depth)}${cyclicGraphJsonLd()}${hugeJsonLd(bytes)}${prototypeKeysJsonLd()}`,
    body: articleBody({ title }),
  });
}

/** JSON-LD whose keys name prototypes, in an otherwise ordinary page. */
export function prototypeKeys(): string {
  const title = 'Rapport met prototype-sleutels';
  return documentHtml({
    head: `<title>${title}</title>${prototypeKeysJsonLd()}`,
    body: articleBody({ title }),
  });
}

// ---------------------------------------------------------------------------------------------
// Patched globals and DOM clobbering

/**
 * Names a page can give elements so that, in a browser, `document.<name>` returns the element
 * instead of the DOM's own method or property (DOM clobbering: named <form>, <img>, <embed>,
 * <object>, <iframe> shadow Document's members, in the content script's isolated world too).
 */
export const DOCUMENT_CLOBBERS = [
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'getElementsByTagName',
  'getElementsByClassName',
  'createTreeWalker',
  'body',
  'head',
  'title',
  'documentElement',
  'URL',
  'baseURI',
  'location',
  'defaultView',
  'contains',
  'readyState',
  'cookie',
] as const;

/**
 * Names a form's controls can take so that, in a browser, `form.<name>` returns the control
 * instead of the element's own member.
 */
export const FORM_CLOBBERS = [
  'tagName',
  'localName',
  'nodeName',
  'nodeType',
  'getAttribute',
  'hasAttribute',
  'closest',
  'matches',
  'contains',
  'children',
  'childNodes',
  'firstChild',
  'nextSibling',
  'parentElement',
  'previousElementSibling',
  'nextElementSibling',
  'textContent',
  'querySelector',
  'querySelectorAll',
  'getElementsByTagName',
  'attributes',
  'ownerDocument',
  'id',
  'className',
  'action',
] as const;

/**
 * A publication that clobbers document members (`documentNames`) and, in one form, element
 * members (`formNames`); also an `<a id="location">` and named iframes. Only markup: in a browser
 * the names shadow the DOM's own members; in Node, tests/hostile/clobber.ts does the same to a
 * linkedom document.
 */
export function clobberedDom({
  documentNames = [...DOCUMENT_CLOBBERS],
  formNames = [...FORM_CLOBBERS],
}: { documentNames?: readonly string[]; formNames?: readonly string[] } = {}): string {
  const title = 'Rapport met geclobberde DOM';
  const tags = ['form', 'img', 'embed', 'object', 'iframe'];
  const named = documentNames
    .map((name, i) => {
      const tag = tags[i % tags.length];
      const n = esc(name);
      return tag === 'form'
        ? `<form name="${n}"></form>`
        : tag === 'iframe'
          ? `<iframe name="${n}" srcdoc="&lt;p&gt;frame&lt;/p&gt;"></iframe>`
          : tag === 'img'
            ? `<img name="${n}" id="${n}" alt="">`
            : `<${tag} name="${n}"></${tag}>`;
    })
    .join('');
  const controls = formNames
    .map((name, i) =>
      i % 2 ? `<input name="${esc(name)}" value="x">` : `<button id="${esc(name)}">x</button>`,
    )
    .join('');
  return documentHtml({
    head: `<title>${title}</title><meta name="citation_title" content="${title}">`,
    body:
      `<a id="location" href="javascript:alert(1)">loc</a><a id="body" name="body">b</a>${named}` +
      articleBody({ title, extra: `<form class="newsletter" action="/nieuwsbrief">${controls}</form>` }),
  });
}

/** The title of the page patchedGlobals builds: what a reader's record should say. */
export const PATCHED_GLOBALS_TITLE = 'Rapport in een gepatchte wereld';

/**
 * An ordinary publication whose inline script, in a browser, patches the page's own globals:
 * Array.prototype.map, JSON.parse, String.prototype.trim, Element.prototype.querySelector,
 * document.querySelectorAll and more, several to return the word FORGED; and pollutes
 * Object.prototype. The content script's isolated world must see none of it (in Node the script
 * is only markup). The script changes no element: what the page shows stays the real record.
 */
export function patchedGlobals(): string {
  const title = PATCHED_GLOBALS_TITLE;
  const script = `(function () {
  var forged = function () { return 'FORGED'; };
  var nothing = function () { return []; };
  try { Object.prototype.polluted = 'FORGED'; } catch (e) {}
  try { Array.prototype.map = function () { throw new Error('map patched'); }; } catch (e) {}
  try { Array.prototype.filter = nothing; Array.prototype.slice = nothing; Array.prototype.includes = function () { return true; }; } catch (e) {}
  try { Array.from = function () { return ['FORGED']; }; } catch (e) {}
  try { JSON.parse = function () { return { '@type': 'Report', headline: 'FORGED', url: 'javascript:alert(1)' }; }; JSON.stringify = forged; } catch (e) {}
  try { String.prototype.trim = forged; String.prototype.toLowerCase = forged; String.prototype.replace = forged; String.prototype.slice = forged; } catch (e) {}
  try { RegExp.prototype.test = function () { return true; }; RegExp.prototype.exec = function () { return ['FORGED', 'FORGED']; }; } catch (e) {}
  try { Element.prototype.querySelector = function () { return null; }; Element.prototype.querySelectorAll = nothing; } catch (e) {}
  try { Element.prototype.getAttribute = function () { return 'javascript:alert(1)'; }; Element.prototype.closest = function () { return null; }; } catch (e) {}
  try { Object.defineProperty(Node.prototype, 'textContent', { get: forged, configurable: true }); } catch (e) {}
  try { document.querySelectorAll = nothing; document.querySelector = function () { return null; }; document.getElementsByTagName = nothing; } catch (e) {}
  try { window.URL = function () { return { href: 'javascript:alert(1)', protocol: 'https:', hostname: 'forged.example', pathname: '/' }; }; } catch (e) {}
  try { window.Map = function () { throw new Error('Map patched'); }; window.Set = window.Map; window.Proxy = window.Map; } catch (e) {}
  try { Function.prototype.call = forged; Function.prototype.apply = forged; Function.prototype.bind = forged; } catch (e) {}
  try { window.chrome = { runtime: { sendMessage: forged } }; window.browser = window.chrome; } catch (e) {}
})();`;
  return documentHtml({
    head: `<title>${title}</title><meta name="citation_title" content="${title}"><script>${script}</script>`,
    body: articleBody({ title }),
  });
}

// ---------------------------------------------------------------------------------------------
// Text: markup and bidi controls

/** Bidi and other format controls a record must never carry (the sanitiser strips them). */
export const BIDI_CONTROLS = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];

/** Pieces of text a page may put in any field: bidi overrides, markup, template syntax, controls. */
export const HOSTILE_TEXTS = [
  'Rapport \u202Efdp.exe\u202C over bestuur',
  '\u202Bمرحبا\u202C \u2066geïsoleerd\u2069 \u200Elinks\u200F\u061C',
  '\u202D\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\u0000\u0001\u0007\u001b[31mrood\u001b[0m\u007f',
  '\u200b\u200c\u200d\ufeff\u00ad\u2060zero-width',
  '\ud800 lone surrogate \udfff',
  'a\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308 zalgo',
  '__proto__',
  'constructor',
] as const;

/**
 * Markup and bidi controls in every text field a page can fill: title, meta description,
 * citation_*, og:*, JSON-LD (headline, names, description, keywords, about), byline, labels and
 * related items. `seed` picks which hostile text goes where.
 */
export function bidiAndMarkup({
  origin: _origin = DEFAULT_ORIGIN,
  seed = 0,
}: { origin?: string; seed?: number } = {}): string {
  let k = seed;
  const t = (base: string) =>
    `${base} ${HOSTILE_TEXTS[k++ % HOSTILE_TEXTS.length]} ${BIDI_CONTROLS[k % BIDI_CONTROLS.length]}einde`;
  const title = t('Rapport');
  const head =
    `<title>${esc(t('Titel'))} | ${esc(t('Site'))}</title>` +
    `<meta name="description" content="${esc(t('Beschrijving met genoeg woorden om als samenvatting te dienen.'))}">` +
    `<meta name="citation_title" content="${esc(title)}"><meta name="citation_author" content="${esc(t('Jan Jansen'))}">` +
    `<meta name="citation_author" content="${esc(t('Piet Pietersen'))}"><meta name="citation_publisher" content="${esc(t('Uitgever'))}">` +
    `<meta name="citation_keywords" content="${esc(`${t('Trefwoord')}; ${t('Ander')}`)}"><meta name="citation_publication_date" content="2023-06-14">` +
    `<meta name="citation_subtitle" content="${esc(t('Ondertitel'))}"><meta name="citation_language" content="${esc(t('nl'))}">` +
    `<meta property="og:title" content="${esc(t('OG titel'))}"><meta property="og:description" content="${esc(t('OG beschrijving'))}">` +
    `<meta property="og:site_name" content="${esc(t('OG site'))}"><meta property="article:section" content="${esc(t('Sectie'))}">` +
    `<meta name="keywords" content="${esc(`${t('a')}, ${t('b')}`)}"><meta name="author" content="${esc(t('Meta Auteur'))}">` +
    jsonLdBlock({
      '@context': 'https://schema.org',
      '@type': 'Report',
      headline: t('JSON-LD kop'),
      name: t('JSON-LD naam'),
      alternativeHeadline: t('JSON-LD ondertitel'),
      description: t('JSON-LD beschrijving die lang genoeg is om iets te zeggen.'),
      author: [
        { '@type': 'Person', name: t('Anna Auteur') },
        { '@type': 'Person', givenName: t('Bert'), familyName: t('Bakker') },
      ],
      publisher: { '@type': 'Organization', name: t('JSON-LD uitgever') },
      keywords: [t('k1'), t('k2')],
      about: [{ '@type': 'Thing', name: t('Thema A') }, t('Thema B')],
      isbn: t('978-90-1234-567-8'),
      identifier: t('doi:10.1234/abc'),
      inLanguage: t('en'),
    });
  const card = (i: number) =>
    `<li><h3><a href="/publicaties/gerelateerd-${i}">${esc(t(`Gerelateerd ${i}`))}</a></h3><p class="subtitle">${esc(t('Ondertitel'))}</p>` +
    `<p>${esc(t('Een samenvatting van de kaart met genoeg tekst.'))}</p><ul class="tags"><li>${esc(t('Tag'))}</li><li>${esc(t('Tag 2'))}</li></ul></li>`;
  const body =
    `<main><article><p class="kicker">${esc(t('Rapport'))}</p><h1>${esc(t('Kop'))}<b>${esc(t('vet'))}</b></h1><p class="subtitle">${esc(t('Ondertitel'))}</p>` +
    `<p class="byline">Door ${esc(t('Carla Claes'))} · <time datetime="2023-06-14">${esc(t('14 juni 2023'))}</time></p>` +
    `<dl><dt>Auteurs</dt><dd>${esc(t('Dirk Dekker'))}</dd><dt>Thema's</dt><dd><ul><li>${esc(t('Zorg'))}</li><li>${esc(t('Onderwijs'))}</li></ul></dd>` +
    `<dt>Uitgever</dt><dd>${esc(t('Label uitgever'))}</dd><dt>Trefwoorden</dt><dd>${esc(t('trefwoord'))}</dd><dt>ISBN</dt><dd>${esc(t('9789012345678'))}</dd></dl>` +
    `<p>${esc(t(LONG_PARAGRAPH))}</p><p><a href="/rapport.pdf">${esc(t('Download (pdf)'))}</a></p>` +
    `<p>Raw markup: <span>${t('<b>onveilig</b>')}</span></p></article>` +
    `<section><h2>Gerelateerde publicaties</h2><ul>${[1, 2, 3, 4].map(card).join('')}</ul></section></main>`;
  return documentHtml({ head, body, lang: t('nl') });
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Addresses that are not http(s), as pages write them: odd case, whitespace, controls, entities. */
export const NON_HTTP_URLS = [
  'javascript:alert(document.domain)',
  ' JaVaScRiPt:alert(1)//.pdf',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:application/pdf;base64,JVBERi0xLjQK',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://server/share/rapport.pdf',
  'blob:https://www.hostile.example/0d6f1c9e-8d52-4d52-8e8a-2f6b7a1c0001',
  'about:blank',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
  'view-source:https://www.hostile.example/',
  'ftp://ftp.hostile.example/rapport.pdf',
  'ws://www.hostile.example/socket',
  'mailto:auteur@hostile.example',
  'intent://scan/#Intent;scheme=zxing;end',
] as const;

/**
 * `url` in every URL field a page can fill: <base href>, canonical, og:url, twitter:url,
 * citation_abstract_html_url, citation_pdf_url, eprints.document_url, JSON-LD url, sameAs and
 * encoding, <link type="application/pdf">, PDF and DOI links and related cards. In attributes it
 * is entity-escaped (the parser gives the attribute back as written); `&colon;` entries are
 * decoded by the parser to a colon.
 */
export function nonHttpUrls({ url = NON_HTTP_URLS[0] as string }: { url?: string } = {}): string {
  const title = 'Rapport met gevaarlijke adressen';
  const a = url.includes('&colon;') ? url : esc(url);
  const head =
    `<base href="${a}"><title>${title}</title><link rel="canonical" href="${a}"><meta property="og:url" content="${a}">` +
    `<meta name="twitter:url" content="${a}"><meta name="citation_abstract_html_url" content="${a}"><meta name="citation_public_url" content="${a}">` +
    `<meta name="citation_title" content="${title}"><meta name="citation_pdf_url" content="${a}"><meta name="eprints.document_url" content="${a}">` +
    `<link rel="alternate" type="application/pdf" href="${a}">` +
    jsonLdBlock({
      '@type': 'Report',
      headline: title,
      url,
      sameAs: [url],
      mainEntityOfPage: url,
      encoding: { '@type': 'MediaObject', contentUrl: url, encodingFormat: 'application/pdf' },
    });
  const cards = [1, 2, 3]
    .map(
      (i) =>
        `<li><h3><a href="${a}">Kaart ${i} met een gevaarlijk adres</a></h3><p>Een korte samenvatting van deze kaart.</p></li>`,
    )
    .join('');
  const extra =
    `<p><a href="${a}" type="application/pdf">Download het volledige rapport (pdf)</a> <a href="${a}">doi.org/10.1234/abc</a></p>` +
    `<section><h2>Gerelateerde publicaties</h2><ul>${cards}</ul></section>`;
  return documentHtml({ head, body: articleBody({ title, extra }).replace('/documents/rapport.pdf', a) });
}

/** The title of forgedIdentity's page by default. */
export const FORGED_TITLE = 'Een rapport dat zich voor een ander uitgeeft';

/**
 * A page on `origin` that says it is a publication on another site: canonical, og:url,
 * citation_abstract_html_url and JSON-LD url (and `@id`, mainEntityOfPage, <base href>) name
 * `foreignUrl`, and it declares the DOI of yet another publication (`doi`) in citation_doi,
 * JSON-LD identifier and a doi.org link. Serve it at `origin + '/publicaties/vervalst'`.
 */
export function forgedIdentity({
  origin: _origin = DEFAULT_ORIGIN,
  foreignUrl = FOREIGN_URL,
  doi = FOREIGN_DOI,
  title = FORGED_TITLE,
}: { origin?: string; foreignUrl?: string; doi?: string; title?: string } = {}): string {
  const foreignOrigin = new URL(foreignUrl).origin;
  const head =
    `<base href="${esc(foreignOrigin)}/"><title>${esc(title)}</title>` +
    `<link rel="canonical" href="${esc(foreignUrl)}"><meta property="og:url" content="${esc(foreignUrl)}">` +
    `<meta name="citation_abstract_html_url" content="${esc(foreignUrl)}"><meta name="citation_title" content="${esc(title)}">` +
    `<meta name="citation_doi" content="${esc(doi)}"><meta name="dc.identifier" content="doi:${esc(doi)}"><meta property="og:type" content="article">` +
    `<meta name="citation_publication_date" content="2024-01-15"><meta name="citation_publisher" content="Other Publisher">` +
    jsonLdBlock({
      '@context': 'https://schema.org',
      '@type': 'Report',
      '@id': `${foreignUrl}#report`,
      url: foreignUrl,
      mainEntityOfPage: foreignUrl,
      headline: title,
      identifier: `https://doi.org/${doi}`,
      sameAs: [`https://doi.org/${doi}`, foreignUrl],
      datePublished: '2024-01-15',
    });
  return documentHtml({
    head,
    body: articleBody({
      title,
      extra: `<p>DOI: <a href="https://doi.org/${esc(doi)}">https://doi.org/${esc(doi)}</a></p>`,
    }),
  });
}

/** The two reports homeCanonical builds, by number: title and the path to serve each at. */
export const HOME_CANONICAL_REPORTS = {
  1: { title: 'Rapport één: wonen in de regio', path: '/publicaties/rapport-een' },
  2: { title: 'Rapport twee: werk en inkomen', path: '/publicaties/rapport-twee' },
} as const;

/**
 * One of two different reports (n = 1 or 2) whose canonical, og:url and JSON-LD url all name the
 * site's home page (`origin + '/'`), as some CMSes do. Distinct title, author, date; no DOI. Serve
 * at `origin + HOME_CANONICAL_REPORTS[n].path`.
 */
export function homeCanonical(n: 1 | 2, { origin = DEFAULT_ORIGIN }: { origin?: string } = {}): string {
  const { title } = HOME_CANONICAL_REPORTS[n];
  const home = `${origin}/`;
  const author = n === 1 ? 'Anna de Vries' : 'Bram Bakker';
  const head =
    `<title>${esc(title)} | Hostile Example</title><link rel="canonical" href="${home}"><meta property="og:url" content="${home}">` +
    `<meta property="og:type" content="article"><meta property="og:title" content="${esc(title)}"><meta name="citation_title" content="${esc(title)}">` +
    `<meta name="citation_author" content="${author}"><meta name="citation_publication_date" content="202${n}-03-0${n}">` +
    jsonLdBlock({
      '@context': 'https://schema.org',
      '@type': 'Report',
      headline: title,
      url: home,
      author: { '@type': 'Person', name: author },
    });
  return documentHtml({ head, body: articleBody({ title, author, date: `${n} maart 202${n}` }) });
}

/** A report whose canonical and og:url name a listing (`origin + '/publicaties'`). Serve at `origin + '/publicaties/rapport-in-lijst'`. */
export function listingCanonical({ origin = DEFAULT_ORIGIN }: { origin?: string } = {}): string {
  const title = 'Rapport met een overzicht als canonical';
  const listing = `${origin}/publicaties`;
  return documentHtml({
    head:
      `<title>${title}</title><link rel="canonical" href="${listing}"><meta property="og:url" content="${listing}">` +
      `<meta name="citation_title" content="${title}">${jsonLdBlock({ '@type': 'Report', headline: title, url: listing })}`,
    body: articleBody({ title }),
  });
}

// ---------------------------------------------------------------------------------------------
// Navigation (for the browser: in Node the scripts are only markup)

/** The two views pushStateView shows: the one it loads with, and the one it pushes. */
export const PUSH_STATE_VIEWS = {
  from: { title: 'Rapport A: de eerste weergave', path: '/publicaties/rapport-a', doi: '10.5555/rapport-a' },
  to: { title: 'Rapport B: na pushState', path: '/publicaties/rapport-b' },
} as const;

/**
 * A single-page app: loads as report A (head: canonical, og:url, citation_*, DOI and JSON-LD of
 * A), then pushes `to` (history.pushState) and swaps <main> for report B, updating document.title
 * but leaving A's head in place (a stale head). It navigates when #go-to-b is clicked, or by
 * itself `autoMs` ms after load when `autoMs` is a number. Serve at `origin + PUSH_STATE_VIEWS.from.path`.
 */
export function pushStateView({
  origin = DEFAULT_ORIGIN,
  to = PUSH_STATE_VIEWS.to.path,
  autoMs = null as number | null,
} = {}): string {
  const a = PUSH_STATE_VIEWS.from;
  const b = PUSH_STATE_VIEWS.to;
  const viewB = `<article><p class="kicker">Rapport</p><h1>${esc(b.title)}</h1><p class="byline">Door Bram Bakker · <time datetime="2024-02-02">2 februari 2024</time></p><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></article>`;
  const script = `(function () {
  var done = false;
  function go() {
    if (done) return; done = true;
    history.pushState({ view: 'b' }, '', ${JSON.stringify(to)});
    document.querySelector('main').innerHTML = ${JSON.stringify(viewB).replace(/</g, '\\u003c')};
    document.title = ${JSON.stringify(`${b.title} | Hostile Example`)};
  }
  document.getElementById('go-to-b').addEventListener('click', go);
  window.__goToB = go;
  var autoMs = ${autoMs === null ? 'null' : Number(autoMs)};
  if (autoMs !== null) setTimeout(go, autoMs);
})();`;
  const body = articleBody({ title: a.title }).replace(
    '<main>',
    `<button id="go-to-b" type="button">Naar rapport B</button><main>`,
  );
  return documentHtml({
    head: publicationHead({ title: a.title, url: origin + a.path, doi: a.doi }),
    body: `${body}<script>${script}</script>`,
  });
}

/**
 * A publication page that never stays put: every `intervalMs` it navigates to `baseUrl` with a
 * fresh `?n=` (n counts up from the current address's n). `mode`: 'assign' (location.assign, a
 * new document each time), 'replace' (location.replace), 'pushState' (same document, new address).
 * Stops after `maxHops` addresses when given.
 */
export function navigationFlood(
  baseUrl: string,
  {
    intervalMs = 10,
    mode = 'assign',
    maxHops = null,
  }: { intervalMs?: number; mode?: 'assign' | 'replace' | 'pushState'; maxHops?: number | null } = {},
): string {
  const base = JSON.stringify(baseUrl.split(/[?#]/)[0]).replace(/</g, '\\u003c');
  const script = `(function () {
  var n = Number(new URLSearchParams(location.search).get('n')) || 0;
  var max = ${maxHops === null ? 'Infinity' : Number(maxHops)};
  var timer = setInterval(function () {
    if (n >= max) { clearInterval(timer); return; }
    n += 1;
    var next = ${base} + '?n=' + n;
    ${mode === 'pushState' ? "history.pushState({ n: n }, '', next); document.title = 'Vloed ' + n; document.querySelector('h1').textContent = 'Vloed ' + n;" : `location.${mode}(next);`}
  }, ${Number(intervalMs)});
})();`;
  const title = 'Vloed';
  return documentHtml({
    head: `<title>${title}</title><meta name="citation_title" content="${title}"><meta property="og:type" content="article">`,
    body: `${articleBody({ title })}<script>${script}</script>`,
  });
}

// ---------------------------------------------------------------------------------------------
// The maximal page

/** The sanitiser's caps (utils/sanitize.ts LIMITS and its per-field lengths), as the maximal page fills them. */
export const SANITISER_CAPS = {
  title: 500,
  subtitle: 500,
  summary: 2_000,
  listItems: 50,
  listItem: 300,
  related: 50,
  relatedThemes: 20,
} as const;

const FIRST = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Floor', 'Gijs', 'Hanna', 'Ivo', 'Joke'];
const LAST = [
  'Bakker',
  'Claessens',
  'Dekker',
  'Eijkelboom',
  'Frederiks',
  'Goossens',
  'Hendriks',
  'Jansen',
  'Kuipers',
  'Lammers',
];

/** n distinct, plausible person names. */
function names(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}-${LAST[(i + 3) % 10]}`,
  );
}

/** Words (no digit runs, capitals, spaces) to exactly `length` characters. */
function filler(label: string, length: number, rng: () => number): string {
  const words = [
    'bestuur',
    'beleid',
    'Nederland',
    'gemeenten',
    'samenwerking',
    'opgaven',
    'Rijk',
    'provincies',
    'burgers',
    'toekomst',
  ];
  let out = label;
  while (out.length < length) out += ` ${words[Math.floor(rng() * words.length)]}`;
  return out.slice(0, length);
}

/**
 * A publication that fills every field up to the sanitiser's caps: a 500-character title and
 * subtitle, a 2,000-character summary, 50 authors, 50 themes and keywords, and 50 related items
 * (in two blocks, each card with a long title, subtitle, summary and 20 themes). For per-tab
 * session-state budgets. Serve at `origin + '/publicaties/maximaal'`.
 */
export function maximalPage({
  origin = DEFAULT_ORIGIN,
  seed = 1,
}: { origin?: string; seed?: number } = {}): string {
  const rng = seededRandom(seed);
  const url = `${origin}/publicaties/maximaal`;
  const title = filler('Maximaal rapport', SANITISER_CAPS.title, rng);
  const subtitle = filler('Ondertitel', SANITISER_CAPS.subtitle, rng);
  const summary = filler('Samenvatting', SANITISER_CAPS.summary, rng);
  const authors = names(SANITISER_CAPS.listItems);
  const themes = Array.from({ length: SANITISER_CAPS.listItems }, (_, i) =>
    filler(
      `Thema ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
      100,
      rng,
    ),
  );
  const keywords = Array.from({ length: SANITISER_CAPS.listItems }, (_, i) =>
    filler(
      `Trefwoord ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
      100,
      rng,
    ),
  );
  const head =
    `<title>${esc(title)}</title><link rel="canonical" href="${url}"><meta property="og:url" content="${url}"><meta property="og:type" content="article">` +
    `<meta name="citation_title" content="${esc(title)}"><meta name="citation_pdf_url" content="${origin}/documents/maximaal.pdf">` +
    `<meta name="citation_doi" content="10.5555/maximaal.${'x'.repeat(200)}"><meta name="citation_isbn" content="9789012345678">` +
    `<meta name="citation_publisher" content="${esc(filler('Uitgever', 200, rng))}">` +
    keywords.map((keyword) => `<meta name="citation_keywords" content="${esc(keyword)}">`).join('') +
    jsonLdBlock({
      '@context': 'https://schema.org',
      '@type': 'Report',
      headline: title,
      alternativeHeadline: subtitle,
      description: summary,
      url,
      datePublished: '2024-05-31',
      inLanguage: 'nl-NL',
      author: authors.map((name) => ({ '@type': 'Person', name })),
      publisher: { '@type': 'Organization', name: filler('Uitgever', 200, rng) },
      about: themes.map((name) => ({ '@type': 'Thing', name })),
    });
  const card = (i: number) =>
    `<li><h3><a href="${origin}/publicaties/gerelateerd-${i}">${esc(filler(`Gerelateerd ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, SANITISER_CAPS.title, rng))}</a></h3>` +
    `<p class="subtitle">${esc(filler('Ondertitel', SANITISER_CAPS.subtitle, rng))}</p>` +
    `<p>${esc(filler('Samenvatting', SANITISER_CAPS.summary, rng))}</p>` +
    `<ul class="tags">${Array.from({ length: SANITISER_CAPS.relatedThemes }, (_, j) => `<li>${esc(filler(`Thema ${String.fromCharCode(65 + j)}`, 100, rng))}</li>`).join('')}</ul></li>`;
  const block = (heading: string, from: number, to: number) =>
    `<section><h2>${heading}</h2><ul>${Array.from({ length: to - from }, (_, i) => card(from + i)).join('')}</ul></section>`;
  const body = articleBody({
    title,
    author: authors[0],
    themes,
    extra: `${block('Gerelateerde publicaties', 0, 25)}${block('Lees ook', 25, 50)}`,
  });
  return documentHtml({ head, body });
}

// ---------------------------------------------------------------------------------------------
// The catalogue

export interface HostilePage {
  /** Short name: the browser tests and the README use it. */
  name: string;
  /** Where to serve the page on its origin. */
  path: string;
  /** The whole document, for pages on `origin`. Built on call: some are megabytes. */
  html(origin?: string): string;
  /** Large (megabytes, or 100,000+ elements): parse it once. */
  large?: boolean;
}

/** A page of megabytes or 100,000+ elements (parsed once), built without parameters. */
function largePage(name: string, path: string, build: () => string): HostilePage {
  return { name, path, html: () => build(), large: true };
}

/** Every hostile page with its default parameters (parameterised variants: call the generators). */
export const HOSTILE_PAGES: readonly HostilePage[] = [
  { name: 'plain', path: '/publicaties/gewoon-rapport', html: (origin) => plainPublication({ origin }) },
  largePage('deep-nesting', '/publicaties/diep-genest', deepNesting),
  largePage('huge-dom', '/publicaties/enorme-pagina', hugeDom),
  largePage('repeated-labels', '/publicaties/duizenden-labels', repeatedLabels),
  largePage('repeated-related-headings', '/publicaties/duizenden-koppen', repeatedRelatedHeadings),
  largePage('nested-label-tags', '/publicaties/geneste-labels', nestedLabelTags),
  largePage('malformed-json-ld', '/publicaties/kapotte-json-ld', malformedJsonLd),
  { name: 'prototype-keys', path: '/publicaties/prototype-sleutels', html: () => prototypeKeys() },
  { name: 'clobbered-dom', path: '/publicaties/geclobberd', html: () => clobberedDom() },
  { name: 'patched-globals', path: '/publicaties/gepatcht', html: () => patchedGlobals() },
  {
    name: 'bidi-and-markup',
    path: '/publicaties/bidi-en-markup',
    html: (origin) => bidiAndMarkup({ origin }),
  },
  ...NON_HTTP_URLS.map((url, i) => ({
    name: `non-http-url-${i}`,
    path: `/publicaties/adres-${i}`,
    html: () => nonHttpUrls({ url }),
  })),
  { name: 'forged-identity', path: '/publicaties/vervalst', html: (origin) => forgedIdentity({ origin }) },
  ...([1, 2] as const).map((n) => ({
    name: `home-canonical-${n}`,
    path: HOME_CANONICAL_REPORTS[n].path,
    html: (origin?: string) => homeCanonical(n, { origin }),
  })),
  {
    name: 'listing-canonical',
    path: '/publicaties/rapport-in-lijst',
    html: (origin) => listingCanonical({ origin }),
  },
  { name: 'push-state', path: PUSH_STATE_VIEWS.from.path, html: (origin) => pushStateView({ origin }) },
  {
    name: 'navigation-flood',
    path: '/publicaties/vloed',
    html: (origin = DEFAULT_ORIGIN) => navigationFlood(`${origin}/publicaties/vloed`),
  },
  { name: 'maximal', path: '/publicaties/maximaal', html: (origin) => maximalPage({ origin }) },
];
