/** Finding saved records inside a transaction: by identity key, and the one record a page is. */
import { linkPage, type Link, type PageIdentity } from '../linking';
import type { Publication } from '@/utils/record';
import type { StoredPublication } from './open';

interface IdentityIndexTx {
  objectStore(name: 'publications'): {
    index(name: 'identity'): { getAll(key: string): Promise<StoredPublication[]> };
  };
}

export async function findStored(tx: IdentityIndexTx, keys: string[]): Promise<StoredPublication[]> {
  const index = tx.objectStore('publications').index('identity');
  const found = new Map<string, StoredPublication>();
  const results = await Promise.all(keys.map((key) => index.getAll(key)));
  for (const list of results) for (const record of list) found.set(record.id, record);
  return [...found.values()];
}

/** The one record a page is (utils/linking.ts), looked up by every key it names. */
export async function linkStored(
  tx: IdentityIndexTx,
  publication: Publication,
  identity: PageIdentity,
): Promise<Link<StoredPublication>> {
  return linkPage(publication, await findStored(tx, identity.lookup), identity);
}
