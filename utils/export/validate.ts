/**
 * Checks records before they enter the reading list (imports, restores). Everything in a file is
 * untrusted: each field is checked for type and size, unknown fields are dropped, and every problem
 * is reported with the record's position and the field's name, so the reader can fix the file.
 * Nothing is written unless every record passes.
 */
import type { EditableField, ReadingStatus, RelatedPublication, SavedPublication } from '@/utils/publication';
import { READING_STATUSES } from '@/utils/publication';

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

/** Size limits: generous for real lists (very long notes are fine), tight enough to refuse junk. */
export const LIMITS = {
  records: 100_000,
  id: 4_096,
  url: 4_096,
  shortText: 2_000,
  summary: 50_000,
  notes: 1_000_000,
  listItems: 1_000,
  related: 500,
} as const;

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
      issue.index < 0 ? `${issue.field}: ${issue.message}` : `record ${issue.index + 1}, field ${issue.field}: ${issue.message}`,
    )
    .join('; ');
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `Import refused, nothing was changed: ${shown}${more}`;
}

const STRING_FIELDS = [
  ['canonicalUrl', LIMITS.url],
  ['subtitle', LIMITS.shortText],
  ['publisher', LIMITS.shortText],
  ['type', LIMITS.shortText],
  ['summary', LIMITS.summary],
  ['language', 64],
  ['isbn', 64],
  ['pdfUrl', LIMITS.url],
] as const;
const LIST_FIELDS = ['authors', 'themes', 'keywords', 'tags'] as const;
const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

type Issues = (field: string, message: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(value: unknown, field: string, max: number, issue: Issues, required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) issue(field, 'is missing');
    return undefined;
  }
  if (typeof value !== 'string') {
    issue(field, 'must be text');
    return undefined;
  }
  if (required && !value.trim()) issue(field, 'is empty');
  if (value.length > max) issue(field, `is longer than ${max} characters`);
  return value;
}

function checkList(value: unknown, field: string, issue: Issues): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issue(field, 'must be a list of text');
    return [];
  }
  if (value.length > LIMITS.listItems) issue(field, `has more than ${LIMITS.listItems} items`);
  value.forEach((item, i) => {
    if (typeof item !== 'string') issue(`${field}[${i}]`, 'must be text');
    else if (item.length > LIMITS.shortText) issue(`${field}[${i}]`, `is longer than ${LIMITS.shortText} characters`);
  });
  return value.filter((item): item is string => typeof item === 'string');
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
  if (value.length > LIMITS.related) issue('related', `has more than ${LIMITS.related} items`);
  const out: RelatedPublication[] = [];
  value.forEach((item, i) => {
    const at = (field: string, message: string) => issue(`related[${i}].${field}`, message);
    if (!isObject(item)) {
      issue(`related[${i}]`, 'must be an object');
      return;
    }
    const related: RelatedPublication = {
      title: checkString(item.title, 'title', LIMITS.shortText, at, true) ?? '',
      themes: checkList(item.themes, 'themes', at),
    };
    const url = checkString(item.url, 'url', LIMITS.url, at);
    const subtitle = checkString(item.subtitle, 'subtitle', LIMITS.shortText, at);
    const summary = checkString(item.summary, 'summary', LIMITS.summary, at);
    if (url !== undefined) related.url = url;
    if (subtitle !== undefined) related.subtitle = subtitle;
    if (summary !== undefined) related.summary = summary;
    out.push(related);
  });
  return out;
}

/**
 * Validates one record and returns a clean copy with only known fields. Required: id, url, title,
 * savedAt. Reader fields may be absent (defaults: to read, no notes, no tags, not starred).
 */
export function validateRecord(input: unknown, index: number, issues: ValidationIssue[]): SavedPublication | undefined {
  const before = issues.length;
  const issue: Issues = (field, message) => issues.push({ index, field, message });
  if (!isObject(input)) {
    issue('(record)', 'must be an object');
    return undefined;
  }
  const record: SavedPublication = {
    id: checkString(input.id, 'id', LIMITS.id, issue, true) ?? '',
    url: checkString(input.url, 'url', LIMITS.url, issue, true) ?? '',
    title: checkString(input.title, 'title', LIMITS.shortText, issue, true) ?? '',
    authors: checkList(input.authors, 'authors', issue),
    themes: checkList(input.themes, 'themes', issue),
    keywords: checkList(input.keywords, 'keywords', issue),
    related: checkRelated(input.related, issue),
    status: 'to-read',
    notes: checkString(input.notes, 'notes', LIMITS.notes, issue) ?? '',
    tags: checkList(input.tags, 'tags', issue),
    starred: false,
    editedFields: [],
    savedAt: checkTime(input.savedAt, 'savedAt', issue, true) ?? 0,
    updatedAt: 0,
  };
  record.updatedAt = checkTime(input.updatedAt, 'updatedAt', issue, false) ?? record.savedAt;
  const lastVisitedAt = checkTime(input.lastVisitedAt, 'lastVisitedAt', issue, false);
  if (lastVisitedAt !== undefined) record.lastVisitedAt = lastVisitedAt;

  const target = record as unknown as Record<string, unknown>;
  for (const [field, max] of STRING_FIELDS) {
    const value = checkString(input[field], field, max, issue);
    if (value !== undefined) target[field] = value;
  }
  if (input.published !== undefined && input.published !== null) {
    if (typeof input.published !== 'string' || !DATE_PATTERN.test(input.published)) {
      issue('published', 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
    } else record.published = input.published;
  }
  if (input.year !== undefined && input.year !== null) {
    if (typeof input.year !== 'number' || !Number.isInteger(input.year) || input.year < 0 || input.year > 9999) {
      issue('year', 'must be a whole number between 0 and 9999');
    } else record.year = input.year;
  }
  if (input.doi !== undefined && input.doi !== null) {
    if (typeof input.doi !== 'string' || !DOI_PATTERN.test(input.doi) || input.doi.length > LIMITS.url) {
      issue('doi', 'must be a DOI such as 10.1234/abc');
    } else record.doi = input.doi;
  }
  if (input.status !== undefined && input.status !== null) {
    if (!READING_STATUSES.includes(input.status as ReadingStatus)) {
      issue('status', `must be one of ${READING_STATUSES.join(', ')}`);
    } else record.status = input.status as ReadingStatus;
  }
  if (input.starred !== undefined && input.starred !== null) {
    if (typeof input.starred !== 'boolean') issue('starred', 'must be true or false');
    else record.starred = input.starred;
  }
  if (input.editedFields !== undefined && input.editedFields !== null) {
    const edited = checkList(input.editedFields, 'editedFields', issue);
    const unknown = edited.filter((field) => !EDITABLE_FIELDS.includes(field as EditableField));
    if (unknown.length) issue('editedFields', `has unknown fields: ${unknown.slice(0, 3).join(', ')}`);
    record.editedFields = edited.filter((field): field is EditableField => EDITABLE_FIELDS.includes(field as EditableField));
  }
  return issues.length === before ? record : undefined;
}

/** Validates every record; throws an ImportError listing every problem, or returns clean copies. */
export function validateRecords(input: unknown): SavedPublication[] {
  if (!Array.isArray(input)) throw new ImportError([{ index: -1, field: 'records', message: 'must be a list' }]);
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
  return records;
}
