/**
 * Checks records before they enter the reading list (imports, restores). Everything in a file is
 * untrusted: each field is checked for type, unknown fields are dropped, and every problem is
 * reported with the record's position and the field's name, so the reader can fix the file.
 * Nothing is written unless every record passes. What passes is cleaned by the same rules as a
 * page's record (text.ts): http(s) addresses only, no control or invisible format
 * characters, every field within `LIMITS`.
 */
import { defaultReaderFields, EDITABLE_FIELDS } from './fields';
import { EDITABLE_TEXT_CAPS, LIMITS } from './limits';
import type { EditableField, ReadingStatus, RelatedPublication, SavedPublication } from './shapes';
import { READING_STATUSES } from './shapes';
import { cleanDoi, cleanList, cleanNotes, cleanText, DATE_PATTERN, isbnAddress, safeHttpUrl } from './text';

export interface ValidationIssue {
  /** Position of the record in the input (0-based). */
  index: number;
  field: string;
  message: string;
}

export class ImportError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(describeIssues(issues));
    this.name = 'ImportError';
  }
}

/** One readable message naming the first problems, e.g. "record 3, field year: must be a whole number". */
export function describeIssues(issues: ValidationIssue[], max = 5): string {
  const shown = issues
    .slice(0, max)
    .map((issue) =>
      issue.index < 0
        ? `${issue.field}: ${issue.message}`
        : `record ${issue.index + 1}, field ${issue.field}: ${issue.message}`,
    )
    .join('; ');
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `Import refused, nothing was changed: ${shown}${more}`;
}

/** Optional single-line text fields and their caps. */
const TEXT_FIELDS = [...EDITABLE_TEXT_CAPS, ['isbn', LIMITS.isbn] as const];
/** Optional addresses: one that is not http(s) is dropped, never stored, never a reason to refuse. */
const ADDRESS_FIELDS = ['canonicalUrl', 'pdfUrl'] as const;

type Issues = (field: string, message: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value if it is text (issue if it is something else); undefined when absent. */
function checkString(value: unknown, field: string, issue: Issues, required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) issue(field, 'is missing');
    return undefined;
  }
  if (typeof value !== 'string') {
    issue(field, 'must be text');
    return undefined;
  }
  return value;
}

/** Single-line text, cleaned and cut to `max`; a required field must keep visible text. */
function checkText(
  value: unknown,
  field: string,
  max: number,
  issue: Issues,
  required = false,
): string | undefined {
  const raw = checkString(value, field, issue, required);
  if (raw === undefined) return undefined;
  const clean = cleanText(raw, max);
  if (required && !clean) issue(field, 'is empty');
  return clean;
}

/** A list of text: cleaned, deduplicated, each item and the count bounded. */
function checkList(value: unknown, field: string, issue: Issues, count: number = LIMITS.listItems): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issue(field, 'must be a list of text');
    return [];
  }
  let wrong = 0;
  value.forEach((item, i) => {
    if (typeof item !== 'string' && wrong++ < 10) issue(`${field}[${i}]`, 'must be text');
  });
  return wrong ? [] : cleanList(value, LIMITS.listItem, count);
}

/** An address: the http(s) address it is, else undefined (`invalid` says why when it matters). */
function checkAddress(value: unknown, field: string, issue: Issues): string | undefined {
  const raw = checkString(value, field, issue);
  return raw === undefined ? undefined : safeHttpUrl(raw);
}

function checkTime(value: unknown, field: string, issue: Issues, required: boolean): number | undefined {
  if (value === undefined || value === null) {
    if (required) issue(field, 'is missing');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    issue(field, 'must be a time in milliseconds since 1970');
    return undefined;
  }
  return value;
}

