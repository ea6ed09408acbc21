/**
 * A Leesmap record as a Zotero item, per Zotero's schema (version 41, `../shared/zotero/schema.json`).
 *
 * Reports, essays, advice, policy briefs and working papers (and types Leesmap does not know) are
 * `report` items: `institution` is the publisher and `reportType` the type ("Essay"). Books are
 * `book`, journal articles with a journal are `journalArticle`, the rest `webpage`. The title is
 * written as Zotero writes it, "Title: Subtitle", with `shortTitle` the title alone. Authors are
 * creators split into first and last name, particles kept with the last name ("van der Steen");
 * organisations are one-field names. Themes and keywords become automatic tags (they came from the
 * page), the reader's tags and reading status manual ones; the reader's notes a child note. What has
 * no field for the item type goes in `extra`, one "Label: value" line each.
 *
 * Pure functions over plain data: the connector and Web API clients send what these return.
 */
import { dayOf, kindOf, typeLabel, type Kind } from '@/utils/export/fields';
import { toCslName } from '@/utils/export/names';
import type { Publication, ReaderFields, ReadingStatus, SavedPublication } from '@/utils/record';
import { sanitizeForExport } from '@/utils/record';

export type ZoteroItemType = 'report' | 'book' | 'journalArticle' | 'webpage';

/** A creator as Zotero's Web API writes it: two fields, or one (`name`) for an organisation. */
export type ZoteroCreator =
  { creatorType: 'author'; firstName: string; lastName: string } | { creatorType: 'author'; name: string };

/** Type 1: automatic (from the page); absent: a tag the reader gave. */
export interface ZoteroTag {
  tag: string;
  type?: 1;
}

/** An item's fields as Zotero's Web API names them; only fields valid for `itemType` are set. */
export interface ZoteroItem {
  itemType: ZoteroItemType;
  title: string;
  creators: ZoteroCreator[];
  tags: ZoteroTag[];
  shortTitle?: string;
  abstractNote?: string;
  date?: string;
  language?: string;
  url?: string;
  /** ISO 8601, UTC, to the second. */
  accessDate?: string;
  DOI?: string;
  ISBN?: string;
  extra?: string;
  /** report */
  institution?: string;
  reportType?: string;
  /** book */
  publisher?: string;
  /** journalArticle */
  publicationTitle?: string;
  /** webpage */
  websiteTitle?: string;
  websiteType?: string;
}

/** What Leesmap sends for one record: the item and, when the reader wrote notes, a child note (HTML). */
export interface ZoteroEntry {
  item: ZoteroItem;
  note?: string;
}

/** A saved record, or a page's publication the reader has not saved (no reader fields then). */
export type ZoteroSource = Publication &
  Partial<ReaderFields> &
  Partial<Pick<SavedPublication, 'id' | 'savedAt' | 'lastVisitedAt'>>;

/** The reading status as a tag, so it travels with the item (and comes back in a sync). */
export const STATUS_TAGS: Record<ReadingStatus, string> = {
  'to-read': 'leesmap:te-lezen',
  reading: 'leesmap:bezig',
  read: 'leesmap:gelezen',
};

/** Fields each item type Leesmap writes has, beyond those all four share (schema version 41). */
const TYPE_FIELDS: Record<ZoteroItemType, ReadonlySet<string>> = {
  report: new Set(['institution', 'reportType', 'ISBN', 'DOI']),
  book: new Set(['publisher', 'ISBN', 'DOI']),
  journalArticle: new Set(['publicationTitle', 'DOI']),
  webpage: new Set(['websiteTitle', 'websiteType', 'DOI']),
};

/** How many related publications `extra` lists; a page may list a hundred. */
const RELATED_IN_EXTRA = 10;

/** Zotero's item type for each kind Leesmap knows; the rest are web pages. */
const ITEM_TYPE_OF_KIND: Partial<Record<Kind, ZoteroItemType>> = {
  report: 'report',
  book: 'book',
  article: 'journalArticle',
};

export function zoteroItemType(record: Pick<Publication, 'type' | 'publisher'>): ZoteroItemType {
  const type = ITEM_TYPE_OF_KIND[kindOf(record.type)] ?? 'webpage';
  // An article with no journal named is a page on a site, as in the CSL export.
  return type === 'journalArticle' && !record.publisher ? 'webpage' : type;
}

/** "Title: Subtitle"; a title that ends in its own punctuation takes no colon ("Why? An answer"). */
export function fullTitle(title: string, subtitle: string | undefined): string {
  if (!subtitle) return title;
  return /[?!:.]$/.test(title) ? `${title} ${subtitle}` : `${title}: ${subtitle}`;
}

