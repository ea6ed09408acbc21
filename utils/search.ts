/**
 * Reading-list search, filters and sorts: plain functions over SavedPublication[], shared by the
 * popup and the library.
 *
 * Search is MiniSearch over title, subtitle, authors, themes, tags, summary and notes, with the
 * text module's Dutch and English stems and stop words on both sides, so "samenwerking" finds a
 * page that says "samenwerken". Each query word may match any of its stems (OR); all words must
 * match (AND); the word being typed also matches as a prefix.
 */
import MiniSearch from 'minisearch';
import type { ReadingStatus, SavedPublication } from '@/utils/publication';
import { processTerm, tokenize } from '@/utils/text';

const SEARCH_FIELDS = ['title', 'subtitle', 'authors', 'themes', 'tags', 'summary', 'notes'] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];

/** Page text is untrusted and may be long; a summary past this adds little to finding a record. */
const MAX_FIELD_CHARS = 4_000;
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 12;

function fieldText(record: SavedPublication, field: SearchField): string {
  const value = (record as unknown as Record<string, unknown>)[field];
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ; ') : value;
  return typeof text === 'string' ? text.slice(0, MAX_FIELD_CHARS) : '';
}

export interface ReadingListIndex {
  /** Ids of matching records with their scores; undefined when the query has no searchable word. */
  search(query: string): Map<string, number> | undefined;
  add(record: SavedPublication): void;
  remove(id: string): void;
  readonly size: number;
}

export function createReadingListIndex(records: readonly SavedPublication[] = []): ReadingListIndex {
  const index = new MiniSearch<SavedPublication>({
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    extractField: (record, field) => (field === 'id' ? record.id : fieldText(record, field as SearchField)),
    processTerm: (term) => processTerm(term),
  });
  const ids = new Set<string>();
  const add = (record: SavedPublication) => {
    if (!record || typeof record.id !== 'string') return;
    if (ids.has(record.id)) index.discard(record.id);
    index.add(record);
    ids.add(record.id);
  };
  for (const record of records) add(record);

  return {
    search(query) {
      const words = tokenize(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_WORDS);
      const endsInWord = /[\p{L}\p{N}]$/u.test(query);
      const clauses = words.flatMap((word, i) => {
        const stems = processTerm(word);
        if (!stems) return [];
        const typing = endsInWord && i === words.length - 1;
        // The half-typed word also matches as itself, as stemming a fragment may cut it oddly.
        const alternatives = typing ? [...new Set([...stems, word])] : stems;
        return [{ queries: alternatives, combineWith: 'OR' as const, prefix: typing && word.length >= 2 }];
      });
      if (clauses.length === 0) return undefined;
      const results = index.search(
        { queries: clauses, combineWith: 'AND' },
        {
          // Terms are already folded and stemmed above.
          processTerm: (term) => term,
          tokenize: (text) => [text],
          boost: { title: 3, authors: 2, themes: 2, tags: 2, subtitle: 1.5 },
        },
      );
      return new Map(results.map((r) => [String(r.id), r.score]));
    },
    add,
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

export interface ListFilters {
  theme?: string;
  status?: ReadingStatus;
  publisher?: string;
  year?: number;
  type?: string;
  tag?: string;
}

export type ListSort = 'saved' | 'year' | 'title' | 'relevance';

export function matchesFilters(record: SavedPublication, filters: ListFilters): boolean {
  if (filters.status && record.status !== filters.status) return false;
  if (filters.theme && !record.themes?.includes(filters.theme)) return false;
  if (filters.tag && !record.tags?.includes(filters.tag)) return false;
  if (filters.publisher && record.publisher !== filters.publisher) return false;
  if (filters.year !== undefined && record.year !== filters.year) return false;
  if (filters.type && record.type !== filters.type) return false;
  return true;
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A new array in the chosen order; ties keep the newest saved first. */
export function sortRecords(
  records: readonly SavedPublication[],
  sort: ListSort,
  scores?: Map<string, number>,
): SavedPublication[] {
  const bySaved = (a: SavedPublication, b: SavedPublication) => b.savedAt - a.savedAt;
  const out = [...records];
  switch (sort) {
    case 'saved':
      return out.sort(bySaved);
    case 'year':
      // Undated records last.
      return out.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || bySaved(a, b));
    case 'title':
      return out.sort((a, b) => titleCollator.compare(a.title ?? '', b.title ?? '') || bySaved(a, b));
    case 'relevance':
      return scores ? out.sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || bySaved(a, b)) : out.sort(bySaved);
  }
}

/** The values a filter can take, from the records themselves, most common first. */
export interface Facets {
  themes: Array<{ value: string; count: number }>;
  publishers: Array<{ value: string; count: number }>;
  years: number[];
  types: string[];
  tags: Array<{ value: string; count: number }>;
}

export function collectFacets(records: readonly SavedPublication[]): Facets {
  const themes = new Map<string, number>();
  const publishers = new Map<string, number>();
  const tags = new Map<string, number>();
  const years = new Set<number>();
  const types = new Set<string>();
  const bump = (map: Map<string, number>, key: unknown) => {
    if (typeof key === 'string' && key !== '') map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const r of records) {
    for (const theme of new Set(r.themes ?? [])) bump(themes, theme);
    for (const tag of new Set(r.tags ?? [])) bump(tags, tag);
    bump(publishers, r.publisher);
    if (typeof r.year === 'number') years.add(r.year);
    if (typeof r.type === 'string' && r.type) types.add(r.type);
  }
  const ranked = (map: Map<string, number>) =>
    [...map].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || titleCollator.compare(a.value, b.value));
  return {
    themes: ranked(themes),
    publishers: ranked(publishers),
    tags: ranked(tags),
    years: [...years].sort((a, b) => b - a),
    types: [...types].sort(),
  };
}
