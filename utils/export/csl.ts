/**
 * Leesmap records ⇄ CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc,
 * citation-js and most reference managers).
 *
 * Standard CSL fields carry what CSL has a place for: `type` (`report` with `publisher` and `genre`
 * for reports, essays, advice, policy briefs, working papers; `book`; `article-journal` with the
 * journal in `container-title`; `chapter`; `post-weblog`; `webpage`), `title` ("Title: Subtitle")
 * and `title-short` (the title alone; CSL 1.0.2 has no subtitle field), `author`, `issued`
 * (date-parts to the day), `abstract`, `keyword` (themes and keywords, comma-separated), `language`,
 * `URL` (the address to cite: the canonical address when there is one), `DOI`, `ISBN`, `note` (the
 * reader's notes), `accessed`.
 *
 * `custom.leesmap` (CSL 1.0.2's `custom` object, which other tools keep or ignore) holds Leesmap's
 * fields exactly as they are: subtitle, type, published, year, themes, keywords, url,
 * canonicalUrl, pdfUrl, related. On import it wins over the standard fields, so a CSL-JSON round
 * trip loses nothing of the publication. Reader fields other than notes stay out of citation files.
 */
import {
  type RelatedPublication,
  type SavedPublication,
  DATE_PATTERN,
  safeHttpUrl,
  sanitizeForExport,
} from '@/utils/record';
import { publicationId } from '@/utils/identity';
import {
  dateParts,
  dayOf,
  emptyDraft,
  finishRecord,
  kindOf,
  publishedFrom,
  typeFromLabel,
  typeLabel,
  type ConversionProblem,
  type Draft,
} from './fields';
import { fromCslName, toCslName, type CslName } from './names';

export { fromCslName, toCslName, type CslName } from './names';
export type { ConversionProblem } from './fields';

/** The subset of CSL-JSON Leesmap writes and reads. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'title-short'?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: Array<Array<number | string>>; raw?: string; literal?: string };
  publisher?: string;
  'container-title'?: string;
  genre?: string;
  abstract?: string;
  keyword?: string;
  language?: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  note?: string;
  custom?: { leesmap?: LeesmapFields; [key: string]: unknown };
  [field: string]: unknown;
}

/** Leesmap's own fields in `custom.leesmap`; an absent key is an absent field. */
export interface LeesmapFields {
  subtitle?: string;
  type?: string;
  published?: string;
  year?: number;
  themes?: string[];
  keywords?: string[];
  url?: string;
  canonicalUrl?: string;
  pdfUrl?: string;
  related?: RelatedPublication[];
}

const CSL_TYPES = {
  report: 'report',
  book: 'book',
  article: 'article-journal',
  chapter: 'chapter',
  blog: 'post-weblog',
  web: 'webpage',
} as const;

const FROM_CSL_TYPE: Record<string, string> = {
  report: 'report',
  article: 'article',
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  book: 'book',
  chapter: 'chapter',
  'post-weblog': 'blog',
  post: 'blog',
};

function cslTypeOf(record: SavedPublication): string {
  const kind = kindOf(record.type);
  return kind === 'article' && !record.publisher ? 'webpage' : CSL_TYPES[kind];
}

function lookup(table: Record<string, string>, key: unknown): string | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function leesmapFields(record: SavedPublication): LeesmapFields {
  const exact: LeesmapFields = { themes: record.themes ?? [], keywords: record.keywords ?? [] };
  if (record.subtitle) exact.subtitle = record.subtitle;
  if (record.type !== undefined) exact.type = record.type;
  if (record.published) exact.published = record.published;
  if (typeof record.year === 'number') exact.year = record.year;
  if (record.url) exact.url = record.url;
  if (record.canonicalUrl) exact.canonicalUrl = record.canonicalUrl;
  if (record.pdfUrl) exact.pdfUrl = record.pdfUrl;
  if (record.related?.length) exact.related = record.related;
  return exact;
}

/**
 * One saved record as a CSL item; `id` is Leesmap's id so items stay traceable. The record passes
 * `sanitizeForExport` first: nothing an older version stored can put a bidi control or a non-http
 * address into a citation file.
 */
