/**
 * Imports: a file's records into the list under the merge rules of merge.ts. One plan serves the
 * preview (what would change, nothing written) and the write (one transaction: all or nothing,
 * with what it replaced kept for one undo).
 */
import { unwrap } from 'idb';
import {
  EXTRACTED_FIELDS,
  ImportError,
  isValidated,
  validateRecords,
  type SavedPublication,
} from '@/utils/record';
import { pageKeys } from '../linking';
import { findStored } from './lookup';
import {
  guarded,
  notFound,
  listToken,
  noteListChanged,
  StorageError,
  type LeesmapDatabase,
  type StoredPublication,
  type Tx,
} from './open';
import {
  mergeImported,
  pickImportTarget,
  sameValue,
  ThemeTally,
  union,
  writeMerged,
  type ImportOptions,
} from './merge';

export type { ImportOptions } from './merge';

export type ImportMode = 'merge' | 'replace';

/** Records per undo row. */
const UNDO_ROW = 500;

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Records 'replace' removes: in the list, not in the file. */
  removed: number;
}

export interface ImportPreview extends ImportResult {
  /** For each field, how many records already in the list it would change. */
  changedFields: Record<string, number>;
}

interface PlannedRecord {
  next: StoredPublication;
  previous?: StoredPublication;
  /** Fields `next` changes in `previous` (computed once, by `summarise`). */
  changed?: string[];
}

/** Fields compared to tell an updated record from an unchanged one (not times, not identity). */
const COMPARED_FIELDS = [
  ...EXTRACTED_FIELDS,
  'url',
  'status',
  'notes',
  'tags',
  'starred',
  'editedFields',
] as const;

/** JSON with object keys in sorted order: two values that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function changedFields(before: SavedPublication, after: SavedPublication): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  // Most fields are the very same text or list: compared directly; the rest in canonical JSON.
  return COMPARED_FIELDS.filter(
    (field) => !sameValue(a[field], b[field]) && canonical(a[field]) !== canonical(b[field]),
  );
}

type ImportTx = Tx<'readwrite' | 'readonly', ['publications', 'catalog', 'themes', 'undo', 'meta']>;

/** The plan: each record of the file as it will be written, with the one it replaces. */
async function plan(
  tx: ImportTx,
  records: SavedPublication[],
  mode: ImportMode,
  options: ImportOptions,
): Promise<PlannedRecord[]> {
  // Records planned in this run by any of their keys: catches duplicates inside the file without
  // a database lookup per key (after 'replace' nothing in the list counts).
  const pending = new Map<string, PlannedRecord>();
  const planned: PlannedRecord[] = [];
  const keysOf = records.map((record) => union(pageKeys(record), [record.id]));
  const found = mode === 'merge' ? await lookUp(tx, keysOf) : [];
  for (const [i, record] of records.entries()) {
    const keys = keysOf[i];
    const matches = new Map<string, StoredPublication>();
    for (const stored of found[i] ?? []) matches.set(stored.id, stored);
    let earlier: PlannedRecord | undefined;
    for (const key of keys) earlier ??= pending.get(key);
    if (earlier) matches.set(earlier.next.id, earlier.next);
    let entry: PlannedRecord;
    if (matches.size === 0) {
      entry = { next: { ...record, identity: keys } };
      planned.push(entry);
    } else {
      // One record in the list is updated, never several folded: a shared DOI or title alone does
      // not make two saved records one (the reader merges those).
      const target = pickImportTarget([...matches.values()], record);
      const next = mergeImported(target, record, keys, options);
      if (earlier && earlier.next.id === target.id) {
        earlier.next = next;
        entry = earlier;
      } else {
        entry = { next, previous: target };
        planned.push(entry);
      }
    }
    for (const key of entry.next.identity) pending.set(key, entry);
  }
  return planned;
}

/** Past this many incoming records, the list is read once instead of looked up key by key. */
const BULK_LOOKUP = 500;

/**
 * The saved records each incoming record's keys find. A few records: index look-ups, all at once
 * (IndexedDB answers them in order; one at a time, 10,000 took 10 s in Chromium). Many: one read
 * of the list and an in-memory index of its identity keys (10,000 into 10,000: 4.2 s → see bench).
 */
