/**
 * The suggestion engine lives in the background, built once per service-worker life from the
 * database and then kept up to date incrementally on every save, edit, delete, dismissal and
 * visit, so the popup's Suggestions tab only asks for a ranking.
 */
import { findCatalogEntry, listCatalog, listDismissed, listPublications } from '@/utils/db';
import type { CatalogEntry, Publication, SavedPublication } from '@/utils/record';
import { createSuggestionEngine, type Suggestion, type SuggestionEngine } from '@/utils/suggest';
import { database } from './database';

let building: Promise<SuggestionEngine> | undefined;

function engine(): Promise<SuggestionEngine> {
  if (!building) {
    building = (async () => {
      const db = await database();
      const [saved, catalog, dismissed] = await Promise.all([
        listPublications(db),
        listCatalog(db),
        listDismissed(db),
      ]);
      return createSuggestionEngine({ saved, catalog, dismissed });
    })().catch((error: unknown) => {
      building = undefined;
      throw error;
    });
  }
  return building;
}

/** Applies a change only if the engine exists; otherwise it will read the change when built. */
async function ifBuilt(change: (engine: SuggestionEngine) => void): Promise<void> {
  if (building) change(await building);
}

export async function rankSuggestions(limit: number): Promise<Suggestion[]> {
  return (await engine()).rank({ now: Date.now(), limit });
}

export const suggestionsNoteSaved = (records: SavedPublication[]) =>
  ifBuilt((e) => records.forEach((r) => e.addSaved(r)));

export const suggestionsNoteRemoved = (ids: string[]) =>
  ifBuilt((e) => ids.forEach((id) => e.removeSaved(id)));

export const suggestionsNoteDismissed = (id: string) => ifBuilt((e) => e.dismiss(id));

/** After an import the whole list may differ: rebuild on the next ranking. */
export function suggestionsReset(): void {
  building = undefined;
}

/** A visited page and the related publications it lists entered the catalog. */
export async function suggestionsNoteVisit(publication: Publication): Promise<void> {
  if (!building) return;
  const db = await database();
  const urls = [publication.url, ...publication.related.map((r) => r.url)].filter((u): u is string => !!u);
  const entries = (await Promise.all(urls.map((url) => findCatalogEntry(db, url)))).filter(
    (e): e is CatalogEntry => e !== undefined,
  );
  (await building).addCatalogEntries(entries);
}
