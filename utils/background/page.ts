/**
 * A page in a tab: the content script's first check came in (full check → record where detected →
 * visit → badge), or the popup asks what the tab holds.
 */
import { recordVisit, touchCatalogEntry, type VisitResult } from '@/utils/db';
import type { FirstCheck } from '@/utils/detect';
import { siteOf } from '@/utils/linking';
import type { TabState } from '@/utils/messages';
import { safeHttpUrl, type Publication, type SavedPublication } from '@/utils/record';
import { badgeState, isDetected, savedFor } from './badges';
import { afterListChange } from './changes';
import type { Background } from './context';
import { extractInTab, ownedBy, ranAt } from './extraction';
import {
  autoSaveHeld,
  getTabState,
  holdAutoSave,
  setTabState,
  type PageTimings,
  type StoredTabState,
} from './tab-state';

/**
 * The content script's first check ran: remember it, and where it did not rule the page out, run
 * the full check (full-check.js), which decides whether this is a publication (the badge), and
 * where it is one, the extractor for its record (extractor.js). `url` is the address the content
 * script saw, checked by the handler against the sender's tab and origin.
 */
export async function onPageChecked(
  bg: Background,
  tabId: number,
  url: string,
  firstCheck: FirstCheck,
  checkMs?: number,
): Promise<void> {
  const previous = await getTabState(bg.session, tabId);
  // A new address (also after in-page navigation) never keeps the previous page's extraction, and
  // the same address keeps only a finished read: a detection whose record was never read (the
  // extractor failed, say the page reloaded meanwhile, or the worker stopped) is read again.
  const state: StoredTabState = { url, firstCheck, checkMs };
  const kept = previous?.url === url && !previous.trimmed ? previous.extraction : undefined;
  if (kept && (kept.publication || !kept.detected)) {
    state.extraction = kept;
    state.timings = previous?.timings;
  }
  await setTabState(bg.session, tabId, state);

  if (!firstCheck.ruledOut && !state.extraction && !(await readPage(bg, tabId, state))) return;

  const detected = isDetected(state);
  const publication = state.extraction?.publication;
  const saved =
    publication && detected ? await visit(bg, tabId, publication) : (await savedFor(bg, url)).saved;
  await bg.setBadge(tabId, badgeState(saved !== undefined, detected));
}

/**
 * Runs full-check.js in the tab and, only where it finds a publication, extractor.js for the
 * record (a page that is not one never loads the extractor); stores what they give in `state`.
 * False when the tab moved on meanwhile (a single-page app's next view, a link followed): its
 * check is newer, or comes shortly. Each script says where it ran, which may be the next page
 * before its content script has reported it: then nothing it read is kept under `url`.
 */
async function readPage(bg: Background, tabId: number, state: StoredTabState): Promise<boolean> {
  const { url } = state;
  const movedOn = async () => (await getTabState(bg.session, tabId))?.url !== url;
  const checked = await extractInTab(bg.inject, tabId, 'full-check');
  if ((checked && !ranAt(checked, url)) || (await movedOn())) return false;
  if (!checked) return true;
  state.extraction = ownedBy(url, checked.extraction);
  const timings: PageTimings = { fullCheckMs: checked.ms, fullCheckRoundTripMs: checked.roundTripMs };
  state.timings = timings;
  // Stored before the record is read, so a badge refreshed meanwhile (another tab saved) knows the
  // page is a publication; onPageChecked reads again a detection stored without its record.
  await setTabState(bg.session, tabId, state);
  if (!checked.extraction.detected) return true;
  // Takes the verdict full-check.js left in the page, so the page is not checked twice.
  const reading = extractInTab(bg.inject, tabId, 'extractor');
  await showSaved(bg, tabId, url, movedOn).catch(() => {});
  const read = await reading;
  if ((read && !ranAt(read, url)) || (await movedOn())) return false;
  if (read) {
    state.extraction = ownedBy(url, read.extraction);
    Object.assign(timings, {
      recordMs: read.ms,
      recordRoundTripMs: read.roundTripMs,
      handedOff: read.handedOff,
    });
    await setTabState(bg.session, tabId, state);
  }
  return true;
}

/**
 * The badge as soon as the full check found a publication, while extractor.js reads the record,
 * only where it is final: ✓ where the page is saved at this address (a record saved under its
 * address is always the page's). No + yet: the record may link the page to one saved under another
 * address (its DOI, its canonical address) or auto-save may save it, and + would turn ✓; the badge
 * after the visit settles it.
 */
async function showSaved(
  bg: Background,
  tabId: number,
  url: string,
  movedOn: () => Promise<boolean>,
): Promise<void> {
  const { saved } = await savedFor(bg, url);
  if (saved && !(await movedOn())) await bg.setBadge(tabId, 'saved');
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
    // Not when the tab showed another page meanwhile: that page's record is not this address's.
    if (extracted && ranAt(extracted, url)) {
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
