/**
 * What the background does for each event: a page was checked, the popup wants a tab's state,
 * the reader saves. Storage rules live in utils/db; this file only sequences them.
 */
import {
  findCatalogEntry,
  matchPublication,
  recordVisit,
  savePublication,
  touchCatalogEntry,
} from '@/utils/db';
import type { FirstCheck } from '@/utils/detect';
import { siteOf } from '@/utils/linking';
import type { BackgroundBroadcast, ReaderEdits, TabState } from '@/utils/messages';
import {
  newPublication,
  publicationFromCatalog,
  safeHttpUrl,
  type EditableField,
  type ExtractionResult,
  type Publication,
  type SavedPublication,
} from '@/utils/record';
import { getSettings } from '@/utils/settings';
import { database } from './database';
import { extractInTab } from './extractor';
import { releaseCatalog, reserveCatalog, takeAutoSave } from './limits';
import { suggestionsNoteSaved, suggestionsNoteVisit } from './suggestions';
import { autoSaveHeld, getTabState, holdAutoSave, setBadge, setTabState, type StoredTabState } from './tabs';

export function broadcastListChanged(ids: string[]): void {
  const message: {
    leesmap: 1;
    type: keyof BackgroundBroadcast;
  } & BackgroundBroadcast['background/list-changed'] = {
    leesmap: 1,
    type: 'background/list-changed',
    ids,
  };
  // No listener (no popup open) is the normal case, not an error.
  browser.runtime.sendMessage(message).catch(() => {});
}

/**
 * The extraction as the page at `url` gave it: its publication's address is the one the browser
 * reported, never what the page's own script saw, and an extraction of another origin (the tab
 * moved on) is none.
 */
export function ownedBy(url: string, extraction: ExtractionResult | undefined): ExtractionResult | undefined {
  const publication = extraction?.publication;
  if (!extraction || !publication) return extraction;
  if (!sameOrigin(publication.url, url)) {
    const { publication: _dropped, ...rest } = extraction;
    return rest;
  }
  return { ...extraction, publication: { ...publication, url } };
}

