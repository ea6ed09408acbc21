/**
 * Leesmap records ⇄ CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc,
 * citation-js and most reference managers). CSL carries the bibliographic record only: the
 * reader's notes, tags and reading status stay out of citation files, which readers share.
 */
import { normaliseDoi, publicationId } from '@/utils/identity';
import type { SavedPublication } from '@/utils/publication';
import { cleanText, doiAddress, FIELD_LIMITS, isbnAddress, safeHttpUrl, sanitizeForExport } from '@/utils/sanitize';

/** The subset of CSL-JSON Leesmap writes and reads. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'title-short'?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: Array<Array<number | string>>; raw?: string; literal?: string };
  publisher?: string;
  genre?: string;
  abstract?: string;
  keyword?: string;
  language?: string;
  URL?: string;
  DOI?: string;
  ISBN?: string;
  [field: string]: unknown;
}

const TO_CSL_TYPE: Record<string, string> = {
  essay: 'article',
  report: 'report',
  article: 'article',
  'policy-brief': 'report',
  advice: 'report',
  'working-paper': 'report',
  book: 'book',
  chapter: 'chapter',
  blog: 'post-weblog',
  other: 'document',
};

/** Leesmap's own type, kept as CSL `genre` where the CSL type is broader (policy brief → report). */
const GENRE: Record<string, string> = {
  essay: 'Essay',
  'policy-brief': 'Policy brief',
  advice: 'Advice',
  'working-paper': 'Working paper',
};

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
  webpage: 'other',
  document: 'other',
};

const FROM_GENRE: Record<string, string> = Object.fromEntries(
  Object.entries(GENRE).map(([type, genre]) => [genre.toLowerCase(), type]),
);

/** A table look-up that never reaches Object.prototype ("constructor", "__proto__" are no types). */
function lookup(table: Record<string, string>, key: string | undefined): string | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Words that start a Dutch or other family name ("Martijn van der Steen" → family "van der Steen"). */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ten', 'ter', 'te', 'von', 'zu', 'du', 'da', 'di', 'la', 'le', 'del', 'della', 'des', 'dos', 'op', 'in', "'s", 'uit']);
/** An author that is an organisation is written as a literal, never split into given/family. */
const ORGANISATION = /\b(raad|instituut|institute|institution|bureau|planbureau|centre|center|council|commission|commissie|ministerie|ministry|foundation|stichting|university|universiteit|agency|academy|academie|oecd|association|vereniging|group|groep|office|board|authority|autoriteit|rekenkamer)\b/i;

/** Splits a display name ("First Last", "Mark van Twist") into CSL name parts. */
export function toCslName(name: string): CslName {
  const clean = name.replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  if (words.length < 2 || ORGANISATION.test(clean) || /[,;&]/.test(clean)) return { literal: clean };
  let familyStart = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (PARTICLES.has(words[i].toLowerCase())) {
      familyStart = i;
      break;
    }
  }
  return { given: words.slice(0, familyStart).join(' '), family: words.slice(familyStart).join(' ') };
}

