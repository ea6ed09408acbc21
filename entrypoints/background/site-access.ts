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
  registered: (ids) => browser.scripting.getRegisteredContentScripts({ ids }),
  register: (scripts) => browser.scripting.registerContentScripts(scripts),
  update: (scripts) => browser.scripting.updateContentScripts(scripts),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
};

export const syncSiteAccessNow = () => syncSiteAccess(ports);

export function listenForSiteAccessChanges(): void {
  onSettingsChanged(() => void syncSiteAccessNow());
  browser.permissions.onRemoved.addListener(async (removed) => {
    if (revokesAllSites(removed)) await updateSettings({ detectEverywhere: false });
    await syncSiteAccessNow();
  });
}
