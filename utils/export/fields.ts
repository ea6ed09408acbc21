/**
 * What the bibliographic formats share: which Leesmap fields each format carries, how Leesmap's
 * publication types map to the kinds of entry the formats know, dates, language ids, and the one
 * way an imported entry becomes a record (`finishRecord`, `finishRecords`).
 */
import { publicationId } from '@/utils/identity';
import {
  DATE_PATTERN,
  LIMITS,
  PUBLICATION_FIELDS,
  RECORD_FIELDS,
  cleanDoi,
  cleanList,
  cleanNotes,
  cleanText,
  doiAddress,
  isbnAddress,
  newSavedPublication,
  safeHttpUrl,
  type Publication,
  type SavedPublication,
} from '@/utils/record';
import { CSV_COLUMNS } from './csv';

export type ExportFormat = 'leesmap-json' | 'csl-json' | 'bibtex' | 'ris' | 'csv';

/**
 * The publication and the reader's notes: what BibTeX and RIS carry. Not carried: related
 * publications, and `canonicalUrl` when it equals `url` (the files hold the address to cite, plus the
 * saved address only when the two differ).
 */
const CITATION_FIELDS: readonly (keyof SavedPublication)[] = [
  ...PUBLICATION_FIELDS.filter((field) => field !== 'canonicalUrl' && field !== 'related'),
  'notes',
];

/**
 * The Leesmap fields each format carries: an export followed by an import gives these fields back
 * as they were (after the sanitiser). Fields not listed are not in the file; an import gives them
 * their defaults (reader fields), a fresh id from the address, and `savedAt` the time of import.
 * See utils/export/README.md for the fields each format cannot carry and why. CSV is export only.
 */
export const CARRIED_FIELDS: Record<ExportFormat, readonly (keyof SavedPublication)[]> = {
  'leesmap-json': RECORD_FIELDS,
  'csl-json': [...CITATION_FIELDS, 'canonicalUrl', 'related'],
  bibtex: CITATION_FIELDS,
  ris: CITATION_FIELDS,
  csv: CSV_COLUMNS,
};

/** The kinds of publication the citation formats tell apart. */
export type Kind = 'report' | 'book' | 'article' | 'chapter' | 'blog' | 'web';

/**
 * Leesmap's type as a kind: reports, essays, advice, policy briefs, working papers and any type
 * Leesmap does not know are reports (grey literature of institutes); `other` and no type are web
 * pages.
 */
export function kindOf(type: string | undefined): Kind {
  switch (type) {
    case 'book':
      return 'book';
    case 'article':
      return 'article';
    case 'chapter':
      return 'chapter';
    case 'blog':
      return 'blog';
    case 'other':
    case undefined:
      return 'web';
    default:
      return 'report';
  }
}

/** Leesmap's types as the words a reference manager shows (BibTeX `type`, RIS `M3`, CSL `genre`). */
const TYPE_LABELS: Record<string, string> = {
  report: 'Report',
  essay: 'Essay',
  advice: 'Advice',
  'policy-brief': 'Policy brief',
  'working-paper': 'Working paper',
  book: 'Book',
  article: 'Article',
  chapter: 'Chapter',
  blog: 'Blog',
  other: 'Other',
};
const FROM_LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(TYPE_LABELS).map(([type, label]) => [label, type]),
);

function own(table: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** "Essay" for `essay`; a type Leesmap does not know is written as it is. */
export function typeLabel(type: string): string {
  return own(TYPE_LABELS, type) ? TYPE_LABELS[type] : type;
}

/**
 * Leesmap's type from a label: Leesmap's own labels exactly ("Policy brief"), else the label in
 * lower case (Leesmap stores types in lower case), so `typeFromLabel(typeLabel(type))` is `type`.
 */
export function typeFromLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  if (own(FROM_LABEL, label)) return FROM_LABEL[label];
  return label.toLowerCase() || undefined;
}

/** `published` as [year, month?, day?], or the year alone. */
export function dateParts(record: Pick<SavedPublication, 'published' | 'year'>): number[] | undefined {
  if (record.published) return record.published.split('-').map(Number);
  if (typeof record.year === 'number') return [record.year];
  return undefined;
}

