/**
 * The reading list's database: the only package that opens IndexedDB (`open.ts`), with the record
 * rules (`records.ts`), the catalog (`catalog.ts`) and imports (`imports.ts`). Imported by the
 * background (the only writer of saves, visits and edits) and by extension pages (reads, and an
 * import the page writes itself in one transaction, under the same rules).
 */
import { identityKeys } from '../identity';
import { linkPage, pageKeys } from '../linking';
import {
  EDITABLE_FIELDS,
  newPublication,
  type CatalogSource,
  type EditableField,
  type Publication,
  type PublicationChanges,
  type ReaderFields,
  type Resemblance,
  type SavedPublication,
} from '@/utils/record';
import {
  catalogFields,
  findCatalogIds,
  pruneCatalog,
  relatedFields,
  upsertCatalog,
  CATALOG_CAP,
} from './catalog';
import { findStored } from './lookup';
import { guarded, StorageError, type LeesmapDatabase, type StoredPublication } from './open';
import {
  cleanReader,
  markEdited,
  mergeDuplicates,
  newRecord,
  refreshExtracted,
  strip,
  ThemeTally,
  union,
} from './records';

export * from './open';
export * from './catalog';
export * from './imports';

/** Bounds on what one page may add: related items per visit. */
const MAX_RELATED_PER_VISIT = 100;

function resemblance(record: SavedPublication): Resemblance {
  const out: Resemblance = { id: record.id, title: record.title, url: record.url };
  if (record.publisher) out.publisher = record.publisher;
  if (typeof record.year === 'number') out.year = record.year;
  return out;
}

/** The one record a page is (utils/linking.ts), looked up by every key it names. */
async function linkStored(
  tx: Parameters<typeof findStored>[0],
  publication: Publication,
): Promise<ReturnType<typeof linkPage<StoredPublication>>> {
  return linkPage(publication, await findStored(tx, identityKeys(publication)));
}

export interface SaveOptions {
  /** Fields the reader changed before saving: theirs from now on (never refreshed by a visit). */
  edited?: readonly EditableField[];
}

/**
 * Saves a publication. Idempotent: the record this page is (its address, or a declared key Leesmap
 * could check; utils/linking.ts) is refreshed instead of duplicated, keeping the reader's fields and
 * edits. Records it merely resembles stay apart: the reader may merge them (`mergePublications`).
 * The publication leaves the catalog. One transaction; resolves only after it has committed.
 */
export async function savePublication(
  db: LeesmapDatabase,
  publication: Publication,
  reader?: Partial<ReaderFields>,
  now: number = Date.now(),
  options: SaveOptions = {},
): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes'], 'readwrite');
    const keys = pageKeys(publication);
    const [link, catalogIds] = await Promise.all([linkStored(tx, publication), findCatalogIds(tx, keys)]);
    const tally = new ThemeTally();
    let record: StoredPublication;
    if (!link.record) {
      record = newRecord(publication, reader, now);
    } else {
      // Over plain http a saved https record keeps its fields: only the reader's own change.
      const base = link.mayUpdate ? refreshExtracted(link.record, publication) : link.record;
      record = { ...base, ...cleanReader(reader), updatedAt: now };
      tally.change(link.record.themes, undefined);
    }
    if (options.edited?.length) markEdited(record, publication, options.edited);
    tally.change(undefined, record.themes);
    void tx.objectStore('publications').put(record);
    for (const id of catalogIds) void tx.objectStore('catalog').delete(id);
    await tally.apply(tx);
    await tx.done;
    return strip(record);
  });
}

export interface VisitOptions {
  catalogCap?: number;
  /** How many catalog entries this visit may write (the background's rate limit); all by default. */
  catalogBudget?: number;
}

export interface VisitResult {
  /** The saved record this page is, refreshed; undefined when the reader has not saved it. */
  saved?: SavedPublication;
  /** Saved records the page resembles but was not linked to (the reader may merge them). */
  resembles: Resemblance[];
  /** Catalog entries written (the page's own and the related publications it lists). */
  catalogWrites: number;
}