export function toCslItem(stored: SavedPublication): CslItem {
  const record = sanitizeForExport(stored);
  const item: CslItem = { id: record.id, type: cslTypeOf(record), title: record.title };
  if (record.subtitle) {
    item.title = `${record.title}: ${record.subtitle}`;
    item['title-short'] = record.title;
  }
  if (record.authors?.length) item.author = record.authors.map(toCslName);
  const parts = dateParts(record);
  if (parts) item.issued = { 'date-parts': [parts] };
  if (record.publisher)
    item[item.type === 'article-journal' ? 'container-title' : 'publisher'] = record.publisher;
  if (record.type !== undefined && item.type === 'report') item.genre = typeLabel(record.type);
  if (record.summary) item.abstract = record.summary;
  const tags = [...new Set([...(record.themes ?? []), ...(record.keywords ?? [])])];
  if (tags.length) item.keyword = tags.join(', ');
  if (record.language) item.language = record.language;
  const url = record.canonicalUrl ?? record.url;
  if (url) item.URL = url;
  if (record.doi) item.DOI = record.doi;
  if (record.isbn) item.ISBN = record.isbn;
  if (record.notes) item.note = record.notes;
  const accessed = dayOf(record.lastVisitedAt ?? record.savedAt);
  if (accessed) item.accessed = { 'date-parts': [accessed.split('-').map(Number)] };
  item.custom = { leesmap: leesmapFields(record) };
  return item;
}

export function toCslJson(records: SavedPublication[]): string {
  return `${JSON.stringify(records.map(toCslItem), null, 2)}\n`;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** The standard CSL fields of an item as a draft record. */
function draftOf(item: CslItem): Draft {
  const draft = emptyDraft();
  draft.fullTitle = str(item.title);
  draft.shortTitle = str(item['title-short']);
  draft.authors = Array.isArray(item.author)
    ? item.author.filter((n): n is CslName => typeof n === 'object' && n !== null).map(fromCslName)
    : [];
  const [y, m, d] = Array.isArray(item.issued?.['date-parts']?.[0]) ? item.issued['date-parts'][0] : [];
  draft.published = publishedFrom(y, m, m === undefined ? undefined : d);
  if (!draft.published) {
    const raw = /\b(\d{4})\b/.exec(str(item.issued?.raw) ?? str(item.issued?.literal) ?? '')?.[1];
    if (raw) draft.published = raw;
  }
  draft.publisher =
    str(item.publisher) ??
    (lookup(FROM_CSL_TYPE, item.type) === 'article' ? str(item['container-title']) : undefined);
  draft.type = typeFromLabel(str(item.genre)) ?? lookup(FROM_CSL_TYPE, item.type);
  draft.summary = str(item.abstract);
  const keywords = Array.isArray(item.keyword) ? item.keyword.join(',') : str(item.keyword);
  draft.keywords = (keywords ?? '')
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter(Boolean);
  draft.language = str(item.language);
  draft.url = str(item.URL);
  draft.doi = str(item.DOI);
  draft.isbn = str(item.ISBN);
  draft.notes = str(item.note);
  return draft;
}

/** Leesmap's exact fields from `custom.leesmap`, over the standard ones. */
function applyLeesmapFields(draft: Draft, exact: Record<string, unknown>): void {
  if (typeof exact.subtitle === 'string') draft.subtitle = exact.subtitle;
  draft.type = str(exact.type);
  draft.published =
    typeof exact.published === 'string' && DATE_PATTERN.test(exact.published) ? exact.published : undefined;
  draft.year = typeof exact.year === 'number' ? exact.year : undefined;
  draft.exactYear = true;
  draft.themes = strings(exact.themes) ?? [];
  draft.keywords = strings(exact.keywords) ?? draft.keywords;
  if (typeof exact.url === 'string' && safeHttpUrl(exact.url)) draft.savedUrl = exact.url;
  draft.pdfUrl = str(exact.pdfUrl);
}

/**
 * CSL items as new Leesmap records (reader fields at their defaults, saved `now`). Items that
 * cannot become a record (no title; no URL, DOI or ISBN) are reported, with their position.
 */
export function fromCslItems(
  items: unknown[],
  now: number,
): { records: SavedPublication[]; problems: ConversionProblem[] } {
  const records: SavedPublication[] = [];
  const problems: ConversionProblem[] = [];
  items.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ index, field: '(item)', message: 'must be an object' });
      return;
    }
    const item = raw as CslItem;
    const draft = draftOf(item);
    const custom = item.custom;
    const exact =
      typeof custom === 'object' && custom !== null && !Array.isArray(custom) ? custom.leesmap : undefined;
    const isExact = typeof exact === 'object' && exact !== null && !Array.isArray(exact);
    if (isExact) applyLeesmapFields(draft, exact as Record<string, unknown>);
    const record = finishRecord(draft, index, now, problems);
    if (!record) return;
    if (isExact) {
      const { canonicalUrl, related } = exact as Record<string, unknown>;
      const canonical = typeof canonicalUrl === 'string' ? safeHttpUrl(canonicalUrl) : undefined;
      if (canonical) record.canonicalUrl = canonical;
      else delete record.canonicalUrl;
      // Checked and cleaned with every other field by validateRecords.
      if (Array.isArray(related)) record.related = related as RelatedPublication[];
      record.id = publicationId(record);
    }
    records.push(record);
  });
  return { records, problems };
}
