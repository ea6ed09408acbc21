/**
 * RIS out and in, written here rather than through citation-js: RIS is a line format
 * (`XX  - value`, a record from `TY` to `ER`), and a single pass over the lines keeps reading linear
 * in the size of the file (citation-js's RIS reader slowed down sharply on large files).
 *
 * Written, one tag line per value, CRLF line ends:
 * `TY` (RPRT reports, essays, advice…; BOOK; JOUR an article with its journal in `T2`; CHAP; BLOG;
 * ELEC web pages), `ID` (the citation key, unique in the file), `TI` (the title, "Title: Subtitle"
 * when there is a subtitle) and `ST` (the title alone: where the subtitle starts), `AU` per author
 * ("Last, First"), `PY` year, `DA` date (YYYY/MM/DD), `PB` publisher, `M3` type of work, `KW` per
 * keyword, `C8` per theme (a custom tag other managers keep as a custom field or note), `AB`
 * summary, `N1` the reader's notes, `UR` the address to cite, `L2` the saved address when it
 * differs, `L1` the PDF, `DO`, `SN` (ISBN), `LA`, `Y2` (date accessed), `DP` (Leesmap).
 *
 * Line breaks exist only in notes: their lines follow the `N1` line as continuation lines (as
 * EndNote and Zotero read them). A continuation line that would read as a tag line, or that starts
 * with a backslash, gets a backslash in front, which reading removes; no value can end a record.
 */
import { type SavedPublication, sanitizeForExport, ImportError, type ValidationIssue } from '@/utils/record';
import {
  dayOf,
  emptyDraft,
  finishRecords,
  kindOf,
  publishedFrom,
  typeFromLabel,
  typeLabel,
  type Draft,
} from './fields';
import { citationKeys } from './keys';
import { fromRisName, toRisName } from './names';

/** A tag line as readers recognise one (one or two spaces before the hyphen). */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: |$)/;

/** The RIS type for a record, and the Leesmap type that RIS type says by itself. */
export function risTypeOf(record: Pick<SavedPublication, 'type' | 'publisher'>): string {
  switch (kindOf(record.type)) {
    case 'report':
      return 'RPRT';
    case 'book':
      return 'BOOK';
    case 'article':
      return record.publisher ? 'JOUR' : 'ELEC';
    case 'chapter':
      return 'CHAP';
    case 'blog':
      return 'BLOG';
    case 'web':
      return 'ELEC';
  }
}

const TYPE_OF_RIS: Record<string, string> = {
  RPRT: 'report',
  GOVDOC: 'report',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  JOUR: 'article',
  EJOUR: 'article',
  MGZN: 'article',
  NEWS: 'article',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  BLOG: 'blog',
};

function typeOfRis(ty: string | undefined): string | undefined {
  return ty !== undefined && Object.prototype.hasOwnProperty.call(TYPE_OF_RIS, ty)
    ? TYPE_OF_RIS[ty]
    : undefined;
}

function line(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The reader's notes: first line on the tag line, the others as continuation lines. */
function noteLines(notes: string): string[] {
  const [first, ...rest] = notes.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
  return [
    `N1  - ${first}`,
    ...rest.map((l) => (l.startsWith('\\') || TAG_LINE.test(l.trimStart()) ? `\\${l}` : l)),
  ];
}

/** The tag lines of one record. */
function recordLines(stored: SavedPublication, id: string): string[] {
  const record = sanitizeForExport(stored);
  const lines: string[] = [];
  const tag = (name: string, value: string | undefined) => {
    const text = value === undefined ? '' : line(value);
    if (text) lines.push(`${name}  - ${text}`);
  };
  const ty = risTypeOf(record);
  lines.push(`TY  - ${ty}`);
  tag('ID', id);
  const title = line(record.title ?? '');
  const subtitle = record.subtitle ? line(record.subtitle) : '';
  tag('TI', subtitle ? `${title}: ${subtitle}` : title);
  if (subtitle) tag('ST', title);
  for (const author of record.authors ?? []) tag('AU', line(author) && toRisName(line(author)));
  if (typeof record.year === 'number') tag('PY', String(record.year).padStart(4, '0'));
  if (record.published) tag('DA', record.published.replace(/-/g, '/'));
  tag(ty === 'JOUR' ? 'T2' : 'PB', record.publisher);
  if (record.type !== undefined && typeOfRis(ty) !== record.type) tag('M3', typeLabel(record.type));
  for (const keyword of record.keywords ?? []) tag('KW', keyword);
  for (const theme of record.themes ?? []) tag('C8', theme);
  tag('AB', record.summary);
  if (record.notes) lines.push(...noteLines(record.notes));
  tag('UR', record.canonicalUrl ?? record.url);
  if (record.canonicalUrl && record.url && record.canonicalUrl !== record.url) tag('L2', record.url);
  tag('L1', record.pdfUrl);
  tag('DO', record.doi);
  tag('SN', record.isbn);
  tag('LA', record.language);
  tag('Y2', dayOf(record.lastVisitedAt ?? record.savedAt)?.replace(/-/g, '/'));
  // Where the record comes from (Zotero: "Library Catalog"). Also marks the record as RIS of the
  // current spec: citation-js reads a record with `ID` and no tag of the current spec as the old
  // RIS, where `AB` holds notes.
  tag('DP', 'Leesmap');
  lines.push('ER  - ');
  return lines;
}

/** The records as a RIS file: one record each, CRLF line ends, a blank line between records. */
export function toRis(records: SavedPublication[]): string {
  if (!records.length) return '';
  const ids = citationKeys(records);
  return `${records.map((record, i) => recordLines(record, ids[i]).join('\r\n')).join('\r\n\r\n')}\r\n`;
}

/** One RIS record as read: tag → values in order (a value may span continuation lines). */
type RisRecord = Map<string, string[]>;

/** Splits a RIS file into records. One pass over the lines. */
export function parseRisRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  let last: { tag: string; index: number } | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const match = TAG_LINE.exec(raw.trimStart());
    if (!match) {
      if (current && last) {
        const values = current.get(last.tag) as string[];
        values[last.index] += `\n${raw.startsWith('\\') ? raw.slice(1) : raw}`;
      }
      continue;
    }
    const tag = match[1];
    const trimmed = raw.trimStart();
    const value = trimmed.slice(match[0].length);
    if (tag === 'TY') {
      current = new Map();
      records.push(current);
    } else if (tag === 'ER') {
      current = undefined;
      last = undefined;
      continue;
    }
    if (!current) continue;
    const values = current.get(tag) ?? [];
    if (!current.has(tag)) current.set(tag, values);
    values.push(value);
    last = { tag, index: values.length - 1 };
  }
  return records;
}

