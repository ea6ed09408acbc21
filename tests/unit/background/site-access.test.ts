import { describe, expect, it } from 'vitest';
import {
  revokesAllSites,
  syncSiteAccess,
  type ScriptRegistration,
  type SiteAccessPorts,
} from '@/utils/background/site-access';

function scripting(wanted: boolean, registered: ScriptRegistration[] = []) {
  const calls: string[] = [];
  const ports: SiteAccessPorts = {
    wanted: async () => wanted,
    addedSites: async () => [],
    granted: async () => true,
    registered: async (ids) => registered.filter((r) => ids.includes(r.id)),
    register: async (scripts) =>
      void calls.push(`register ${scripts.map((s) => `${s.id}:${s.js.join()}:${s.matches}`)}`),
    update: async (scripts) => void calls.push(`update ${scripts.map((s) => s.js.join())}`),
    unregister: async (ids) => void calls.push(`unregister ${ids}`),
  };
  return { ports, calls };
}

describe('syncSiteAccess', () => {
  it('registers the content script for every site once the reader opted in', async () => {
    const { ports, calls } = scripting(true);
    await syncSiteAccess(ports);
    expect(calls).toEqual(['register leesmap-detect-everywhere:content-script.js:<all_urls>']);
  });

  it('moves an older registration to the current file name', async () => {
    const { ports, calls } = scripting(true, [
      { id: 'leesmap-detect-everywhere', js: ['content-scripts/content.js'] },
    ]);
    await syncSiteAccess(ports);
    expect(calls).toEqual(['update content-script.js']);
  });

  it('unregisters once the reader opted out or revoked the permission, and otherwise does nothing', async () => {
    const current = [{ id: 'leesmap-detect-everywhere', js: ['content-script.js'] }];
    const optedOut = scripting(false, current);
    await syncSiteAccess(optedOut.ports);
    expect(optedOut.calls).toEqual(['unregister leesmap-detect-everywhere']);
    for (const [wanted, registered] of [
      [true, current],
      [false, []],
    ] as const) {
      const idle = scripting(wanted, [...registered]);
      await syncSiteAccess(idle.ports);
      expect(idle.calls).toEqual([]);
    }
  });
});

/** The browser's registrations as state, the added hosts and which hosts were granted. */
function browserWith(sites: string[], grantedHosts: string[], everywhere = false) {
  const scripts = new Map<string, ScriptRegistration>();
  const calls: string[] = [];
  const ports: SiteAccessPorts = {
    wanted: async () => everywhere,
    addedSites: async () => sites,
    granted: async (origins) => grantedHosts.some((host) => origins.includes(`https://${host}/*`)),
    registered: async (ids) => ids.flatMap((id) => (scripts.has(id) ? [scripts.get(id)!] : [])),
    async register(list) {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
      calls.push('register');
    },
    async update(list) {
      for (const s of list) scripts.set(s.id, { ...scripts.get(s.id)!, ...s });
      calls.push('update');
    },
    async unregister(ids) {
      ids.forEach((id) => scripts.delete(id));
      calls.push('unregister');
    },
  };
  const matches = () => scripts.get('leesmap-added-sites')?.matches;
  return { ports, calls, scripts, matches, sites, grantedHosts };
}

describe('added sites', () => {
  it('runs the content script on an added host and its subdomains once its permission is granted', async () => {
    const b = browserWith(['example.org', 'denkwerk.online'], ['example.org']);
    await syncSiteAccess(b.ports);
    expect(b.matches()).toEqual(['https://example.org/*', 'https://*.example.org/*']);
    expect(b.scripts.get('leesmap-added-sites')?.js).toEqual(['content-script.js']);
    // Granted later (the settings or permission change runs the sync again).
    b.grantedHosts.push('denkwerk.online');
    await syncSiteAccess(b.ports);
    expect(b.matches()).toEqual([
      'https://example.org/*',
      'https://*.example.org/*',
      'https://denkwerk.online/*',
      'https://*.denkwerk.online/*',
    ]);
    const calls = b.calls.length;
    await syncSiteAccess(b.ports);
    expect(b.calls.length).toBe(calls);
  });

  it('drops a host the reader removed, and the registration with the last one', async () => {
    const b = browserWith(['example.org', 'denkwerk.online'], ['example.org', 'denkwerk.online']);
    await syncSiteAccess(b.ports);
    b.sites.splice(0, 1);
    await syncSiteAccess(b.ports);
    expect(b.matches()).toEqual(['https://denkwerk.online/*', 'https://*.denkwerk.online/*']);
    b.sites.splice(0, 1);
    await syncSiteAccess(b.ports);
    expect(b.scripts.has('leesmap-added-sites')).toBe(false);
  });

  it('registers nothing for added sites while "all sites" already covers them', async () => {
    const b = browserWith(['example.org'], ['example.org'], true);
    await syncSiteAccess(b.ports);
    expect([...b.scripts.keys()]).toEqual(['leesmap-detect-everywhere']);
  });
});

describe('revokesAllSites', () => {
  it('is true only when <all_urls> was among the removed origins', () => {
    expect(revokesAllSites({ origins: ['<all_urls>'] })).toBe(true);
    expect(revokesAllSites({ origins: ['https://www.nsob.nl/*'] })).toBe(false);
    expect(revokesAllSites({})).toBe(false);
  });
});