/** "Martijn van der Steen" → first "Martijn", last "van der Steen"; an organisation stays whole. */
export function zoteroCreator(name: string): ZoteroCreator {
  const parts = toCslName(name);
  if (parts.literal !== undefined || !parts.family)
    return { creatorType: 'author', name: parts.literal ?? name };
  return { creatorType: 'author', firstName: parts.given ?? '', lastName: parts.family };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function tagsOf(record: ZoteroSource): ZoteroTag[] {
  const tags: ZoteroTag[] = [];
  const seen = new Set<string>();
  const add = (value: string, automatic: boolean) => {
    const tag = oneLine(value);
    if (!tag || seen.has(tag)) return;
    seen.add(tag);
    tags.push(automatic ? { tag, type: 1 } : { tag });
  };
  for (const theme of [...(record.themes ?? []), ...(record.keywords ?? [])]) add(theme, true);
  for (const tag of record.tags ?? []) add(tag, false);
  if (record.status && Object.prototype.hasOwnProperty.call(STATUS_TAGS, record.status))
    add(STATUS_TAGS[record.status], false);
  return tags;
}

/** Lines for `extra`: what the item type has no field for. */
function extraLines(record: ZoteroSource, type: ZoteroItemType): string[] {
  const lines: string[] = [];
  if (record.isbn && !TYPE_FIELDS[type].has('ISBN')) lines.push(`ISBN: ${oneLine(record.isbn)}`);
  if (record.canonicalUrl && record.url && record.canonicalUrl !== record.url)
    lines.push(`Leesmap URL: ${record.url}`);
  if (record.pdfUrl) lines.push(`PDF: ${record.pdfUrl}`);
  for (const related of (record.related ?? []).slice(0, RELATED_IN_EXTRA)) {
    const title = oneLine(fullTitle(related.title, related.subtitle));
    lines.push(`Related: ${related.url ? `${title} <${related.url}>` : title}`);
  }
  return lines;
}

/** ISO 8601 to the second, as Zotero's Web API writes `accessDate`. */
function accessDateOf(time: number | undefined): string | undefined {
  if (!dayOf(time)) return undefined;
  return new Date(time as number).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function typeFields(item: ZoteroItem, record: ZoteroSource): void {
  const label = record.type ? typeLabel(record.type) : undefined;
  if (item.itemType === 'report') {
    if (record.publisher) item.institution = record.publisher;
    if (label) item.reportType = label;
  } else if (item.itemType === 'book') {
    if (record.publisher) item.publisher = record.publisher;
  } else if (item.itemType === 'journalArticle') {
    if (record.publisher) item.publicationTitle = record.publisher;
  } else {
    if (record.publisher) item.websiteTitle = record.publisher;
    if (label) item.websiteType = label;
  }
  if (record.isbn && TYPE_FIELDS[item.itemType].has('ISBN')) item.ISBN = record.isbn;
  if (record.doi) item.DOI = record.doi;
}

/** The reader's notes as a Zotero note: escaped text, a paragraph per blank-line block. */
export function noteHtml(notes: string): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return notes
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escape(block).replace(/\r?\n/g, '<br/>')}</p>`)
    .join('\n');
}

/**
 * One record as a Zotero item (and its note). The record passes `sanitizeForExport` first, as every
 * export does: no control characters, only http(s) addresses.
 */
export function toZoteroEntry(source: ZoteroSource): ZoteroEntry {
  const record = sanitizeForExport(source as SavedPublication) as ZoteroSource;
  const itemType = zoteroItemType(record);
  const item: ZoteroItem = {
    itemType,
    title: fullTitle(record.title, record.subtitle),
    creators: (record.authors ?? []).map(oneLine).filter(Boolean).map(zoteroCreator),
    tags: tagsOf(record),
  };
  if (record.subtitle) item.shortTitle = record.title;
  if (record.summary) item.abstractNote = record.summary;
  const date = record.published ?? (typeof record.year === 'number' ? String(record.year) : undefined);
  if (date) item.date = date;
  if (record.language) item.language = record.language;
  const url = record.canonicalUrl ?? record.url;
  if (url) item.url = url;
  const accessDate = accessDateOf(record.lastVisitedAt ?? record.savedAt);
  if (accessDate) item.accessDate = accessDate;
  typeFields(item, record);
  // Single-line fields stay on one line (the sanitiser keeps tabs and line breaks for exporters).
  for (const [key, value] of Object.entries(item))
    if (typeof value === 'string' && key !== 'abstractNote')
      (item as unknown as Record<string, string>)[key] = oneLine(value);
  const extra = extraLines(record, itemType);
  if (extra.length) item.extra = extra.join('\n');
  const note = record.notes ? noteHtml(record.notes) : '';
  return note ? { item, note } : { item };
}