async function lookUp(tx: ImportTx, keysOf: string[][]): Promise<(readonly StoredPublication[])[]> {
  if (keysOf.length < BULK_LOOKUP) return Promise.all(keysOf.map((keys) => findStored(tx, keys)));
  const byKey = new Map<string, StoredPublication[]>();
  for (const record of await tx.objectStore('publications').getAll()) {
    for (const key of record.identity) {
      const list = byKey.get(key);
      if (list) list.push(record);
      else byKey.set(key, [record]);
    }
  }
  // Most records of a large file find nothing (or one record): no list made for them.
  return keysOf.map((keys) => {
    let found: StoredPublication[] | undefined;
    for (const key of keys) {
      for (const record of byKey.get(key) ?? NONE) {
        if (!found) found = [record];
        else if (!found.includes(record)) found.push(record);
      }
    }
    return found ?? NONE;
  });
}

const NONE: readonly StoredPublication[] = [];

function validated(records: unknown): SavedPublication[] {
  // Records straight from validateRecords (an import file as read) are not checked twice.
  if (isValidated(records)) return records;
  try {
    return validateRecords(records);
  } catch (error) {
    if (error instanceof ImportError) throw new StorageError('invalid', error.message, { cause: error });
    throw error;
  }
}

function summarise(planned: PlannedRecord[], removed: number): ImportPreview {
  const preview: ImportPreview = { added: 0, updated: 0, unchanged: 0, removed, changedFields: {} };
  for (const entry of planned) {
    const { next, previous } = entry;
    if (!previous) {
      preview.added++;
      continue;
    }
    const fields = changedFields(previous, next);
    entry.changed = fields;
    if (fields.length === 0) preview.unchanged++;
    else preview.updated++;
    for (const field of fields) preview.changedFields[field] = (preview.changedFields[field] ?? 0) + 1;
  }
  return preview;
}

async function countRemoved(tx: ImportTx, planned: PlannedRecord[], mode: ImportMode): Promise<number> {
  if (mode !== 'replace') return 0;
  const kept = new Set(planned.map((p) => p.next.id));
  const ids = await tx.objectStore('publications').getAllKeys();
  return ids.filter((id) => !kept.has(id)).length;
}

/** What a preview planned, kept for the write of the same records (looked up by the preview). */
interface PlanSnapshot {
  records: readonly SavedPublication[];
  mode: ImportMode;
  readerFields: boolean;
  /** The list's change token when it was planned (see `noteListChanged`). */
  token: string | undefined;
  planned: PlannedRecord[];
}
const SNAPSHOTS = new WeakMap<ImportPreview, PlanSnapshot>();

type ImportStores = ['publications', 'catalog', 'themes', 'undo', 'meta'];
const IMPORT_STORES: ImportStores = ['publications', 'catalog', 'themes', 'undo', 'meta'];

/**
 * What importing `records` would do, without writing anything. Pass the preview to
 * `importPublications` with the same records: if the list has not changed since, the write uses
 * this plan instead of planning again.
 */
export async function previewImport(
  db: LeesmapDatabase,
  records: SavedPublication[],
  mode: ImportMode,
  options: ImportOptions = { readerFields: true },
): Promise<ImportPreview> {
  const valid = validated(records);
  return guarded(async () => {
    const tx = db.transaction(IMPORT_STORES, 'readonly');
    const [token, planned] = await Promise.all([listToken(tx), plan(tx, valid, mode, options)]);
    const preview = summarise(planned, await countRemoved(tx, planned, mode));
    await tx.done;
    SNAPSHOTS.set(preview, { records, mode, readerFields: options.readerFields, token, planned });
    return preview;
  });
}

/** The plan a preview made for this very import, while the list is as it was then; else none. */
async function previewedPlan(
  tx: ImportTx,
  previewed: ImportPreview | undefined,
  request: { records: readonly SavedPublication[]; mode: ImportMode; readerFields: boolean },
): Promise<PlannedRecord[] | undefined> {
  const snapshot = previewed && SNAPSHOTS.get(previewed);
  if (!snapshot || snapshot.records !== request.records || snapshot.mode !== request.mode) return undefined;
  if (snapshot.readerFields !== request.readerFields) return undefined;
  return snapshot.token === (await listToken(tx)) ? snapshot.planned : undefined;
}

/** Writes a plan into `tx` and keeps what it replaced for the undo; returns the ids it added. */
function writePlan(
  tx: Tx<'readwrite', ImportStores>,
  planned: PlannedRecord[],
  mode: ImportMode,
  replaced: StoredPublication[],
  tally: ThemeTally,
): string[] {
  const store = tx.objectStore('publications');
  if (mode === 'replace') {
    void store.clear();
    void tx.objectStore('themes').clear();
  }
  // The bare store: idb's promise and two listeners per request are work 20,000 puts do not need;
  // a failed put aborts the transaction either way (all or nothing, see `importPublications`).
  const bare = unwrap(store);
  const added: string[] = [];
  for (const { next, previous, changed } of planned) {
    if (previous && changed?.length === 0 && mode === 'merge') continue;
    if (previous && mode === 'merge') replaced.push(previous);
    else if (!previous) added.push(next.id);
    // After 'replace' the list and its theme counts start empty: nothing is replaced.
    writeMerged(bare, tally, { next, previous: mode === 'merge' ? previous : undefined });
  }
  noteListChanged(tx);
  return added;
}

