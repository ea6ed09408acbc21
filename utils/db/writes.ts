/**
 * Writing the list: saves, visits, the reader's edits, merges and deletes. Each is one
 * transaction and resolves only after it committed. The record rules are merge.ts's; a merged
 * record is written by `writeMerged`, and a page's identity keys are computed once per write.
 */
import { identityKeys } from '../identity';
import { pageIdentity, pageKeys, type PageIdentity } from '../linking';
import {
  EDITABLE_FIELDS,
  LIMITS,
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
import { findStored, linkStored } from './lookup';
import {
  cleanReader,
  markEdited,
  mergeDuplicates,
  newRecord,
  refreshExtracted,
  strip,
  ThemeTally,
  union,
  writeMerged,
  type MergedWrite,
} from './merge';
import {
  guarded,
  notFound,
  noteListChanged,
  type LeesmapDatabase,
  type StoredPublication,
  type Tx,
} from './open';
import { resemblance } from './queries';

/** Bounds on what one page may add: related items per visit. */
const MAX_RELATED_PER_VISIT = 100;

export interface SaveOptions {
  /** Fields the reader changed before saving: theirs from now on (never refreshed by a visit). */
  edited?: readonly EditableField[];
}

type Link = Awaited<ReturnType<typeof linkStored>>;

/** What a save makes of the record the page is (or a new one), before the reader's edits. */
function saveWrite(
  link: Link,
  publication: Publication,
  reader: Partial<ReaderFields> | undefined,
  now: number,
  keys: string[],
): MergedWrite {
  if (!link.record) return { next: newRecord(publication, reader, now, keys) };
  // Over plain http a saved https record keeps its fields: only the reader's own change.
  const base = link.mayUpdate ? refreshExtracted(link.record, publication, keys) : link.record;
  return { next: { ...base, ...cleanReader(reader), updatedAt: now }, previous: link.record };
}

/**
 * Saves a publication, with the fields the reader edited before saving (`options.edited`), in one
 * transaction. Idempotent: the record this page is (its address, or a declared key Leesmap could
 * check; utils/linking.ts) is refreshed instead of duplicated, keeping the reader's fields and
 * edits. Records it merely resembles stay apart: the reader may merge them (`mergePublications`).
 * The publication leaves the catalog.
 */
export async function savePublication(
  db: LeesmapDatabase,
  publication: Publication,
  reader?: Partial<ReaderFields>,
  now: number = Date.now(),
  options: SaveOptions = {},
): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes', 'meta'], 'readwrite');
    const identity = pageIdentity(publication);
    const [link, catalogIds] = await Promise.all([
      linkStored(tx, publication, identity),
      findCatalogIds(tx, identity.keys),
    ]);
    const write = saveWrite(link, publication, reader, now, identity.keys);
    if (options.edited?.length) markEdited(write.next, publication, options.edited);
    const tally = new ThemeTally();
    writeMerged(tx.objectStore('publications'), tally, write);
    noteListChanged(tx);
    for (const id of catalogIds) void tx.objectStore('catalog').delete(id);
    await tally.apply(tx);
    await tx.done;
    return strip(write.next);
  });
}

export interface VisitOptions {
  catalogCap?: number;
  /** How many catalog entries this visit may write (the background's rate limit); all by default. */
  catalogBudget?: number;
  /**
   * Save the page if the reader has not (auto-save, within its limits), in this visit's own
   * transaction: no catalog entry is written for it only for the save to delete it again.
   */
  autoSave?: boolean;
}

export interface VisitResult {
  /** The saved record this page is, refreshed (or saved now, see `autoSaved`); undefined when not saved. */
  saved?: SavedPublication;
  /** The page was not saved, and this visit saved it (`VisitOptions.autoSave`). */
  autoSaved: boolean;
  /** Saved records the page resembles but was not linked to (the reader may merge them). */
  resembles: Resemblance[];
  /** Catalog entries written (the page's own and the related publications it lists). */
  catalogWrites: number;
}

type VisitTx = Tx<'readwrite', ['publications', 'catalog', 'themes', 'meta']>;

/** The page's own part of a visit: its record refreshed, saved, or its catalog entry. */
async function visitPage(
  tx: VisitTx,
  publication: Publication,
  identity: PageIdentity,
  link: Link,
  visit: { now: number; tally: ThemeTally; autoSave: boolean; budget: number },
): Promise<{ saved?: StoredPublication; listedBy?: { id: string; title: string; url: string } }> {
  const { now, tally } = visit;
  const store = tx.objectStore('publications');
  let saved = link.record;
  if (saved && link.mayUpdate) {
    const write = {
      next: { ...refreshExtracted(saved, publication, identity.keys), lastVisitedAt: now },
      previous: saved,
    };
    writeMerged(store, tally, write);
    noteListChanged(tx);
    saved = write.next;
  } else if (!saved && visit.autoSave) {
    saved = newRecord(publication, undefined, now, identity.keys);
    writeMerged(store, tally, { next: saved });
    noteListChanged(tx);
    for (const id of await findCatalogIds(tx, identity.keys)) void tx.objectStore('catalog').delete(id);
  }
  if (saved) return { saved, listedBy: { id: saved.id, title: saved.title, url: saved.url } };
  if (visit.budget <= 0) return {};
  const entry = await upsertCatalog(tx, catalogFields(publication), identity.keys, { kind: 'visited' }, now);
  return { listedBy: { id: entry.id, title: publication.title, url: publication.url } };
}

