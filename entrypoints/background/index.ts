import { afterListChange } from '@/utils/background/changes';
import { createHandlers } from '@/utils/background/handlers';
import { route } from '@/utils/background/router';
import { pageOnInstalled } from '@/utils/background/install';
import { forgetTab } from '@/utils/background/tab-state';
import { requestPersistentStorage } from '@/utils/db';
import type { Runtime } from 'webextension-polyfill';
import { background } from './instance';
import { createMenus, listenForSaveGestures } from './menus';
import { listenForSiteAccessChanges, syncSiteAccessNow } from './site-access';
import { lastZoteroOutcome, listenForZotero, sendTargetToZotero, syncZoteroMenu } from './zotero';
import { listenForZoteroSync } from './zotero-sync';

function listenForMessages(): void {
  const handlers = createHandlers(background(), {
    send: (target) => sendTargetToZotero(target),
    last: async () => (await lastZoteroOutcome()) ?? null,
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    route(handlers, self, message, sender),
  );
}

export default defineBackground(() => {
  // Listeners are registered synchronously on every start: an MV3 worker is woken by these events.
  listenForMessages();
  listenForSaveGestures();
  listenForSiteAccessChanges();
  listenForZotero();
  listenForZoteroSync(() => afterListChange(background(), { everything: true }));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(background().session, tabId));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createMenus().then(syncZoteroMenu);
    const page = pageOnInstalled(reason);
    if (page) void browser.tabs.create({ url: browser.runtime.getURL(page) });
    // Ask the browser not to evict the reading list under storage pressure.
    void requestPersistentStorage();
  });
  browser.runtime.onStartup.addListener(() => void syncSiteAccessNow());
  void syncSiteAccessNow();
});
