/**
 * The check's queries (page.ts QUERIES) as conditions on elements already walked, for the extractor:
 * it has listed every element of the page once (utils/extract/elements.ts), and filtering that list
 * costs less than a dozen more walks in some DOMs. Where no walk is wanted (full-check.js, before
 * it knows the page is a publication) the check asks the DOM with the selectors instead. Each
 * condition says exactly what its selector says; a fixture test checks both agree.
 */
import type { WalkedElements } from './index';
import { readMarker, type Markers } from './markers';
import type { Query } from './page';

const TEXT_TAGS = new Set(['p', 'pre', 'article']);
const CARD_HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5']);
const SCRATCH_MARKERS: Markers = {
  itemTypes: [],
  searchForm: false,
  calendarLink: false,
  price: false,
  password: false,
};

const CONDITIONS: Record<Query, (el: Element) => boolean> = {
  pdfLinks: (el) => {
    const href = el.localName === 'a' ? el.getAttribute('href') : null;
    return href !== null && (href.includes('.pdf') || href.includes('.PDF'));
  },
  text: (el) => TEXT_TAGS.has(el.localName),
  articles: (el) => el.localName === 'article',
  cardHeadings: (el) => CARD_HEADING_TAGS.has(el.localName),
  listTimes: (el) =>
    el.localName === 'time'
      ? Boolean(el.parentElement?.closest('li, article'))
      : el.getAttribute('itemprop') === 'datePublished' && Boolean(el.parentElement?.closest('li')),
  // Only the answer counts here; the flags land on a scratch record (pageMarkers sets the real ones).
  markers: (el) => readMarker(el, SCRATCH_MARKERS),
};

/** The check's view of a page from its walked elements (all, in document order) and its tag lists. */
export function walkedElements(
  all: ArrayLike<Element>,
  byTag: (tag: string) => ArrayLike<Element>,
): WalkedElements {
  return {
    // All scripts and links: the readers pick the JSON-LD ones and the canonical link.
    byTag: (what) => byTag(what === 'jsonLd' ? 'script' : what === 'canonical' ? 'link' : what),
    find: (query) => {
      const kept: Element[] = [];
      const test = CONDITIONS[query];
      for (let i = 0; i < all.length; i++) if (test(all[i])) kept.push(all[i]);
      return kept;
    },
  };
}