/**
 * The publications a page lists as related enter the catalog, unless the reader saved them (or
 * they are the page itself), within `budget` writes. They only ever fill an entry's empty fields.
 */
async function catalogRelated(
  tx: VisitTx,
  publication: Publication,
  keys: string[],
  source: CatalogSource,
  now: number,
  budget: number,
): Promise<number> {
  let writes = 0;
  for (const related of (publication.related ?? []).slice(0, MAX_RELATED_PER_VISIT)) {
    if (writes >= budget) break;
    if (!related || typeof related.title !== 'string' || !related.title.trim()) continue;
    const relatedKeys = identityKeys({ url: related.url, title: related.title });
    if (relatedKeys.some((key) => keys.includes(key))) continue; // a page listing itself
    if (relatedKeys.length && (await findStored(tx, relatedKeys)).length) continue;
    await upsertCatalog(tx, relatedFields(related), relatedKeys, source, now);
    writes++;
  }
  return writes;
}

/**
 * A detected publication page was visited. Saved → refresh its extracted fields (never the reader's
 * fields, never a field the reader edited) and lastVisitedAt. Not saved → save it when
 * `autoSave`, else remember it in the catalog. Either way the publications the page lists as
 * related enter the catalog, unless the reader saved them, within `catalogBudget` writes. A visit
 * never deletes or merges saved records.
 */
export async function recordVisit(
  db: LeesmapDatabase,
  publication: Publication,
  now: number = Date.now(),
  options: VisitOptions = {},
): Promise<VisitResult> {
  const { catalogCap = CATALOG_CAP, autoSave = false } = options;
  const budget = Math.max(0, options.catalogBudget ?? Number.POSITIVE_INFINITY);
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes', 'meta'], 'readwrite');
    const identity = pageIdentity(publication);
    const link = await linkStored(tx, publication, identity);
    const tally = new ThemeTally();
    const page = await visitPage(tx, publication, identity, link, { now, tally, autoSave, budget });
    const autoSaved = autoSave && !link.record && page.saved !== undefined;
    let catalogWrites = !page.saved && page.listedBy ? 1 : 0;
    if (page.listedBy) {
      const source: CatalogSource = { kind: 'related', listedBy: page.listedBy };
      catalogWrites += await catalogRelated(
        tx,
        publication,
        identity.keys,
        source,
        now,
        budget - catalogWrites,
      );
    }
    if (catalogWrites > 0) await pruneCatalog(tx, catalogCap);
    await tally.apply(tx);
    await tx.done;
    const saved = page.saved && strip(page.saved);
    return { saved, autoSaved, resembles: link.resembles.map(resemblance), catalogWrites };
  });
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
    const tx = db.transaction(['publications', 'themes', 'meta'], 'readwrite');
    const store = tx.objectStore('publications');
    const found = (await Promise.all(union(ids).map((id) => store.get(id)))).filter(
      (record): record is StoredPublication => record !== undefined,
    );
    if (found.length === 0) {
      return notFound(tx, 'No such saved publications');
    }
    const merged = { ...mergeDuplicates(found), updatedAt: now };
    const tally = new ThemeTally();
    for (const record of found) {
      tally.change(record.themes, undefined);
      if (record.id !== merged.id) void store.delete(record.id);
    }
    tally.change(undefined, merged.themes);
    void store.put(merged);
    noteListChanged(tx);
    await tally.apply(tx);
    await tx.done;
    return strip(merged);
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
    const tx = db.transaction(['publications', 'themes', 'meta'], 'readwrite');
    const store = tx.objectStore('publications');
    const record = await store.get(id);
    if (!record) {
      return notFound(tx, `No saved publication ${id}`);
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
    noteListChanged(tx);
    const tally = new ThemeTally();
    tally.change(record.themes, next.themes);
    await tally.apply(tx);
    await tx.done;
    return strip(next);
  });
}

export async function deletePublications(db: LeesmapDatabase, ids: string[]): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes', 'meta'], 'readwrite');
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
    if (deleted > 0) noteListChanged(tx);
    await tally.apply(tx);
    await tx.done;
    return deleted;
  });
}

/**
 * Adds `tag` to each record that lacks it, read and written inside one transaction, so tags
 * another window added meanwhile are kept (a tag list sent from a page's copy would drop them).
 * Missing records are skipped, as is a record whose tag list is full. Returns the changed records.
 */
export async function addTagToPublications(
  db: LeesmapDatabase,
  ids: string[],
  tag: string,
  now: number = Date.now(),
): Promise<SavedPublication[]> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'meta'], 'readwrite');
    const store = tx.objectStore('publications');
    const changed: StoredPublication[] = [];
    for (const record of await Promise.all(union(ids).map((id) => store.get(id)))) {
      if (!record || record.tags.includes(tag) || record.tags.length >= LIMITS.listItems) continue;
      const next = { ...record, tags: [...record.tags, tag], updatedAt: now };
      void store.put(next);
      changed.push(next);
    }
    if (changed.length > 0) noteListChanged(tx);
    await tx.done;
    return changed.map(strip);
  });
}
