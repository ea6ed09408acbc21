import { describe, expect, it } from 'vitest';
import { PUBLISHERS, PUBLISHER_MATCH_PATTERNS, publisherForHost } from '@/utils/publishers';

// The match-pattern grammar Chrome and Firefox accept for host permissions and content scripts:
// scheme://host/path, where host is *, *.domain or an exact domain without wildcards.
const MATCH_PATTERN = /^(\*|https?):\/\/(\*|\*\.[a-z0-9.-]+|[a-z0-9.-]+)\/.*$/;
const HOSTNAME = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;

describe('publisher list', () => {
  it('covers at least 30 policy publishers, the ones the issue names among them', () => {
    expect(PUBLISHERS.length).toBeGreaterThanOrEqual(30);
    for (const host of [
      'nsob.nl',
      'wrr.nl',
      'rathenau.nl',
      'raadopenbaarbestuur.nl',
      'scp.nl',
      'cpb.nl',
      'pbl.nl',
      'clingendael.org',
      'raadvanstate.nl',
      'rekenkamer.nl',
      'rijksoverheid.nl',
      'knaw.nl',
      'brookings.edu',
      'rand.org',
      'chathamhouse.org',
      'oecd.org',
      'bruegel.org',
      'ceps.eu',
      'epc.eu',
      'ippr.org',
      'instituteforgovernment.org.uk',
      'urban.org',
      'pewresearch.org',
    ]) {
      expect(publisherForHost(host), host).toBeDefined();
    }
  });

  it('lists bare, lower-case hostnames, each under one publisher only', () => {
    const hosts = PUBLISHERS.flatMap((p) => p.hosts);
    for (const host of hosts) {
      expect(host, host).toMatch(HOSTNAME);
      expect(host.startsWith('www.'), host).toBe(false);
    }
    expect(new Set(hosts).size).toBe(hosts.length);
    const names = PUBLISHERS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('turns every host into valid https match patterns for the apex and its subdomains, without duplicates', () => {
    for (const pattern of PUBLISHER_MATCH_PATTERNS) expect(pattern, pattern).toMatch(MATCH_PATTERN);
    expect(new Set(PUBLISHER_MATCH_PATTERNS).size).toBe(PUBLISHER_MATCH_PATTERNS.length);
    expect(PUBLISHER_MATCH_PATTERNS).toContain('https://nsob.nl/*');
    expect(PUBLISHER_MATCH_PATTERNS).toContain('https://*.nsob.nl/*');
    // Plain http pages only where the reader opts in: anyone on the network path may write them.
    expect(PUBLISHER_MATCH_PATTERNS.filter((p) => !p.startsWith('https://'))).toEqual([]);
    expect(PUBLISHER_MATCH_PATTERNS.length).toBe(PUBLISHERS.flatMap((p) => p.hosts).length * 2);
    expect(PUBLISHER_MATCH_PATTERNS.some((p) => p.includes('<all_urls>') || p.startsWith('*://*/'))).toBe(
      false,
    );
  });
});

describe('publisherForHost', () => {
  it('names the publisher for the apex, www and other subdomains, with or without a port', () => {
    expect(publisherForHost('www.nsob.nl')?.name).toBe('NSOB');
    expect(publisherForHost('nsob.nl')?.name).toBe('NSOB');
    expect(publisherForHost('WWW.RAND.ORG')?.name).toBe('RAND');
    expect(publisherForHost('read.oecd-ilibrary.org')?.name).toBe('OECD');
    expect(publisherForHost('www.government.nl')?.name).toBe('Rijksoverheid');
    expect(publisherForHost('www.wrr.nl:443')?.name).toBe('WRR');
  });

  it('does not match look-alike hosts or other sites', () => {
    expect(publisherForHost('notnsob.nl')).toBeUndefined();
    expect(publisherForHost('nsob.nl.evil.example')).toBeUndefined();
    expect(publisherForHost('example.com')).toBeUndefined();
    expect(publisherForHost('')).toBeUndefined();
  });
});
