/**
 * The real ports of utils/background: the browser's storage, tabs, badge, scripting and messages,
 * and the database connection. Nothing here decides anything.
 */
import type { BackgroundPorts, BadgeMark, BadgeState, SessionStore } from '@/utils/background/ports';
import { BADGE_LOOK } from '@/utils/background/badges';
import { broadcast } from '@/utils/messages';
import { getSettings } from '@/utils/settings';
import { database } from './database';
import { zoteroListChanged } from './zotero-sync';

const session: SessionStore = {
  get: async (key) => (await browser.storage.session.get(key))[key],
  set: (key, value) => browser.storage.session.set({ [key]: value }),
  remove: (key) => browser.storage.session.remove(key),
};

async function setBadge(tabId: number, state: BadgeState): Promise<void> {
  try {
    if (state === 'none') {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('extName') });
      return;
    }
    const look = BADGE_LOOK[state];
    await browser.action.setBadgeText({ tabId, text: look.text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage(look.title) });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

async function markBadge(tabId: number, mark: BadgeMark): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: mark.text });
    await browser.action.setBadgeBackgroundColor({ tabId, color: mark.color });
    await browser.action.setTitle({ tabId, title: mark.title });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

export function browserPorts(): BackgroundPorts {
  return {
    database,
    session,
    tabs: {
      url: async (tabId) => (await browser.tabs.get(tabId)).url ?? '',
      all: async () =>
        (await browser.tabs.query({})).flatMap((tab) =>
          tab.id !== undefined && tab.url ? [{ id: tab.id, url: tab.url }] : [],
        ),
    },
    setBadge,
    markBadge,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    broadcast: (type, payload) => {
      broadcast(type, payload);
      // A change to the list is due for the Zotero sync, when the reader turned it on.
      if (type === 'background/list-changed') zoteroListChanged();
    },
    // Unlisted scripts, injected only where needed so the content script stays small. Needs host
    // access: the publisher list, the opted-in <all_urls>, or activeTab after the reader asked.
    inject: async (tabId, script) =>
      (await browser.scripting.executeScript({ target: { tabId }, files: [`/${script}.js`] }))[0]?.result,
    settings: getSettings,
    now: () => Date.now(),
  };
}
