/**
 * The catalog: publications Leesmap has seen but the reader has not saved (visited pages and the
 * related publications they list), the source of suggestions; and the suggestions the reader
 * dismissed. Capped, and pruned least useful first.
 */
import { identityKeys, publicationId } from '../identity';
import type { CatalogEntry, CatalogSource, Publication, RelatedPublication } from '@/utils/record';
import { guarded, type LeesmapDatabase, type StoredCatalogEntry, type Tx } from './open';
import { isEmpty, strip, union } from './merge';

/**
 * The catalog (seen, not saved) is capped. Over the cap the least useful entries go first (see
 * `catalogUsefulness`), down to a little under the cap, so that pruning is not paid on every visit.
 */
export const CATALOG_CAP = 20_000;
const CATALOG_PRUNE_TO = 0.95;
/** Bounds on what one page may add: sources per catalog entry. */
const MAX_SOURCES_PER_ENTRY = 50;

export async function findCatalogIds(
  tx: {
    objectStore(name: 'catalog'): { index(name: 'identity'): { getAllKeys(key: string): Promise<string[]> } };
  },
  keys: string[],
): Promise<string[]> {
  const index = tx.objectStore('catalog').index('identity');
  const results = await Promise.all(keys.map((key) => index.getAllKeys(key)));
  return union(...results);
}

type CatalogFields = Omit<CatalogEntry, 'id' | 'sources' | 'firstSeenAt' | 'lastSeenAt'>;

export function catalogFields(p: Publication): CatalogFields {
  const fields: CatalogFields = {
    title: p.title,
    url: p.canonicalUrl ?? p.url,
    themes: [...(p.themes ?? [])],
    keywords: [...(p.keywords ?? [])],
    authors: [...(p.authors ?? [])],
  };
  if (p.subtitle) fields.subtitle = p.subtitle;
  if (p.summary) fields.summary = p.summary;
  if (p.publisher) fields.publisher = p.publisher;
  if (typeof p.year === 'number') fields.year = p.year;
  if (p.language) fields.language = p.language;
  return fields;
}

export function relatedFields(r: RelatedPublication): CatalogFields {
  const fields: CatalogFields = { title: r.title, themes: [...(r.themes ?? [])], keywords: [], authors: [] };
  if (r.url) fields.url = r.url;
  if (r.subtitle) fields.subtitle = r.subtitle;
  if (r.summary) fields.summary = r.summary;
  return fields;
}

function sameSource(a: CatalogSource, b: CatalogSource): boolean {
  if (a.kind === 'visited' || b.kind === 'visited') return a.kind === b.kind;
  return a.listedBy.id === b.listedBy.id;
}

/** Adds or refreshes a catalog entry found by any of `keys`; a visit's fuller fields win over a listing's. */
export async function upsertCatalog(
  tx: Tx<'readwrite', ['publications', 'catalog', 'themes', 'meta']>,
  fields: CatalogFields,
  keys: string[],
  source: CatalogSource,
  now: number,
): Promise<StoredCatalogEntry> {
  const store = tx.objectStore('catalog');
  const id = keys[0] ?? publicationId({ title: fields.title });
  const ids = union(keys.length ? await findCatalogIds(tx, keys) : [], [id]);
  const found = (await Promise.all(ids.map((key) => store.get(key)))).filter(
    (entry): entry is StoredCatalogEntry => entry !== undefined,
  );
  const previous = found.sort((a, b) => a.firstSeenAt - b.firstSeenAt)[0];
  let entry: StoredCatalogEntry;
  if (!previous) {
    entry = {
      ...fields,
      id,
      sources: [source],
      firstSeenAt: now,
      lastSeenAt: now,
      identity: union(keys, [id]),
    };
  } else {
    const visited = source.kind === 'visited';
    const target: Record<string, unknown> = { ...previous };
    for (const [field, value] of Object.entries(fields)) {
      // A visited page's own record is better than what a listing says about it.
      if (!isEmpty(value) && (visited || isEmpty(target[field]))) target[field] = value;
    }
    entry = target as unknown as StoredCatalogEntry;
    const sources = found.flatMap((e) => e.sources);
    entry.sources = [source, ...sources.filter((s) => !sameSource(s, source))].slice(
      0,
      MAX_SOURCES_PER_ENTRY,
    );
    entry.identity = union(...found.map((e) => e.identity), keys);
    entry.firstSeenAt = Math.min(...found.map((e) => e.firstSeenAt));
    entry.lastSeenAt = now;
    for (const other of found) if (other.id !== entry.id) void store.delete(other.id);
  }
  void store.put(entry);
  return entry;
}

