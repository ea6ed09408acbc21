/**
 * What one sync of a collection works on (sync.ts): the state it keeps, what it hands `save`, and
 * how deletions travel both ways. A linked record no longer in the list moves its item to Zotero's
 * trash (`pushDeletions`: a write of `{key, version, deleted: 1}`, 50 a request, guarded by the
 * library version), never a permanent delete, and keeps its link, marked trashed: a record brought
 * back later (an undo, the same publication saved again) restores that same item. The link goes
 * once Zotero lists the item as deleted (the trash emptied). An item Zotero lists as deleted
 * (`pullDeletions`, `/deleted?since=`) leaves the list, unless the reader changed its record since
 * the last agreement: then it stays, unlinked, and the push writes it again as a new item, so
 * nothing the reader added is lost. A child note Zotero lists as deleted leaves the link alone but
 * its note key: the reader's notes stay and go back as a new note only when the reader changes them.
 */
import type { SavedPublication } from '@/utils/record';
import { fieldsOfRecord, type SyncFields } from './merge';
import { WRITE_BATCH, type WebApi } from './webapi';

export interface SyncLink {
  key: string;
  version: number;
  /** The fields both sides last agreed on. */
  base: SyncFields;
  noteKey?: string;
  /** The record's `updatedAt` when both sides agreed: unchanged since, it needs no comparison. */
  updatedAt?: number;
  /** Who put the item in the library, when someone else did (a group's `meta.createdByUser`). */
  addedBy?: string;
  /** The item is in Zotero's trash because the reader deleted its record (restored if it comes back). */
  trashed?: boolean;
}

export interface SyncState {
  libraryVersion: number;
  /** By Leesmap record id. */
  links: Record<string, SyncLink>;
}

/** What changed since the last `save`: store all of it at once (one transaction). */
export interface SyncChanges extends SyncState {
  /** Records the pull merged or added since the last save, to store with their links. */
  records: SavedPublication[];
  /** Links to forget (their item or their record is gone). */
  removedLinks: string[];
  /** Records whose item was deleted in Zotero, to remove unless the reader changed them meanwhile. */
  removedRecords: string[];
}

export interface SyncInput {
  api: WebApi;
  collection: string;
  records: SavedPublication[];
  state: SyncState;
  /**
   * Stores what changed: the library version, the links written and the records merged or added
   * since the last call. Storing them together keeps a link from claiming an agreement its record
   * does not hold yet when the worker stops in between.
   */
  save: (changes: SyncChanges) => Promise<void>;
  /** A new Zotero object key (8 characters of 23456789ABCDEFGHIJKLMNPQRSTUVWXYZ). */
  newKey: () => string;
  now?: () => number;
  /** The Zotero user the key belongs to: their own items are not "added by" anyone. */
  userId?: number;
}

export interface SyncOutcome {
  /** Local records the pull changed (merged), to store. */
  updated: SavedPublication[];
  /** Records others added to the collection, to store, with who added them. */
  added: Array<{ record: SavedPublication; addedBy?: string }>;
  /** Records written to Zotero. */
  pushed: number;
  /** Records Zotero refused (they stay different and go again next time). */
  refused: number;
  /** Records removed from the list because their item was deleted in Zotero. */
  removed: string[];
  /** Items moved to Zotero's trash because their record left the list. */
  deleted: number;
}

/** One sync at work. */
export interface Work extends SyncInput {
  byId: Map<string, SavedPublication>;
  outcome: SyncOutcome;
  /** Links changed since the last save. */
  changed: Set<string>;
  /** Records merged or added since the last save. */
  pending: Map<string, SavedPublication>;
  /** Links forgotten and records removed since the last save. */
  unlinked: Set<string>;
  removed: Set<string>;
  /** Keys chosen for records not in Zotero yet (so relations can name them before they are written). */
  keys: Map<string, string>;
  fields: WeakMap<SavedPublication, SyncFields>;
  /** Record id by address (its own and its canonical one), for relations. */
  byUrl: Map<string, string>;
}