/** A date from parts (strings or numbers), as `published` (YYYY, YYYY-MM or YYYY-MM-DD). */
export function publishedFrom(year: unknown, month?: unknown, day?: unknown): string | undefined {
  const pad = (value: unknown, size: number) =>
    /^\d+$/.test(String(value)) ? String(value).padStart(size, '0') : '';
  const y = pad(year, 4);
  if (y.length !== 4) return undefined;
  const m = month === undefined || month === null || month === '' ? '' : pad(month, 2);
  const d = day === undefined || day === null || day === '' ? '' : pad(day, 2);
  const date = m ? (d ? `${y}-${m}-${d}` : `${y}-${m}`) : y;
  return DATE_PATTERN.test(date) ? date : undefined;
}

/** The day of an epoch time (UTC) as YYYY-MM-DD, for "accessed" dates; undefined if out of range. */
export function dayOf(time: number | undefined): string | undefined {
  if (typeof time !== 'number' || !Number.isFinite(time)) return undefined;
  const date = new Date(time);
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : undefined;
}

/** BCP 47 languages (primary subtag, or full tag) as biblatex `langid`s. */
const LANGIDS: Record<string, string> = {
  nl: 'dutch',
  en: 'english',
  'en-gb': 'british',
  'en-us': 'american',
  'en-au': 'australian',
  'en-ca': 'canadian',
  'en-nz': 'newzealand',
  de: 'ngerman',
  'de-at': 'naustrian',
  'de-ch': 'nswissgerman',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  'pt-br': 'brazilian',
  da: 'danish',
  sv: 'swedish',
  nb: 'norsk',
  no: 'norsk',
  nn: 'nynorsk',
  fi: 'finnish',
  pl: 'polish',
  cs: 'czech',
  sk: 'slovak',
  sl: 'slovene',
  hr: 'croatian',
  hu: 'magyar',
  ro: 'romanian',
  el: 'greek',
  ru: 'russian',
  uk: 'ukrainian',
  tr: 'turkish',
  et: 'estonian',
  lv: 'latvian',
  lt: 'lithuanian',
  ca: 'catalan',
  eu: 'basque',
  gl: 'galician',
  is: 'icelandic',
  bg: 'bulgarian',
  sr: 'serbian',
  he: 'hebrew',
  la: 'latin',
};
const FROM_LANGID: Record<string, string> = Object.fromEntries(
  Object.entries(LANGIDS)
    .filter(([tag]) => !tag.includes('-') || ['en-gb', 'en-us', 'pt-br'].includes(tag))
    .map(([tag, id]) => [id, tag]),
);
FROM_LANGID.german = 'de';
FROM_LANGID.english = 'en';

/** The biblatex language id of a BCP 47 tag, when biblatex has one ("nl" → "dutch"). */
export function langidOf(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const tag = language.toLowerCase();
  if (own(LANGIDS, tag)) return LANGIDS[tag];
  const primary = tag.split('-')[0];
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(tag) && own(LANGIDS, primary) ? LANGIDS[primary] : undefined;
}

/** A BCP 47 tag for a biblatex language id ("dutch" → "nl"). */
export function languageOfLangid(langid: string | undefined): string | undefined {
  const id = langid?.toLowerCase();
  return id && own(FROM_LANGID, id) ? FROM_LANGID[id] : undefined;
}

/** An imported entry before it is checked: text as read from the file, any field may be missing. */
export interface Draft
  extends
    Partial<
      Pick<Publication, 'title' | 'subtitle' | 'published' | 'year' | 'publisher' | 'type' | 'summary'>
    >,
    Partial<Pick<Publication, 'language' | 'doi' | 'isbn' | 'pdfUrl'>>,
    Pick<Publication, 'authors' | 'themes' | 'keywords'> {
  /** A title that may hold the subtitle after ": " (CSL and RIS write "Title: Subtitle"). */
  fullTitle?: string;
  shortTitle?: string;
  /** `year` is exactly the record's year (absent: no year), not to be taken from `published`. */
  exactYear?: boolean;
  /** The address to cite (and the saved address when no `savedUrl` is given). */
  url?: string;
  /** The address the reader saved, when the file holds it apart from the address to cite. */
  savedUrl?: string;
  notes?: string;
}

export function emptyDraft(): Draft {
  return { authors: [], themes: [], keywords: [] };
}

export interface ConversionProblem {
  index: number;
  field: string;
  message: string;
}

/** A DOI as written in a file: a doi.org address or `doi:` prefix is dropped, its case is kept. */
export function doiOf(value: string | undefined): string | undefined {
  const text = cleanText(value, LIMITS.url);
  if (!text) return undefined;
  return cleanDoi(text.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''));
}

