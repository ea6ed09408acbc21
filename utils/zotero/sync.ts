/**
 * One sync of the reader's list with a collection of a Zotero library (user or group), over the
 * Web API client of webapi.ts: pull what changed since the library version Leesmap last saw, merge
 * it field by field into the records it belongs to (merge.ts), add what others put there, then push
 * what differs from what both sides last agreed on, in writes of at most 50 objects. A stale
 * library (412) starts the round again from the pull. Each record remembers its item's key and
 * version and the fields last agreed on (`SyncState.links`); what changed in the state goes to
 * `save` after the pull and after every write, so a service worker stopped mid-sync loses nothing:
 * the next sync pushes only what is still different.
 *
 * The reader's notes travel as the item's child note (created with a key Leesmap chooses, in the
 * same write as its parent). Pure over plain data and the injected client; run.ts runs it over the
 * database.
 */
import { publicationId } from '@/utils/identity';
import type { SavedPublication } from '@/utils/record';
import { newSavedPublication, safeHttpUrl } from '@/utils/record';
import { toZoteroEntry } from './items';
import {
  applyFields,
  fieldsFromItem,
  fieldsOfRecord,
  mergeFields,
  sameFields,
  type SyncFields,
} from './merge';
import { itemUri, WebApiError, WRITE_BATCH, type ApiItem, type WebApi } from './webapi';

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
}

const STALE_RETRIES = 3;

interface Work extends SyncInput {
  byId: Map<string, SavedPublication>;
  outcome: SyncOutcome;
  /** Links changed since the last save. */
  changed: Set<string>;
  /** Records merged or added since the last save. */
  pending: Map<string, SavedPublication>;
  /** Keys chosen for records not in Zotero yet (so relations can name them before they are written). */
  keys: Map<string, string>;
  fields: WeakMap<SavedPublication, SyncFields>;
  /** Record id by address (its own and its canonical one), for relations. */
  byUrl: Map<string, string>;
}

function urlIndex(records: SavedPublication[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const record of records)
    for (const url of [record.url, record.canonicalUrl]) if (url) index.set(url, record.id);
  return index;
}

function fieldsOf(work: Work, record: SavedPublication): SyncFields {
  let fields = work.fields.get(record);
  if (!fields) work.fields.set(record, (fields = fieldsOfRecord(record)));
  return fields;
}

function setLink(work: Work, id: string, value: SyncLink): void {
  work.state.links[id] = value;
  work.changed.add(id);
}

async function saveChanges(work: Work): Promise<void> {
  const links = Object.fromEntries([...work.changed].map((id) => [id, work.state.links[id]]));
  const records = [...work.pending.values()];
  work.changed.clear();
  work.pending.clear();
  await work.save({ libraryVersion: work.state.libraryVersion, links, records });
}

function newRecord(id: string, fields: SyncFields, url: string, at: number): SavedPublication {
  const empty = newSavedPublication({ id, url, title: fields.title, savedAt: at });
  return applyFields(empty, fields);
}

interface Pulled {
  id: string;
  old: SyncLink;
  remote: SyncFields;
  version: number;
  noteKey?: string;
}

function mergeInto(work: Work, { id, old, remote, version, noteKey }: Pulled): void {
  let record = work.byId.get(id);
  let merged = remote;
  if (record) {
    const local = fieldsOf(work, record);
    merged = mergeFields(old.base, local, remote);
    if (!sameFields(merged, local)) {
      record = { ...applyFields(record, merged), updatedAt: (work.now ?? Date.now)() };
      work.byId.set(id, record);
      work.pending.set(id, record);
      work.outcome.updated = [...work.outcome.updated.filter((r) => r.id !== id), record];
    }
  }
  // Agreed when the merge is what Zotero holds; otherwise the push compares and writes it.
  const updatedAt = record && sameFields(merged, remote) ? record.updatedAt : undefined;
  setLink(work, id, { key: old.key, version, base: remote, noteKey: noteKey ?? old.noteKey, updatedAt });
}

function addPulled(work: Work, parent: ApiItem, remote: SyncFields, noteKey: string | undefined): void {
  const url = safeHttpUrl(parent.data.url);
  if (!url) return;
  const id = publicationId({ url, title: remote.title });
  // The list may hold it under another id (saved there from its canonical address).
  const existing = work.byId.get(id) ?? work.byId.get(work.byUrl.get(url) ?? '');
  if (existing) {
    // Saved on both sides before they were linked: one item, both sides' lists and notes kept, and
    // no status agreed yet, so the reader's status wins.
    const base = {
      ...fieldsOf(work, existing),
      themes: [],
      keywords: [],
      tags: [],
      notes: '',
      status: undefined,
    } as unknown as SyncFields;
    const old = { key: parent.key, version: parent.version, base };
    mergeInto(work, { id: existing.id, old, remote, version: parent.version, noteKey });
    return;
  }
  const record = newRecord(id, remote, url, (work.now ?? Date.now)());
  const addedBy = parent.meta?.createdByUser?.username;
  work.byId.set(id, record);
  work.pending.set(id, record);
  work.outcome.added.push({ record, addedBy });
  setLink(work, id, {
    key: parent.key,
    version: parent.version,
    base: remote,
    noteKey,
    updatedAt: record.updatedAt,
    ...(addedBy ? { addedBy } : {}),
  });
}

