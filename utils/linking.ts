/**
 * Which saved record a page may touch. A page declares addresses and identifiers for itself
 * (canonical link, og:url, JSON-LD url, DOI) and a title, year and publisher; all of that is the
 * page's word, and a hostile or careless page can name somebody else's record with it. Only the
 * address the browser reports is Leesmap's own knowledge. So:
 *
 * - the page's own address links it to the record saved under that address;
 * - a declared key links it only when Leesmap can check it: the page is served over https, the
 *   declared address is on the page's own site and is not the site's home, a listing or a service
 *   page, and the record it finds lives on the same site and is not contradicted by the page's
 *   title, year and authors;
 * - a page never links to more than one record. Other records it resembles are returned as
 *   `resembles`, for the reader to merge or not; a visit never merges or deletes records.
 *
 * Pure functions over plain data: the database calls them inside its transactions.
 */
import { getDomain } from 'tldts';
import { addressNegatives } from './detect/url';
import { foldKey, identityKeys } from './identity';
import type { Publication, SavedPublication } from '@/utils/record';
import { publisherForHost } from './publishers';

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The site an address belongs to: its publisher when Leesmap knows it (so `government.nl` and
 * `rijksoverheid.nl` are one site), else its registrable domain by the Public Suffix List, private
 * suffixes included (`a.github.io` and `b.github.io` are two sites), else the host itself.
 */
export function siteOf(url: string | undefined): string | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.toLowerCase();
  const publisher = publisherForHost(host);
  if (publisher) return `publisher:${publisher.name}`;
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function sameSite(a: string | undefined, b: string | undefined): boolean {
  const siteA = siteOf(a);
  return siteA !== undefined && siteA === siteOf(b);
}

const isSecure = (url: string) => parse(url)?.protocol === 'https:';

/**
 * The canonical address a page declares, if Leesmap can take it as the page's own: https, on the
 * page's own site, and naming one item rather than the home page, a listing, a hub or a service
 * page (CMSs that set every canonical to the home page are common, and two reports must not
 * become one because of it).
 */
export function trustedCanonical(publication: Pick<Publication, 'url' | 'canonicalUrl'>): string | undefined {
  const declared = parse(publication.canonicalUrl);
  if (!declared || !isSecure(publication.url) || declared.protocol !== 'https:') return undefined;
  if (!sameSite(declared.href, publication.url)) return undefined;
  if (addressNegatives(declared).length > 0) return undefined;
  return declared.href;
}

/**
 * The identity keys a page may give a record: its own address, and the declared ones Leesmap can
 * check (see trustedCanonical). A page over plain http gives its address only: anyone on the
 * network path may have written the rest.
 */
export function pageKeys(publication: Publication): string[] {
  if (!isSecure(publication.url)) return identityKeys({ url: publication.url });
  return identityKeys({ ...publication, canonicalUrl: trustedCanonical(publication) });
}

/**
 * A page's identity, computed once per write: the keys it may give a record (`pageKeys`), every
 * key it names (to look records up by, declared ones included), and its own address's key.
 */
export interface PageIdentity {
  keys: string[];
  lookup: string[];
  address: string | undefined;
}

export function pageIdentity(publication: Publication): PageIdentity {
  const lookup = identityKeys(publication);
  const keys = pageKeys(publication);
  return { keys, lookup, address: identityKeys({ url: publication.url })[0] };
}

/** The key of the page's own address (as the browser reports it). */
export function addressKey(publication: Pick<Publication, 'url'>): string | undefined {
  return identityKeys({ url: publication.url })[0];
}

const TITLE_WORDS_AGREE = 0.5;

function words(text: string | undefined): Set<string> {
  return new Set(
    foldKey(text)
      .split(' ')
      .filter((w) => w.length > 1),
  );
}

/** Two titles name the same work: one contains the other, or they share most of their words. */
export function titlesAgree(a: string | undefined, b: string | undefined): boolean {
  const foldedA = foldKey(a);
  const foldedB = foldKey(b);
  if (!foldedA || !foldedB) return true;
  if (foldedA.includes(foldedB) || foldedB.includes(foldedA)) return true;
  const wordsA = words(a);
  const wordsB = words(b);
  let shared = 0;
  for (const word of wordsA) if (wordsB.has(word)) shared++;
  const union = wordsA.size + wordsB.size - shared;
  return union > 0 && shared / union >= TITLE_WORDS_AGREE;
}

function surnames(authors: readonly string[] | undefined): Set<string> {
  return new Set((authors ?? []).map((name) => foldKey(name).split(' ').pop() ?? '').filter(Boolean));
}

/**
 * The page says it is another work than the record: a different title, a year more than one apart,
 * or authors with no surname in common. What either side lacks contradicts nothing.
 */
export function contradicts(
  record: Pick<Publication, 'title' | 'year' | 'authors'>,
  page: Pick<Publication, 'title' | 'year' | 'authors'>,
): boolean {
  if (!titlesAgree(record.title, page.title)) return true;
  if (
    typeof record.year === 'number' &&
    typeof page.year === 'number' &&
    Math.abs(record.year - page.year) > 1
  )
    return true;
  const a = surnames(record.authors);
  const b = surnames(page.authors);
  if (a.size > 0 && b.size > 0 && ![...a].some((name) => b.has(name))) return true;
  return false;
}

type Candidate = Pick<SavedPublication, 'id' | 'url' | 'title' | 'year' | 'authors' | 'savedAt'> & {
  identity: readonly string[];
};

export interface Link<T extends Candidate> {
  /** The one record this page is: found by its address, or by a declared key Leesmap could check. */
  record?: T;
  /**
   * Whether the page may refresh that record's fields. Not when the page is plain http and the
   * record was saved from https: a network attacker could write the page.
   */
  mayUpdate: boolean;
  /** Other records the page resembles (same DOI, same title, a declared address): the reader decides. */
  resembles: T[];
}

/**
 * Decides which of `candidates` (records found by any identity key of the page, declared ones
 * included) the page is, and which it only resembles. Never more than one record.
 */
export function linkPage<T extends Candidate>(
  page: Publication,
  candidates: readonly T[],
  identity: Pick<PageIdentity, 'keys' | 'address'> = { keys: pageKeys(page), address: addressKey(page) },
): Link<T> {
  const own = identity.address;
  const trusted = new Set(identity.keys);
  const byAddress: T[] = [];
  const byCheckedKey: T[] = [];
  const resembles: T[] = [];
  for (const candidate of candidates) {
    if (own && candidate.identity.includes(own)) byAddress.push(candidate);
    else if (
      candidate.identity.some((key) => trusted.has(key)) &&
      sameSite(candidate.url, page.url) &&
      !contradicts(candidate, page)
    ) {
      byCheckedKey.push(candidate);
    } else if (!contradicts(candidate, page)) {
      resembles.push(candidate);
    }
  }
  const oldestFirst = (a: T, b: T) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1);
  const ranked = [...byAddress.sort(oldestFirst), ...byCheckedKey.sort(oldestFirst)];
  const [record, ...others] = ranked;
  const mayUpdate = record !== undefined && (isSecure(page.url) || !isSecure(record.url));
  return { record, mayUpdate, resembles: [...others, ...resembles.sort(oldestFirst)] };
}