/** "Title: Subtitle" split where the file says where the title ends (a short title, or the subtitle). */
function splitTitle(draft: Draft): { title?: string; subtitle?: string } {
  if (draft.title !== undefined)
    return {
      title: cleanText(draft.title, LIMITS.title),
      subtitle: cleanText(draft.subtitle, LIMITS.subtitle),
    };
  const full = cleanText(draft.fullTitle, LIMITS.title + LIMITS.subtitle + 2);
  if (!full) return {};
  const subtitle = cleanText(draft.subtitle, LIMITS.subtitle);
  if (subtitle && full.endsWith(`: ${subtitle}`) && full.length > subtitle.length + 2) {
    return { title: cleanText(full.slice(0, -(subtitle.length + 2)), LIMITS.title), subtitle };
  }
  const short = cleanText(draft.shortTitle, LIMITS.title);
  if (short && full.startsWith(`${short}: `) && full.length > short.length + 2) {
    return { title: short, subtitle: cleanText(full.slice(short.length + 2), LIMITS.subtitle) };
  }
  return { title: cleanText(full, LIMITS.title) };
}

function set<K extends keyof SavedPublication>(
  record: SavedPublication,
  key: K,
  value: SavedPublication[K] | undefined,
): void {
  if (value !== undefined) record[key] = value;
}

/**
 * An imported entry as a new record (reader fields at their defaults, saved `now`), cleaned by the
 * rules of every way in. An entry without a title, or without any address (http(s) URL, DOI or
 * ISBN), is reported with its position and gives no record.
 */
export function finishRecord(
  draft: Draft,
  index: number,
  now: number,
  problems: ConversionProblem[],
): SavedPublication | undefined {
  const { title, subtitle } = splitTitle(draft);
  const doi = doiOf(draft.doi);
  const isbn = cleanText(draft.isbn, LIMITS.isbn);
  const cited = safeHttpUrl(draft.url?.trim());
  const saved = safeHttpUrl(draft.savedUrl?.trim());
  const url = saved ?? cited ?? doiAddress(doi) ?? isbnAddress(isbn);
  if (!title) problems.push({ index, field: 'title', message: 'is missing' });
  if (!url) problems.push({ index, field: 'URL', message: 'is missing (and there is no DOI or ISBN)' });
  if (!title || !url) return undefined;
  const record = newSavedPublication({
    id: '',
    url,
    title,
    authors: cleanList(draft.authors),
    themes: cleanList(draft.themes),
    keywords: cleanList(draft.keywords),
    notes: draft.notes ? cleanNotes(draft.notes) : '',
    savedAt: now,
  });
  if (saved && cited && cited !== saved) record.canonicalUrl = cited;
  set(record, 'subtitle', subtitle);
  set(
    record,
    'published',
    draft.published && DATE_PATTERN.test(draft.published) ? draft.published : undefined,
  );
  const year = draft.exactYear
    ? draft.year
    : (draft.year ?? (record.published ? Number(record.published.slice(0, 4)) : undefined));
  set(
    record,
    'year',
    Number.isInteger(year) && (year as number) >= 0 && (year as number) <= 9999 ? year : undefined,
  );
  set(record, 'publisher', cleanText(draft.publisher, LIMITS.publisher));
  set(record, 'type', cleanText(draft.type?.toLowerCase(), LIMITS.type));
  set(record, 'summary', cleanText(draft.summary, LIMITS.summary));
  set(record, 'language', cleanText(draft.language, LIMITS.language));
  set(record, 'doi', doi);
  set(record, 'isbn', isbn);
  set(record, 'pdfUrl', safeHttpUrl(draft.pdfUrl?.trim()));
  record.id = publicationId(record);
  return record;
}

/**
 * Imported entries as new records (`finishRecord` for each), with the problems of the entries that
 * give none. An entry's position is its place in `drafts`, or `positions[i]` where the caller counts
 * entries that never became a draft.
 */
export function finishRecords(
  drafts: readonly Draft[],
  now: number,
  positions?: readonly number[],
): { records: SavedPublication[]; problems: ConversionProblem[] } {
  const records: SavedPublication[] = [];
  const problems: ConversionProblem[] = [];
  drafts.forEach((draft, i) => {
    const record = finishRecord(draft, positions?.[i] ?? i, now, problems);
    if (record) records.push(record);
  });
  return { records, problems };
}
