/**
 * A page in a tab: the content script's first check came in (check → extract → visit → badge), or
 * the popup asks what the tab holds.
 */
import { recordVisit, touchCatalogEntry, type VisitResult } from '@/utils/db';
import type { FirstCheck } from '@/utils/detect';
import { siteOf } from '@/utils/linking';
import type { TabState } from '@/utils/messages';
import { safeHttpUrl, type Publication, type SavedPublication } from '@/utils/record';
import { badgeState, isDetected, savedFor } from './badges';
import { afterListChange } from './changes';
import type { Background } from './context';
import { extractInTab, ownedBy } from './extraction';
import { autoSaveHeld, getTabState, holdAutoSave, setTabState, type StoredTabState } from './tab-state';

/**
 * The content script's first check ran: remember it, and where it did not rule the page out, run
 * full-check.js, whose full check decides whether this is a publication (the badge). `url` is the
 * address the content script saw, checked by the handler against the sender's tab and origin.
 */
export async function onPageChecked(
  bg: Background,
  tabId: number,
  url: string,
  firstCheck: FirstCheck,
  checkMs?: number,
): Promise<void> {
  const previous = await getTabState(bg.session, tabId);
  // A new address (also after in-page navigation) never keeps the previous page's extraction.
  const state: StoredTabState = { url, firstCheck, checkMs };
  if (previous?.url === url && previous.extraction && !previous.trimmed) {
    state.extraction = previous.extraction;
    state.extractMs = previous.extractMs;
    state.extractRoundTripMs = previous.extractRoundTripMs;
  }
  await setTabState(bg.session, tabId, state);

  if (!firstCheck.ruledOut && !state.extraction) {
    const extracted = await extractInTab(bg.inject, tabId, 'full-check');
    // The tab may have moved on meanwhile (a single-page app's next view): its check is newer.
    if ((await getTabState(bg.session, tabId))?.url !== url) return;
    if (extracted) {
      state.extraction = ownedBy(url, extracted.extraction);
      state.extractMs = extracted.ms;
      state.extractRoundTripMs = extracted.roundTripMs;
      await setTabState(bg.session, tabId, state);
    }
  }

  const detected = isDetected(state);
  const publication = state.extraction?.publication;
  const saved =
    publication && detected ? await visit(bg, tabId, publication) : (await savedFor(bg, url)).saved;
  await bg.setBadge(tabId, badgeState(saved !== undefined, detected));
}

/**
 * A detected publication was visited: refresh its record or catalog it, within the tab's and the
 * site's write limits, and auto-save it when the reader asked for that, within auto-save's
 * limits, in the same transaction (utils/db recordVisit's `autoSave`).
 */
async function visit(
  bg: Background,
  tabId: number,
  publication: Publication,
): Promise<SavedPublication | undefined> {
  const db = await bg.database();
  const site = siteOf(publication.url) ?? 'unknown';
  const wanted = (await bg.settings()).autoSave;
  // Taken before the visit so two visits at once cannot both spend the last one; given back
  // when the visit did not auto-save (the page was saved already, or the write failed).
  const token = wanted && (await bg.limits.takeAutoSave(site, bg.now()));
  const budget = await bg.limits.reserveCatalog(tabId, site, bg.now());
  let result: VisitResult | undefined;
  try {
    result = await recordVisit(db, publication, bg.now(), { catalogBudget: budget, autoSave: token });
  } finally {
    await bg.limits.releaseCatalog(tabId, site, budget - (result?.catalogWrites ?? 0), bg.now());
    if (token && !result?.autoSaved) await bg.limits.refundAutoSave(site, bg.now());
  }
  if (result.catalogWrites > 0) await bg.suggestions.noteVisit(publication);
  // This tab's badge is set by the caller.
  if (result.autoSaved && result.saved) await afterListChange(bg, { saved: [result.saved], badges: false });
  // Held, not dropped: the badge still offers the page, and the popup says why it was not saved.
  else if (wanted && !token && !result.saved) await holdAutoSave(bg.session, site, bg.now());
  return result.saved;
}

/** The popup asks what this tab holds; extracts on request (any page may be saved by hand). */
export async function tabStateFor(bg: Background, tabId: number, extract: boolean): Promise<TabState> {
  const url = await bg.tabs.url(tabId);
  let state = await getTabState(bg.session, tabId);
  if (!state || state.url !== url) state = { url };
  let extraction = ownedBy(url, state.extraction);
  const web = safeHttpUrl(url) !== undefined;
  // The background's own run reads no record on a page that is not a publication, and a record
  // trimmed to the tab's storage budget is not all of it: read the page now.
  if (extract && web && (!extraction?.publication || state.trimmed)) {
    const extracted = await extractInTab(bg.inject, tabId, 'extractor');
    if (extracted) {
      extraction = ownedBy(url, extracted.extraction);
      // The timings are the background's own run's (after the first check), not this one's.
      const { firstCheck, checkMs } = state;
      await setTabState(bg.session, tabId, { url, firstCheck, checkMs, extraction });
    }
  }
  const match = web ? await savedFor(bg, url, extraction) : { saved: undefined, resembles: [] };
  // The reader looked at this page: if Leesmap only catalogued it, that entry is kept longest.
  if (web && !match.saved) await touchCatalogEntry(await bg.database(), url, bg.now()).catch(() => false);
  const held = await autoSaveHeld(bg.session, bg.now());
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
