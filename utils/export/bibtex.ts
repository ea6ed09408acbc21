/**
 * BibTeX out, biblatex flavour (what biber and Better BibTeX read). Every entry is checked against
 * biblatex's data model (`biber --tool --validate-datamodel`): an entry type is chosen whose
 * mandatory fields the record has, and each field is one that entry type allows.
 *
 * | record | entry |
 * | --- | --- |
 * | type `article`, with a publisher (the journal) and an author, no ISBN | `@article`, `journaltitle` |
 * | type `book`, or any typed record with an ISBN, with an author | `@book`, `publisher`, `isbn` |
 * | the same without an author (biblatex's `@book` requires one), or an ISBN and no type | `@manual`, `publisher`, `isbn` |
 * | a report, essay, advice, policy brief, working paper, chapter or other type, with an author and a publisher | `@report`, `institution`, `type` |
 * | the same without an author or publisher | `@misc`, `organization`, `type` |
 * | a blog, `other`, no type, an article without journal or author | `@online`, `organization` |
 *
 * Leesmap's exact type goes in `entrysubtype` (which biblatex allows on every entry and standard
 * styles ignore) whenever the entry type and `type` field do not already say it. Themes go in
 * `lista` (a biblatex custom list), keywords in `keywords`, the reader's notes in `note`, the PDF in
 * `file` (JabRef's form, `:https\://…:PDF`), the saved address in `verba` when the address to cite
 * (`url`, the canonical address) differs from it.
 */
import { type SavedPublication, sanitizeForExport } from '@/utils/record';
import { dayOf, kindOf, langidOf, typeFromLabel, typeLabel } from './fields';
import { citationKeys } from './keys';
import { encodeTex, encodeVerbatim, NONCHARACTERS } from './latex';
import { bibtexListItem, toBibtexName } from './names';

export type EntryType = 'article' | 'book' | 'manual' | 'report' | 'misc' | 'online';

/** Entry types that take a `type` field; the others carry Leesmap's type in `entrysubtype` only. */
const TYPED_ENTRIES = new Set<EntryType>(['report', 'misc', 'manual']);

/** Where each entry type keeps the publisher. */
const PUBLISHER_FIELD: Record<EntryType, string> = {
  article: 'journaltitle',
  book: 'publisher',
  manual: 'publisher',
  report: 'institution',
  misc: 'organization',
  online: 'organization',
};

/** The entry type for a record (see the table above). */
export function entryTypeOf(
  record: Pick<SavedPublication, 'type' | 'authors' | 'publisher' | 'isbn'>,
): EntryType {
  const kind = kindOf(record.type);
  // biber reads an author "others" as "and others" (et al.): it is no author for biblatex.
  const authored = (record.authors ?? []).some((name) => !/^\s*others\s*$/i.test(name));
  if (kind === 'article' && record.publisher && authored && !record.isbn) return 'article';
  // @book says "book" by itself; a record with an ISBN but no type goes where no type is implied.
  if (record.isbn && record.type === undefined) return 'manual';
  if (kind === 'book' || record.isbn) return authored ? 'book' : 'manual';
  if (kind === 'report' || kind === 'chapter') return authored && record.publisher ? 'report' : 'misc';
  return 'online';
}

/** The Leesmap type an entry says without `entrysubtype`: from its `type` field, else its entry type. */
export function typeOfEntry(entryType: string, typeField: string | undefined): string | undefined {
  // biblatex's own keys for reports (`type = {techreport}`) are reports.
  if (typeField === 'techreport' || typeField === 'resreport') return 'report';
  const fromField = typeFromLabel(typeField);
  if (fromField) return fromField;
  switch (entryType) {
    case 'article':
    case 'periodical':
      return 'article';
    case 'book':
    case 'mvbook':
    case 'collection':
    case 'mvcollection':
    case 'proceedings':
      return 'book';
    case 'inbook':
    case 'incollection':
    case 'bookinbook':
      return 'chapter';
    case 'report':
    case 'techreport':
      return 'report';
    default:
      return undefined;
  }
}

type Field = [name: string, value: string];

/** A record's date: `date` as precise as the record (YYYY, YYYY-MM or YYYY-MM-DD), else `year`. */
function dateField(record: SavedPublication): Field | undefined {
  if (record.published) return ['date', record.published];
  if (typeof record.year === 'number') return ['year', String(record.year).padStart(4, '0')];
  return undefined;
}

