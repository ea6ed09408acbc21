/**
 * Cheap first check: is this page a single publication? Runs in the content script on every
 * matching page, so it is a handful of selectors and meta look-ups with bounded work, and it only
 * reads the page. The full extractor runs only when this says yes (or the reader asks).
 *
 * Each finding is a machine-readable signal with a weight; positives (citation_*, JSON-LD types,
 * og:type=article, publication labels, a byline or date beside the heading, a PDF, running text)
 * add up, negatives (home page, listings, search results, agendas, shops, logins, service pages)
 * subtract. Silence on pages that aren't publications matters more than catching every one, so
 * the threshold asks for more than one weak hint.
 */
import { jsonLdTypes, NON_PUBLICATION_TYPE, PUBLICATION_TYPE } from './jsonld';
import {
  cardGroups,
  chromeTest,
  datedItems,
  headingContext,
  mainHeading,
  pageMarkers,
  pdfLinkCount,
  publicationLabels,
  QUERIES,
  runningTextScore,
  type Finder,
  type Query,
} from './page';
import { urlHints } from './url';

export interface Detection {
  detected: boolean;
  confidence: number;
  signals: string[];
}

/** Score at or above which a page counts as a publication. */
export const DETECTION_THRESHOLD = 3;

/**
 * How much each signal counts. Structured data the publisher declares weighs most; page cues less.
 * A const enum, so the shipped content script carries the numbers, not a table of names.
 */
const enum Weight {
  // For: what the publisher declares.
  CitationTitle = 4,
  CitationOther = 2,
  JsonLdPublication = 3,
  MicrodataPublication = 2,
  OgArticle = 1.5,
  ArticlePublishedTime = 1,
  // For: what a reader sees.
  Label = 1.5,
  MaxLabels = 3,
  Byline = 1.5,
  HeadingDate = 1,
  PublicationKicker = 1,
  OwnArticle = 1,
  PdfLink = 1,
  RunningText = 2,
  LongRunningText = 1,

  // Against: the address.
  HomePage = -6,
  ServicePath = -6,
  ListingPath = -3,
  // Against: declared types of another kind of page.
  JsonLdOther = -4,
  MicrodataOther = -3,
  // Against: what a reader sees.
  SearchResults = -6,
  ManyCards = -4,
  VeryManyCards = -2,
  CardsBesideArticle = -1,
  DatedItems = -2,
  OtherLabel = -2,
  OtherKicker = -3,
  HeadingLinksAway = -3,
  CalendarFile = -3,
  Price = -4,
  Login = -3,
  StaleMetadata = 0,
}

const MICRODATA_PUBLICATION = /schema\.org\/(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|CreativeWork|Book|Chapter|Thesis|TechArticle)\b/;
const MICRODATA_OTHER = /schema\.org\/(Event|Product|Offer|JobPosting)\b/;

type Metas = Map<string, string>;

/**
 * The page's elements as the extractor has already walked them (walked.ts): given these, the check
 * reads them instead of querying the DOM, so a page is walked once for both (some DOMs, such as
 * linkedom, walk the whole tree and compile the selector on every query). The content script has
 * none and asks the DOM.
 */
export interface WalkedElements {
  byTag: TagLookup;
  find: Finder;
}
export type TagLookup = (tag: 'meta' | 'script' | 'link' | 'h1') => ArrayLike<Element>;

/**
 * Every <meta name|property> of the page in one pass, by lower-case key (first one wins). Not
 * only the head's: pages with stray markup before them push metas into the body.
 */
function readMetas(elements: ArrayLike<Element>): Metas {
  const metas: Metas = new Map();
  for (let i = 0; i < elements.length && i < 400; i++) {
    const content = (elements[i].getAttribute('content') ?? '').trim();
    if (!content) continue;
    for (const key of [elements[i].getAttribute('name'), elements[i].getAttribute('property')]) {
      const folded = key?.trim().toLowerCase();
      if (folded && !metas.has(folded)) metas.set(folded, content.slice(0, 2000));
    }
  }
  return metas;
}

