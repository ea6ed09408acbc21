/**
 * Where the content script runs beyond the publisher list declared in the manifest:
 * - "Detect on all sites": when the reader opts in (options page, which requests the optional
 *   <all_urls> permission), the same script is registered for every site; it is unregistered when
 *   they opt out or revoke the permission.
 * - Added sites (settings.extraSites, "add this site" in the options, which requests that host):
 *   one registration for every added host whose permission the browser granted, kept in step on
 *   every settings or permission change; none while "all sites" already covers them.
 */
import { PUBLISHER_MATCH_PATTERNS } from '@/utils/publishers';

export const ALL_SITES = '<all_urls>';
const SCRIPT_ID = 'leesmap-detect-everywhere';
const ADDED_ID = 'leesmap-added-sites';
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
  /** The hosts the reader added in the options (settings.extraSites). */
  addedSites(): Promise<string[]>;
  /** Whether the browser granted every one of these origins. */
  granted(origins: string[]): Promise<boolean>;
  registered(ids: string[]): Promise<Array<{ id: string; js?: string[]; matches?: string[] }>>;
  register(scripts: ScriptRegistration[]): Promise<void>;
  update(scripts: ScriptRegistration[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/** The match patterns of an added host, as the options page requests them. */
export function sitePatterns(host: string): string[] {
  return [`https://${host}/*`, `https://*.${host}/*`];
}

export async function syncSiteAccess(ports: SiteAccessPorts): Promise<void> {
  const everywhere = await ports.wanted();
  await syncEverywhere(ports, everywhere);
  await syncAddedSites(ports, everywhere);
}

async function syncEverywhere(ports: SiteAccessPorts, wanted: boolean): Promise<void> {
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

/** Registers the content script for the added hosts whose permission was granted, and only those. */
async function syncAddedSites(ports: SiteAccessPorts, everywhere: boolean): Promise<void> {
  const hosts = everywhere ? [] : await ports.addedSites();
  const granted = await Promise.all(hosts.map((host) => ports.granted(sitePatterns(host))));
  const matches = hosts.filter((_, i) => granted[i]).flatMap(sitePatterns);
  const [current] = await ports.registered([ADDED_ID]);
  if (matches.length === 0) {
    if (current) await ports.unregister([ADDED_ID]);
    return;
  }
  const script: ScriptRegistration = {
    id: ADDED_ID,
    matches,
    // The manifest's own registration already runs it on the publisher list.
    excludeMatches: [...PUBLISHER_MATCH_PATTERNS],
    js: [CONTENT_SCRIPT],
    runAt: 'document_idle',
  };
  if (!current) await ports.register([script]);
  else if (current.matches?.join() !== matches.join() || current.js?.join() !== CONTENT_SCRIPT)
    await ports.update([script]);
}

/** The reader revoked host permissions: was <all_urls> among them (then "all sites" is off)? */
export function revokesAllSites(removed: { origins?: string[] }): boolean {
  return removed.origins?.includes(ALL_SITES) === true;
}
