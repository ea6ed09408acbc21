/** Finding saved records by identity key inside a transaction. */
import type { StoredPublication } from './open';

export async function findStored(
  tx: {
    objectStore(name: 'publications'): {
      index(name: 'identity'): { getAll(key: string): Promise<StoredPublication[]> };
    };
  },
  keys: string[],
): Promise<StoredPublication[]> {
  const index = tx.objectStore('publications').index('identity');
  const found = new Map<string, StoredPublication>();
  const results = await Promise.all(keys.map((key) => index.getAll(key)));
  for (const list of results) for (const record of list) found.set(record.id, record);
  return [...found.values()];
}
