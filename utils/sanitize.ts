/**
 * One sanitiser for every way into the reading list:
 *
 * - the page: everything a web page hands over is untrusted (the extractor runs inside the page,
 *   and a hostile page shapes what it returns): `sanitizeExtraction`, `sanitizePublication`,
 *   `sanitizeFirstCheck`;
 * - import: `validateRecords` (utils/export/validate.ts) checks structure and cleans every field
 *   with the functions below;
 * - the reader's edits: `sanitizeChanges`.
 *
 * The rules are the same on each way in: unknown keys dropped, types checked, addresses only
 * absolute http(s), text without control or invisible format characters (bidi overrides and
 * isolates, zero-width spaces, soft hyphens, BOMs; ZWJ and ZWNJ stay: emoji sequences and some
 * scripts need them), and every field bounded by one table, `FIELD_LIMITS`.
 * `sanitizeForExport` is the same idea at the way out, for records an older version stored.
 */
import type { FirstCheck } from './detect';
import type {
  EditableField,
  ExtractionResult,
  Publication,
  ReadingStatus,
  RelatedPublication,
  SavedPublication,
} from './publication';
import { READING_STATUSES } from './publication';

/**
 * The stored size of every field, on every way in (page, import, edit). Text longer than its cap
 * is cut; lists keep their first items. Generous for real records, tight enough that no page can
 * fill the database.
 */
export const FIELD_LIMITS = {
  /** Record id (an identity key). */
  id: 4_096,
  /** url, canonicalUrl, pdfUrl, related[].url (after normalisation). */
  url: 4_096,
  title: 1_000,
  subtitle: 1_000,
  publisher: 500,
  type: 100,
  language: 64,
  doi: 300,
  isbn: 64,
  summary: 10_000,
  /** The reader's notes (several lines). */
  notes: 1_000_000,
  /** One author, theme, keyword or tag. */
  listItem: 500,
  /** Authors, themes, keywords and tags of one record. */
  listItems: 200,
  /** Related publications of one record. */
  related: 100,
  relatedSummary: 2_000,
  relatedThemes: 20,
  /** Detection signals (not stored; sent to the popup). */
  signal: 300,
  signals: 40,
} as const;

/** Fields of `Publication` a reader may edit; an edited field is never overwritten by a re-visit. */
export const EDITABLE_FIELDS: readonly EditableField[] = [
  'title',
  'subtitle',
  'authors',
  'published',
  'year',
  'publisher',
  'type',
  'themes',
  'keywords',
  'summary',
  'language',
];

/** The reader's changes to one record (the shape of `PublicationChanges` in utils/db.ts). */
export type ReaderChanges = Partial<
  Pick<SavedPublication, EditableField | 'status' | 'notes' | 'tags' | 'starred'>
>;

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
export function cleanNotes(value: string, max: number = FIELD_LIMITS.notes): string {
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
  itemMax: number = FIELD_LIMITS.listItem,
  count: number = FIELD_LIMITS.listItems,
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
 * percent-encoded) and at most `FIELD_LIMITS.url` long.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > FIELD_LIMITS.url) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.length <= FIELD_LIMITS.url ? url.href : undefined;
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
  if (!digits || digits.length > FIELD_LIMITS.isbn) return undefined;
  return safeHttpUrl(`https://openlibrary.org/isbn/${digits}`);
}