function checkRelated(value: unknown, issue: Issues): RelatedPublication[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issue('related', 'must be a list');
    return [];
  }
  const out: RelatedPublication[] = [];
  value.forEach((item, i) => {
    const at = (field: string, message: string) => issue(`related[${i}].${field}`, message);
    if (!isObject(item)) {
      issue(`related[${i}]`, 'must be an object');
      return;
    }
    const title = checkText(item.title, 'title', LIMITS.title, at);
    if (item.title === undefined || item.title === null) at('title', 'is missing');
    const related: RelatedPublication = {
      title: title ?? '',
      themes: checkList(item.themes, 'themes', at, LIMITS.relatedThemes),
    };
    const url = checkAddress(item.url, 'url', at);
    const subtitle = checkText(item.subtitle, 'subtitle', LIMITS.subtitle, at);
    const summary = checkText(item.summary, 'summary', LIMITS.summary, at);
    if (url !== undefined) related.url = url;
    if (subtitle !== undefined) related.subtitle = subtitle;
    if (summary !== undefined) related.summary = summary;
    // A related item whose title is empty once cleaned is dropped, as on the page.
    if (title && out.length < LIMITS.related) out.push(related);
  });
  return out;
}

/**
 * The record's own address. Only an absolute http(s) address is stored; `urn:isbn:…` (what earlier
 * versions stored for an entry known only by its ISBN) becomes that ISBN's web address.
 */
function checkMainUrl(value: unknown, issue: Issues): string {
  const raw = checkString(value, 'url', issue, true);
  if (raw === undefined) return '';
  const url = safeHttpUrl(raw) ?? (/^\s*urn:isbn:/i.test(raw) ? isbnAddress(raw.trim()) : undefined);
  if (url) return url;
  if (!raw.trim()) issue('url', 'is empty');
  else if (raw.length > LIMITS.url) issue('url', `is longer than ${LIMITS.url} characters`);
  else issue('url', 'must be an absolute http:// or https:// address');
  return '';
}

const present = (value: unknown) => value !== undefined && value !== null;

/** The optional bibliographic fields of `input`, checked into `record`. */
function checkBibliographic(input: Record<string, unknown>, record: SavedPublication, issue: Issues): void {
  for (const [field, max] of TEXT_FIELDS) {
    // Types are stored in lower case, as a page's record stores them (sanitizePublication).
    const raw = field === 'type' && typeof input.type === 'string' ? input.type.toLowerCase() : input[field];
    const value = checkText(raw, field, max, issue);
    if (value !== undefined) record[field] = value;
  }
  for (const field of ADDRESS_FIELDS) {
    const value = checkAddress(input[field], field, issue);
    if (value !== undefined) record[field] = value;
  }
  if (present(input.published)) {
    if (typeof input.published !== 'string' || !DATE_PATTERN.test(input.published)) {
      issue('published', 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
    } else record.published = input.published;
  }
  if (present(input.year)) {
    const year = input.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 0 || year > 9999) {
      issue('year', 'must be a whole number between 0 and 9999');
    } else record.year = year;
  }
  if (present(input.doi)) {
    const doi = cleanDoi(input.doi);
    if (!doi) issue('doi', `must be a DOI such as 10.1234/abc (at most ${LIMITS.doi} characters)`);
    else record.doi = doi;
  }
}

/** The reader's status, star and edited fields of `input`, checked into `record`. */
function checkReaderFields(input: Record<string, unknown>, record: SavedPublication, issue: Issues): void {
  if (present(input.status)) {
    if (!READING_STATUSES.includes(input.status as ReadingStatus)) {
      issue('status', `must be one of ${READING_STATUSES.join(', ')}`);
    } else record.status = input.status as ReadingStatus;
  }
  if (present(input.starred)) {
    if (typeof input.starred !== 'boolean') issue('starred', 'must be true or false');
    else record.starred = input.starred;
  }
  if (present(input.editedFields)) {
    const edited = checkList(input.editedFields, 'editedFields', issue);
    const unknown = edited.filter((field) => !EDITABLE_FIELDS.includes(field as EditableField));
    if (unknown.length) issue('editedFields', `has unknown fields: ${unknown.slice(0, 3).join(', ')}`);
    record.editedFields = edited.filter((field): field is EditableField =>
      EDITABLE_FIELDS.includes(field as EditableField),
    );
  }
}

