import {
  ALL_SITES,
  revokesAllSites,
  syncSiteAccess,
  type SiteAccessPorts,
} from '@/utils/background/site-access';
import { getSettings, onSettingsChanged, updateSettings } from '@/utils/settings';

const ports: SiteAccessPorts = {
  wanted: async () =>
    (await getSettings()).detectEverywhere && (await browser.permissions.contains({ origins: [ALL_SITES] })),
  addedSites: async () => (await getSettings()).extraSites,
  granted: (origins) => browser.permissions.contains({ origins }),
  registered: (ids) => browser.scripting.getRegisteredContentScripts({ ids }),
  register: (scripts) => browser.scripting.registerContentScripts(scripts),
  update: (scripts) => browser.scripting.updateContentScripts(scripts),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};

let queue: Promise<void> = Promise.resolve();

/** One sync at a time: a grant and the settings write that follows it must not both register. */
export function syncSiteAccessNow(): Promise<void> {
  queue = queue
    .then(() => syncSiteAccess(ports))
    .catch((error: unknown) => console.warn('Leesmap: site access', error));
  return queue;
}

export function listenForSiteAccessChanges(): void {
  onSettingsChanged(() => void syncSiteAccessNow());
  // An added site's permission is granted before its host is stored: either event syncs.
  browser.permissions.onAdded.addListener(() => void syncSiteAccessNow());
  browser.permissions.onRemoved.addListener(async (removed) => {
    if (revokesAllSites(removed)) await updateSettings({ detectEverywhere: false });
    await syncSiteAccessNow();
  });
}
