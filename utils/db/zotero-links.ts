/**
 * What a sync through a Zotero library remembers (issue 16), in the `zotero` store (v5): one row
 * per linked record (`link:<record id>`: its item's key and version, the fields both sides last
 * agreed on, who added it) and one `state` row (which library and collection, and the library
 * version Leesmap last saw). A store of its own, not fields on the record: a backup exports the
 * records and never these rows, the record merge rules stay as they are, and the first sync
 * with another library or collection clears the store in one step. The API key is not here at all
 * (`storage.local`, utils/zotero/sync-settings.ts).
 *
 * `writeSynced` stores a sync's progress in one transaction: the links, the library version and
 * the records the pull merged or added, so a worker stopped mid-sync never leaves a link that
 * claims an agreement its record does not hold. A record the reader changed while the sync ran is
 * reconciled (three-way, by the caller's rule), never overwritten.
 */
import { pageKeys } from '../linking';
import type { SavedPublication } from '@/utils/record';
import { validateRecord } from '@/utils/record';
import { findStored } from './lookup';
import { strip, ThemeTally, union } from './merge';
import {
  guarded,
  noteListChanged,
  type LeesmapDatabase,
  type StoredPublication,
  type ZoteroRow,
} from './open';

/** A stored link: the sync engine's (utils/zotero/sync.ts `SyncLink`), opaque here but for its time. */
export type StoredZoteroLink = Extract<ZoteroRow, { link: unknown }>['link'];

export interface ZoteroSyncState {
  /** The library and collection these links belong to (`groups/4711/ABCD2345`). */
  target: string;
  libraryVersion: number;
  links: Record<string, StoredZoteroLink>;
}

const LINK = 'link:';

export async function readZoteroSync(db: LeesmapDatabase): Promise<ZoteroSyncState | undefined> {
  return guarded(async () => {
    const rows = await db.getAll('zotero');
    const state = rows.find((row): row is Extract<ZoteroRow, { target: string }> => 'target' in row);
    if (!state) return undefined;
    const links: Record<string, StoredZoteroLink> = {};
    for (const row of rows) if ('link' in row) links[row.key.slice(LINK.length)] = row.link;
    return { target: state.target, libraryVersion: state.libraryVersion, links };
  });
}

/** Forgets every link (sync turned off, or another library or collection chosen). */
export async function clearZoteroSync(db: LeesmapDatabase): Promise<void> {
  await guarded(() => db.clear('zotero'));
}

export interface SyncedWrite extends ZoteroSyncState {
  /** Records the pull merged or added. */
  records: SavedPublication[];
  /** Links to forget (their item or their record is gone). */
  removedLinks?: string[];
  /**
   * Records whose item was deleted in Zotero: removed, unless the reader changed one while the sync
   * ran (then it stays, its link forgotten, and the next sync writes it again).
   */
  removedRecords?: string[];
  /** The records as the sync read them, by id. */
  before: ReadonlyMap<string, SavedPublication>;
  /** A record changed while the sync ran: `merged` applied over `current`, as the caller merges. */
  reconcile: (
    current: SavedPublication,
    before: SavedPublication,
    merged: SavedPublication,
  ) => SavedPublication;
}

type WriteTx = ReturnType<typeof writeTx>;
const writeTx = (db: LeesmapDatabase) =>
  db.transaction(['publications', 'themes', 'meta', 'zotero'], 'readwrite');

/**
 * The base of a three-way merge for a record and an item that meet for the first time (saved on
 * both sides, or saved here while a sync pulled it): no list item, note or status agreed yet, so
 * both sides' lists and notes are kept and the reader's status wins.
 */
function firstMeeting(record: SavedPublication): SavedPublication {
  return {
    ...record,
    tags: [],
    themes: [],
    keywords: [],
    notes: '',
    status: undefined,
  } as unknown as SavedPublication;
}

/**
 * One merged or added record into the list. Returns the id its link belongs to: its own, another
 * record's that is the same publication, or undefined (invalid: the link is dropped).
 */
async function writeRecord(
  tx: WriteTx,
  tally: ThemeTally,
  input: SyncedWrite,
  synced: SavedPublication,
): Promise<string | undefined> {
  const record = validateRecord(synced, 0, []);
  if (!record) return undefined;
  const store = tx.objectStore('publications');
  const stored = await store.get(record.id);
  const before = input.before.get(record.id);
  let next: SavedPublication;
  if (stored) {
    const current = strip(stored) as SavedPublication;
    next =
      before && stored.updatedAt === before.updatedAt
        ? record
        : input.reconcile(current, before ?? firstMeeting(current), record);
    // Reconciled: what the list holds now is not what Zotero holds; the next sync compares.
    if (next !== record) delete input.links[record.id]?.updatedAt;
  } else {
    // Deleted by the reader while the sync ran: it stays deleted.
    if (before) return record.id;
    // Pulled, and already in the list under another id (another address of the same publication):
    // that record keeps its id and takes what Zotero adds, the reader's own fields winning.
    const [known] = await findStored(tx, pageKeys(record));
    if (known) {
      const current = strip(known) as SavedPublication;
      const merged = input.reconcile(current, firstMeeting(current), record);
      tally.change(known.themes, merged.themes);
      void store.put({ ...merged, identity: union(known.identity, pageKeys(merged)) });
      return known.id;
    }
    next = record;
  }
  const value: StoredPublication = { ...next, identity: union(stored?.identity, pageKeys(next)) };
  tally.change(stored?.themes, next.themes);
  void store.put(value);
  return record.id;
}

/** Removes the records Zotero deleted that the reader left alone while the sync ran; how many. */
async function removeRecords(tx: WriteTx, tally: ThemeTally, input: SyncedWrite): Promise<number> {
  const store = tx.objectStore('publications');
  let removed = 0;
  for (const id of input.removedRecords ?? []) {
    const stored = await store.get(id);
    const before = input.before.get(id);
    if (!stored || !before || stored.updatedAt !== before.updatedAt) continue;
    void store.delete(id);
    tally.change(stored.themes, undefined);
    removed++;
  }
  return removed;
}

/** Stores a sync's progress, records and links together (see the file's comment). */
export async function writeSynced(db: LeesmapDatabase, input: SyncedWrite): Promise<void> {
  await guarded(async () => {
    const tx = writeTx(db);
    const tally = new ThemeTally();
    const zotero = tx.objectStore('zotero');
    const links = { ...input.links };
    let written = 0;
    for (const record of input.records) {
      const owner = await writeRecord(tx, tally, input, record);
      const link = links[record.id];
      if (owner !== record.id) delete links[record.id];
      if (owner === record.id) written++;
      // The list has it under another id: that record takes the link (one item, not two), to be
      // compared at the next sync, unless it is linked already.
      else if (owner && link && !(await zotero.get(`${LINK}${owner}`)))
        links[owner] = { ...link, updatedAt: undefined };
    }
    written += await removeRecords(tx, tally, input);
    void zotero.put({ key: 'state', target: input.target, libraryVersion: input.libraryVersion }, 'state');
    for (const id of input.removedLinks ?? []) void zotero.delete(`${LINK}${id}`);
    for (const [id, link] of Object.entries(links))
      void zotero.put({ key: `${LINK}${id}`, link }, `${LINK}${id}`);
    if (written > 0) noteListChanged(tx);
    await tally.apply(tx);
    await tx.done;
  });
}
