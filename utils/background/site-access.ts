/**
 * "Detect on all sites": by default the content script runs only on the publisher list declared
 * in the manifest. When the reader opts in (options page, which requests the optional <all_urls>
 * permission), the same script is registered for every site; it is unregistered when they opt out
 * or revoke the permission.
 */
import { PUBLISHER_MATCH_PATTERNS } from '@/utils/publishers';

export const ALL_SITES = '<all_urls>';
const SCRIPT_ID = 'leesmap-detect-everywhere';
/** entrypoints/content-script.ts, the same file the manifest declares for the publisher list. */
const CONTENT_SCRIPT = 'content-script.js';

export interface ScriptRegistration {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
}

/** `browser.scripting`'s registration calls and what the reader chose. */
export interface SiteAccessPorts {
  /** The reader opted in (settings) and the browser granted <all_urls>. */
  wanted(): Promise<boolean>;
  registered(ids: string[]): Promise<Array<{ js?: string[] }>>;
  register(scripts: ScriptRegistration[]): Promise<void>;
  update(scripts: ScriptRegistration[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

export async function syncSiteAccess(ports: SiteAccessPorts): Promise<void> {
  const wanted = await ports.wanted();
  const registered = await ports.registered([SCRIPT_ID]);
  if (wanted && registered.length === 0) {
    await ports.register([
      {
        id: SCRIPT_ID,
        matches: [ALL_SITES],
        excludeMatches: [...PUBLISHER_MATCH_PATTERNS],
        js: [CONTENT_SCRIPT],
        runAt: 'document_idle',
      },
    ]);
  } else if (wanted && registered[0].js?.join() !== CONTENT_SCRIPT) {
    // Registered by an older version under another file name (content-scripts/content.js).
    await ports.update([{ id: SCRIPT_ID, js: [CONTENT_SCRIPT] }]);
  } else if (!wanted && registered.length > 0) {
    await ports.unregister([SCRIPT_ID]);
  }
}

/** The reader revoked host permissions: was <all_urls> among them (then "all sites" is off)? */
export function revokesAllSites(removed: { origins?: string[] }): boolean {
  return removed.origins?.includes(ALL_SITES) === true;
}