/** The address a DOI resolves at, or undefined if it is no DOI. */
export function doiAddress(doi: unknown): string | undefined {
  if (typeof doi !== 'string' || !DOI_PATTERN.test(doi)) return undefined;
  return safeHttpUrl(`https://doi.org/${doi}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** A DOI after cleaning, or undefined if it is none (or longer than its cap). */
export function cleanDoi(value: unknown): string | undefined {
  const doi = cleanText(value, FIELD_LIMITS.doi + 1);
  return doi && doi.length <= FIELD_LIMITS.doi && DOI_PATTERN.test(doi) ? doi : undefined;
}

function sanitizeRelated(value: unknown): RelatedPublication | undefined {
  if (!isObject(value)) return undefined;
  const title = cleanText(value.title, FIELD_LIMITS.title);
  if (!title) return undefined;
  const related: RelatedPublication = {
    title,
    themes: cleanList(value.themes, FIELD_LIMITS.listItem, FIELD_LIMITS.relatedThemes),
  };
  assign(related, 'subtitle', cleanText(value.subtitle, FIELD_LIMITS.subtitle));
  assign(related, 'url', safeHttpUrl(value.url));
  assign(related, 'summary', cleanText(value.summary, FIELD_LIMITS.relatedSummary));
  return related;
}

/** Related publications: items without a title dropped, at most `FIELD_LIMITS.related`. */
export function sanitizeRelatedList(value: unknown): RelatedPublication[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, FIELD_LIMITS.related * 4)
    .map(sanitizeRelated)
    .filter((r): r is RelatedPublication => r !== undefined)
    .slice(0, FIELD_LIMITS.related);
}

export function sanitizePublication(value: unknown): Publication | undefined {
  if (!isObject(value)) return undefined;
  const v = value;
  const url = safeHttpUrl(v.url);
  const title = cleanText(v.title, FIELD_LIMITS.title);
  if (!url || !title) return undefined;
  const publication: Publication = {
    url,
    title,
    authors: cleanList(v.authors),
    themes: cleanList(v.themes),
    keywords: cleanList(v.keywords),
    related: sanitizeRelatedList(v.related),
  };
  assign(publication, 'canonicalUrl', safeHttpUrl(v.canonicalUrl));
  assign(publication, 'subtitle', cleanText(v.subtitle, FIELD_LIMITS.subtitle));
  if (typeof v.published === 'string' && DATE_PATTERN.test(v.published)) {
    publication.published = v.published;
  }
  if (typeof v.year === 'number' && Number.isInteger(v.year) && v.year > 1000 && v.year < 3000) {
    publication.year = v.year;
  } else if (publication.published) {
    publication.year = Number(publication.published.slice(0, 4));
  }
  assign(publication, 'publisher', cleanText(v.publisher, FIELD_LIMITS.publisher));
  // Lower case before the cut: lower-casing can lengthen text ("İ" is two characters in lower case).
  assign(
    publication,
    'type',
    cleanText(typeof v.type === 'string' ? v.type.toLowerCase() : undefined, FIELD_LIMITS.type),
  );
  assign(publication, 'summary', cleanText(v.summary, FIELD_LIMITS.summary));
  if (
    typeof v.language === 'string' &&
    v.language.length <= FIELD_LIMITS.language &&
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v.language)
  ) {
    publication.language = v.language;
  }
  assign(publication, 'doi', cleanDoi(v.doi));
  assign(publication, 'isbn', cleanText(v.isbn, FIELD_LIMITS.isbn));
  assign(publication, 'pdfUrl', safeHttpUrl(v.pdfUrl));
  return publication;
}

export function sanitizeExtraction(value: unknown): ExtractionResult | undefined {
  if (!isObject(value)) return undefined;
  const v = value;
  const confidence = typeof v.confidence === 'number' && Number.isFinite(v.confidence) ? v.confidence : 0;
  const result: ExtractionResult = {
    detected: v.detected === true,
    confidence: Math.min(1, Math.max(0, confidence)),
    signals: cleanList(v.signals, FIELD_LIMITS.signal, FIELD_LIMITS.signals),
  };
  assign(result, 'publication', sanitizePublication(v.publication));
  return result;
}

export function sanitizeFirstCheck(value: unknown): FirstCheck | undefined {
  if (!isObject(value)) return undefined;
  const v = value;
  if (typeof v.ruledOut !== 'boolean') return undefined;
  return { ruledOut: v.ruledOut, signals: cleanList(v.signals, FIELD_LIMITS.signal, FIELD_LIMITS.signals) };
}

const CHANGE_TEXT_FIELDS = [
  ['subtitle', FIELD_LIMITS.subtitle],
  ['publisher', FIELD_LIMITS.publisher],
  ['type', FIELD_LIMITS.type],
  ['summary', FIELD_LIMITS.summary],
  ['language', FIELD_LIMITS.language],
] as const;
const CHANGE_LIST_FIELDS = ['authors', 'themes', 'keywords', 'tags'] as const;

function clears(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * The reader's changes to a record ('page/update', 'page/update-many', the reader fields of
 * 'page/save'), cleaned by the rules of every other way in. Only the editable fields and status,
 * notes, tags and starred pass; a value of the wrong type is dropped (that field is left alone).
 *
 * Clearing keeps its meaning: a text field given as '', null or undefined comes out as '' (year:
 * undefined, key present; lists: []), and so does text that is empty once cleaned. The database
 * then deletes the field. The title is the exception: a record always keeps one, so an empty
 * title is no change.
 */
export function sanitizeChanges(changes: unknown): ReaderChanges {
  const out: ReaderChanges = {};
  if (!isObject(changes)) return out;
  const v = changes;
  if (has(v, 'title')) assign(out, 'title', cleanText(v.title, FIELD_LIMITS.title));
  for (const [field, max] of CHANGE_TEXT_FIELDS) {
    if (!has(v, field)) continue;
    const value = v[field];
    if (clears(value)) out[field] = '';
    else if (typeof value === 'string') out[field] = cleanText(value, max) ?? '';
  }
  if (has(v, 'published')) {
    if (clears(v.published)) out.published = '';
    else if (typeof v.published === 'string' && DATE_PATTERN.test(v.published)) out.published = v.published;
  }
  if (has(v, 'year')) {
    if (clears(v.year)) out.year = undefined;
    else if (typeof v.year === 'number' && Number.isInteger(v.year) && v.year >= 0 && v.year <= 9999)
      out.year = v.year;
  }
  for (const field of CHANGE_LIST_FIELDS) {
    if (!has(v, field)) continue;
    const value = v[field];
    if (clears(value)) out[field] = [];
    else if (Array.isArray(value)) out[field] = cleanList(value);
  }
  if (has(v, 'status') && READING_STATUSES.includes(v.status as ReadingStatus))
    out.status = v.status as ReadingStatus;
  if (has(v, 'notes')) {
    if (clears(v.notes)) out.notes = '';
    else if (typeof v.notes === 'string') out.notes = cleanNotes(v.notes);
  }
  if (has(v, 'starred') && typeof v.starred === 'boolean') out.starred = v.starred;
  return out;
}

/** Every string in a value, format and control characters removed; own keys only, no prototype touched. */
function stripDeep(value: unknown): unknown {
  if (typeof value === 'string') return stripInvisible(value);
  if (Array.isArray(value)) return value.map(stripDeep);
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripInvisible(k), stripDeep(v)]));
  }
  return value;
}

/**
 * A stored record as the exporters may write it, whatever an older version stored: no format or
 * control characters in any text (tab, CR and LF stay for the exporters to escape), and only http(s)
 * addresses. A main address that is none becomes the record's ISBN or DOI address (earlier versions
 * stored `urn:isbn:…` for ISBN-only imports), else it is left out; other addresses are left out.
 */
export function sanitizeForExport(record: SavedPublication): SavedPublication {
  const out = stripDeep(record) as SavedPublication;
  const target = out as unknown as Record<string, unknown>;
  const url =
    safeHttpUrl(record.url) ??
    (typeof record.url === 'string' && /^\s*urn:isbn:/i.test(record.url)
      ? isbnAddress(record.url.trim())
      : undefined) ??
    doiAddress(record.doi) ??
    isbnAddress(record.isbn);
  if (url) out.url = url;
  else delete target.url;
  for (const field of ['canonicalUrl', 'pdfUrl'] as const) {
    const safe = safeHttpUrl(record[field]);
    if (safe) out[field] = safe;
    else delete target[field];
  }
  if (Array.isArray(out.related)) {
    out.related = out.related.map((item, i) => {
      if (!isObject(item)) return item;
      const copy = { ...item } as RelatedPublication;
      const safe = safeHttpUrl((record.related[i] as Partial<RelatedPublication> | undefined)?.url);
      if (safe) copy.url = safe;
      else delete copy.url;
      return copy;
    });
  }
  return out;
}
