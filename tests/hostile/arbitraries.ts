/**
 * fast-check arbitraries for hostile pages built from random pieces: the pieces of pages.ts (broken
 * and prototype-keyed JSON-LD, deep nesting, clobbering names, markup and bidi text, non-http
 * addresses, related blocks) in random mixes, small enough to parse hundreds of them.
 */
import fc from 'fast-check';
import {
  BIDI_CONTROLS,
  cyclicGraphJsonLd,
  deepArrayJsonLd,
  DEFAULT_ORIGIN,
  DOCUMENT_CLOBBERS,
  documentHtml,
  esc,
  FORM_CLOBBERS,
  HOSTILE_TEXTS,
  hugeJsonLd,
  jsonLdBlock,
  LONG_PARAGRAPH,
  NON_HTTP_URLS,
  prototypeKeysJsonLd,
  rawJsonLdBlock,
  truncatedJsonLd,
  wrongTypesJsonLd,
} from './pages';

/** Words the extractor and the detector look for, so random pages reach their rules. */
const MEANINGFUL = [
  'Rapport',
  'Door Anna de Vries',
  'By Jane Roe and John Doe',
  "Thema's",
  'Auteurs:',
  'Publicatiedatum: 14 juni 2023',
  '2023-06-14',
  '14 juni 2023',
  'March 4, 2024',
  'Lees ook',
  'Gerelateerde publicaties',
  'Related publications',
  '10.1234/abc.def',
  'doi:10.5555/x',
  '978-90-1234-567-8',
  'pdf',
  'Download het rapport (pdf)',
  'Essay',
  'Vacature',
  'Agenda',
  'nl',
  'en-GB',
  'Bakker, Eline',
];

/** Text with markup, bidi and format controls, prototype words, meaningful words and random code points. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_TEXTS),
      fc.constantFrom(...BIDI_CONTROLS),
      fc.constantFrom(...MEANINGFUL),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ maxLength: 30 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(' '));

/** Addresses: non-http ones, ordinary ones, relative, malformed, and ones that grow when percent-encoded. */
export const anyUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NON_HTTP_URLS),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    '/publicaties/ander-rapport',
    '//other-site.example/publicaties/x.pdf',
    '?utm_source=x',
    '#samenvatting',
    'https://doi.org/10.1234/abc',
    'http://[::1',
    '%%%',
    `${DEFAULT_ORIGIN}/`,
    `${DEFAULT_ORIGIN}/publicaties`,
    `https://x.example/${'é'.repeat(1_900)}.pdf`,
    `/x?utm_source=a&q=${'('.repeat(1_900)}`,
    `/${'%'.repeat(1_000)}`,
  ),
  fc.string({ maxLength: 40 }),
);

const TYPES = [
  'Report',
  'Article',
  'ScholarlyArticle',
  'WebPage',
  'CollectionPage',
  'Event',
  'Person',
  'Organization',
  'Thing',
  'constructor',
  '__proto__',
  'prototype',
];

