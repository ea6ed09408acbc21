/**
 * Reading-list search, shared by the popup and the library (filters and sorts, which need no
 * search index, are in utils/stores/list-view.ts so pages can paint before this module loads).
 *
 * Search is MiniSearch over what a reader may remember of a record: title, subtitle, authors,
 * publisher (every name it is known by: "Chatham", "Centraal Planbureau", "CPB"), year, type (in
 * Dutch and English: "beleidsnotitie" and "policy brief"), themes (under the reader's names and
 * the built-in Dutch–English pairs: "geopolitiek" finds "Geopolitics"), keywords, tags, notes and
 * summary. The text module's Dutch and English stems and stop words apply on both sides, so
 * "samenwerking" finds a page that says "samenwerken". Each query word may match any of its stems
 * (OR); all words must match (AND); the word being typed also matches as a prefix.
 */
import MiniSearch from 'minisearch';
import { createHighlighter, type Highlighter } from '@/utils/highlight';
import type { SavedPublication } from '@/utils/record';
import { NO_NAME_TABLES, viewRecord, type NameTables } from '@/utils/record-view';
import { processTerm, tokenize } from '@/utils/text';
import { themeSearchText } from '@/utils/themes/aliases';
import { typeSearchText } from '@/utils/type-labels';

export type { Highlighter, TextPart } from '@/utils/highlight';

const SEARCH_FIELDS = [
  'title',
  'subtitle',
  'authors',
  'publisher',
  'year',
  'type',
  'themes',
  'keywords',
  'tags',
  'summary',
  'notes',
] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];

/** Page text is untrusted and may be long; a summary past this adds little to finding a record. */
const MAX_FIELD_CHARS = 4_000;
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 12;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function fieldText(
  record: SavedPublication,
  field: SearchField,
  tables: NameTables,
  themes: ThemeText,
): string {
  let text: string;
  switch (field) {
    case 'publisher':
      text = (viewRecord(record, tables).publisher?.names ?? []).join(' ; ');
      break;
    case 'year':
      text = typeof record.year === 'number' ? String(record.year) : '';
      break;
    case 'type':
      text = typeSearchText(typeof record.type === 'string' ? record.type : undefined);
      break;
    case 'themes':
      text = strings(record.themes).map(themes).join(' ; ');
      break;
    default: {
      const value = (record as unknown as Record<string, unknown>)[field];
      text = Array.isArray(value) ? strings(value).join(' ; ') : typeof value === 'string' ? value : '';
    }
  }
  return text.slice(0, MAX_FIELD_CHARS);
}

type ThemeText = (theme: string) => string;

/** Theme search text, worked out once per theme name for an index build. */
function themeTexts(tables: NameTables): ThemeText {
  const cache = new Map<string, string>();
  return (theme) => {
    let text = cache.get(theme);
    if (text === undefined) {
      text = themeSearchText(theme, tables.themeAliases);
      cache.set(theme, text);
    }
    return text;
  };
}

export interface ReadingListIndex {
  /** Ids of matching records with their scores; undefined when the query has no searchable word. */
  search(query: string): Map<string, number> | undefined;
  add(record: SavedPublication): void;
  remove(id: string): void;
  /** New name tables: the given records (those the change touches) are indexed again. */
  retable(tables: NameTables, records: readonly SavedPublication[]): void;
  readonly size: number;
}

/** MiniSearch clauses for a query: one per word, its stems OR'ed, the typed word as a prefix. */
function queryClauses(query: string) {
  const words = tokenize(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_WORDS);
  const endsInWord = /[\p{L}\p{N}]$/u.test(query);
  return words.flatMap((word, i) => {
    const stems = processTerm(word);
    if (!stems) return [];
    const typing = endsInWord && i === words.length - 1;
    // The half-typed word also matches as itself, as stemming a fragment may cut it oddly.
    const alternatives = typing ? [...new Set([...stems, word])] : stems;
    return [{ queries: alternatives, combineWith: 'OR' as const, prefix: typing && word.length >= 2 }];
  });
}

export function createReadingListIndex(
  records: readonly SavedPublication[] = [],
  initialTables: NameTables = NO_NAME_TABLES,
): ReadingListIndex {
  let tables = initialTables;
  let themes = themeTexts(tables);
  const index = new MiniSearch<SavedPublication>({
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    extractField: (record, field) =>
      field === 'id' ? record.id : fieldText(record, field as SearchField, tables, themes),
    processTerm: (term) => processTerm(term),
  });
  const ids = new Set<string>();
  const add = (record: SavedPublication) => {
    if (!record || typeof record.id !== 'string') return;
    if (ids.has(record.id)) index.discard(record.id);
    index.add(record);
    ids.add(record.id);
  };
  index.addAll([
    ...new Map(records.filter((r) => r && typeof r.id === 'string').map((r) => [r.id, r])).values(),
  ]);
  for (const record of records) if (record && typeof record.id === 'string') ids.add(record.id);

  return {
    search(query) {
      const clauses = queryClauses(query);
      if (clauses.length === 0) return undefined;
      const results = index.search(
        { queries: clauses, combineWith: 'AND' },
        {
          // Terms are already folded and stemmed above.
          processTerm: (term) => term,
          tokenize: (text) => [text],
          boost: { title: 3, authors: 2, publisher: 2, themes: 2, tags: 2, subtitle: 1.5 },
        },
      );
      return new Map(results.map((r) => [String(r.id), r.score]));
    },
    add,
    retable(next, records) {
      tables = next;
      themes = themeTexts(next);
      for (const record of records) if (record && ids.has(record.id)) add(record);
    },
    remove(id) {
      if (!ids.has(id)) return;
      index.discard(id);
      ids.delete(id);
    },
    get size() {
      return ids.size;
    },
  };
}

/** What the rows mark for a query (same stems and prefix rule as the search). */
export function highlighterFor(query: string): Highlighter | undefined {
  return createHighlighter(query);
}
