/**
 * Imports: a file's records into the list, in one transaction (all or nothing), under the merge
 * rules of records.ts.
 */
import { ImportError, validateRecords } from '../export/validate';
import { pageKeys } from '../linking';
import type { SavedPublication } from '../publication';
import { guarded, StorageError, type LeesmapDatabase, type StoredPublication } from './open';
import { foldReaderFields, pickExtracted, pickImportTarget, ThemeTally, union } from './records';
import { findStored } from './lookup';

/**
 * Imports records in one transaction: all or nothing. 'replace' empties the list first; 'merge'
 * folds each record into an existing one found by any identity key (the more recently updated
 * side wins for fields; tags, edited fields and identity are united).
 */
export async function importPublications(
  db: LeesmapDatabase,
  records: SavedPublication[],
  mode: 'merge' | 'replace',
): Promise<{ added: number; updated: number }> {
  let valid: SavedPublication[];
  try {
    valid = validateRecords(records);
  } catch (error) {
    if (error instanceof ImportError) throw new StorageError('invalid', error.message, { cause: error });
    throw error;
  }
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const tally = new ThemeTally();
    if (mode === 'replace') {
      void store.clear();
      void tx.objectStore('themes').clear();
    }
    let added = 0;
    let updated = 0;
    // Records written in this transaction by any of their keys: catches duplicates inside the
    // file without a database lookup per key (after 'replace' the store is known to be empty).
    const pending = new Map<string, StoredPublication>();
    for (const record of valid) {
      const keys = union(pageKeys(record), [record.id]);
      const matches = new Map<string, StoredPublication>();
      if (mode === 'merge') for (const found of await findStored(tx, keys)) matches.set(found.id, found);
      for (const key of keys) {
        const earlier = pending.get(key);
        if (earlier) matches.set(earlier.id, earlier);
      }
      const existing = [...matches.values()];
      let next: StoredPublication;
      if (existing.length === 0) {
        next = { ...record, identity: keys };
        added++;
      } else {
        // One record in the list is updated, never several folded: a shared DOI or title alone does
        // not make two saved records one (the reader merges those). It keeps its id (open tabs and
        // pages refer to it); the record with the same id, else the one saved under this address, else the oldest.
        const target = pickImportTarget(existing, record);
        const merged = foldReaderFields(target, [{ ...record, identity: keys }]);
        const newest = [target, record].sort((a, b) => b.updatedAt - a.updatedAt)[0];
        next = {
          ...merged,
          ...pickExtracted(newest),
          status: newest.status,
          id: target.id,
          savedAt: Math.min(target.savedAt, record.savedAt),
        };
        tally.change(target.themes, undefined);
        updated++;
      }
      tally.change(undefined, next.themes);
      void store.put(next);
      for (const key of next.identity) pending.set(key, next);
    }
    // Imported publications leave the catalog, as saved ones do.
    const catalog = tx.objectStore('catalog');
    for (const entry of await catalog.getAll()) {
      if (entry.identity.some((key) => pending.has(key))) void catalog.delete(entry.id);
    }
    await tally.apply(tx);
    await tx.done;
    return { added, updated };
  });
}
