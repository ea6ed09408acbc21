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
    registered: async () => registered,
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

describe('revokesAllSites', () => {
  it('is true only when <all_urls> was among the removed origins', () => {
    expect(revokesAllSites({ origins: ['<all_urls>'] })).toBe(true);
    expect(revokesAllSites({ origins: ['https://www.nsob.nl/*'] })).toBe(false);
    expect(revokesAllSites({})).toBe(false);
  });
});
