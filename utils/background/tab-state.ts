/**
 * What the background knows per tab: the first check's ruling and the extraction, and the notice
 * that auto-save held pages back. Kept in session storage because an MV3 service worker is stopped
 * when idle and loses its memory.
 */
import type { FirstCheck } from '@/utils/detect';
import type { AutoSaveHeld } from '@/utils/messages';
import type { ExtractionResult } from '@/utils/record';
import { fitTabState } from '@/utils/tab-budget';
import type { SessionStore } from './ports';

export interface StoredTabState {
  url: string;
  firstCheck?: FirstCheck;
  /** Time the content script's first check took in the page, in ms (performance.now()). */
  checkMs?: number;
  /** What the background's own run after the first check took (utils/background/page.ts). */
  timings?: PageTimings;
  extraction?: ExtractionResult;
  /** The extraction was cut to the tab's storage budget (utils/tab-budget.ts): read the page again for all of it. */
  trimmed?: boolean;
}

/**
 * In ms (but `handedOff`): each script's time in the page (performance.now(), as it reported it) and its round trip
 * seen from the background (injecting, loading, compiling and running it, and the messages).
 */
export interface PageTimings {
  /** full-check.js: the full check, on every page the first check let through. */
  fullCheckMs?: number;
  fullCheckRoundTripMs?: number;
  /** extractor.js, injected next where the full check found a publication: the record. */
  recordMs?: number;
  recordRoundTripMs?: number;
  /** extractor.js took full-check.js's verdict rather than checking the page again. */
  handedOff?: boolean;
}

const key = (tabId: number) => `tab:${tabId}`;

export async function getTabState(session: SessionStore, tabId: number): Promise<StoredTabState | undefined> {
  const stored = await session.get(key(tabId));
  return typeof stored === 'object' && stored !== null ? (stored as StoredTabState) : undefined;
}

/**
 * Stores a tab's state within its budget. Should storage still fail (quota), the tab is forgotten
 * rather than left with an older page's state: the badge is set apart from this and keeps working.
 */
export async function setTabState(
  session: SessionStore,
  tabId: number,
  state: StoredTabState,
): Promise<void> {
  try {
    await session.set(key(tabId), fitTabState(state));
  } catch {
    await forgetTab(session, tabId).catch(() => {});
  }
}

export async function forgetTab(session: SessionStore, tabId: number): Promise<void> {
  await session.remove(key(tabId));
}

const HELD = 'auto-save-held';
/** How long the popup mentions auto-saves that were held back, after the last one. */
export const HELD_NOTICE_MS = 24 * 3_600_000;

/** Auto-save reached its limit on `site`: remember it for the popup's notice. */
export async function holdAutoSave(session: SessionStore, site: string, now: number): Promise<void> {
  const previous = await autoSaveHeld(session, now);
  const held: AutoSaveHeld = {
    site: site.replace(/^publisher:/, ''),
    count: (previous?.count ?? 0) + 1,
    at: now,
  };
  await session.set(HELD, held).catch(() => {});
}

/** Auto-saves held back lately, if the reader has not dismissed the notice. */
export async function autoSaveHeld(session: SessionStore, now: number): Promise<AutoSaveHeld | undefined> {
  const stored = (await session.get(HELD)) as Partial<AutoSaveHeld> | undefined;
  if (
    !stored ||
    typeof stored.site !== 'string' ||
    typeof stored.count !== 'number' ||
    typeof stored.at !== 'number'
  )
    return undefined;
  if (now - stored.at > HELD_NOTICE_MS) return undefined;
  return { site: stored.site, count: stored.count, at: stored.at };
}

export async function dismissAutoSaveNotice(session: SessionStore): Promise<void> {
  await session.remove(HELD);
}
