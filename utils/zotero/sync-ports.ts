/**
 * The options page's ports for the Zotero sync (components/ZoteroSync.tsx) over the browser: the
 * permission for `api.zotero.org` asked from the reader's click, the key and choice in
 * `storage.local`, the libraries and collections read through the Web API (webapi.ts, with the
 * browser's fetch, only after the permission was granted). "Sync now" leaves a request the
 * background picks up (sync-settings.ts `requestSync`).
 */
import { zoteroFetch } from './connector';
import {
  forgetZoteroAccount,
  getApiKey,
  getSyncConfig,
  getSyncStatus,
  onSyncStorage,
  requestSync,
  setApiKey,
  setSyncConfig,
  ZOTERO_API_ORIGIN,
} from './sync-settings';
import { collectionsOf, createCollection, librariesOfKey, type LibraryChoice } from './webapi';

async function keyOrFail(): Promise<string> {
  const apiKey = await getApiKey();
  if (!apiKey) throw new Error('No API key');
  return apiKey;
}

const clientOf = async (library: LibraryChoice) => ({
  fetch: zoteroFetch,
  apiKey: await keyOrFail(),
  library: { type: library.type, id: library.id },
});

export function browserSyncPorts() {
  return {
    async load() {
      const [config, apiKey, status, permitted] = await Promise.all([
        getSyncConfig(),
        getApiKey(),
        getSyncStatus(),
        browser.permissions.contains({ origins: [ZOTERO_API_ORIGIN] }),
      ]);
      return { config, hasKey: apiKey !== undefined, status, permitted };
    },
    async connect(key: string | undefined) {
      // Asked before anything is awaited: the browser grants it only from the click.
      const granted = await browser.permissions.request({ origins: [ZOTERO_API_ORIGIN] });
      if (granted && key) await setApiKey(key);
      return granted;
    },
    libraries: async () => librariesOfKey({ fetch: zoteroFetch, apiKey: await keyOrFail() }),
    collections: async (library: LibraryChoice) => collectionsOf(await clientOf(library)),
    createCollection: async (library: LibraryChoice, name: string) =>
      createCollection(await clientOf(library), name),
    async use(library: LibraryChoice, collection: { key: string; name: string }) {
      await setSyncConfig({ on: true, library, collection });
      await requestSync();
    },
    syncNow: requestSync,
    /** Off: no request until the reader turns it on again (the permission goes; the key stays). */
    async turnOff() {
      await setSyncConfig({ ...(await getSyncConfig()), on: false });
      await browser.permissions.remove({ origins: [ZOTERO_API_ORIGIN] }).catch(() => false);
    },
    async forget() {
      await forgetZoteroAccount();
      await browser.permissions.remove({ origins: [ZOTERO_API_ORIGIN] }).catch(() => false);
    },
    onChange: (listener: () => void) => onSyncStorage(listener),
  };
}

/** The popup's sync line (components/ZoteroSyncNotice.tsx): what sync-settings.ts keeps, read only. */
export const syncNoticePorts = {
  load: async () => ({ on: (await getSyncConfig()).on, status: await getSyncStatus() }),
  onChange: (listener: () => void) => onSyncStorage((what) => what !== 'due' && listener()),
};
