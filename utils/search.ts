/**
 * Reading-list search, shared by the popup and the library (filters and sorts, which need no
 * search index, are in utils/stores/list-view.ts so pages can paint before this module loads).
 *
 * Search is MiniSearch over title, subtitle, authors, themes, tags, summary and notes, with the
 * text module's Dutch and English stems and stop words on both sides, so "samenwerking" finds a
 * page that says "samenwerken". Each query word may match any of its stems (OR); all words must
 * match (AND); the word being typed also matches as a prefix.
 */
import MiniSearch from 'minisearch';
import type { SavedPublication } from '@/utils/publication';
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
