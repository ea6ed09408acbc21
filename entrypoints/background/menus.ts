import { onCommand, onMenuClicked, SAVE_MENUS } from '@/utils/background/gestures';
import { background } from './instance';

/** Context-menu items are kept by the browser across restarts; create them once per install/update. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const { id, title, contexts } of SAVE_MENUS)
    browser.contextMenus.create({ id, title: browser.i18n.getMessage(title), contexts: [...contexts] });
}

export function listenForSaveGestures(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(background(), info, tab?.id));
  browser.commands.onCommand.addListener(async (command, tab) => {
    const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    await onCommand(background(), command, tab?.id, activeTab);
  });
}