/** A JSON-LD value: text, any JSON, a node, a reference or a list of them. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  anyUrl,
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ '@type': fc.constantFrom(...TYPES), name: hostileText }, { requiredKeys: [] }),
  fc.record({ '@id': fc.constantFrom('#a', '#b', '__proto__', 'constructor') }),
  fc.array(fc.oneof(hostileText, fc.record({ '@type': fc.constantFrom(...TYPES), name: hostileText })), {
    maxLength: 5,
  }),
);

const jsonLdNode = fc.record(
  {
    '@id': fc.constantFrom('#a', '#b', '__proto__', 'constructor'),
    '@type': fc.oneof(
      fc.constantFrom(...TYPES),
      fc.array(fc.constantFrom(...TYPES), { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    headline: jsonValue,
    name: jsonValue,
    alternativeHeadline: jsonValue,
    description: jsonValue,
    author: jsonValue,
    creator: jsonValue,
    publisher: jsonValue,
    datePublished: jsonValue,
    url: anyUrl,
    sameAs: jsonValue,
    identifier: jsonValue,
    encoding: fc.record({
      contentUrl: anyUrl,
      encodingFormat: fc.constantFrom('application/pdf', 'pdf', ''),
    }),
    keywords: jsonValue,
    about: jsonValue,
    inLanguage: jsonValue,
    isbn: jsonValue,
    mainEntity: jsonValue,
  },
  { requiredKeys: ['@type'] },
);

const jsonLdPiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: jsonLdNode.map(jsonLdBlock), weight: 6 },
  {
    arbitrary: fc
      .array(jsonLdNode, { maxLength: 5 })
      .map((graph) => jsonLdBlock({ '@context': 'https://schema.org', '@graph': graph })),
    weight: 3,
  },
  {
    arbitrary: fc.tuple(jsonLdNode, fc.nat()).map(([node, cut]) => {
      const text = JSON.stringify(node);
      return rawJsonLdBlock(text.slice(0, cut % (text.length + 1)));
    }),
    weight: 2,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }).map(jsonLdBlock), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 5_000 }).map(deepArrayJsonLd), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      cyclicGraphJsonLd(),
      wrongTypesJsonLd(),
      prototypeKeysJsonLd(),
      truncatedJsonLd(),
    ),
    weight: 2,
  },
  // Over the extractor's 512 KB budget: rare, it costs a parse.
  { arbitrary: fc.constant(hugeJsonLd(600 * 1024)), weight: 1 },
);

const META_NAMES = [
  'citation_title',
  'citation_author',
  'citation_publication_date',
  'citation_doi',
  'citation_pdf_url',
  'citation_keywords',
  'citation_publisher',
  'citation_abstract_html_url',
  'citation_subtitle',
  'citation_language',
  'citation_isbn',
  'description',
  'keywords',
  'author',
  'dc.title',
  'dc.identifier',
  'dc.creator',
  'dc.date',
  'article:section',
  'article:tag',
  'eprints.document_url',
  'twitter:url',
];
const META_PROPERTIES = [
  'og:title',
  'og:url',
  'og:type',
  'og:description',
  'og:site_name',
  'og:locale',
  'article:published_time',
];

const headPiece: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...META_NAMES), fc.oneof(hostileText, anyUrl))
    .map(([name, content]) => `<meta name="${name}" content="${esc(content)}">`),
  fc
    .tuple(fc.constantFrom(...META_PROPERTIES), fc.oneof(hostileText, anyUrl, fc.constant('article')))
    .map(([property, content]) => `<meta property="${property}" content="${esc(content)}">`),
  anyUrl.map((href) => `<link rel="canonical" href="${esc(href)}">`),
  anyUrl.map((href) => `<base href="${esc(href)}">`),
  anyUrl.map((href) => `<link rel="alternate" type="application/pdf" href="${esc(href)}">`),
  hostileText.map((text) => `<title>${esc(text)}</title>`),
  jsonLdPiece,
);

const RELATED_HEADINGS = [
  'Gerelateerde publicaties',
  'Lees ook',
  'Related publications',
  'See also',
  'Meer over dit thema: Zorg',
];
const LABELS = [
  'Auteurs',
  "Thema's",
  'Publicatiedatum',
  'Uitgever',
  'DOI',
  'ISBN',
  'Trefwoorden',
  'Type',
  'Topics',
  'Published',
];

const card = fc
  .record(
    {
      title: hostileText,
      url: anyUrl,
      subtitle: hostileText,
      summary: hostileText,
      themes: fc.array(hostileText, { maxLength: 25 }),
    },
    { requiredKeys: ['title', 'url'] },
  )
  .map(
    (c) =>
      `<li><h3><a href="${esc(c.url)}">${esc(c.title)}</a></h3>${c.subtitle !== undefined ? `<p class="subtitle">${esc(c.subtitle)}</p>` : ''}` +
      `${c.summary !== undefined ? `<p>${esc(c.summary)} ${esc(c.summary)}</p>` : ''}${c.themes ? `<ul class="tags">${c.themes.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}</li>`,
  );

/** Opens `depth` elements that the page closes at the end of the body. */
export interface Nest {
  nest: { tag: string; depth: number };
}

