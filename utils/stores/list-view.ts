/**
 * Filters, sorts and facets of the reading list: plain functions over SavedPublication[]. Apart
 * from utils/search.ts (the index, with MiniSearch and the stemmers) so a page can paint its list
 * before the search code has loaded.
 */
import type { ReadingStatus, SavedPublication } from '@/utils/record';
import { NO_NAME_TABLES, viewRecord, type NameTables } from '@/utils/record-view';
import { nameKey } from '@/utils/themes/key';

export interface ListFilters {
  theme?: string;
  status?: ReadingStatus;
  publisher?: string;
  year?: number;
  type?: string;
  tag?: string;
}

export type ListSort = 'saved' | 'year' | 'title' | 'relevance';

/**
 * Theme and publisher filters compare the names as shown (after the reader's name tables), so
 * "Geopolitiek" also keeps the records that say "Geopolitics" once the two are merged.
 */
export function matchesFilters(
  record: SavedPublication,
  filters: ListFilters,
  tables: NameTables = NO_NAME_TABLES,
): boolean {
  if (filters.status && record.status !== filters.status) return false;
  if (filters.tag && !record.tags?.includes(filters.tag)) return false;
  if (filters.theme || filters.publisher) {
    const view = viewRecord(record, tables);
    const theme = filters.theme && nameKey(filters.theme);
    if (theme && !view.themes.some((t) => nameKey(t) === theme)) return false;
    if (filters.publisher && !isPublisher(view.publisher, filters.publisher)) return false;
  }
  if (filters.year !== undefined && record.year !== filters.year) return false;
  if (filters.type && record.type !== filters.type) return false;
  return true;
}

function isPublisher(shown: ReturnType<typeof viewRecord>['publisher'], wanted: string): boolean {
  if (!shown) return false;
  if (shown.label === wanted) return true;
  const key = nameKey(wanted);
  return shown.names.some((name) => nameKey(name) === key);
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
      return scores
        ? out.sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || bySaved(a, b))
        : out.sort(bySaved);
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

export function collectFacets(
  records: readonly SavedPublication[],
  tables: NameTables = NO_NAME_TABLES,
): Facets {
  const themes = new Map<string, number>();
  const publishers = new Map<string, number>();
  const tags = new Map<string, number>();
  const years = new Set<number>();
  const types = new Set<string>();
  const bump = (map: Map<string, number>, key: unknown) => {
    if (typeof key === 'string' && key !== '') map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const r of records) {
    const view = viewRecord(r, tables);
    for (const theme of view.themes) bump(themes, theme);
    for (const tag of new Set(r.tags ?? [])) bump(tags, tag);
    bump(publishers, view.publisher?.label);
    if (typeof r.year === 'number') years.add(r.year);
    if (typeof r.type === 'string' && r.type) types.add(r.type);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || titleCollator.compare(a.value, b.value));
  return {
    themes: ranked(themes),
    publishers: ranked(publishers),
    tags: ranked(tags),
    years: [...years].sort((a, b) => b - a),
    types: [...types].sort(),
  };
}
