/**
 * Related publications as they travel through a Zotero library: Zotero's `relations`
 * (`dc:relation`, a list of item URIs such as `http://zotero.org/groups/4711/items/ABCD2345`). A
 * record's related publications that are in the library too go out as relations (`relationsOf`);
 * relations of a pulled item whose other end is in the list come back as related publications
 * (`relatedFromItem`). Relations to items outside the list, or in another library, are left alone.
 */
import type { RelatedPublication, SavedPublication } from '@/utils/record';
import { LIMITS } from '@/utils/record';
import type { LibraryRef } from './webapi';

const ITEM_URI = /^http:\/\/zotero\.org\/(users|groups)\/(\d+)\/items\/([23456789A-Z]{8})$/;

/** An item's URI as Zotero writes it in `relations`. */
export function itemUri(library: LibraryRef, key: string): string {
  return `http://zotero.org/${library.type === 'group' ? 'groups' : 'users'}/${library.id}/items/${key}`;
}

/** Record id by address (its own and its canonical one). */
export function urlIndex(records: Iterable<SavedPublication>): Map<string, string> {
  const index = new Map<string, string>();
  for (const record of records) addToIndex(index, record);
  return index;
}

export function addToIndex(index: Map<string, string>, record: SavedPublication): void {
  for (const url of [record.url, record.canonicalUrl]) if (url) index.set(url, record.id);
}

/** `dc:relation` to the related publications that are in the library too. */
export function relationsOf(
  record: SavedPublication,
  library: LibraryRef,
  byUrl: ReadonlyMap<string, string>,
  keyOf: (id: string) => string | undefined,
): Record<string, string[]> | undefined {
  const uris = new Set<string>();
  for (const related of record.related ?? []) {
    const id = related.url ? byUrl.get(related.url) : undefined;
    const key = id && id !== record.id ? keyOf(id) : undefined;
    if (key) uris.add(itemUri(library, key));
  }
  return uris.size ? { 'dc:relation': [...uris] } : undefined;
}

/** The item keys an item's `dc:relation` names in `library` (malformed entries skipped). */
export function relatedKeys(relations: unknown, library: LibraryRef): string[] {
  if (typeof relations !== 'object' || relations === null) return [];
  const uris = (relations as Record<string, unknown>)['dc:relation'];
  const list = Array.isArray(uris) ? uris : typeof uris === 'string' ? [uris] : [];
  const type = library.type === 'group' ? 'groups' : 'users';
  return list.flatMap((uri) => {
    const match = typeof uri === 'string' ? ITEM_URI.exec(uri) : null;
    return match && match[1] === type && Number(match[2]) === library.id ? [match[3]] : [];
  });
}

/**
 * `record` with the records its item relates to among its related publications (those it lists
 * already by address stay as they are); the same record when nothing is new.
 */
export function withRelated(record: SavedPublication, targets: SavedPublication[]): SavedPublication {
  const known = new Set((record.related ?? []).flatMap((r) => (r.url ? [r.url] : [])));
  const added: RelatedPublication[] = [];
  for (const target of targets) {
    if (target.id === record.id || known.has(target.url) || known.has(target.canonicalUrl ?? '')) continue;
    known.add(target.url);
    added.push({
      title: target.title,
      url: target.url,
      themes: target.themes.slice(0, LIMITS.relatedThemes),
      ...(target.subtitle ? { subtitle: target.subtitle } : {}),
    });
  }
  if (!added.length || (record.related ?? []).length >= LIMITS.related) return record;
  return { ...record, related: [...(record.related ?? []), ...added].slice(0, LIMITS.related) };
}
