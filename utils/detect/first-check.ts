/**
 * The first check, run by the content script on every matching page: what the page's address and
 * head say (JSON-LD types, meta tags, the canonical link); nothing from the body. It rules a page
 * out when the address or the declared type says it is another kind of page (home page, overview,
 * theme hub, contact, agenda, search, a JSON-LD CollectionPage or Event …) and the publisher does
 * not declare a publication (citation_* tags, a JSON-LD Article or Report). Every other page goes
 * on to the full check (`isPublicationPage`), which full-check.js runs with the page's body in
 * hand; it starts from these same head signals and computes the same ruling from them, so a page
 * ruled out here, reading the head the same way, is never detected there.
 */
import { jsonLdTypes, NON_PUBLICATION_TYPE, PUBLICATION_TYPE } from './jsonld';
import { addressNegatives } from './url';

/**
 * What the head and the address count for (the body's weights are in index.ts; the threshold is
 * 3). A const enum local to this file, so the shipped script carries the numbers, not a table.
 */
const enum Weight {
  CitationTitle = 4,
  CitationOther = 2,
  JsonLdPublication = 3,
  OgArticle = 1.5,
  ArticlePublishedTime = 1,
  HomePage = -6,
  ServicePath = -6,
  ListingPath = -3,
  JsonLdOther = -4,
  OgProductOrProfile = -4,
  StaleMetadata = 0,
}

export interface FirstCheck {
  /** The address or the declared type says this is not a publication: no full check needed. */
  ruledOut: boolean;
  signals: string[];
}

/**
 * The elements the check reads, by what they are for: meta tags, JSON-LD scripts, canonical links,
 * h1s. Candidates: every reader filters them, so a superset is fine (the extractor hands over all
 * its scripts and links; the DOM is asked for the likely ones, not a page's dozens of stylesheets).
 */
export type TagLookup = (what: 'meta' | 'jsonLd' | 'canonical' | 'h1') => ArrayLike<Element>;

/** The same, asked of the DOM. The selectors only narrow; jsonLdTypes and the canonical look-up decide. */
export function domLookup(doc: Document): TagLookup {
  // `type` and `rel` values match case-insensitively in HTML documents; the upper-case variants
  // are for DOMs that do not (linkedom).
  return (what) =>
    what === 'jsonLd'
      ? doc.querySelectorAll('script[type*="json"], script[type*="JSON"]')
      : what === 'canonical'
        ? doc.querySelectorAll('link[rel*="anonical"], link[rel*="ANONICAL"]')
        : doc.getElementsByTagName(what);
}

export type Metas = Map<string, string>;

/** Signals found so far and their summed weight; each signal counts once. */
export class Signals {
  readonly list: string[] = [];
  score = 0;

  add(signal: string, weight: number): void {
    if (this.list.includes(signal)) return;
    this.list.push(signal);
    this.score += weight;
  }
}

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

interface PageKey {
  host: string;
  path: string;
}

/** host + path, lower case, without www., trailing slash, query or fragment; none for a malformed escape. */
function keyOf(parsed: URL): PageKey | undefined {
  try {
    return {
      host: parsed.hostname.toLowerCase().replace(/^www\./, ''),
      path: decodeURI(parsed.pathname).toLowerCase().replace(/\/+$/, ''),
    };
  } catch {
    return undefined;
  }
}

function parseUrl(address: string, base?: string | URL): URL | undefined {
  try {
    return new URL(address, base);
  } catch {
    return undefined;
  }
}

/** The host and path `address` names, read against `base`. */
export function pageKey(address: string, base: string | URL): PageKey | undefined {
  const parsed = parseUrl(address, base);
  return parsed ? keyOf(parsed) : undefined;
}

/**
 * In a single-page app the head may still describe the previous view. When the canonical or
 * og:url names another page on this same site, the head's metadata is not trusted. (Another host
 * is a syndicated or mirrored copy: that says nothing about staleness.)
 */
function headDescribesOtherPage(links: ArrayLike<Element>, metas: Metas, address: URL): boolean {
  const here = keyOf(address);
  if (!here) return false;
  let canonical: string | null | undefined;
  // Bounded for hostile pages, but past the hreflang alternates some sites list by the hundred.
  for (let i = 0; i < links.length && i < 2000 && canonical === undefined; i++) {
    if ((links[i].getAttribute('rel') ?? '').toLowerCase() === 'canonical')
      canonical = links[i].getAttribute('href');
  }
  for (const claimed of [canonical, metas.get('og:url')]) {
    if (!claimed) continue;
    const there = pageKey(claimed, address);
    if (there && there.host === here.host && there.path !== here.path) return true;
  }
  return false;
}

/** Highwire (Google Scholar) tags: the publisher declares a scholarly work. */
function citationSignals(metas: Metas, signals: Signals): void {
  if (metas.get('citation_title') || metas.get('eprints.title')) {
    signals.add('citation_title', Weight.CitationTitle);
  } else if ([...metas.keys()].some((key) => key.startsWith('citation_'))) {
    signals.add('citation_*', Weight.CitationOther);
  }
}

