import { saveLink, saveTab } from './flows';

const SAVE_PAGE = 'leesmap-save-page';
const SAVE_LINK = 'leesmap-save-link';
export const SAVE_COMMAND = 'save-page';

/** Context-menu items are kept by the browser across restarts; create them once per install/update. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: SAVE_PAGE,
    title: browser.i18n.getMessage('menuSavePage'),
    contexts: ['page'],
  });
  browser.contextMenus.create({
    id: SAVE_LINK,
    title: browser.i18n.getMessage('menuSaveLink'),
    contexts: ['link'],
  });
}

export function listenForSaveGestures(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_PAGE && tab?.id !== undefined) void saveTab(tab.id);
    // Firefox gives the link's text; Chrome does not, and the catalog may know the title.
    if (info.menuItemId === SAVE_LINK && info.linkUrl)
      void saveLink(info.linkUrl, (info as { linkText?: string }).linkText);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== SAVE_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await saveTab(tabId);
  });
}