/**
 * How much a catalog entry is worth keeping, for eviction: an entry the reader touched (looked at
 * in the popup, opened from a suggestion) outranks any other; then one that more pages listed,
 * then one the reader visited; ties go by when it was last seen. A page that floods the catalog
 * makes entries worth the least, so it cannot push out what the reader's own reading built.
 */
function catalogUsefulness(entry: Pick<CatalogEntry, 'sources' | 'lastSeenAt' | 'touchedAt'>): number[] {
  const sources = Array.isArray(entry.sources) ? entry.sources : [];
  return [
    entry.touchedAt ? 1 : 0,
    Math.min(sources.length, MAX_SOURCES_PER_ENTRY),
    sources.some((s) => s.kind === 'visited') ? 1 : 0,
    entry.lastSeenAt,
  ];
}

function compareUsefulness(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Keeps the catalog within CATALOG_CAP entries, dropping the least useful first. */
export async function pruneCatalog(
  tx: Tx<'readwrite', ['publications', 'catalog', 'themes', 'meta']>,
  cap: number = CATALOG_CAP,
): Promise<void> {
  const store = tx.objectStore('catalog');
  const count = await store.count();
  if (count <= cap) return;
  const keep = Math.min(cap, Math.max(0, Math.floor(cap * CATALOG_PRUNE_TO)));
  const ranked: Array<{ id: string; usefulness: number[] }> = [];
  let cursor = await store.openCursor();
  while (cursor) {
    ranked.push({ id: cursor.value.id, usefulness: catalogUsefulness(cursor.value) });
    cursor = await cursor.continue();
  }
  ranked.sort((a, b) => compareUsefulness(a.usefulness, b.usefulness));
  for (const { id } of ranked.slice(0, ranked.length - keep)) void store.delete(id);
}

/** Runs `use` on the catalog entry of an address (any variant of it), in one transaction. */
function atEntry<Mode extends 'readonly' | 'readwrite', T>(
  db: LeesmapDatabase,
  url: string,
  mode: Mode,
  use: (entry: StoredCatalogEntry | undefined, tx: Tx<Mode, ['catalog']>) => T,
): Promise<T> {
  return guarded(async () => {
    const tx = db.transaction('catalog', mode) as Tx<Mode, ['catalog']>;
    const ids = await findCatalogIds(tx, identityKeys({ url }));
    const result = use(ids.length ? await tx.objectStore('catalog').get(ids[0]) : undefined, tx);
    await tx.done;
    return result;
  });
}

/** The reader looked at this publication (popup on its page): its catalog entry is kept longest. */
export function touchCatalogEntry(
  db: LeesmapDatabase,
  url: string,
  now: number = Date.now(),
): Promise<boolean> {
  return atEntry(db, url, 'readwrite', (entry, tx) => {
    if (entry) void tx.objectStore('catalog').put({ ...entry, touchedAt: now });
    return entry !== undefined;
  });
}

/** Catalog entries, most recently seen first. */
export async function listCatalog(db: LeesmapDatabase, limit?: number): Promise<CatalogEntry[]> {
  return guarded(async () => {
    const tx = db.transaction('catalog', 'readonly');
    const out: CatalogEntry[] = [];
    let cursor = await tx.store.index('lastSeenAt').openCursor(null, 'prev');
    while (cursor && (limit === undefined || out.length < limit)) {
      out.push(strip(cursor.value));
      cursor = await cursor.continue();
    }
    await tx.done;
    return out;
  });
}

/** The catalog entry for a URL (any variant), if Leesmap has seen it. */
export function findCatalogEntry(db: LeesmapDatabase, url: string): Promise<CatalogEntry | undefined> {
  return atEntry(db, url, 'readonly', (entry) => entry && strip(entry));
}

export async function dismissSuggestion(
  db: LeesmapDatabase,
  catalogId: string,
  now: number = Date.now(),
): Promise<void> {
  return guarded(async () => {
    await db.put('dismissed', { id: catalogId, dismissedAt: now });
  });
}

export async function listDismissed(db: LeesmapDatabase): Promise<string[]> {
  return guarded(() => db.getAllKeys('dismissed'));
}
