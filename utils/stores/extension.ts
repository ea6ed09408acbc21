/**
 * Wiring the stores to the running extension: reads straight from the database (read-only, for
 * speed with 10,000 records; the background stays the only writer), changes through messages, and
 * the background's change notices. Falls back to messages when the database can't be opened here.
 */
import {
  createLeesmapConnection,
  getPublication,
  lastImport,
  listPublications,
  listPublicationsPage,
  undoLastImport,
} from '@/utils/db';
import {
  onBroadcast,
  sendMessage,
  type MessageType,
  type RequestOf,
  type ResponseOf,
} from '@/utils/messages';
import type { SavedPublication } from '@/utils/record';
import type { ReadingListSource, Send } from './reading-list';
import { workerImportPorts, type ImportPorts } from './transfer';

export const send: Send = <K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> =>
  sendMessage(type, payload);

const connection = createLeesmapConnection();

export function databaseSource(): ReadingListSource {
  let useMessages = false;
  const viaMessages = () => send('page/list', {});
  return {
    async firstScreen(limit) {
      try {
        return await listPublicationsPage(await connection(), limit);
      } catch {
        useMessages = true;
        return [];
      }
    },
    async all() {
      if (useMessages) return viaMessages();
      try {
        return await listPublications(await connection());
      } catch {
        useMessages = true;
        return viaMessages();
      }
    },
    async one(id) {
      if (useMessages) return (await viaMessages()).find((r) => r.id === id);
      return getPublication(await connection(), id);
    },
  };
}

/** The whole list, straight from the database: what an export writes, never what a screen shows. */
export async function wholeList(): Promise<SavedPublication[]> {
  try {
    return await listPublications(await connection());
  } catch {
    return send('page/list', {});
  }
}

/** Marks an import as begun until it ends: if the page dies meanwhile, the next visit says so. */
const IMPORT_MARK = 'import-in-progress';

/**
 * Imports as the extension pages run them: read, checked, previewed and written in a worker on the
 * database (utils/db, one transaction, the same merge rules as the background's writes); then the
 * background is told the list changed. Undo runs here, in one transaction too.
 */
export function importPorts(): ImportPorts {
  // The background rebuilds suggestions and badges meanwhile; the reader need not wait for it.
  const changed = () => void send('page/imported', {}).catch(() => {});
  return workerImportPorts(
    {
      async undo() {
        const result = await undoLastImport(await connection());
        changed();
        return result;
      },
      async lastImport() {
        return lastImport(await connection());
      },
      async interrupted() {
        const stored = await browser.storage.local.get(IMPORT_MARK);
        if (stored[IMPORT_MARK] === undefined) return false;
        await browser.storage.local.remove(IMPORT_MARK);
        return true;
      },
    },
    {
      beforeWrite: () => browser.storage.local.set({ [IMPORT_MARK]: Date.now() }),
      async afterWrite() {
        await browser.storage.local.remove(IMPORT_MARK);
        changed();
      },
    },
  );
}

/** Calls `listener` with the changed ids whenever the background reports a list change. */
export function onListChanged(listener: (ids: string[]) => void): () => void {
  return onBroadcast('background/list-changed', ({ ids }) => listener(ids));
}

/** The tab the popup is about: `?tabId=N` (tests open popup.html in a tab), else the active tab. */
export async function popupTabId(search: string = location.search): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(requested) && requested >= 0 && new URLSearchParams(search).has('tabId'))
    return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function tabTitle(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).title;
  } catch {
    return undefined;
  }
}

export type { SavedPublication };