/** host + path, lower case, without www., trailing slash, query or fragment. */
function pageKey(address: string, base: string): { host: string; path: string } | undefined {
  try {
    const parsed = new URL(address, base);
    return {
      host: parsed.hostname.toLowerCase().replace(/^www\./, ''),
      path: decodeURI(parsed.pathname).toLowerCase().replace(/\/+$/, ''),
    };
  } catch {
    return undefined;
  }
}

/**
 * In a single-page app the head may still describe the previous view. When the canonical or
 * og:url names another page on this same site, the head's metadata is not trusted. (Another host
 * is a syndicated or mirrored copy: that says nothing about staleness.)
 */
function headDescribesOtherPage(links: ArrayLike<Element>, metas: Metas, url: string): boolean {
  const here = pageKey(url, url);
  if (!here) return false;
  let canonical: string | null | undefined;
  for (let i = 0; i < links.length && i < 200 && canonical === undefined; i++) {
    if ((links[i].getAttribute('rel') ?? '').toLowerCase() === 'canonical') canonical = links[i].getAttribute('href');
  }
  for (const claimed of [canonical, metas.get('og:url')]) {
    if (!claimed) continue;
    const there = pageKey(claimed, url);
    if (there && there.host === here.host && there.path !== here.path) return true;
  }
  return false;
}

function headSignals(tags: TagLookup, metas: Metas, add: (signal: string, weight: number) => void): void {
  if (metas.get('citation_title') || metas.get('eprints.title')) {
    add('citation_title', Weight.CitationTitle);
  } else if ([...metas.keys()].some((key) => key.startsWith('citation_'))) {
    add('citation_*', Weight.CitationOther);
  }

  const types = [...jsonLdTypes(tags('script'))];
  const publicationType = types.find((type) => PUBLICATION_TYPE.test(type));
  if (publicationType) add(`jsonld:${publicationType}`, Weight.JsonLdPublication);
  for (const type of types) if (NON_PUBLICATION_TYPE.test(type)) add(`jsonld:${type}`, Weight.JsonLdOther);

  const ogType = (metas.get('og:type') ?? '').toLowerCase();
  if (ogType === 'article' || ogType === 'book') add(`og:type=${ogType}`, Weight.OgArticle);
  else if (ogType === 'product' || ogType === 'profile') add(`og:type=${ogType}`, Weight.Price);
  if (metas.get('article:published_time')) {
    add('article:published_time', Weight.ArticlePublishedTime);
  }
}

