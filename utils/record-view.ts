/**
 * A saved record as the reader sees it: themes under their chosen names, the publisher by one
 * name, authors without the publisher repeated. The same view feeds the rows, the filters, the
 * facet counts and search, so what a filter offers is what the rows show.
 */
import type { SavedPublication } from '@/utils/publication';
import { authorsBesidesPublisher, showPublisher, type ShownPublisher } from '@/utils/publisher-names';
import { canonicalThemes, type ThemeAliases } from '@/utils/themes/aliases';

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
