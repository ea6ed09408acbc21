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
 * same write as its parent); related publications as `relations` (relations.ts), both ways.
 * Deletions travel too: a linked record no longer in the list moves its item to Zotero's trash
 * (restored, same key, if the record comes back), unless someone changed the item in Zotero since:
 * then the item stays there and the link goes. An item Zotero lists as deleted (`/deleted?since=`)
 * leaves the list, unless the reader changed its record since the last agreement: then it stays and
 * goes to Zotero again as a new item. Pure over plain data and the injected client; run.ts runs it
 * over the database.
 */
import { publicationId } from '@/utils/identity';
import type { SavedPublication } from '@/utils/record';
import { cleanAddedBy, newSavedPublication, safeHttpUrl } from '@/utils/record';
import { toZoteroEntry } from './items';
import { applyFields, fieldsFromItem, mergeFields, sameFields, type SyncFields } from './merge';
import { addToIndex, relatedKeys, relationsOf, urlIndex, withRelated } from './relations';
import {
  dropLink,
  fieldsOf,
  pullDeletions,
  pushDeletions,
  putRecord,
  removeRecord,
  saveChanges,
  setLink,
  type SyncInput,
  type SyncLink,
  type SyncOutcome,
  type Work,
} from './sync-work';
import { WebApiError, WRITE_BATCH, type ApiItem } from './webapi';

export type { SyncInput, SyncLink, SyncOutcome, SyncState } from './sync-work';

const STALE_RETRIES = 3;

function newRecord(
  id: string,
  fields: SyncFields,
  url: string,
  at: number,
  addedBy: string | undefined,
): SavedPublication {
  const empty = newSavedPublication({ id, url, title: fields.title, savedAt: at });
  return { ...applyFields(empty, fields), ...(addedBy ? { addedBy } : {}) };
}

interface Pulled {
  id: string;
  old: SyncLink;
  remote: SyncFields;
  version: number;
  noteKey?: string;
}

function mergeInto(work: Work, { id, old, remote, version, noteKey }: Pulled): string | undefined {
  let record = work.byId.get(id);
  if (!record && version > old.version) {
    // Deleted here, changed in Zotero since: the newer edit wins. The item is neither trashed nor
    // taken back into the list; it stays in Zotero, unlinked.
    dropLink(work, id);
    return undefined;
  }
  let merged = remote;
  if (record) {
    const local = fieldsOf(work, record);
    merged = mergeFields(old.base, local, remote);
    if (!sameFields(merged, local)) {
      record = { ...applyFields(record, merged), updatedAt: (work.now ?? Date.now)() };
      putRecord(work, record);
    }
  }
  // Agreed when the merge is what Zotero holds; otherwise the push compares and writes it.
  const updatedAt = record && sameFields(merged, remote) ? record.updatedAt : undefined;
  const link = { key: old.key, version, base: remote, noteKey: noteKey ?? old.noteKey, updatedAt };
  setLink(work, id, { ...link, ...(old.trashed ? { trashed: true } : {}) });
  return id;
}

/**
 * A linked item someone moved to Zotero's trash: its record leaves the list and the link stays,
 * trashed (a record saved again restores the item). A record the reader changed since the last
 * agreement, or brought back after Leesmap trashed it, stays, merged, and the push restores it.
 */
function takeTrashed(work: Work, pulled: Pulled): void {
  const { id, old, version } = pulled;
  const record = work.byId.get(id);
  if (record && (old.trashed || old.updatedAt !== record.updatedAt)) {
    mergeInto(work, { ...pulled, old: { ...old, trashed: true } });
    return;
  }
  setLink(work, id, { ...old, version, noteKey: pulled.noteKey ?? old.noteKey, trashed: true });
  if (record) removeRecord(work, id);
}

/** An item the list has no link for: the record it becomes (or meets). Returns that record's id. */
function addPulled(
  work: Work,
  parent: ApiItem,
  remote: SyncFields,
  noteKey: string | undefined,
): string | undefined {
  const url = safeHttpUrl(parent.data.url);
  if (!url) return undefined;
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
    return mergeInto(work, { id: existing.id, old, remote, version: parent.version, noteKey });
  }
  const user = parent.meta?.createdByUser;
  const own = user?.id !== undefined && user.id === work.userId;
  const addedBy = own ? undefined : (cleanAddedBy(user?.name) ?? cleanAddedBy(user?.username));
  const record = newRecord(id, remote, url, (work.now ?? Date.now)(), addedBy);
  work.byId.set(id, record);
  work.pending.set(id, record);
  addToIndex(work.byUrl, record);
  work.outcome.added.push({ record, addedBy });
  setLink(work, id, {
    key: parent.key,
    version: parent.version,
    base: remote,
    noteKey,
    updatedAt: record.updatedAt,
    ...(addedBy ? { addedBy } : {}),
  });
  return id;
}

