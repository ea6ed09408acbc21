/**
 * A saved record as the reader sees it: themes under their chosen names, the publisher by one
 * name, authors without the publisher repeated. The same view feeds the rows, the filters, the
 * facet counts and search, so what a filter offers is what the rows show.
 */
import type { SavedPublication } from '@/utils/record';
import { authorsBesidesPublisher, showPublisher, type ShownPublisher } from '@/utils/publisher-names';
import { canonicalTheme, canonicalThemes, type ThemeAliases } from '@/utils/themes/aliases';
import { nameKey } from '@/utils/themes/key';

/** The reader's name tables (settings.themeAliases, settings.publisherNames). */
export interface NameTables {
  themeAliases: ThemeAliases;
  publisherNames: Readonly<Record<string, string>>;
}

export const NO_NAME_TABLES: NameTables = Object.freeze({ themeAliases: {}, publisherNames: {} });

export interface RecordView {
  themes: string[];
  publisher?: ShownPublisher;
  authors: string[];
}

export function viewRecord(record: SavedPublication, tables: NameTables = NO_NAME_TABLES): RecordView {
  const publisher = showPublisher(record.publisher, tables.publisherNames);
  return {
    themes: canonicalThemes(record.themes, tables.themeAliases),
    publisher,
    authors: authorsBesidesPublisher(record.authors, publisher),
  };
}

/** Keys of the rows that differ between two tables, with the names they showed and show. */
function changedKeys(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>) {
  const keys = new Set<string>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[key] === after[key]) continue;
    keys.add(key);
    if (before[key] !== undefined) keys.add(nameKey(before[key]));
    if (after[key] !== undefined) keys.add(nameKey(after[key]));
  }
  return keys;
}

/**
 * The records a change of name tables shows differently: a theme or publisher whose row changed,
 * or a theme that showed under a changed name (A → B, then B → C touches A). Only these need
 * indexing again, so a merge costs what it touches, not the whole list.
 */
export function touchedByNames(
  records: readonly SavedPublication[],
  before: NameTables,
  after: NameTables,
): SavedPublication[] {
  const themeKeys = changedKeys(before.themeAliases, after.themeAliases);
  const publisherKeys = changedKeys(before.publisherNames, after.publisherNames);
  if (themeKeys.size === 0 && publisherKeys.size === 0) return [];
  return records.filter(
    (r) =>
      (typeof r.publisher === 'string' && publisherKeys.has(nameKey(r.publisher))) ||
      (r.themes ?? []).some(
        (t) =>
          typeof t === 'string' &&
          (themeKeys.has(nameKey(t)) || themeKeys.has(nameKey(canonicalTheme(t, before.themeAliases)))),
      ),
  );
}