function bodySignals(doc: Document, find: Finder, tags: TagLookup, metas: Metas, url: string, signals: readonly string[], add: (signal: string, weight: number) => void): void {
  const markers = pageMarkers(find);
  const inChrome = chromeTest();
  const microdata = markers.itemTypes;
  const microPublication = microdata.map((itemType) => MICRODATA_PUBLICATION.exec(itemType)?.[1]).find(Boolean);
  if (microPublication) add(`microdata:${microPublication}`, Weight.MicrodataPublication);
  const microOther = new Set(microdata.map((itemType) => MICRODATA_OTHER.exec(itemType)?.[1]).filter(Boolean) as string[]);
  for (const type of microOther) add(`microdata:${type}`, Weight.MicrodataOther);

  const heading = mainHeading(tags('h1'));
  if (heading) {
    const context = headingContext(heading);
    if (context.byline) add('byline', Weight.Byline);
    if (context.date) add('heading-date', Weight.HeadingDate);
    if (context.kind) add(`kicker:${context.kind}`, context.kind === 'publication' ? Weight.PublicationKicker : Weight.OtherKicker);
    if (heading.closest('article')) add('article-element', Weight.OwnArticle);
    // A main heading that links to another page of the site is a teaser for that page (a home
    // page's lead story). Blogs often link the heading to the post's own permalink: that is fine.
    const link = heading.querySelector('a[href]')?.getAttribute('href');
    const target = link ? pageKey(link, url) : undefined;
    const here = pageKey(url, url);
    if (target && here && target.host === here.host && target.path !== here.path) add('heading-links-away', Weight.HeadingLinksAway);
  } else if (find('articles').length === 1) {
    add('article-element', Weight.OwnArticle);
  }

  const labels = publicationLabels(doc, heading, inChrome);
  const otherLabels: string[] = labels.filter((kind) => kind === 'vacancy' || kind === 'event');
  labels
    .filter((kind) => !otherLabels.includes(kind))
    .slice(0, Weight.MaxLabels)
    .forEach((kind) => add(`label:${kind}`, Weight.Label));
  for (const kind of otherLabels) add(`label:${kind}`, Weight.OtherLabel);

  const pdfs = pdfLinkCount(find, inChrome);
  if (pdfs > 0 && pdfs <= 6) add('pdf-link', Weight.PdfLink);
  else if (metas.get('citation_pdf_url')) add('pdf-link', Weight.PdfLink);

  const textScore = runningTextScore(find, heading, inChrome);
  if (textScore > 20) add('running-text', Weight.RunningText);
  if (textScore > 60) add('long-running-text', Weight.LongRunningText);

  // Cards after the page's own article (related, recirculation) count for little; cards around a
  // heading that has no article of its own are the page. Publisher-declared structure
  // (JSON-LD, citation_*, microdata) also outweighs a recirculation grid.
  const cards = cardGroups(find, heading, inChrome);
  const structured = signals.some((s) => /^(citation_|jsonld:|microdata:)/.test(s) && !NON_PUBLICATION_TYPE.test(s.replace(/^\w+:/, '')));
  const scale = structured ? 0.5 : 1;
  if (cards.largest >= 6) add('listing:cards', Weight.ManyCards * scale);
  if (cards.largest >= 12) add('listing:many-cards', Weight.VeryManyCards * scale);
  if (cards.largestBesideArticle >= 6) add('listing:cards-beside-article', Weight.CardsBesideArticle);
  if (datedItems(find, heading, inChrome) >= 6) add('listing:dates', Weight.DatedItems);

  const hints = urlHints(url);
  for (const hint of hints.negatives) {
    add(hint, hint === 'home-page' ? Weight.HomePage : hint === 'path:listing' || hint === 'path:hub' ? Weight.ListingPath : Weight.ServicePath);
  }
  if (hints.searchQuery && markers.searchForm) add('search-results', Weight.SearchResults);
  if (markers.calendarLink) add('calendar', Weight.CalendarFile);
  if (markers.price || metas.get('product:price:amount')) add('price', Weight.Price);
  // A login wall hides the text; a log-in box in the header of a long text is just site chrome.
  if (textScore <= 20 && markers.password) add('login', Weight.Login);
}

export function isPublicationPage(doc: Document, url: string, walked?: WalkedElements): Detection {
  const tags: TagLookup = walked ? walked.byTag : (tag) => doc.getElementsByTagName(tag);
  const ask: Finder = walked ? walked.find : (query) => doc.querySelectorAll(QUERIES[query]);
  // Each query once per check, whoever answers it (the article count is read in two places).
  const answers = new Map<Query, ArrayLike<Element>>();
  const find: Finder = (query) => {
    let found = answers.get(query);
    if (!found) answers.set(query, (found = ask(query)));
    return found;
  };
  const signals: string[] = [];
  let score = 0;
  const add = (signal: string, weight: number) => {
    if (signals.includes(signal)) return;
    signals.push(signal);
    score += weight;
  };
  try {
    const metas = readMetas(tags('meta'));
    if (headDescribesOtherPage(tags('link'), metas, url)) add('stale-metadata', Weight.StaleMetadata);
    else headSignals(tags, metas, add);
    bodySignals(doc, find, tags, metas, url, signals, add);
  } catch {
    // A page hostile enough to break a selector is not one to act on.
    return { detected: false, confidence: 0, signals: [...signals, 'error'] };
  }
  const detected = score >= DETECTION_THRESHOLD;
  // A smooth, monotone map of the score to 0..1 that crosses one half at the threshold (weights
  // are multiples of 0.5, so a detected page is above one half and any other page below).
  const confidence = Math.round((1 / (1 + Math.exp(-(score - DETECTION_THRESHOLD + 0.25) / 1.5))) * 100) / 100;
  return { detected, confidence, signals };
}
