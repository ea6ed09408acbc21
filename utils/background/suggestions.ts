/**
 * The suggestion engine lives in the background, built once per service-worker life from the
 * database and then kept up to date incrementally on every save, edit, delete, dismissal and
 * visit, so the popup's Suggestions tab only asks for a ranking. It also knows every candidate it
 * ranks by catalog id, which is how a suggestion is saved (`candidate`).
 */
import {
  findCatalogEntry,
  listCatalog,
  listDismissed,
  listPublications,
  type LeesmapDatabase,
} from '@/utils/db';
import type { CatalogEntry, Publication, SavedPublication } from '@/utils/record';
import {
  createSuggestionEngine,
  pageListingEntry,
  type PageContext,
  type Suggestion,
  type SuggestionEngine,
} from '@/utils/suggest';

interface Built {
  engine: SuggestionEngine;
  /** The catalog entries the engine was given, by id. */
  entries: Map<string, CatalogEntry>;
}

export interface Suggestions {
  /** With `page` (the page the reader is on), that page's group leads ("Bij deze pagina"). */
  rank(limit: number, now: number, page?: PageContext): Promise<Suggestion[]>;
  /**
   * A suggestion's catalog entry, by its id, as stored now; else, for a publication the last
   * ranked page lists that the catalog lacks, the entry built from that listing; undefined when
   * Leesmap never had it.
   */
  candidate(id: string): Promise<CatalogEntry | undefined>;
  noteSaved(records: readonly SavedPublication[]): Promise<void>;
  noteRemoved(ids: readonly string[]): Promise<void>;
  noteDismissed(id: string): Promise<void>;
  /** A visited page and the related publications it lists entered the catalog. */
  noteVisit(publication: Publication): Promise<void>;
  /** After an import the whole list may differ: rebuild on the next ranking. */
  reset(): void;
}

export function createSuggestions(database: () => Promise<LeesmapDatabase>): Suggestions {
  let building: Promise<Built> | undefined;
  /** The page of the last ranking: its listings can be saved though the catalog lacks them. */
  let lastPage: PageContext | undefined;

  function built(): Promise<Built> {
    building ??= (async () => {
      const db = await database();
      const [saved, catalog, dismissed] = await Promise.all([
        listPublications(db),
        listCatalog(db),
        listDismissed(db),
      ]);
      const entries = new Map(catalog.map((entry) => [entry.id, entry]));
      return { engine: createSuggestionEngine({ saved, catalog, dismissed }), entries };
    })().catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  }

  /** Applies a change only if the engine exists; otherwise it will read the change when built. */
  async function ifBuilt(change: (built: Built) => void): Promise<void> {
    if (building) change(await building);
  }

  return {
    async rank(limit, now, page) {
      const { engine } = await built();
      lastPage = page;
      return engine.rank({ now, limit, page });
    },
    async candidate(id) {
      const known = (await built()).entries.get(id);
      if (!known) return lastPage ? pageListingEntry(lastPage, id) : undefined;
      if (!known.url) return known;
      // As the database holds it now: later visits may have filled fields in.
      return (await findCatalogEntry(await database(), known.url)) ?? known;
    },
    noteSaved: (records) => ifBuilt(({ engine }) => records.forEach((r) => engine.addSaved(r))),
    noteRemoved: (ids) => ifBuilt(({ engine }) => ids.forEach((id) => engine.removeSaved(id))),
    noteDismissed: (id) => ifBuilt(({ engine }) => engine.dismiss(id)),
    async noteVisit(publication) {
      if (!building) return;
      const db = await database();
      const urls = [publication.url, ...publication.related.map((r) => r.url)].filter(
        (u): u is string => !!u,
      );
      const found = await Promise.all(urls.map((url) => findCatalogEntry(db, url)));
      const entries = found.filter((e): e is CatalogEntry => e !== undefined);
      await ifBuilt((b) => {
        b.engine.addCatalogEntries(entries);
        for (const entry of entries) b.entries.set(entry.id, entry);
      });
    },
    reset() {
      building = undefined;
    },
  };
}
