/**
 * The policy publishers Leesmap runs on by default, as data. These hosts become the manifest's
 * `host_permissions` and the content script's `matches`; every other site only after the reader
 * opts in ("detect on all sites"). A host covers its subdomains (www., english., read. ...).
 * The tables themselves are data, in publishers.json: Dutch advisory councils, planning bureaus and
 * institutes first, then international think tanks.
 */
import TABLES from './publishers.json';

export interface Publisher {
  /** The name a reader knows the publisher by; the extractor may use it as `publisher`. */
  name: string;
  /** Registrable hostnames, lower case, without `www.`. */
  hosts: string[];
}

export const PUBLISHERS: readonly Publisher[] = TABLES.publishers;

/**
 * Chrome/Firefox match patterns for every publisher host: the apex and any subdomain, over https
 * only. A page served over plain http may have been written by anyone on the network path, so
 * Leesmap reads such pages only where the reader opts in ("detect on all sites") or asks (a save).
 */
export const PUBLISHER_MATCH_PATTERNS: string[] = PUBLISHERS.flatMap((publisher) =>
  publisher.hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]),
);

/**
 * The publisher a hostname belongs to (`www.wrr.nl` → WRR), or undefined for other sites.
 * Accepts a bare host or host:port; the most specific (longest) matching host wins.
 */
export function publisherForHost(host: string): Publisher | undefined {
  const hostname = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!hostname) return undefined;
  let best: Publisher | undefined;
  let bestLength = 0;
  for (const publisher of PUBLISHERS) {
    for (const candidate of publisher.hosts) {
      const matches = hostname === candidate || hostname.endsWith(`.${candidate}`);
      if (matches && candidate.length > bestLength) {
        best = publisher;
        bestLength = candidate.length;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Display names (utils/publisher-names.ts): one canonical name per publisher with its acronym, and
// the other spellings pages use for it, so "CPB", "CPB Centraal Planbureau" and "Centraal
// Planbureau" show as one publisher. Readers may override any of them in the library.

export interface PublisherDisplayName {
  /** The full name, as the publisher writes it. */
  name: string;
  acronym?: string;
  /** Other names pages give (the acronym and the name alone are matched anyway). */
  variants?: string[];
}

export const PUBLISHER_DISPLAY_NAMES: readonly PublisherDisplayName[] = TABLES.displayNames;
