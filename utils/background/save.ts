/**
 * The reader saves: a page from the popup (with their edits), a tab from the shortcut or the
 * context menu, a link from the context menu, a suggestion by its catalog id.
 */
import { findCatalogEntry, savePublication } from '@/utils/db';
import type { ReaderEdits } from '@/utils/messages';
import {
  newPublication,
  publicationFromCatalog,
  safeHttpUrl,
  type EditableField,
  type Publication,
  type SavedPublication,
} from '@/utils/record';
import { afterListChange } from './changes';
import type { Background } from './context';
import { tabStateFor } from './page';

/** Saves (one transaction, with the fields the reader edited), then tells the pages and badges. */
export async function savePage(
  bg: Background,
  publication: Publication,
  reader?: ReaderEdits,
  edited?: EditableField[],
): Promise<SavedPublication> {
  const saved = await savePublication(await bg.database(), publication, reader, bg.now(), { edited });
  await afterListChange(bg, { saved: [saved] });
  return saved;
}

/** Keyboard shortcut and "Save page" menu item: extract if needed, then save whatever the page gives. */
export async function saveTab(bg: Background, tabId: number): Promise<SavedPublication | undefined> {
  const state = await tabStateFor(bg, tabId, true);
  const publication = state.extraction?.publication ?? (await fallbackPublication(bg, state.url));
  return publication ? savePage(bg, publication) : undefined;
}

/** "Save link": the catalog may already know the linked publication (a related item seen before). */
export async function saveLink(
  bg: Background,
  linkUrl: string,
  linkText?: string,
): Promise<SavedPublication | undefined> {
  const publication = await fallbackPublication(bg, linkUrl, linkText);
  return publication ? savePage(bg, publication) : undefined;
}

/**
 * Saves the suggestion with this catalog id, from what the catalog knows of it. Undefined when
 * there is no such entry or it has no web address to save.
 */
export async function saveSuggestion(bg: Background, id: string): Promise<SavedPublication | undefined> {
  const entry = await bg.suggestions.candidate(id);
  const url = safeHttpUrl(entry?.url);
  if (!entry || !url) return undefined;
  return savePage(bg, publicationFromCatalog(entry, url));
}

async function fallbackPublication(
  bg: Background,
  url: string,
  title?: string,
): Promise<Publication | undefined> {
  const href = safeHttpUrl(url);
  if (!href) return undefined;
  const known = await findCatalogEntry(await bg.database(), href);
  if (known) return publicationFromCatalog(known, href);
  const parsed = new URL(href);
  const name = title?.trim() || readable(parsed.pathname.split('/').filter(Boolean).pop() ?? parsed.hostname);
  return newPublication({ url: href, title: name.slice(0, 500) });
}

/** A path segment as words; one with a broken escape (`%E0%A4%A`) as it stands. */
function readable(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
