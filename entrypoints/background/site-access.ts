/**
 * "Detect on all sites": by default the content script runs only on the publisher list declared
 * in the manifest. When the reader opts in (options page, which requests the optional <all_urls>
 * permission), the same script is registered for every site; it is unregistered when they opt out
 * or revoke the permission.
 */
import { PUBLISHER_MATCH_PATTERNS } from '@/utils/publishers';
import { getSettings, onSettingsChanged, updateSettings } from '@/utils/settings';

const SCRIPT_ID = 'leesmap-detect-everywhere';
const ALL_SITES = { origins: ['<all_urls>'] };
/** entrypoints/content-script.ts, the same file the manifest declares for the publisher list. */
const CONTENT_SCRIPT = 'content-script.js';

export async function syncSiteAccess(): Promise<void> {
  const wanted = (await getSettings()).detectEverywhere && (await browser.permissions.contains(ALL_SITES));
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (wanted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: ['<all_urls>'],
        excludeMatches: PUBLISHER_MATCH_PATTERNS,
        js: [CONTENT_SCRIPT],
        runAt: 'document_idle',
      },
    ]);
  } else if (wanted && registered[0].js?.join() !== CONTENT_SCRIPT) {
    // Registered by an older version under another file name (content-scripts/content.js).
    await browser.scripting.updateContentScripts([{ id: SCRIPT_ID, js: [CONTENT_SCRIPT] }]);
  } else if (!wanted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

export function listenForSiteAccessChanges(): void {
  onSettingsChanged(() => void syncSiteAccess());
  browser.permissions.onRemoved.addListener(async (removed) => {
    if (removed.origins?.includes('<all_urls>')) await updateSettings({ detectEverywhere: false });
    await syncSiteAccess();
  });
}
