import { requestPersistentStorage } from '@/utils/db';
import { handlers } from './handlers';
import { createMenus, listenForSaveGestures } from './menus';
import { listenForMessages } from './router';
import { listenForSiteAccessChanges, syncSiteAccess } from './site-access';
import { forgetTab } from './tabs';
import { listenForZotero, syncZoteroMenu } from './zotero';

export default defineBackground(() => {
  // Listeners are registered synchronously on every start: an MV3 worker is woken by these events.
  listenForMessages(handlers);
  listenForSaveGestures();
  listenForSiteAccessChanges();
  listenForZotero();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onInstalled.addListener(() => {
    void createMenus().then(syncZoteroMenu);
    // Ask the browser not to evict the reading list under storage pressure.
    void requestPersistentStorage();
  });
  browser.runtime.onStartup.addListener(() => void syncSiteAccess());
  void syncSiteAccess();
});
