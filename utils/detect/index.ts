/**
 * The full check: is this page a single publication? The content script runs only the first
 * check (first-check.ts: head and address, on every matching page); full-check.js runs this one
 * where that did not rule the page out, with the body in hand: the main heading and what stands
 * beside it, labels, a PDF, running text, repeated cards. Every read is bounded; nothing reads
 * layout or the whole text.
 *
 * Each finding is a machine-readable signal with a weight; positives (citation_*, JSON-LD types,
 * og:type=article, publication labels, a byline or date beside the heading, a PDF, running text)
 * add up, negatives (home page, listings, search results, agendas, shops, logins, service pages)
 * subtract. Silence on pages that aren't publications matters more than catching every one, so
 * the threshold asks for more than one weak hint.
 */
import { mainHeading } from './heading';
import { NON_PUBLICATION_TYPE } from './jsonld';
import {
  domLookup,
  headAndAddressSignals,
  pageKey,
  rulesOut,
  Signals,
  type Head,
  type TagLookup,
} from './first-check';
import { cardGroups, datedItems } from './cards';
import {
  ancestorTest,
  chromeTest,
  headingContext,
  pdfLinkCount,
  publicationLabels,
  QUERIES,
  runningTextScore,
  type Finder,
  type Query,
} from './page';
import { listingAddressSignals } from './address-listing';
import { pageMarkers } from './markers';
import { carriesSearchWords } from './url';

export { firstCheck, rulesOut, type FirstCheck } from './first-check';

/** Score at or above which a page counts as a publication. */
export const DETECTION_THRESHOLD = 3;

export interface Detection {
  detected: boolean;
  confidence: number;
  signals: string[];
}

const MICRODATA_PUBLICATION =
  /schema\.org\/(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|CreativeWork|Book|Chapter|Thesis|TechArticle)\b/;
const MICRODATA_OTHER =
  /schema\.org\/(Event|Product|Offer|JobPosting|CollectionPage|ItemList|SearchResultsPage)\b/;

/**
 * The page's elements as the extractor has already walked them (walked.ts): given these, the check
 * reads them instead of querying the DOM, so a page is walked once for both (some DOMs, such as
 * linkedom, walk the whole tree and compile the selector on every query). Without them the check
 * asks the DOM (full-check.js: a browser answers the queries natively).
 */
export interface WalkedElements {
  byTag: TagLookup;
  find: Finder;
  /** What labelCandidates (page.ts) finds in the DOM. */
  labelCandidates: () => ArrayLike<Element>;
}

/** Labels beyond this many ("Auteur", "Thema", "Publicatiejaar") add nothing more. */
const MAX_LABEL_SIGNALS = 3;

/** What stands beside the main heading: a byline, a date, a kicker, its article, where its link goes. */
function headingSignals(
  heading: Element,
  address: URL | undefined,
  add: (signal: string, weight: number) => void,
  isTeaser: (el: Element) => boolean,
): void {
  const context = headingContext(heading, isTeaser);
  if (context.byline) add('byline', 1.5);
  if (context.date) add('heading-date', 1);
  if (context.kind) add(`kicker:${context.kind}`, context.kind === 'publication' ? 1 : -3);
  if (heading.closest('article')) add('article-element', 1);
  // A main heading that links to another page of the site is a teaser for that page (a home
  // page's lead story). Blogs often link the heading to the post's own permalink: that is fine.
  const link = heading.querySelector('a[href]')?.getAttribute('href');
  const target = link && address ? pageKey(link, address) : undefined;
  const here = address && pageKey(address.href, address);
  if (target && here && target.host === here.host && target.path !== here.path) add('heading-links-away', -3);
}

/**
 * The body's signals, each with its weight where it is added (the head's and the address's are in
 * first-check.ts; the threshold is 3). Page cues weigh less than what the publisher declares.
 */
