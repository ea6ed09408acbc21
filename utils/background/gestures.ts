/**
 * Saving without the popup: the context menu's "Save page" and "Save link", and the keyboard
 * shortcut (Alt+Shift+S).
 */
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
  if (info.menuItemId === SAVE_MENUS[0].id && tabId !== undefined) await saveTab(bg, tabId);
  if (info.menuItemId === SAVE_MENUS[1].id && info.linkUrl) await saveLink(bg, info.linkUrl, info.linkText);
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
  if (target !== undefined) await saveTab(bg, target);
}
