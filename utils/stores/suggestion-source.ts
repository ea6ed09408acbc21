/**
 * Where the popup's Suggestions tab gets its items. There is no 'page/suggestions' message yet,
 * so the page ranks them itself with the suggestions engine over a read-only view of the database
 * (saved records, catalog, dismissed ids). The engine loads only when the tab is opened.
 */
import { listCatalog, listDismissed, listPublications } from '@/utils/db';
import { openDatabase } from './extension';
import type { SuggestionView } from './suggestions';

/** The catalog is capped far higher; the most recently seen entries are the relevant ones. */
const CATALOG_LIMIT = 5_000;
const SUGGESTION_LIMIT = 30;

export async function loadSuggestions(): Promise<SuggestionView[]> {
  const db = await openDatabase();
  const [saved, catalog, dismissed, { suggestForProfile }] = await Promise.all([
    listPublications(db),
    listCatalog(db, CATALOG_LIMIT),
    listDismissed(db),
    import('@/utils/suggest'),
  ]);
  if (saved.length === 0 || catalog.length === 0) return [];
  return suggestForProfile(saved, catalog, dismissed, Date.now(), SUGGESTION_LIMIT).filter((s) => s.score > 0);
}