export function fieldsOf(work: Work, record: SavedPublication): SyncFields {
  let fields = work.fields.get(record);
  if (!fields) work.fields.set(record, (fields = fieldsOfRecord(record)));
  return fields;
}

export function setLink(work: Work, id: string, value: SyncLink): void {
  work.state.links[id] = value;
  work.changed.add(id);
  work.unlinked.delete(id);
}

export function dropLink(work: Work, id: string): void {
  delete work.state.links[id];
  work.changed.delete(id);
  work.unlinked.add(id);
}

/** A record the pull changed (merged, added, given relations): to store, and in the outcome. */
export function putRecord(work: Work, record: SavedPublication): void {
  work.byId.set(record.id, record);
  work.pending.set(record.id, record);
  const added = work.outcome.added.find((a) => a.record.id === record.id);
  if (added) added.record = record;
  else work.outcome.updated = [...work.outcome.updated.filter((r) => r.id !== record.id), record];
}

export async function saveChanges(work: Work): Promise<void> {
  const links = Object.fromEntries([...work.changed].map((id) => [id, work.state.links[id]]));
  const records = [...work.pending.values()];
  const removedLinks = [...work.unlinked];
  const removedRecords = [...work.removed];
  work.changed.clear();
  work.pending.clear();
  work.unlinked.clear();
  work.removed.clear();
  await work.save({
    libraryVersion: work.state.libraryVersion,
    links,
    records,
    removedLinks,
    removedRecords,
  });
}

/**
 * Items deleted in Zotero since `since`: their records leave the list, unless the reader changed
 * one since the last agreement (then it stays, unlinked, and is written again as a new item). A
 * trashed link whose item is gone for good is forgotten; a deleted child note leaves its link
 * without its note key.
 */
export async function pullDeletions(work: Work, since: number): Promise<void> {
  if (Object.keys(work.state.links).length === 0) return;
  const gone = new Set((await work.api.deletedKeys(since)).keys);
  if (gone.size === 0) return;
  for (const [id, link] of Object.entries(work.state.links)) {
    if (!gone.has(link.key)) {
      if (link.noteKey && gone.has(link.noteKey)) setLink(work, id, { ...link, noteKey: undefined });
      continue;
    }
    const record = work.byId.get(id);
    dropLink(work, id);
    if (record && link.updatedAt === record.updatedAt && !link.trashed) removeRecord(work, id);
  }
}

/** A record whose item left the library or went to the trash: out of the list (run.ts checks it). */
export function removeRecord(work: Work, id: string): void {
  work.byId.delete(id);
  work.pending.delete(id);
  work.removed.add(id);
  work.outcome.removed.push(id);
}

/**
 * Items whose record the reader deleted: moved to Zotero's trash (a partial write of
 * `{key, version, deleted: 1}`), 50 a request, guarded by the library version. Their links stay,
 * marked trashed. An item Zotero refuses (changed there since the link's version) stays in Zotero
 * and its link goes: the newer edit wins.
 */
export async function pushDeletions(work: Work): Promise<void> {
  const gone = Object.entries(work.state.links).filter(([id, link]) => !link.trashed && !work.byId.has(id));
  for (let first = 0; first < gone.length; first += WRITE_BATCH) {
    const batch = gone.slice(first, first + WRITE_BATCH);
    const objects = batch.map(([, link]) => ({ key: link.key, version: link.version, deleted: 1 }));
    const written = await work.api.writeItems(objects, work.state.libraryVersion);
    batch.forEach(([id, link], i) => {
      const result = written.results[i];
      // Refused (the item changed in Zotero since the link's version): the item stays there, the
      // link goes, as when the pull brings the newer item first (sync.ts `mergeInto`).
      if (!result || 'failed' in result) return dropLink(work, id);
      setLink(work, id, { ...link, version: result.version, trashed: true });
      work.outcome.deleted++;
    });
    work.state.libraryVersion = written.version;
    await saveChanges(work);
  }
}
