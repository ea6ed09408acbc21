/**
 * Reading the list: the record a page is and those it resembles, one record, the whole list or
 * one screen of it, its size and its theme counts. Read-only transactions; nothing here writes.
 */
import { pageIdentity } from '../linking';
import { newPublication, type Publication, type Resemblance, type SavedPublication } from '@/utils/record';
import { linkStored } from './lookup';
import { strip } from './merge';
import { guarded, type LeesmapDatabase } from './open';

export function resemblance(record: SavedPublication): Resemblance {
  const out: Resemblance = { id: record.id, title: record.title, url: record.url };
  if (record.publisher) out.publisher = record.publisher;
  if (typeof record.year === 'number') out.year = record.year;
  return out;
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
    const link = await linkStored(tx, page, pageIdentity(page));
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

export async function getPublication(db: LeesmapDatabase, id: string): Promise<SavedPublication | undefined> {
  return guarded(async () => {
    const stored = await db.get('publications', id);
    return stored ? strip(stored) : undefined;
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
