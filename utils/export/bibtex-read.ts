/**
 * BibTeX in: biblatex and classic BibTeX files (Leesmap's own, Zotero/Better BibTeX, JabRef,
 * Mendeley…) as new records. Reads every field `bibtex.ts` writes, so a Leesmap file comes back as
 * it went out, and the usual fields of other files: `journal`, `year`/`month`/`day`, `school`,
 * `publisher`, `howpublished`, `editor` when there is no author, `langid` when there is no language.
 */
import { type SavedPublication, ImportError, type ValidationIssue } from '@/utils/record';
import { emptyDraft, finishRecords, languageOfLangid, publishedFrom, type Draft } from './fields';
import { parseBibtex, type RawEntry } from './bibtex-parse';
import { typeOfEntry } from './bibtex';
import { decodeTex } from './latex';
import { fromBibtexName, splitBibtexList, splitTopLevel } from './names';

/** A literal field as text (TeX decoded). */
function literal(fields: Map<string, string>, name: string): string | undefined {
  const value = fields.get(name);
  return value === undefined ? undefined : decodeTex(value);
}

/** A literal list (`lista`, `publisher`, `language`…) as its items. */
function list(fields: Map<string, string>, name: string): string[] {
  const value = fields.get(name);
  return value === undefined ? [] : splitBibtexList(value).map(decodeTex);
}

/** A verbatim field (url, doi, verba) as written: no TeX escapes are read in these. */
function verbatim(fields: Map<string, string>, name: string): string | undefined {
  return fields.get(name)?.trim();
}

/** The first web address in a JabRef/Better BibTeX `file` field ("description:path:type;…"). */
function pdfOf(fields: Map<string, string>): string | undefined {
  const value = fields.get('file') ?? fields.get('pdf');
  if (value === undefined) return undefined;
  for (const item of value.split(/(?<!\\);/)) {
    const parts = item.split(/(?<!\\):/).map((part) => part.replace(/\\([\\:;])/g, '$1').trim());
    const path = parts.length >= 3 ? parts[1] : parts.length === 2 ? `${parts[0]}:${parts[1]}` : parts[0];
    if (/^https?:\/\//i.test(path)) return path;
  }
  return undefined;
}

/** `date` (biblatex, EDTF: the start of a range), else `year`, `month` and `day`. */
function dateOf(fields: Map<string, string>, draft: Draft): void {
  const raw = fields.get('date');
  const date = raw === undefined ? undefined : decodeTex(raw).trim().split('/')[0];
  const match = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date) : null;
  if (match) {
    draft.published = publishedFrom(match[1], match[2], match[3]);
    return;
  }
  const year = /\d{4}/.exec(decodeTex(fields.get('year') ?? ''))?.[0];
  if (!year) return;
  const monthText = decodeTex(fields.get('month') ?? '')
    .trim()
    .toLowerCase();
  const month = /^\d{1,2}$/.test(monthText)
    ? Number(monthText)
    : MONTH_NAMES.findIndex((m) => monthText.startsWith(m)) + 1;
  const day = /^\d{1,2}$/.test(decodeTex(fields.get('day') ?? '').trim())
    ? decodeTex(fields.get('day') ?? '').trim()
    : undefined;
  if (month >= 1 && month <= 12) draft.published = publishedFrom(year, month, day);
  else draft.year = Number(year);
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Keywords separated by commas or semicolons outside braces. */
function keywordsOf(fields: Map<string, string>): string[] {
  const value = fields.get('keywords') ?? fields.get('keyword');
  if (value === undefined) return [];
  return splitTopLevel(value, ',;')
    .map((k) => decodeTex(k).trim())
    .filter(Boolean);
}

const PUBLISHER_FIELDS = [
  'institution',
  'publisher',
  'organization',
  'journaltitle',
  'journal',
  'school',
  'howpublished',
];

/** One entry as a draft record. */
export function draftOf(entry: RawEntry): Draft {
  const { fields } = entry;
  const draft = emptyDraft();
  draft.title = literal(fields, 'title');
  draft.subtitle = literal(fields, 'subtitle');
  const names = fields.get('author') ?? fields.get('editor');
  // A bare "others" is BibTeX's "et al.", no name; a braced {others} is someone called that.
  draft.authors =
    names === undefined
      ? []
      : splitBibtexList(names)
          .filter((name) => !/^others$/i.test(name))
          .map(fromBibtexName);
  dateOf(fields, draft);
  const publisherField = PUBLISHER_FIELDS.find((name) => fields.has(name));
  if (publisherField) {
    draft.publisher = ['journaltitle', 'journal', 'howpublished'].includes(publisherField)
      ? literal(fields, publisherField)
      : list(fields, publisherField).join(' and ');
  }
  draft.type = literal(fields, 'entrysubtype') ?? typeOfEntry(entry.type, literal(fields, 'type'));
  draft.summary = literal(fields, 'abstract');
  draft.language = fields.has('language')
    ? list(fields, 'language').join(' and ')
    : languageOfLangid(literal(fields, 'langid'));
  draft.keywords = keywordsOf(fields);
  draft.themes = list(fields, 'lista');
  draft.url = verbatim(fields, 'url');
  const saved = verbatim(fields, 'verba');
  if (saved && /^https?:\/\//i.test(saved)) draft.savedUrl = saved;
  draft.doi = verbatim(fields, 'doi');
  draft.isbn = literal(fields, 'isbn');
  draft.pdfUrl = pdfOf(fields);
  draft.notes = literal(fields, 'note');
  return draft;
}

/** BibTeX entries as new records; throws an ImportError naming each entry that cannot be used. */
export function fromBibtex(text: string, now: number = Date.now()): SavedPublication[] {
  const { entries, problems: syntax } = parseBibtex(text);
  const issues: ValidationIssue[] = syntax.map((p) => ({
    index: p.index,
    field: 'entry',
    message: `could not be read ${p.message}`,
  }));
  if (!entries.length && !issues.length)
    issues.push({ index: -1, field: 'BibTeX file', message: 'contains no entries' });
  // Positions count every entry, the unreadable ones too.
  const unreadable = new Set(syntax.map((p) => p.index));
  const positions: number[] = [];
  for (let index = 0; positions.length < entries.length; index++)
    if (!unreadable.has(index)) positions.push(index);
  const { records, problems } = finishRecords(entries.map(draftOf), now, positions);
  issues.push(...problems);
  if (issues.length) throw new ImportError(issues.sort((a, b) => a.index - b.index));
  return records;
}
