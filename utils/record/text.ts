/**
 * The cleaning rules every way into the list shares (page, import, the reader's edits) and the
 * light cleaning of the way out: text without control or invisible format characters (bidi
 * overrides and isolates, zero-width spaces, soft hyphens, BOMs; ZWJ and ZWNJ stay: emoji
 * sequences and some scripts need them), addresses only absolute http(s), every size from `LIMITS`.
 */
import { LIMITS } from './limits';

export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** Format characters (Unicode Cf: bidi controls, zero-width space, soft hyphen, BOM...) but ZWNJ/ZWJ, and lone surrogates. */
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}|\p{Cs}/gu;
/** Control characters: C0, DEL and C1. */
const CONTROL = /\p{Cc}/gu;
/** Control characters but the line feed. */
const CONTROL_BUT_LF = /[^\P{Cc}\n]/gu;
/** Control characters but tab, line feed and carriage return (which exporters escape themselves). */
const CONTROL_BUT_WHITESPACE = /[^\P{Cc}\t\n\r]/gu;
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const head = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** Work on at most this much of an input: bounds the cost of absurd strings. */
function bounded(value: string, max: number): string {
  return value.length > max * 8 + 1_024 ? value.slice(0, max * 8 + 1_024) : value;
}

/**
 * Single-line text: no control or format characters, whitespace collapsed to one space, trimmed,
 * at most `max` characters. Undefined for anything but a string with visible content.
 */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = bounded(value, max)
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return undefined;
  return cut(cleaned, max).trimEnd() || undefined;
}

/**
 * Multi-line text (the reader's notes): line breaks become `\n` and stay, other control characters
 * become spaces, format characters go; at most `max` characters. Spacing is otherwise kept.
 */
export function cleanNotes(value: string, max: number = LIMITS.notes): string {
  return cut(
    bounded(value, max).replace(LINE_BREAK, '\n').replace(INVISIBLE, '').replace(CONTROL_BUT_LF, ' '),
    max,
  );
}

/**
 * A list of single-line texts: non-text and empty items dropped, duplicates dropped, each item
 * and the count bounded.
 */
export function cleanList(
  value: unknown,
  itemMax: number = LIMITS.listItem,
  count: number = LIMITS.listItems,
): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value.slice(0, count * 4)) {
    const t = cleanText(item, itemMax);
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
    if (out.length >= count) break;
  }
  return out;
}

/**
 * The light cleaning of the way out: format and control characters go (tab, CR and LF stay: every
 * exporter escapes or flattens those itself). Length and spacing are left alone.
 */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '').replace(CONTROL_BUT_WHITESPACE, ' ');
}

/**
 * Only absolute http(s) URLs are kept: nothing else is ever opened or stored as a link. The result
 * is the parsed, normalised address (ASCII only: bidi or other invisible characters in a path are
 * percent-encoded) and at most `LIMITS.url` long.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > LIMITS.url) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.length <= LIMITS.url ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The web address of a publication known only by its ISBN: Open Library's ISBN page (it forwards to
 * the edition). Earlier versions stored `urn:isbn:…` here, which is no web address.
 */
export function isbnAddress(isbn: unknown): string | undefined {
  if (typeof isbn !== 'string') return undefined;
  const digits = isbn
    .replace(/^urn:isbn:/i, '')
    .replace(/[^0-9Xx]/g, '')
    .toUpperCase();
  if (!digits || digits.length > LIMITS.isbn) return undefined;
  return safeHttpUrl(`https://openlibrary.org/isbn/${digits}`);
}

/** The address a DOI resolves at, or undefined if it is no DOI. */
export function doiAddress(doi: unknown): string | undefined {
  if (typeof doi !== 'string' || !DOI_PATTERN.test(doi)) return undefined;
  return safeHttpUrl(`https://doi.org/${doi}`);
}

/** A DOI after cleaning, or undefined if it is none (or longer than its cap). */
export function cleanDoi(value: unknown): string | undefined {
  const doi = cleanText(value, LIMITS.doi + 1);
  return doi && doi.length <= LIMITS.doi && DOI_PATTERN.test(doi) ? doi : undefined;
}
