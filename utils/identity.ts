/**
 * One identity per publication. A report is reachable under many addresses (http/https, `www.`,
 * a trailing slash, `?utm_source=newsletter`, `#samenvatting`), may declare a canonical URL, may
 * have a DOI, and as a last resort is recognised by its title, year and publisher. Every one of
 * these becomes an identity key; two records sharing any key are the same publication.
 * Pure functions over plain data: no DOM, no storage.
 */
import { foldText } from './text';
import type { Publication } from '@/utils/record';

/** Query parameters that only say how the reader arrived, never which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'rb_clickid',
  's_cid',
  'ref_src',
  'ref_url',
  'wickedid',
  'spm',
  'cmpid',
  'at_medium',
  'at_campaign',
  'sc_cid',
  'trk',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'matomo_'];

/** URLs longer than this are cut before parsing: identity never needs more, and pages are untrusted. */
const MAX_URL_LENGTH = 4096;
const MAX_FOLDED_LENGTH = 300;

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The comparable form of an address: lower-case scheme and host, no `www.`, no credentials, no
 * default port, no fragment, no tracking parameters, no trailing slash, query sorted by name.
 * Anything that does not parse as a URL is returned trimmed (it still works as an opaque key).
 */
export function normaliseUrl(url: string): string {
  const input = String(url ?? '')
    .trim()
    .slice(0, MAX_URL_LENGTH);
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return input;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  const host = parsed.host.replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  // forEach, not entries(): the iterator is not iterable in a Firefox content script (an Xray).
  const all: [string, string][] = [];
  parsed.searchParams.forEach((value, name) => all.push([name, value]));
  const params = all
    .filter(([name]) => !isTrackingParam(name))
    // Stable order by name, then value: `?b=1&a=2` and `?a=2&b=1` are the same page.
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${parsed.protocol}//${host}${path}${query}`;
}

/** The URL identity key: the normalised address without its scheme, so http and https match. */
function urlKey(url: string): string | undefined {
  const normalised = normaliseUrl(url);
  if (!normalised) return undefined;
  return `url:${normalised.replace(/^https?:\/\//, '')}`;
}

/** A DOI in its bare, lower-case form (DOIs are case-insensitive), or undefined if it is none. */
export function normaliseDoi(doi: string | undefined): string | undefined {
  if (!doi) return undefined;
  const bare = String(doi)
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare.slice(0, MAX_URL_LENGTH) : undefined;
}

/**
 * Text folded for comparison: no diacritics, lower case, punctuation and spacing collapsed to one
 * space. "Leren van doen: een essay" and "Leren van Doen — Een Essay" fold alike.
 */
export function foldKey(text: string | undefined): string {
  if (!text) return '';
  return foldText(String(text).slice(0, MAX_FOLDED_LENGTH * 4))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, MAX_FOLDED_LENGTH);
}

export type IdentityInput = Partial<
  Pick<Publication, 'url' | 'canonicalUrl' | 'doi' | 'title' | 'year' | 'publisher'>
>;

/**
 * Every identity key of a publication, most specific address first: the visited URL, the
 * canonical URL, the DOI, and (only with a year and a publisher, else too many reports collide)
 * the folded title. No duplicates.
 */
export function identityKeys(p: IdentityInput): string[] {
  const keys: string[] = [];
  const add = (key: string | undefined) => {
    if (key && !keys.includes(key)) keys.push(key);
  };
  if (p.url) add(urlKey(p.url));
  if (p.canonicalUrl) add(urlKey(p.canonicalUrl));
  const doi = normaliseDoi(p.doi);
  if (doi) add(`doi:${doi}`);
  const title = foldKey(p.title);
  const publisher = foldKey(p.publisher);
  if (title && publisher && typeof p.year === 'number' && Number.isFinite(p.year)) {
    add(`title:${title}|${p.year}|${publisher}`);
  }
  return keys;
}

/**
 * The primary id of a new record: its first identity key. A publication with no key at all (a
 * related item listed without a link, year or publisher) is named by its folded title alone; that
 * loose key is used as an id only, never to match records.
 */
export function publicationId(p: IdentityInput): string {
  const [first] = identityKeys(p);
  if (first) return first;
  return `title:${foldKey(p.title)}`;
}
