import { newSavedPublication, type CatalogEntry, type SavedPublication } from '@/utils/record';
import { createSuggestionEngine, type Suggestion } from '@/utils/suggest';
import { DocIndex } from '@/utils/suggest/doc-index';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 1);

let counter = 0;

export function savedRecord(fields: Partial<SavedPublication> & { title: string }): SavedPublication {
  counter++;
  const id = fields.id ?? `saved-${counter}`;
  return newSavedPublication({
    url: `https://example.org/publicaties/${id}`,
    savedAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...fields,
    id,
  });
}

export function catalogEntry(
  fields: Partial<CatalogEntry> & { title: string },
  listedBy: SavedPublication[] = [],
): CatalogEntry {
  counter++;
  const id = fields.id ?? `catalog-${counter}`;
  return {
    url: `https://example.org/catalogus/${id}`,
    themes: [],
    keywords: [],
    authors: [],
    sources: listedBy.map((record) => ({
      kind: 'related' as const,
      listedBy: { id: record.id, title: record.title, url: record.url },
    })),
    firstSeenAt: NOW - 2 * DAY,
    lastSeenAt: NOW - 2 * DAY,
    ...fields,
    id,
  };
}

/** What the reader is shown: the engine's ranking, only suggestions with a reason. */
export function suggest(
  saved: readonly SavedPublication[],
  catalog: readonly CatalogEntry[],
  dismissed: readonly string[] = [],
  now = NOW,
): Suggestion[] {
  return createSuggestionEngine({ saved, catalog, dismissed }).rank({ now });
}

/** An index of these records with a current IDF, for the modules that query it. */
export function indexOf(saved: readonly SavedPublication[], catalog: readonly CatalogEntry[] = []): DocIndex {
  const index = new DocIndex();
  for (const record of saved) index.addSaved(record);
  for (const entry of catalog) index.addCatalogEntry(entry);
  index.vocabulary.ensureIdf();
  return index;
}