export function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  try {
    return a !== undefined && b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

async function savedFor(url: string, extraction?: StoredTabState['extraction']) {
  const db = await database();
  return matchPublication(db, ownedBy(url, extraction)?.publication ?? { url });
}

/**
 * The content script's first check ran: remember it, and where it did not rule the page out, run
 * full-check.js, whose full check decides whether this is a publication (the badge). `url` is the
 * address the content script saw, checked by the router against the sender's tab and origin.
 */
export async function onPageChecked(
  tabId: number,
  url: string,
  firstCheck: FirstCheck,
  checkMs?: number,
): Promise<void> {
  const previous = await getTabState(tabId);
  // A new address (also after in-page navigation) never keeps the previous page's extraction.
  const state: StoredTabState = { url, firstCheck, checkMs };
  if (previous?.url === url && previous.extraction && !previous.trimmed) {
    state.extraction = previous.extraction;
    state.extractMs = previous.extractMs;
    state.extractRoundTripMs = previous.extractRoundTripMs;
  }
  await setTabState(tabId, state);

  if (!firstCheck.ruledOut && !state.extraction) {
    const extracted = await extractInTab(tabId, 'full-check');
    // The tab may have moved on meanwhile (a single-page app's next view): its check is newer.
    if ((await getTabState(tabId))?.url !== url) return;
    if (extracted) {
      state.extraction = ownedBy(url, extracted.extraction);
      state.extractMs = extracted.ms;
      state.extractRoundTripMs = extracted.roundTripMs;
      await setTabState(tabId, state);
    }
  }

  const detected = isDetected(state);
  const publication = state.extraction?.publication;
  let saved: SavedPublication | undefined;
  if (publication && detected) {
    saved = await visit(tabId, publication);
  } else {
    saved = (await savedFor(url)).saved;
  }
  await setBadge(tabId, saved ? 'saved' : detected ? 'detected' : 'none');
}

/**
 * A detected publication was visited: refresh its record or catalog it, within the tab's and the
 * site's write limits; auto-save it when the reader asked for that, within auto-save's limits.
 */
async function visit(tabId: number, publication: Publication): Promise<SavedPublication | undefined> {
  const db = await database();
  const site = siteOf(publication.url) ?? 'unknown';
  const budget = await reserveCatalog(tabId, site);
  let written = 0;
  try {
    const result = await recordVisit(db, publication, Date.now(), { catalogBudget: budget });
    written = result.catalogWrites;
    if (written > 0) await suggestionsNoteVisit(publication);
    if (result.saved || !(await getSettings()).autoSave) return result.saved;
  } finally {
    await releaseCatalog(tabId, site, budget - written);
  }
  if (!(await takeAutoSave(site))) {
    // Held, not dropped: the badge still offers the page, and the popup says why it was not saved.
    await holdAutoSave(site);
    return undefined;
  }
  const autoSaved = await savePublication(db, publication);
  await suggestionsNoteSaved([autoSaved]);
  broadcastListChanged([autoSaved.id]);
  return autoSaved;
}

/** A publication by the full check, on a page the content script's first check let through. */
function isDetected(state: StoredTabState | undefined): boolean {
  return state?.firstCheck?.ruledOut === false && state.extraction?.detected === true;
}

/** The popup asks what this tab holds; extracts on request (any page may be saved by hand). */
export async function tabStateFor(tabId: number, extract: boolean): Promise<TabState> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  let state = await getTabState(tabId);
  if (!state || state.url !== url) state = { url };
  let extraction = ownedBy(url, state.extraction);
  // The background's own run reads no record on a page that is not a publication, and a record
  // trimmed to the tab's storage budget is not all of it: read the page now.
  if (extract && (!extraction?.publication || state.trimmed) && safeHttpUrl(url)) {
    const extracted = await extractInTab(tabId, 'extractor');
    if (extracted) {
      extraction = ownedBy(url, extracted.extraction);
      // The timings are the background's own run's (after the first check), not this one's.
      await setTabState(tabId, { url, firstCheck: state.firstCheck, checkMs: state.checkMs, extraction });
    }
  }
  const match = safeHttpUrl(url) ? await savedFor(url, extraction) : { saved: undefined, resembles: [] };
  // The reader looked at this page: if Leesmap only catalogued it, that entry is kept longest.
  if (safeHttpUrl(url) && !match.saved) await touchCatalogEntry(await database(), url).catch(() => false);
  const held = await autoSaveHeld();
  return {
    tabId,
    url,
    firstCheck: state.firstCheck,
    extraction,
    saved: match.saved,
    resembles: match.resembles,
    ...(held && { autoSaveHeld: held }),
  };
}

/** Saves (one transaction, with the fields the reader edited) and updates every open tab's badge. */
export async function savePage(
  publication: Publication,
  reader?: ReaderEdits,
  edited?: EditableField[],
): Promise<SavedPublication> {
  const db = await database();
  const saved = await savePublication(db, publication, reader, Date.now(), { edited });
  await suggestionsNoteSaved([saved]);
  broadcastListChanged([saved.id]);
  await refreshBadges();
  return saved;
}

/** Re-derives every tab's badge; called after saves and deletes, which may concern any tab. */
export async function refreshBadges(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url || !safeHttpUrl(tab.url)) return;
      const state = await getTabState(tab.id);
      const current = state?.url === tab.url ? state : undefined;
      const { saved } = await savedFor(tab.url, current?.extraction);
      await setBadge(tab.id, saved ? 'saved' : isDetected(current) ? 'detected' : 'none');
    }),
  );
}

/** Keyboard shortcut and "Save page" menu item: extract if needed, then save whatever the page gives. */
export async function saveTab(tabId: number): Promise<SavedPublication | undefined> {
  const state = await tabStateFor(tabId, true);
  const publication = state.extraction?.publication ?? (await fallbackPublication(state.url));
  return publication ? savePage(publication) : undefined;
}

/** "Save link": the catalog may already know the linked publication (a related item seen before). */
export async function saveLink(linkUrl: string, linkText?: string): Promise<SavedPublication | undefined> {
  const publication = await fallbackPublication(linkUrl, linkText);
  return publication ? savePage(publication) : undefined;
}

async function fallbackPublication(url: string, title?: string): Promise<Publication | undefined> {
  const href = safeHttpUrl(url);
  if (!href) return undefined;
  const known = await findCatalogEntry(await database(), href);
  if (known) return publicationFromCatalog(known, href);
  const parsed = new URL(href);
  const name =
    title?.trim() || decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? parsed.hostname);
  return newPublication({ url: href, title: name.slice(0, 500) });
}