/**
 * A detected publication page was visited. Saved → refresh its extracted fields (never the reader's
 * fields, never a field the reader edited) and lastVisitedAt. Not saved → remember it in the
 * catalog. Either way the publications the page lists as related enter the catalog, unless the
 * reader saved them, within `catalogBudget` writes. A visit never deletes or merges saved records.
 */
export async function recordVisit(
  db: LeesmapDatabase,
  publication: Publication,
  now: number = Date.now(),
  options: VisitOptions = {},
): Promise<VisitResult> {
  const { catalogCap = CATALOG_CAP } = options;
  let budget = Math.max(0, options.catalogBudget ?? Number.POSITIVE_INFINITY);
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes'], 'readwrite');
    const keys = pageKeys(publication);
    const link = await linkStored(tx, publication);
    let saved: StoredPublication | undefined;
    let listedBy: { id: string; title: string; url: string } | undefined;
    let catalogWrites = 0;
    if (link.record) {
      saved = link.record;
      if (link.mayUpdate) {
        saved = { ...refreshExtracted(link.record, publication), lastVisitedAt: now };
        const tally = new ThemeTally();
        tally.change(link.record.themes, saved.themes);
        await tally.apply(tx);
        void tx.objectStore('publications').put(saved);
      }
      listedBy = { id: saved.id, title: saved.title, url: saved.url };
    } else if (budget > 0) {
      const entry = await upsertCatalog(tx, catalogFields(publication), keys, { kind: 'visited' }, now);
      budget--;
      catalogWrites++;
      listedBy = { id: entry.id, title: publication.title, url: publication.url };
    }
    // Related items are the page's word too: they only ever fill a catalog entry's empty fields.
    const source: CatalogSource | undefined = listedBy && { kind: 'related', listedBy };
    for (const related of (source ? (publication.related ?? []) : []).slice(0, MAX_RELATED_PER_VISIT)) {
      if (budget <= 0 || !source) break;
      if (!related || typeof related.title !== 'string' || !related.title.trim()) continue;
      const relatedKeys = identityKeys({ url: related.url, title: related.title });
      if (relatedKeys.some((key) => keys.includes(key))) continue; // a page listing itself
      if (relatedKeys.length && (await findStored(tx, relatedKeys)).length) continue;
      await upsertCatalog(tx, relatedFields(related), relatedKeys, source, now);
      budget--;
      catalogWrites++;
    }
    if (catalogWrites > 0) await pruneCatalog(tx, catalogCap);
    await tx.done;
    return { saved: saved && strip(saved), resembles: link.resembles.map(resemblance), catalogWrites };
  });
}

/**
 * The saved record a page is, and the saved records it only resembles (utils/linking.ts): what the
 * badge and the popup show. Pass the page's extraction where there is one, else just its address.
 */
export async function matchPublication(
  db: LeesmapDatabase,
  p: Pick<Publication, 'url'> & Partial<Publication>,
): Promise<{ saved?: SavedPublication; resembles: Resemblance[] }> {
  return guarded(async () => {
    const tx = db.transaction('publications', 'readonly');
    const page = newPublication({ title: '', ...p });
    const link = await linkStored(tx, page);
    await tx.done;
    return { saved: link.record && strip(link.record), resembles: link.resembles.map(resemblance) };
  });
}

/** The saved record a page is (see matchPublication). */
export async function findPublication(
  db: LeesmapDatabase,
  p: Pick<Publication, 'url'> & Partial<Publication>,
): Promise<SavedPublication | undefined> {
  return (await matchPublication(db, p)).saved;
}

/**
 * The reader says these records are one publication: the oldest keeps its id and address and gets
 * everything the reader added to the others (see mergeDuplicates); the others are removed.
 */