/** Joins CSL name parts back into Leesmap's display form "First Last". */
export function fromCslName(name: CslName): string {
  if (name.literal) return name.literal.trim();
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function dateParts(record: Pick<SavedPublication, 'published' | 'year'>): number[] | undefined {
  if (record.published) return record.published.split('-').map(Number);
  if (typeof record.year === 'number') return [record.year];
  return undefined;
}

/**
 * One saved record as a CSL item; `id` is Leesmap's id so items stay traceable. The record passes
 * `sanitizeForExport` first: nothing an older version stored can put a bidi control or a non-http
 * address into a citation file (BibTeX and RIS are written from these items too).
 */
export function toCslItem(stored: SavedPublication): CslItem {
  const record = sanitizeForExport(stored);
  const item: CslItem = { id: record.id, type: lookup(TO_CSL_TYPE, record.type) ?? 'document', title: record.title };
  if (record.subtitle) item.title = `${record.title}: ${record.subtitle}`;
  if (record.subtitle) item['title-short'] = record.title;
  const genre = lookup(GENRE, record.type);
  if (genre) item.genre = genre;
  if (record.authors?.length) item.author = record.authors.map(toCslName);
  const parts = dateParts(record);
  if (parts) item.issued = { 'date-parts': [parts] };
  if (record.publisher) item.publisher = record.publisher;
  if (record.summary) item.abstract = record.summary;
  const themes = record.themes ?? [];
  const keywords = [...themes, ...(record.keywords ?? []).filter((k) => !themes.includes(k))];
  if (keywords.length) item.keyword = keywords.join(', ');
  if (record.language) item.language = record.language;
  const url = record.canonicalUrl ?? record.url;
  if (url) item.URL = url;
  if (record.doi) item.DOI = record.doi;
  if (record.isbn) item.ISBN = record.isbn;
  return item;
}

export function toCslJson(records: SavedPublication[]): string {
  return `${JSON.stringify(records.map(toCslItem), null, 2)}\n`;
}

/** Text of an imported item (numbers too), cleaned as every way in cleans text (utils/sanitize.ts). */
function text(value: unknown, max: number = FIELD_LIMITS.title): string | undefined {
  return cleanText(typeof value === 'number' ? String(value) : value, max);
}

function issuedDate(issued: CslItem['issued']): { published?: string; year?: number } {
  const parts = issued?.['date-parts']?.[0]?.map(Number) ?? [];
  const raw = text(issued?.raw ?? issued?.literal);
  const [y, m, d] = parts;
  if (Number.isInteger(y) && y > 0 && y < 10_000) {
    const pad = (n: number) => String(n).padStart(2, '0');
    const year = String(y).padStart(4, '0');
    if (Number.isInteger(m) && m >= 1 && m <= 12) {
      if (Number.isInteger(d) && d >= 1 && d <= 31) return { published: `${year}-${pad(m)}-${pad(d)}`, year: y };
      return { published: `${year}-${pad(m)}`, year: y };
    }
    return { published: year, year: y };
  }
  const fromRaw = raw?.match(/\b(\d{4})\b/);
  return fromRaw ? { published: fromRaw[1], year: Number(fromRaw[1]) } : {};
}

/**
 * The record's web address: its http(s) URL, else its DOI's (`https://doi.org/…`), else its ISBN's
 * (`https://openlibrary.org/isbn/…`). Only http(s) addresses are ever stored.
 */
function addressOf(item: CslItem): string | undefined {
  return (
    safeHttpUrl(text(item.URL, FIELD_LIMITS.url)) ??
    doiAddress(normaliseDoi(text(item.DOI, FIELD_LIMITS.url))) ??
    isbnAddress(text(item.ISBN, FIELD_LIMITS.isbn))
  );
}

export interface ConversionProblem {
  index: number;
  field: string;
  message: string;
}

/**
 * CSL items as new Leesmap records (reader fields at their defaults, saved `now`). Items that
 * cannot become a record (no title; no URL, DOI or ISBN) are reported, with their position.
 */
export function fromCslItems(items: unknown[], now: number): { records: SavedPublication[]; problems: ConversionProblem[] } {
  const records: SavedPublication[] = [];
  const problems: ConversionProblem[] = [];
  items.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ index, field: '(item)', message: 'must be an object' });
      return;
    }
    const item = raw as CslItem;
    const fullTitle = text(item.title, FIELD_LIMITS.title + FIELD_LIMITS.subtitle + 2);
    const url = addressOf(item);
    if (!fullTitle) problems.push({ index, field: 'title', message: 'is missing' });
    if (!url) problems.push({ index, field: 'URL', message: 'is missing (and there is no DOI or ISBN)' });
    if (!fullTitle || !url) return;
    let title = fullTitle;
    let subtitle: string | undefined;
    const short = text(item['title-short']);
    if (short && fullTitle.startsWith(`${short}: `) && fullTitle.length > short.length + 2) {
      title = short;
      subtitle = fullTitle.slice(short.length + 2);
    }
    const authors = Array.isArray(item.author)
      ? item.author
          .filter((name): name is CslName => typeof name === 'object' && name !== null)
          .map((name) => text(fromCslName(name), FIELD_LIMITS.listItem))
          .filter((name): name is string => name !== undefined)
          .slice(0, FIELD_LIMITS.listItems)
      : [];
    const keywordText = text(Array.isArray(item.keyword) ? item.keyword.join(',') : item.keyword, FIELD_LIMITS.summary);
    const keywords = (keywordText ?? '')
      .split(/[,;]/)
      .map((k) => k.trim())
      .filter(Boolean)
      .slice(0, FIELD_LIMITS.listItems);
    const genre = text(item.genre)?.toLowerCase();
    const record: SavedPublication = {
      id: '',
      url,
      title,
      authors,
      themes: [],
      keywords,
      related: [],
      status: 'to-read',
      notes: '',
      tags: [],
      starred: false,
      editedFields: [],
      savedAt: now,
      updatedAt: now,
    };
    if (subtitle) record.subtitle = subtitle;
    const { published, year } = issuedDate(item.issued);
    if (published) record.published = published;
    if (year !== undefined) record.year = year;
    const publisher = text(item.publisher);
    if (publisher) record.publisher = publisher;
    const type = lookup(FROM_GENRE, genre) ?? lookup(FROM_CSL_TYPE, String(item.type));
    if (type) record.type = type;
    const summary = text(item.abstract, FIELD_LIMITS.summary);
    if (summary) record.summary = summary;
    const language = text(item.language, FIELD_LIMITS.language);
    if (language) record.language = language;
    const doi = normaliseDoi(text(item.DOI, FIELD_LIMITS.url));
    if (doi) record.doi = doi;
    const isbn = text(item.ISBN, FIELD_LIMITS.isbn);
    if (isbn) record.isbn = isbn;
    record.id = publicationId(record);
    records.push(record);
  });
  return { records, problems };
}
