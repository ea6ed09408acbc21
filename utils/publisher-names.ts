/**
 * Publishers by one name: "CPB", "CPB Centraal Planbureau" and "Centraal Planbureau" all show as
 * "Centraal Planbureau (CPB)". The built-in table (utils/publishers.ts, PUBLISHER_DISPLAY_NAMES)
 * knows the common policy publishers; the reader's own names (settings.publisherNames, from the
 * stored name's key to the name shown) come first. Applied when shown, searched and filtered; the
 * records keep what the page said.
 */
import { PUBLISHER_DISPLAY_NAMES, type PublisherDisplayName } from '@/utils/publishers';
import { nameKey } from '@/utils/themes/key';

export interface ShownPublisher {
  /** The full name with the acronym: "Centraal Planbureau (CPB)". */
  label: string;
  /** What a narrow row shows: the acronym where there is one, else the name. */
  short: string;
  /** Every name it is known by (for search, and to spot an author that is the publisher). */
  names: string[];
}

let known: Map<string, PublisherDisplayName> | undefined;

function knownPublishers(): Map<string, PublisherDisplayName> {
  if (known) return known;
  known = new Map();
  for (const entry of PUBLISHER_DISPLAY_NAMES) {
    for (const name of [entry.name, entry.acronym, ...(entry.variants ?? [])])
      if (name) known.set(nameKey(name), entry);
  }
  return known;
}

/** The display names of a publisher as a record stores it; undefined for no publisher. */
export function showPublisher(
  stored: string | undefined,
  readerNames: Readonly<Record<string, string>> = {},
): ShownPublisher | undefined {
  if (typeof stored !== 'string' || !stored.trim()) return undefined;
  const own = readerNames[nameKey(stored)];
  const entry = knownPublishers().get(nameKey(stored));
  const known = entry ? [entry.name, entry.acronym ?? '', ...(entry.variants ?? [])] : [];
  const names = (first: string) => [...new Set([first, ...known, stored.trim()].filter(Boolean))];
  // The reader's own name wins as it is.
  if (own) return { label: own, short: own, names: names(own) };
  if (!entry) return { label: stored.trim(), short: stored.trim(), names: names(stored.trim()) };
  return {
    label: entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name,
    short: entry.acronym ?? entry.name,
    names: names(entry.name),
  };
}

/** Authors without the publisher itself (an institution named as author repeats the publisher). */
export function authorsBesidesPublisher(
  authors: readonly string[] | undefined,
  publisher: ShownPublisher | undefined,
): string[] {
  const list = (authors ?? []).filter((a) => typeof a === 'string' && a.trim() !== '');
  if (!publisher) return list;
  const keys = new Set(publisher.names.map(nameKey));
  return list.filter((author) => !keys.has(nameKey(author)));
}
