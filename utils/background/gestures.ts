/**
 * Saving without the popup: the context menu's "Save page" and "Save link", and the keyboard
 * shortcut (Alt+Shift+S). The reader sees what happened on the toolbar button of the tab they
 * acted in (utils/save-feedback.ts): a mark and a tooltip naming what was saved, or why not, held
 * for a few seconds, then the tab's own badge again. No notification: the notifications
 * permission would show a new prompt (and disable the extension on update until accepted).
 */
import { errorMessage, t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import { saveFeedback, type SaveOutcome } from '@/utils/save-feedback';
import { refreshTabBadge } from './badges';
import type { Background } from './context';
import { saveLink, saveTab } from './save';

export const SAVE_COMMAND = 'save-page';

/** The context-menu items, created once per install or update; titles are message names. */
export const SAVE_MENUS = [
  { id: 'leesmap-save-page', title: 'menuSavePage', contexts: ['page'] },
  { id: 'leesmap-save-link', title: 'menuSaveLink', contexts: ['link'] },
] as const;

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  /** Firefox gives the link's text; Chrome does not, and the catalog may know the title. */
  linkText?: string;
}

export async function onMenuClicked(
  bg: Background,
  info: MenuClick,
  tabId: number | undefined,
): Promise<void> {
  const { menuItemId, linkUrl, linkText } = info;
  if (menuItemId === SAVE_MENUS[0].id && tabId !== undefined)
    await withFeedback(bg, tabId, () => saveTab(bg, tabId));
  if (menuItemId !== SAVE_MENUS[1].id || !linkUrl) return;
  // A link saved outside any tab (no button to mark) is saved all the same.
  if (tabId === undefined) await saveLink(bg, linkUrl, linkText);
  else await withFeedback(bg, tabId, () => saveLink(bg, linkUrl, linkText));
}

/** The shortcut saves the tab it was pressed in, else the active tab (`activeTab()`). */
export async function onCommand(
  bg: Background,
  command: string,
  tabId: number | undefined,
  activeTab: () => Promise<number | undefined>,
): Promise<void> {
  if (command !== SAVE_COMMAND) return;
  const target = tabId ?? (await activeTab());
  if (target !== undefined) await withFeedback(bg, target, () => saveTab(bg, target));
}

/** Saves, then marks the tab's button with the outcome for its hold time, then restores the badge. */
async function withFeedback(
  bg: Background,
  tabId: number,
  save: () => Promise<SavedPublication | undefined>,
): Promise<void> {
  let outcome: SaveOutcome;
  try {
    const saved = await save();
    outcome = saved ? { ok: true, title: saved.title } : { ok: false, reason: t('feedbackNothingToSave') };
  } catch (error) {
    outcome = { ok: false, reason: errorMessage(error) };
  }
  const feedback = saveFeedback(outcome);
  await bg.markBadge(tabId, { text: feedback.badgeText, color: feedback.badgeColor, title: feedback.title });
  await bg.wait(feedback.holdMs);
  // Should the tab's state be unreadable (the database failing), the mark goes all the same.
  await refreshTabBadge(bg, tabId).catch(() => bg.setBadge(tabId, 'none'));
}