export async function mergePublications(
  db: LeesmapDatabase,
  ids: string[],
  now: number = Date.now(),
): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const found = (await Promise.all(union(ids).map((id) => store.get(id)))).filter(
      (record): record is StoredPublication => record !== undefined,
    );
    if (found.length === 0) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new StorageError('not-found', 'No such saved publications');
    }
    const merged = { ...mergeDuplicates(found), updatedAt: now };
    const tally = new ThemeTally();
    for (const record of found) {
      tally.change(record.themes, undefined);
      if (record.id !== merged.id) void store.delete(record.id);
    }
    tally.change(undefined, merged.themes);
    void store.put(merged);
    await tally.apply(tx);
    await tx.done;
    return strip(merged);
  });
}

export async function getPublication(db: LeesmapDatabase, id: string): Promise<SavedPublication | undefined> {
  return guarded(async () => {
    const stored = await db.get('publications', id);
    return stored ? strip(stored) : undefined;
  });
}

/** Applies the reader's changes; changed extracted fields become the reader's (never refreshed again). */
export async function updatePublication(
  db: LeesmapDatabase,
  id: string,
  changes: PublicationChanges,
  now: number = Date.now(),
): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const record = await store.get(id);
    if (!record) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new StorageError('not-found', `No saved publication ${id}`);
    }
    const next: StoredPublication = { ...record, ...cleanReader(changes), updatedAt: now };
    const target = next as unknown as Record<string, unknown>;
    const edited = new Set(record.editedFields);
    for (const field of EDITABLE_FIELDS) {
      if (!(field in changes)) continue;
      const value = (changes as Record<string, unknown>)[field];
      if (JSON.stringify(value) === JSON.stringify(target[field])) continue;
      if (value === undefined || value === null || value === '') delete target[field];
      else target[field] = structuredClone(value);
      edited.add(field);
    }
    next.editedFields = [...edited];
    // The reader's own title, year and publisher name the record too; its stored addresses only as checked.
    next.identity = union(record.identity, pageKeys(next));
    void store.put(next);
    const tally = new ThemeTally();
    tally.change(record.themes, next.themes);
    await tally.apply(tx);
    await tx.done;
    return strip(next);
  });
}

export async function deletePublications(db: LeesmapDatabase, ids: string[]): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const present = await Promise.all(union(ids).map((id) => store.get(id)));
    const tally = new ThemeTally();
    let deleted = 0;
    for (const record of present) {
      if (!record) continue;
      void store.delete(record.id);
      tally.change(record.themes, undefined);
      deleted++;
    }
    await tally.apply(tx);
    await tx.done;
    return deleted;
  });
}

/** Every saved record, newest saved first. */
export async function listPublications(db: LeesmapDatabase): Promise<SavedPublication[]> {
  return guarded(async () => {
    const all = await db.getAllFromIndex('publications', 'savedAt');
    return all.reverse().map(strip);
  });
}

/**
 * One screen of the list, newest saved first, without reading the rest: pass the last record's
 * `savedAt` and `id` as `after` for the next screen.
 */
export async function listPublicationsPage(
  db: LeesmapDatabase,
  limit: number,
  after?: { savedAt: number; id: string },
): Promise<SavedPublication[]> {
  return guarded(async () => {
    const tx = db.transaction('publications', 'readonly');
    const range = after ? IDBKeyRange.upperBound(after.savedAt) : null;
    const out: SavedPublication[] = [];
    let cursor = await tx.store.index('savedAt').openCursor(range, 'prev');
    // Records saved in the same millisecond as `after` come in primary-key order, descending.
    while (cursor && after && cursor.value.savedAt === after.savedAt && cursor.value.id >= after.id) {
      cursor = await cursor.continue();
    }
    while (cursor && out.length < limit) {
      out.push(strip(cursor.value));
      cursor = await cursor.continue();
    }
    await tx.done;
    return out;
  });
}

export async function countPublications(db: LeesmapDatabase): Promise<number> {
  return guarded(() => db.count('publications'));
}

/** Every theme of the saved records with its count, most first (ties alphabetical). */
export async function themeCounts(db: LeesmapDatabase): Promise<Array<{ theme: string; count: number }>> {
  return guarded(async () => {
    const counts = await db.getAll('themes');
    return counts.sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
  });
}
