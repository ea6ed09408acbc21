/**
 * The check's queries (page.ts QUERIES) as conditions on elements already walked, for the extractor
 * in Node: it has listed every element of the page once (utils/extract/elements.ts), and filtering
 * that list costs less than a dozen more walks in linkedom. Where no walk is wanted (full-check.js,
 * before it knows the page is a publication) and in a browser (extractor.js asks its native
 * selector engine: `askDom` in utils/extract/index.ts) the check asks the DOM with the selectors. Each
 * condition says exactly what its selector says; a fixture test checks both agree.
 */
import type { WalkedElements } from './index';
import { readMarker, type Markers } from './markers';
import type { Query } from './page';

/** labelCandidates' selector (page.ts): these tags, and span or div with "label" in the class. */
const LABEL_TAGS = new Set(['dt', 'th', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'p', 'li']);
const MAX_LABEL_CANDIDATES = 300;
const SCRATCH_MARKERS: Markers = {
  itemTypes: [],
  searchForm: false,
  calendarLink: false,
  price: false,
  password: false,
};

type Answers = Record<Query, Element[]>;

/** An attribute as written: what getAttribute gives in an HTML page, without the escaping check some DOMs (linkedom) make. */
const written = (el: Element, name: string) => el.getAttributeNode(name)?.value;

/**
 * Files `el` under every query whose selector it matches, its tag read once: the conditions say
 * exactly what QUERIES says, query by query (the fixture test holds them to it).
 */
function file(el: Element, found: Answers): void {
  const tag = el.localName;
  switch (tag) {
    case 'a': {
      // pdfLinks: a[href*=".pdf"], a[href*=".PDF"]
      const href = written(el, 'href');
      if (href !== undefined && (href.includes('.pdf') || href.includes('.PDF'))) found.pdfLinks.push(el);
      break;
    }
    case 'article': // text: p, pre, article; articles: article
      found.text.push(el);
      found.articles.push(el);
      break;
    case 'p':
    case 'pre':
      found.text.push(el);
      break;
    case 'h2': // cardHeadings: h2, h3, h4, h5
    case 'h3':
    case 'h4':
    case 'h5':
      found.cardHeadings.push(el);
      break;
  }
  // listTimes: li time, article time, li [itemprop="datePublished"]
  if (
    tag === 'time'
      ? el.parentElement?.closest('li, article')
      : written(el, 'itemprop') === 'datePublished' && el.parentElement?.closest('li')
  )
    found.listTimes.push(el);
  // Only the answer counts here; the flags land on a scratch record (pageMarkers sets the real ones).
  if (readMarker(el, SCRATCH_MARKERS)) found.markers.push(el);
}

function isLabelCandidate(el: Element): boolean {
  const tag = el.localName;
  return (
    LABEL_TAGS.has(tag) ||
    ((tag === 'span' || tag === 'div') && Boolean(el.getAttributeNode('class')?.value.includes('label')))
  );
}

/** The first element of 'main, [role="main"]' and the positions its descendants take in `all`. */
function mainRange(all: ArrayLike<Element>): [number, number] {
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el.localName !== 'main' && written(el, 'role') !== 'main') continue;
    let after: Element | null = null;
    for (let up: Element | null = el; up && !after; up = up.parentElement) after = up.nextElementSibling;
    let end = i + 1;
    while (end < all.length && all[end] !== after) end++;
    return [i + 1, end];
  }
  return [0, all.length];
}

/** The check's view of a page from its walked elements (all, in document order) and its tag lists. */
export function walkedElements(
  all: ArrayLike<Element>,
  byTag: (tag: string) => ArrayLike<Element>,
): WalkedElements {
  // Every query's answer in one pass, on the first question.
  let answers: Answers | undefined;
  return {
    // All scripts and links: the readers pick the JSON-LD ones and the canonical link.
    byTag: (what) => byTag(what === 'jsonLd' ? 'script' : what === 'canonical' ? 'link' : what),
    find: (query) => {
      if (!answers) {
        answers = { pdfLinks: [], text: [], articles: [], cardHeadings: [], listTimes: [], markers: [] };
        for (let i = 0; i < all.length; i++) file(all[i], answers);
      }
      return answers[query];
    },
    labelCandidates: () => {
      const [start, end] = mainRange(all);
      const kept: Element[] = [];
      for (let i = start; i < end && kept.length < MAX_LABEL_CANDIDATES; i++)
        if (isLabelCandidate(all[i])) kept.push(all[i]);
      return kept;
    },
  };
}