/** Relations of pulled items whose other end is in the list: related publications of the record. */
function readRelations(work: Work, related: Array<[string, string[]]>): void {
  const idOfKey = new Map(Object.entries(work.state.links).map(([id, link]) => [link.key, id]));
  for (const [id, keys] of related) {
    const record = work.byId.get(id);
    if (!record) continue;
    const targets = keys.flatMap((key) => work.byId.get(idOfKey.get(key) ?? '') ?? []);
    const next = withRelated(record, targets);
    if (next === record) continue;
    const updatedAt = Math.max((work.now ?? Date.now)(), record.updatedAt + 1);
    putRecord(work, { ...next, updatedAt });
    // Agreed before: still agreed (relations are not compared), so no write for this.
    const link = work.state.links[id];
    if (link && link.updatedAt === record.updatedAt) setLink(work, id, { ...link, updatedAt });
  }
}

async function pull(work: Work): Promise<void> {
  const changed = await work.api.changedItems(work.collection, work.state.libraryVersion);
  if (!changed) return;
  const idOfKey = new Map(Object.entries(work.state.links).map(([id, link]) => [link.key, id]));
  const notes = new Map<string, ApiItem>();
  const parents: ApiItem[] = [];
  const related: Array<[string, string[]]> = [];
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
    const pulled = id && old ? { id, old, remote, version: parent.version, noteKey: note?.key } : undefined;
    // In the trash: not added to the list; a linked one leaves it.
    if (parent.data.deleted === 1 || parent.data.deleted === true) {
      if (pulled) takeTrashed(work, pulled);
      continue;
    }
    // Out of the trash again (restored in Zotero) while its record is gone here: back in the list.
    const restored = pulled && old?.trashed && !work.byId.has(pulled.id);
    if (restored) dropLink(work, pulled.id);
    const at = pulled && !restored ? mergeInto(work, pulled) : addPulled(work, parent, remote, note?.key);
    const keys = relatedKeys(parent.data.relations, work.api.library);
    if (at && keys.length) related.push([at, keys]);
  }
  // A note changed on its own: its parent's other fields are as last agreed.
  for (const [parentKey, note] of notes) {
    const id = idOfKey.get(parentKey);
    const old = id ? work.state.links[id] : undefined;
    if (!id || !old) continue;
    const remote = { ...old.base, notes: fieldsFromItem({}, note.data.note as string).notes };
    // Deleted here, its note changed in Zotero since: as for an item changed there (mergeInto).
    const version = work.byId.has(id) ? old.version : Math.max(old.version, note.version);
    mergeInto(work, { id, old, remote, version, noteKey: note.key });
  }
  readRelations(work, related);
  await pullDeletions(work, work.state.libraryVersion);
  work.state.libraryVersion = changed.version;
  await saveChanges(work);
}

function keyOf(work: Work, id: string): string | undefined {
  return work.state.links[id]?.key ?? work.keys.get(id);
}

/** The objects one record becomes: its item and, when it has notes (now or before), its note. */
function objectsFor(work: Work, record: SavedPublication): Array<Record<string, unknown>> {
  const agreed = work.state.links[record.id];
  const entry = toZoteroEntry(record);
  const key = keyOf(work, record.id) ?? work.newKey();
  const relations = relationsOf(record, work.api.library, work.byUrl, (id) => keyOf(work, id));
  const objects: Array<Record<string, unknown>> = [
    {
      ...entry.item,
      key,
      collections: [work.collection],
      ...(relations ? { relations } : {}),
      // Back from the trash: the same item, restored.
      ...(agreed?.trashed ? { deleted: 0 } : {}),
    },
  ];
  // A note deleted in Zotero (no note key any more) goes back only when the reader changed it.
  const noteChanged = !agreed || fieldsOf(work, record).notes !== agreed.base.notes;
  if (agreed?.noteKey || (entry.note && noteChanged)) {
    const noteKey = agreed?.noteKey ?? work.newKey();
    const note = { itemType: 'note', key: noteKey, parentItem: key, note: entry.note ?? '', tags: [] };
    objects.push({ ...note, ...(agreed?.trashed ? { deleted: 0 } : {}) });
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
  await pushDeletions(work);
  const dirty: SavedPublication[] = [];
  for (const record of work.byId.values()) {
    const agreed = work.state.links[record.id];
    if (agreed && agreed.updatedAt === record.updatedAt && !agreed.trashed) continue;
    if (!agreed || agreed.trashed || !sameFields(fieldsOf(work, record), agreed.base)) dirty.push(record);
    // Changed in what does not travel (the star, a visit): agreed as it is, out of the queue.
    else setLink(work, record.id, { ...agreed, updatedAt: record.updatedAt });
  }
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
  if (work.changed.size) await saveChanges(work);
}

export async function syncCollection(input: SyncInput): Promise<SyncOutcome> {
  const work: Work = {
    ...input,
    byId: new Map(input.records.map((r) => [r.id, r])),
    outcome: { updated: [], added: [], pushed: 0, refused: 0, removed: [], deleted: 0 },
    changed: new Set(),
    pending: new Map(),
    unlinked: new Set(),
    removed: new Set(),
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