const bodyPiece: fc.Arbitrary<string | Nest> = fc.oneof(
  hostileText.map((text) => `<h1>${esc(text)}</h1>`),
  hostileText.map((text) => `<h1>${text}</h1>`),
  hostileText.map((text) => `<p class="byline">Door ${esc(text)}</p>`),
  hostileText.map((text) => `<span rel="author" class="author">${esc(text)}</span>`),
  fc
    .tuple(fc.constantFrom(...LABELS), hostileText)
    .map(([label, value]) => `<dl><dt>${label}</dt><dd>${esc(value)}</dd></dl>`),
  fc
    .tuple(fc.constantFrom(...LABELS), hostileText)
    .map(([label, value]) => `<p><strong>${label}:</strong> ${esc(value)}</p>`),
  hostileText.map((text) => `<p>${esc(text)} ${LONG_PARAGRAPH}</p>`),
  fc.tuple(anyUrl, hostileText).map(([href, text]) => `<a href="${esc(href)}">${esc(text)} pdf</a>`),
  fc.tuple(anyUrl, hostileText).map(([href, text]) => `<a rel="tag" href="${esc(href)}">${esc(text)}</a>`),
  hostileText.map((text) => `<time datetime="${esc(text)}">${esc(text)}</time>`),
  fc
    .tuple(fc.constantFrom(...RELATED_HEADINGS), fc.array(card, { maxLength: 60 }))
    .map(([heading, cards]) => `<section><h2>${heading}</h2><ul>${cards.join('')}</ul></section>`),
  fc
    .constantFrom(...DOCUMENT_CLOBBERS)
    .chain((name) =>
      fc.constantFrom(
        `<form name="${name}"></form>`,
        `<img name="${name}" id="${name}">`,
        `<embed name="${name}">`,
        `<iframe name="${name}"></iframe>`,
      ),
    ),
  fc
    .array(fc.constantFrom(...FORM_CLOBBERS), { minLength: 1, maxLength: 6 })
    .map((names) => `<form>${names.map((name) => `<input name="${name}">`).join('')}</form>`),
  fc.constantFrom(
    '<a id="location" href="javascript:alert(1)">x</a>',
    '<script>document.querySelectorAll = null; Array.prototype.map = null;</script>',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .record({
      tag: fc.constantFrom('div', 'section', 'span', 'li', 'b', 'article', 'main', 'p', 'a', 'table', 'dl'),
      depth: fc.integer({ min: 1, max: 3_000 }),
    })
    .map((nest) => ({ nest })),
);

export interface GeneratedPage {
  html: string;
  url: string;
  /** Apply the browser's DOM clobbering to the parsed document (clobber.ts). */
  clobber: boolean;
}

const PATHS = [
  '/',
  '/nl',
  '/publicaties',
  '/publicaties/een-rapport',
  '/publicaties/een-rapport?utm_source=x#top',
  '/thema/zorg',
  '/zoeken?q=rapport',
  '/agenda/debat',
];

/** A small hostile page of random pieces, the address it is read at, and whether to clobber. */
export const hostilePage: fc.Arbitrary<GeneratedPage> = fc
  .record({
    head: fc.array(headPiece, { maxLength: 8 }),
    body: fc.array(bodyPiece, { maxLength: 10 }),
    lang: fc.oneof(fc.constant('nl'), hostileText),
    path: fc.constantFrom(...PATHS),
    clobber: fc.boolean(),
  })
  .map(({ head, body, lang, path, clobber }) => {
    let close = '';
    let html = '';
    for (const piece of body) {
      if (typeof piece === 'string') html += piece;
      else {
        html += `<${piece.nest.tag}>`.repeat(piece.nest.depth);
        close = `</${piece.nest.tag}>`.repeat(piece.nest.depth) + close;
      }
    }
    return {
      html: documentHtml({ head: head.join(''), body: html + close, lang }),
      url: DEFAULT_ORIGIN + path,
      clobber,
    };
  });