function bodySignals(
  doc: Document,
  find: Finder,
  tags: TagLookup,
  head: Head,
  found: Signals,
  walked?: WalkedElements,
): void {
  const { metas, address } = head;
  const add = (signal: string, weight: number) => found.add(signal, weight);
  const signals = found.list;
  const markers = pageMarkers(find);
  const inChrome = chromeTest();
  const microdata = markers.itemTypes;
  const microPublication = microdata
    .map((itemType) => MICRODATA_PUBLICATION.exec(itemType)?.[1])
    .find(Boolean);
  if (microPublication) add(`microdata:${microPublication}`, 2);
  const microOther = new Set(
    microdata.map((itemType) => MICRODATA_OTHER.exec(itemType)?.[1]).filter(Boolean) as string[],
  );
  for (const type of microOther) add(`microdata:${type}`, -3);

  const heading = mainHeading(tags('h1'), true);
  // Cards after the page's own article (related, recirculation) count for little; cards around a
  // heading that has no article of its own are the page. A teaser's text, date and byline are
  // those of the page it links to, not this page's.
  const cards = cardGroups(find, heading, inChrome);
  const inTeaser = ancestorTest((node) => cards.teasers.has(node));
  const teasing = cards.teasers.size > 0;
  if (heading) {
    headingSignals(heading, address, add, (el) => cards.teasers.has(el) || cards.teaserLists.has(el));
  } else if (find('articles').length === 1) {
    add('article-element', 1);
  }

  // A teaser's labels (its year, its authors) are those of the page it links to.
  const elsewhere = teasing ? (el: Element) => inChrome(el) || inTeaser(el) : inChrome;
  const labels = publicationLabels(doc, heading, elsewhere, walked?.labelCandidates());
  const otherLabels: string[] = labels.filter((kind) => kind === 'vacancy' || kind === 'event');
  labels
    .filter((kind) => !otherLabels.includes(kind))
    .slice(0, MAX_LABEL_SIGNALS)
    .forEach((kind) => add(`label:${kind}`, 1.5));
  for (const kind of otherLabels) add(`label:${kind}`, -2);

  const pdfs = pdfLinkCount(find, inChrome);
  if (pdfs > 0 && pdfs <= 6) add('pdf-link', 1);
  else if (metas.get('citation_pdf_url')) add('pdf-link', 1);

  const textScore = runningTextScore(find, heading, inChrome, teasing ? inTeaser : undefined);
  if (textScore > 20) add('running-text', 2);
  if (textScore > 60) add('long-running-text', 1);

  // Publisher-declared structure (JSON-LD, citation_*, microdata) outweighs a recirculation grid.
  const structured = signals.some(
    (s) => /^(citation_|jsonld:|microdata:)/.test(s) && !NON_PUBLICATION_TYPE.test(s.replace(/^\w+:/, '')),
  );
  const scale = structured ? 0.5 : 1;
  if (cards.largest >= 6) add('listing:cards', -4 * scale);
  if (cards.largest >= 12) add('listing:many-cards', -2 * scale);
  if (cards.largestBesideArticle >= 6) add('listing:cards-beside-article', -1);
  if (datedItems(find, heading, inChrome) >= 6) add('listing:dates', -2);

  if (address && carriesSearchWords(address) && (markers.searchForm || (heading && saysResults(heading))))
    add('search-results', -6);
  // What the first check leaves to this one (it keeps the content script small): more overview addresses.
  if (address && !signals.some((s) => s === 'home-page' || s.startsWith('path:')))
    for (const signal of listingAddressSignals(address)) add(signal, signal === 'address:search' ? -6 : -3);
  if (markers.calendarLink) add('calendar', -3);
  if (markers.price || metas.get('product:price:amount')) add('price', -4);
  // A login wall hides the text; a log-in box in the header of a long text is just site chrome.
  if (textScore <= 20 && markers.password) add('login', -3);
}

/** A heading that announces search results: "Search results for …", "Suchergebnisse", "12 resultaten voor …". */
const RESULTS_HEADING =
  /^(?:\d+\s+)?(?:search results|results for|suchergebnisse|ergebnisse für|treffer für|zoekresultaten|resultaten voor)\b/i;

function saysResults(heading: Element): boolean {
  return RESULTS_HEADING.test((heading.textContent ?? '').slice(0, 200).trim());
}

export interface CheckOptions {
  /** The page's elements as the extractor has walked them; without, the check asks the DOM. */
  walked?: WalkedElements;
  /**
   * The page may have changed its address in place since it loaded (see headAndAddressSignals).
   * Default true: compare the head with the address unless the caller knows it is a first load.
   */
  headMayBeStale?: boolean;
}

/**
 * The full check: the first check's head and address signals, then the body's. full-check.js runs
 * it (asking the DOM) on every page the first check did not rule out; extractPage runs it over the
 * elements it has walked where the record is wanted anyway. Whatever rules a page out in the first
 * check rules it out here too, read the same way (`headMayBeStale`).
 */
export function isPublicationPage(
  doc: Document,
  url: string,
  { walked, headMayBeStale = true }: CheckOptions = {},
): Detection {
  const tags: TagLookup = walked ? walked.byTag : domLookup(doc);
  const ask: Finder = walked ? walked.find : (query) => doc.querySelectorAll(QUERIES[query]);
  // Each query once per check, whoever answers it (the article count is read in two places).
  const answers = new Map<Query, ArrayLike<Element>>();
  const find: Finder = (query) => {
    let found = answers.get(query);
    if (!found) answers.set(query, (found = ask(query)));
    return found;
  };
  const signals = new Signals();
  try {
    const head = headAndAddressSignals(tags, url, signals, headMayBeStale);
    bodySignals(doc, find, tags, head, signals, walked);
  } catch {
    // A page hostile enough to break a selector is not one to act on.
    return { detected: false, confidence: 0, signals: [...signals.list, 'error'] };
  }
  // What rules a page out in the first check keeps it out here, whatever the body says: the
  // content script never sends such a page on, so the two must agree.
  const ruledOut = rulesOut(signals.list);
  if (ruledOut && signals.score >= DETECTION_THRESHOLD) signals.list.push('ruled-out');
  const score = ruledOut ? Math.min(signals.score, DETECTION_THRESHOLD - 0.5) : signals.score;
  const detected = score >= DETECTION_THRESHOLD;
  // A smooth, monotone map of the score to 0..1 that crosses one half at the threshold (weights
  // are multiples of 0.5, so a detected page is above one half and any other page below).
  const confidence =
    Math.round((1 / (1 + Math.exp(-(score - DETECTION_THRESHOLD + 0.25) / 1.5))) * 100) / 100;
  return { detected, confidence, signals: signals.list };
}
