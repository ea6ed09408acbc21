/**
 * The toolbar badge: ✓ where the page is a saved record, + where the full check found a
 * publication on a page the first check let through, nothing otherwise.
 */
import { matchPublication } from '@/utils/db';
import type { Resemblance, SavedPublication } from '@/utils/record';
import { safeHttpUrl } from '@/utils/record';
import type { Background } from './context';
import { ownedBy } from './extraction';
import type { BadgeState } from './ports';
import { getTabState, type StoredTabState } from './tab-state';

/** A publication by the full check, on a page the content script's first check let through. */
export function isDetected(state: StoredTabState | undefined): boolean {
  return state?.firstCheck?.ruledOut === false && state.extraction?.detected === true;
}

export function badgeState(saved: boolean, detected: boolean): BadgeState {
  return saved ? 'saved' : detected ? 'detected' : 'none';
}

/** The saved record the page at `url` is (with its extraction, where there is one), and what it resembles. */
export async function savedFor(
  bg: Background,
  url: string,
  extraction?: StoredTabState['extraction'],
): Promise<{ saved?: SavedPublication; resembles: Resemblance[] }> {
  return matchPublication(await bg.database(), ownedBy(url, extraction)?.publication ?? { url });
}

/** Re-derives every tab's badge; called after saves and deletes, which may concern any tab. */
export async function refreshBadges(bg: Background): Promise<void> {
  const tabs = await bg.tabs.all();
  await Promise.all(
    tabs.map(async (tab) => {
      if (!safeHttpUrl(tab.url)) return;
      const state = await getTabState(bg.session, tab.id);
      const current = state?.url === tab.url ? state : undefined;
      const { saved } = await savedFor(bg, tab.url, current?.extraction);
      await bg.setBadge(tab.id, badgeState(saved !== undefined, isDetected(current)));
    }),
  );
}

/** Re-derives one tab's badge (after a passing mark), as refreshBadges does for every tab. */
export async function refreshTabBadge(bg: Background, tabId: number): Promise<void> {
  const url = await bg.tabs.url(tabId).catch(() => undefined);
  if (url === undefined) return;
  const state = await getTabState(bg.session, tabId);
  const current = state?.url === url ? state : undefined;
  const { saved } = safeHttpUrl(url) ? await savedFor(bg, url, current?.extraction) : { saved: undefined };
  await bg.setBadge(tabId, badgeState(saved !== undefined, isDetected(current)));
}

/** How each badge looks; the title is a message name of public/_locales. */
export const BADGE_LOOK: Record<
  Exclude<BadgeState, 'none'>,
  { text: string; color: string; title: 'badgeDetectedTitle' | 'badgeSavedTitle' }
> = {
  detected: { text: '+', color: '#1d4ed8', title: 'badgeDetectedTitle' },
  saved: { text: '✓', color: '#15803d', title: 'badgeSavedTitle' },
};
