/**
 * Filters, sorts and facets of the reading list: plain functions over SavedPublication[]. Apart
 * from utils/search.ts (the index, with MiniSearch and the stemmers) so a page can paint its list
 * before the search code has loaded.
 */
import type { ReadingStatus, SavedPublication } from '@/utils/publication';

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