/** The JSON-LD types: one of a written work, and every one of another kind of page. */
function jsonLdSignals(tags: TagLookup, signals: Signals): void {
  const types = [...jsonLdTypes(tags('jsonLd'))];
  const publicationType = types.find((type) => PUBLICATION_TYPE.test(type));
  if (publicationType) signals.add(`jsonld:${publicationType}`, Weight.JsonLdPublication);
  for (const type of types)
    if (NON_PUBLICATION_TYPE.test(type)) signals.add(`jsonld:${type}`, Weight.JsonLdOther);
}

function openGraphSignals(metas: Metas, signals: Signals): void {
  const ogType = (metas.get('og:type') ?? '').toLowerCase();
  if (ogType === 'article' || ogType === 'book') signals.add(`og:type=${ogType}`, Weight.OgArticle);
  else if (ogType === 'product' || ogType === 'profile')
    signals.add(`og:type=${ogType}`, Weight.OgProductOrProfile);
  if (metas.get('article:published_time')) signals.add('article:published_time', Weight.ArticlePublishedTime);
}

function addressSignals(address: URL | undefined, signals: Signals): void {
  for (const hint of address ? addressNegatives(address) : []) {
    signals.add(
      hint,
      hint === 'home-page'
        ? Weight.HomePage
        : hint === 'path:listing' || hint === 'path:hub'
          ? Weight.ListingPath
          : Weight.ServicePath,
    );
  }
}

/** What the head and the address gave, for the full check to go on from. */
export interface Head {
  metas: Metas;
  /** The page's address, parsed (absent when it does not parse). */
  address?: URL;
}

/**
 * Everything the head and the address say, added to `signals`: the full check's start.
 * `headMayBeStale`: the page changed its address in place since it loaded (a single-page app), so
 * its head may still describe the previous view; then, when the canonical or og:url names another
 * page of this site, the head is not trusted and only the address counts. On a document's own
 * first load the head is its own, whatever its canonical says.
 */
export function headAndAddressSignals(
  tags: TagLookup,
  url: string,
  signals: Signals,
  headMayBeStale = true,
): Head {
  const metas = readMetas(tags('meta'));
  const address = parseUrl(url);
  if (headMayBeStale && address && headDescribesOtherPage(tags('canonical'), metas, address)) {
    signals.add('stale-metadata', Weight.StaleMetadata);
  } else {
    citationSignals(metas, signals);
    jsonLdSignals(tags, signals);
    openGraphSignals(metas, signals);
  }
  addressSignals(address, signals);
  return { metas, address };
}

/** Whether a signal comes from the address (it says the same whatever the head says). */
function fromAddress(signal: string): boolean {
  return signal === 'home-page' || signal.startsWith('path:');
}

/**
 * Whether these signals rule the page out: the address (home page, overview, hub, service page)
 * or a declared type (CollectionPage, Event, Product …) says it is something else, and the
 * publisher declares no publication.
 */
export function rulesOut(signals: readonly string[]): boolean {
  let against = false;
  for (const signal of signals) {
    if (signal.startsWith('citation_')) return false;
    if (signal.startsWith('jsonld:')) {
      const type = signal.slice('jsonld:'.length);
      if (PUBLICATION_TYPE.test(type)) return false;
      against ||= NON_PUBLICATION_TYPE.test(type);
    } else if (fromAddress(signal)) {
      against = true;
    }
  }
  return against;
}

/**
 * The first check. It reads only what can change its answer: the address and the JSON-LD types,
 * and the meta tags only when those speak against the page (a `citation_*` tag then keeps it in).
 * `headMayBeStale`: whether a single-page app may have changed the address since the document
 * loaded, so that the head may still describe the previous view; then it reads the whole head as
 * the full check does, and trusts none of it if the canonical or og:url names another page. Given
 * as a function, it is asked only when the head alone would rule the page out.
 */
export function firstCheck(
  doc: Document,
  url: string,
  headMayBeStale: boolean | (() => boolean) = false,
): FirstCheck {
  let signals = new Signals();
  try {
    const tags = domLookup(doc);
    if (headMayBeStale === true) {
      headAndAddressSignals(tags, url, signals, true);
    } else {
      addressSignals(parseUrl(url), signals);
      jsonLdSignals(tags, signals);
      if (rulesOut(signals.list)) citationSignals(readMetas(tags('meta')), signals);
      // Ruled out by the head alone: make sure that head is this page's.
      if (
        typeof headMayBeStale === 'function' &&
        rulesOut(signals.list) &&
        !signals.list.some(fromAddress) &&
        headMayBeStale()
      ) {
        signals = new Signals();
        headAndAddressSignals(tags, url, signals, true);
      }
    }
  } catch {
    // A page hostile enough to break this is not one to act on.
    return { ruledOut: true, signals: [...signals.list, 'error'] };
  }
  return { ruledOut: rulesOut(signals.list), signals: signals.list };
}