function first(record: RisRecord, ...tags: string[]): string | undefined {
  for (const tag of tags) {
    const value = record.get(tag)?.find((v) => v.trim() !== '');
    if (value !== undefined) return value;
  }
  return undefined;
}

function all(record: RisRecord, tag: string): string[] {
  return (record.get(tag) ?? []).map((v) => v.trim()).filter(Boolean);
}

/** `DA`/`Y1`/`PY` dates ("2020/05/17/", "2020/05", "2020") as `published`; `PY` as the year. */
function datesOf(record: RisRecord, draft: Draft): void {
  const date = first(record, 'DA', 'Y1')?.trim();
  const parts = date ? /^(\d{4})(?:\/(\d{1,2})?(?:\/(\d{1,2})?)?)?/.exec(date) : null;
  if (parts) draft.published = publishedFrom(parts[1], parts[2], parts[3]);
  const year = /^\d{1,4}/.exec(first(record, 'PY')?.trim() ?? '')?.[0];
  if (year !== undefined) draft.year = Number(year);
  else if (!draft.published && parts) draft.year = Number(parts[1]);
}

/** One RIS record as a draft record. */
export function risDraft(record: RisRecord): Draft {
  const draft = emptyDraft();
  const ty = first(record, 'TY')?.trim().toUpperCase();
  draft.fullTitle = first(record, 'TI', 'T1', 'CT') ?? (ty === 'BOOK' ? first(record, 'BT') : undefined);
  draft.shortTitle = first(record, 'ST');
  draft.authors = [...all(record, 'AU'), ...all(record, 'A1')].map(fromRisName);
  datesOf(record, draft);
  draft.publisher = first(record, 'PB') ?? (ty === 'JOUR' ? first(record, 'T2', 'JF', 'JO') : undefined);
  draft.type = typeFromLabel(first(record, 'M3')?.trim()) ?? typeOfRis(ty);
  draft.keywords = all(record, 'KW');
  draft.themes = all(record, 'C8');
  draft.summary = first(record, 'AB', 'N2');
  const notes = record.get('N1');
  if (notes?.length) draft.notes = notes.join('\n');
  draft.url = first(record, 'UR');
  const saved = first(record, 'L2')?.trim();
  if (saved && /^https?:\/\//i.test(saved)) draft.savedUrl = saved;
  draft.pdfUrl = all(record, 'L1').find((u) => /^https?:\/\//i.test(u));
  draft.doi = first(record, 'DO');
  draft.isbn = first(record, 'SN');
  draft.language = first(record, 'LA');
  return draft;
}

/** RIS records as new records; throws an ImportError naming each record that cannot be used. */
export function fromRis(text: string, now: number = Date.now()): SavedPublication[] {
  const parsed = parseRisRecords(text);
  const issues: ValidationIssue[] = [];
  if (!parsed.length) issues.push({ index: -1, field: 'RIS file', message: 'contains no records' });
  const { records, problems } = finishRecords(parsed.map(risDraft), now);
  issues.push(...problems);
  if (issues.length) throw new ImportError(issues);
  return records;
}