/**
 * Validates one record and returns a clean copy with only known fields. Required: id, url, title,
 * savedAt. Reader fields may be absent (defaults: to read, no notes, no tags, not starred).
 *
 * Refused (an issue): wrong types, a missing or empty id or title, a main address that is not
 * http(s), an unknown status, malformed dates, years, DOIs and times. Cleaned, never refused:
 * text (control and invisible format characters removed, cut to `LIMITS`), lists (cut),
 * optional addresses that are not http(s) (dropped), related items without a title (dropped).
 */
export function validateRecord(
  input: unknown,
  index: number,
  issues: ValidationIssue[],
): SavedPublication | undefined {
  const before = issues.length;
  const issue: Issues = (field, message) => issues.push({ index, field, message });
  if (!isObject(input)) {
    issue('(record)', 'must be an object');
    return undefined;
  }
  const rawId = checkString(input.id, 'id', issue, true);
  const id = rawId === undefined ? undefined : cleanText(rawId, LIMITS.id + 1);
  if (rawId !== undefined && !id) issue('id', 'is empty');
  if (id && id.length > LIMITS.id) issue('id', `is longer than ${LIMITS.id} characters`);
  const notes = checkString(input.notes, 'notes', issue);
  const record: SavedPublication = {
    ...defaultReaderFields(),
    id: id ?? '',
    url: checkMainUrl(input.url, issue),
    title: checkText(input.title, 'title', LIMITS.title, issue, true) ?? '',
    authors: checkList(input.authors, 'authors', issue),
    themes: checkList(input.themes, 'themes', issue),
    keywords: checkList(input.keywords, 'keywords', issue),
    related: checkRelated(input.related, issue),
    notes: notes === undefined ? '' : cleanNotes(notes),
    tags: checkList(input.tags, 'tags', issue),
    savedAt: checkTime(input.savedAt, 'savedAt', issue, true) ?? 0,
    updatedAt: 0,
  };
  record.updatedAt = checkTime(input.updatedAt, 'updatedAt', issue, false) ?? record.savedAt;
  const lastVisitedAt = checkTime(input.lastVisitedAt, 'lastVisitedAt', issue, false);
  if (lastVisitedAt !== undefined) record.lastVisitedAt = lastVisitedAt;
  const addedBy = checkText(input.addedBy, 'addedBy', LIMITS.addedBy, issue);
  if (addedBy !== undefined) record.addedBy = addedBy;
  checkBibliographic(input, record, issue);
  checkReaderFields(input, record, issue);
  return issues.length === before ? record : undefined;
}

/** Validates every record; throws an ImportError listing every problem, or returns clean copies. */
export function validateRecords(input: unknown): SavedPublication[] {
  if (!Array.isArray(input))
    throw new ImportError([{ index: -1, field: 'records', message: 'must be a list' }]);
  if (input.length > LIMITS.records) {
    throw new ImportError([{ index: -1, field: 'records', message: `more than ${LIMITS.records} records` }]);
  }
  const issues: ValidationIssue[] = [];
  const records: SavedPublication[] = [];
  input.forEach((item, index) => {
    const record = validateRecord(item, index, issues);
    if (record) records.push(record);
  });
  if (issues.length) throw new ImportError(issues);
  VALIDATED.add(records);
  return records;
}

/** The lists validateRecords returned, as it returned them: checking them again finds nothing new. */
const VALIDATED = new WeakSet<readonly SavedPublication[]>();

/** Whether `records` is a list validateRecords returned (storage need not check it again). */
export function isValidated(records: unknown): records is SavedPublication[] {
  return Array.isArray(records) && VALIDATED.has(records);
}