async function pull(work: Work): Promise<void> {
  const changed = await work.api.changedItems(work.collection, work.state.libraryVersion);
  if (!changed) return;
  const idOfKey = new Map(Object.entries(work.state.links).map(([id, link]) => [link.key, id]));
  const notes = new Map<string, ApiItem>();
  const parents: ApiItem[] = [];
  for (const item of changed.items) {
    if (item.data.itemType === 'note' && typeof item.data.parentItem === 'string')
      notes.set(item.data.parentItem, item);
    else parents.push(item);
  }
  for (const parent of parents) {
    const note = notes.get(parent.key);
    notes.delete(parent.key);
    const id = idOfKey.get(parent.key);
    const old = id ? work.state.links[id] : undefined;
    const known = (id && work.byId.get(id)) || old?.base;
    const remote = fieldsFromItem(parent.data, note?.data.note as string | undefined, known || undefined);
    if (!note && old) remote.notes = old.base.notes;
    if (id && old) mergeInto(work, { id, old, remote, version: parent.version, noteKey: note?.key });
    else addPulled(work, parent, remote, note?.key);
  }
  // A note changed on its own: its parent's other fields are as last agreed.
  for (const [parentKey, note] of notes) {
    const id = idOfKey.get(parentKey);
    const old = id ? work.state.links[id] : undefined;
    if (!id || !old) continue;
    const remote = { ...old.base, notes: fieldsFromItem({}, note.data.note as string).notes };
    mergeInto(work, { id, old, remote, version: old.version, noteKey: note.key });
  }
  work.state.libraryVersion = changed.version;
  await saveChanges(work);
}

function keyOf(work: Work, id: string): string | undefined {
  return work.state.links[id]?.key ?? work.keys.get(id);
}

/** `dc:relation` to the related publications that are in the library too (Zotero's item URIs). */
function relationsOf(work: Work, record: SavedPublication): Record<string, string[]> | undefined {
  const uris = new Set<string>();
  for (const related of record.related ?? []) {
    const id = related.url ? work.byUrl.get(related.url) : undefined;
    const key = id && id !== record.id ? keyOf(work, id) : undefined;
    if (key) uris.add(itemUri(work.api.library, key));
  }
  return uris.size ? { 'dc:relation': [...uris] } : undefined;
}

/** The objects one record becomes: its item and, when it has notes (now or before), its note. */
function objectsFor(work: Work, record: SavedPublication): Array<Record<string, unknown>> {
  const agreed = work.state.links[record.id];
  const entry = toZoteroEntry(record);
  const key = keyOf(work, record.id) ?? work.newKey();
  const relations = relationsOf(work, record);
  const objects: Array<Record<string, unknown>> = [
    { ...entry.item, key, collections: [work.collection], ...(relations ? { relations } : {}) },
  ];
  if (entry.note || agreed?.noteKey) {
    const noteKey = agreed?.noteKey ?? work.newKey();
    objects.push({ itemType: 'note', key: noteKey, parentItem: key, note: entry.note ?? '', tags: [] });
  }
  return objects;
}

type Batch = Array<{ record: SavedPublication; objects: Array<Record<string, unknown>> }>;

async function write(work: Work, batch: Batch): Promise<void> {
  const written = await work.api.writeItems(
    batch.flatMap((b) => b.objects),
    work.state.libraryVersion,
  );
  let index = 0;
  for (const { record, objects } of batch) {
    const results = written.results.slice(index, index + objects.length);
    index += objects.length;
    const parent = results[0];
    if (!parent || !('key' in parent) || results.some((r) => 'failed' in r)) {
      work.outcome.refused++;
      continue;
    }
    const noteKey = objects[1] ? String(objects[1].key) : undefined;
    const base = fieldsOf(work, record);
    setLink(work, record.id, {
      key: parent.key,
      version: parent.version,
      base,
      noteKey,
      updatedAt: record.updatedAt,
    });
    work.outcome.pushed++;
  }
  work.state.libraryVersion = written.version;
  await saveChanges(work);
}

async function push(work: Work): Promise<void> {
  const dirty = [...work.byId.values()].filter((record) => {
    const agreed = work.state.links[record.id];
    if (agreed && agreed.updatedAt === record.updatedAt) return false;
    return !agreed || !sameFields(fieldsOf(work, record), agreed.base);
  });
  for (const record of dirty) if (!keyOf(work, record.id)) work.keys.set(record.id, work.newKey());
  let batch: Batch = [];
  let size = 0;
  for (const record of dirty) {
    const objects = objectsFor(work, record);
    if (size + objects.length > WRITE_BATCH) {
      await write(work, batch);
      batch = [];
      size = 0;
    }
    batch.push({ record, objects });
    size += objects.length;
  }
  if (batch.length) await write(work, batch);
}

export async function syncCollection(input: SyncInput): Promise<SyncOutcome> {
  const work: Work = {
    ...input,
    byId: new Map(input.records.map((r) => [r.id, r])),
    outcome: { updated: [], added: [], pushed: 0, refused: 0 },
    changed: new Set(),
    pending: new Map(),
    keys: new Map(),
    byUrl: urlIndex(input.records),
    fields: new WeakMap(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await pull(work);
      await push(work);
      return work.outcome;
    } catch (error) {
      // Someone wrote between our pull and our write: pull again, merge, write what is left.
      if (!(error instanceof WebApiError) || error.code !== 'stale' || attempt >= STALE_RETRIES) throw error;
    }
  }
}
