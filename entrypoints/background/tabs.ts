/**
 * What the background knows per tab: the first check's ruling and the extraction. Kept in
 * `storage.session` because an MV3 service worker is stopped when idle and loses its memory.
 */
import type { FirstCheck } from '@/utils/detect';
import type { ExtractionResult } from '@/utils/publication';

export interface StoredTabState {
  url: string;
  firstCheck?: FirstCheck;
  /** Time the content script's first check took in the page, in ms (performance.now()). */
  checkMs?: number;
  /** Time full-check.js took in the page, run by the background after the first check, in ms. */
  extractMs?: number;
  /** The same run seen from the background: injecting, loading, compiling and running it, in ms. */
  extractRoundTripMs?: number;
  extraction?: ExtractionResult;
}

const key = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number): Promise<StoredTabState | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as StoredTabState | undefined;
}

export async function setTabState(tabId: number, state: StoredTabState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

export type BadgeState = 'none' | 'detected' | 'saved';

const BADGE: Record<
  Exclude<BadgeState, 'none'>,
  { text: string; color: string; title: 'badgeDetectedTitle' | 'badgeSavedTitle' }
> = {
  detected: { text: '+', color: '#1d4ed8', title: 'badgeDetectedTitle' },
  saved: { text: '✓', color: '#15803d', title: 'badgeSavedTitle' },
};

export async function setBadge(tabId: number, state: BadgeState): Promise<void> {
  try {
    if (state === 'none') {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') });
      return;
    }
    const badge = BADGE[state];
    await browser.action.setBadgeText({ tabId, text: badge.text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage(badge.title) });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}