/** The fields that say what the record is: type, publisher, entrysubtype. */
function kindFields(record: SavedPublication, entryType: EntryType): Field[] {
  const fields: Field[] = [];
  const type = record.type;
  let label: string | undefined;
  if (TYPED_ENTRIES.has(entryType) && type !== undefined) label = typeLabel(type);
  // biblatex requires a type on @report: a record without one (never chosen as @report) aside.
  if (label !== undefined) fields.push(['type', encodeTex(label)]);
  if (record.publisher) {
    const publisher = PUBLISHER_FIELD[entryType];
    fields.push([
      publisher,
      publisher === 'journaltitle' ? encodeTex(record.publisher) : bibtexListItem(record.publisher),
    ]);
  }
  if (type !== undefined && typeOfEntry(entryType, label) !== type)
    fields.push(['entrysubtype', encodeTex(type)]);
  return fields;
}

/** A BibTeX keyword list: comma-separated, a keyword holding a comma or semicolon braced. */
function keywordList(keywords: string[]): string {
  return keywords.map((k) => (/[,;]/.test(k) ? `{${encodeTex(k)}}` : encodeTex(k))).join(', ');
}

/** JabRef's file form ("description:path:type"), which Better BibTeX and JabRef read. */
function fileField(pdfUrl: string): string {
  return `:${pdfUrl.replace(/[\\:;]/g, (c) => `\\${c}`)}:PDF`;
}

/** Single-line text as stored (older records may hold line breaks; every way in collapses them). */
function line(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function recordFields(record: SavedPublication, entryType: EntryType): Field[] {
  const fields: Field[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) fields.push([name, value]);
  };
  add('author', record.authors.map(line).filter(Boolean).map(toBibtexName).join(' and '));
  add('title', encodeTex(line(record.title ?? '')));
  add('subtitle', record.subtitle && encodeTex(line(record.subtitle)));
  const date = dateField(record);
  if (date) fields.push(date);
  fields.push(...kindFields(record, entryType));
  add('language', record.language && bibtexListItem(line(record.language)));
  add('langid', langidOf(record.language));
  add('abstract', record.summary && encodeTex(line(record.summary)));
  add('keywords', keywordList(record.keywords.map(line).filter(Boolean)));
  add('lista', record.themes.map(line).filter(Boolean).map(bibtexListItem).join(' and '));
  const address = record.canonicalUrl ?? record.url;
  add('url', address && encodeVerbatim(address));
  if (record.canonicalUrl && record.url && record.canonicalUrl !== record.url)
    add('verba', encodeVerbatim(record.url));
  add('urldate', dayOf(record.lastVisitedAt ?? record.savedAt));
  add('doi', record.doi && encodeVerbatim(line(record.doi)));
  add('isbn', record.isbn && encodeTex(line(record.isbn)));
  add('file', record.pdfUrl && fileField(encodeVerbatim(record.pdfUrl)));
  add('note', record.notes && encodeTex(record.notes.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')));
  return fields;
}

/** Every text of a record without Unicode noncharacters (biber refuses a file holding one). */
function withoutNoncharacters(record: SavedPublication): SavedPublication {
  const strip = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.replace(NONCHARACTERS, '')
      : Array.isArray(value)
        ? value.map(strip)
        : value;
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, strip(v)]),
  ) as unknown as SavedPublication;
}

/** One entry: `@type{key,` then one `name = {value},` line per field, then `}`. */
export function bibtexEntry(stored: SavedPublication, key: string): string {
  const record = withoutNoncharacters(sanitizeForExport(stored));
  record.authors = Array.isArray(record.authors) ? record.authors : [];
  record.themes = Array.isArray(record.themes) ? record.themes : [];
  record.keywords = Array.isArray(record.keywords) ? record.keywords : [];
  const entryType = entryTypeOf(record);
  const body = recordFields(record, entryType).map(([name, value]) => `  ${name} = {${value}},`);
  return [`@${entryType}{${key},`, ...body, '}'].join('\n');
}

/** The records as a biblatex file (UTF-8), one entry each, unique citation keys. */
export function toBibtex(records: SavedPublication[]): string {
  if (!records.length) return '';
  const keys = citationKeys(records);
  return `${records.map((record, i) => bibtexEntry(record, keys[i])).join('\n\n')}\n`;
}
