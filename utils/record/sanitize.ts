/**
 * One sanitiser for every way into the reading list:
 *
 * - the page: everything a web page hands over is untrusted (the extractor runs inside the page,
 *   and a hostile page shapes what it returns): `sanitizeExtraction`, `sanitizePublication`,
 *   `sanitizeFirstCheck`;
 * - import: `validateRecords` (validate.ts) checks structure and cleans every field with the
 *   rules of text.ts;
 * - the reader's edits: `sanitizeChanges`.
 *
 * The rules are the same on each way in: unknown keys dropped, types checked, and the cleaning of
 * text.ts with the caps of `LIMITS`. `sanitizeForExport` is the same idea at the way out, for
 * records an older version stored.
 */
import { EDITABLE_TEXT_CAPS, LIMITS } from './limits';
import type {
  ExtractionResult,
  Publication,
  PublicationChanges,
  ReadingStatus,
  RelatedPublication,
  SavedPublication,
} from './shapes';
import { READING_STATUSES } from './shapes';
import {
  cleanDoi,
  cleanList,
  cleanNotes,
  cleanText,
  DATE_PATTERN,
  doiAddress,
  isbnAddress,
  safeHttpUrl,
  stripInvisible,
} from './text';

/** What the content script's first check reports (utils/detect's `FirstCheck`). */
export interface FirstCheckReport {
  ruledOut: boolean;
  signals: string[];
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

function sanitizeRelated(value: unknown): RelatedPublication | undefined {
  if (!isObject(value)) return undefined;
  const title = cleanText(value.title, LIMITS.title);
  if (!title) return undefined;
  const related: RelatedPublication = {
    title,
    themes: cleanList(value.themes, LIMITS.listItem, LIMITS.relatedThemes),
  };
  assign(related, 'subtitle', cleanText(value.subtitle, LIMITS.subtitle));
  assign(related, 'url', safeHttpUrl(value.url));
  assign(related, 'summary', cleanText(value.summary, LIMITS.summary));
  return related;
}

/** Related publications: items without a title dropped, at most `LIMITS.related`. */
export function sanitizeRelatedList(value: unknown): RelatedPublication[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, LIMITS.related * 4)
    .map(sanitizeRelated)
    .filter((r): r is RelatedPublication => r !== undefined)
    .slice(0, LIMITS.related);
}

export function sanitizePublication(value: unknown): Publication | undefined {
  if (!isObject(value)) return undefined;
  const v = value;
  const url = safeHttpUrl(v.url);
  const title = cleanText(v.title, LIMITS.title);
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
  assign(publication, 'subtitle', cleanText(v.subtitle, LIMITS.subtitle));
  if (typeof v.published === 'string' && DATE_PATTERN.test(v.published)) {
    publication.published = v.published;
  }
  if (typeof v.year === 'number' && Number.isInteger(v.year) && v.year > 1000 && v.year < 3000) {
    publication.year = v.year;
  } else if (publication.published) {
    publication.year = Number(publication.published.slice(0, 4));
  }
  assign(publication, 'publisher', cleanText(v.publisher, LIMITS.publisher));
  // Lower case before the cut: lower-casing can lengthen text ("İ" is two characters in lower case).
  assign(
    publication,
    'type',
    cleanText(typeof v.type === 'string' ? v.type.toLowerCase() : undefined, LIMITS.type),
  );
  assign(publication, 'summary', cleanText(v.summary, LIMITS.summary));
  if (
    typeof v.language === 'string' &&
    v.language.length <= LIMITS.language &&
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v.language)
  ) {
    publication.language = v.language;
  }
  assign(publication, 'doi', cleanDoi(v.doi));
  assign(publication, 'isbn', cleanText(v.isbn, LIMITS.isbn));
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
    signals: cleanList(v.signals, LIMITS.signal, LIMITS.signals),
  };
  assign(result, 'publication', sanitizePublication(v.publication));
  return result;
}

export function sanitizeFirstCheck(value: unknown): FirstCheckReport | undefined {
  if (!isObject(value)) return undefined;
  const v = value;
  if (typeof v.ruledOut !== 'boolean') return undefined;
  return { ruledOut: v.ruledOut, signals: cleanList(v.signals, LIMITS.signal, LIMITS.signals) };
}

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
export function sanitizeChanges(changes: unknown): PublicationChanges {
  const out: PublicationChanges = {};
  if (!isObject(changes)) return out;
  const v = changes;
  if (has(v, 'title')) assign(out, 'title', cleanText(v.title, LIMITS.title));
  for (const [field, max] of EDITABLE_TEXT_CAPS) {
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
 * The name of who added a record to a shared Zotero library, as Leesmap stores and shows it: a
 * member chooses it, so it is untrusted text: one line, no control or invisible characters,
 * at most `LIMITS.addedBy` characters; undefined when nothing is left.
 */
export function cleanAddedBy(value: unknown): string | undefined {
  return cleanText(value, LIMITS.addedBy);
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