/** Imported publications leave the catalog, as saved ones do. */
async function uncatalog(tx: Tx<'readwrite', ImportStores>, planned: PlannedRecord[]): Promise<void> {
  const keys = new Set(planned.flatMap((p) => p.next.identity));
  let cursor = await tx.objectStore('catalog').openCursor();
  while (cursor) {
    if (cursor.value.identity.some((key) => keys.has(key))) void cursor.delete();
    cursor = await cursor.continue();
  }
}

/**
 * Imports records in one transaction: all or nothing. 'replace' empties the list first; 'merge'
 * updates the record each incoming one is (merge.ts rules; reader fields only from a file that
 * carries them). What the import replaced or removed is kept for `undoLastImport`. With the
 * `previewed` result of `previewImport` for the same records, an unchanged list is written as
 * that preview planned it (nothing is read or planned twice); a changed one is planned again.
 */
export async function importPublications(
  db: LeesmapDatabase,
  records: SavedPublication[],
  mode: ImportMode,
  options: ImportOptions = { readerFields: true },
  now: number = Date.now(),
  previewed?: ImportPreview,
): Promise<ImportResult> {
  const valid = validated(records);
  return guarded(async () => {
    const tx = db.transaction(IMPORT_STORES, 'readwrite');
    const undo = tx.objectStore('undo');
    void undo.clear();
    const replaced = mode === 'replace' ? await tx.objectStore('publications').getAll() : [];
    const request = { records, mode, readerFields: options.readerFields };
    const reused = await previewedPlan(tx, previewed, request);
    const planned = reused ?? (await plan(tx, valid, mode, options));
    const { changedFields: _fields, ...result } =
      reused && previewed ? previewed : summarise(planned, await countRemoved(tx, planned, mode));
    const tally = new ThemeTally();
    const added = writePlan(tx, planned, mode, replaced, tally);
    // What the import replaced, in rows of a few hundred: one write per row, not per record.
    for (let i = 0; i < replaced.length; i += UNDO_ROW) {
      void undo.put({ key: `records:${i / UNDO_ROW}`, records: replaced.slice(i, i + UNDO_ROW) });
    }
    void undo.put({ key: 'meta', at: now, mode, added, restored: replaced.length });
    await uncatalog(tx, planned);
    await tally.apply(tx);
    await tx.done;
    return {
      added: result.added,
      updated: result.updated,
      unchanged: result.unchanged,
      removed: result.removed,
    };
  });
}

/** The last import that can be undone: when, how, and how many records it added and changed. */
export async function lastImport(
  db: LeesmapDatabase,
): Promise<{ at: number; mode: ImportMode; added: number; restored: number } | undefined> {
  return guarded(async () => {
    const meta = await db.get('undo', 'meta');
    if (!meta || !('at' in meta)) return undefined;
    return { at: meta.at, mode: meta.mode, added: meta.added.length, restored: meta.restored };
  });
}

/**
 * Undoes the last import in one transaction: the records it added go, the ones it changed or
 * removed come back as they were. Only once: the undo rows are then cleared. Theme counts change
 * by what leaves and what comes back, as for any write.
 */
export async function undoLastImport(db: LeesmapDatabase): Promise<{ removed: number; restored: number }> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes', 'undo', 'meta'], 'readwrite');
    const undo = tx.objectStore('undo');
    const meta = await undo.get('meta');
    if (!meta || !('at' in meta)) {
      return notFound(tx, 'There is no import to undo');
    }
    const store = tx.objectStore('publications');
    const rows = (await undo.getAll()).flatMap((row) => ('records' in row ? row.records : []));
    const tally = new ThemeTally();
    if (meta.mode === 'replace') {
      // The list goes, as the import emptied it before, and its theme counts with it.
      void store.clear();
      void tx.objectStore('themes').clear();
    } else {
      const current = await Promise.all(
        [...meta.added, ...rows.map((row) => row.id)].map((id) => store.get(id)),
      );
      for (const record of current) tally.change(record?.themes, undefined);
      for (const id of meta.added) void store.delete(id);
    }
    for (const record of rows) writeMerged(store, tally, { next: record });
    void undo.clear();
    noteListChanged(tx);
    await tally.apply(tx);
    await tx.done;
    return { removed: meta.added.length, restored: rows.length };
  });
}
