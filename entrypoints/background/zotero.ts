/**
 * Send to Zotero desktop, from the popup (this page), the library (selection or whole list) and the
 * context menu. Nothing here runs unless the reader turned Zotero on: the connector server is
 * reached only through the optional host permission `http://127.0.0.1:23119/*`, which the reader
 * grants from a click (popup, library or options), and a PDF's host only when the reader ticked
 * "attach PDF" and the browser lets Leesmap reach that host (the publisher list, or a permission
 * asked from the same click). The mapping and the protocol are in utils/zotero.
 */
import { getPublication, listPublications } from '@/utils/db';
import { MessageError } from '@/utils/messages';
import type { SavedPublication } from '@/utils/record';
import {
  fetchPdf,
  hostPattern,
  zoteroFetch,
  sendToZotero,
  ZOTERO_CONNECTOR_ORIGIN,
  ZoteroError,
  type SendResult,
} from '@/utils/zotero/connector';
import type { ZoteroSource } from '@/utils/zotero/items';
import { onZoteroSwitched, setZoteroOn, zoteroTurnedOn } from '@/utils/zotero/switch';
import { database } from './database';
import { tabStateFor } from './flows';

const MENU_ID = 'leesmap-send-to-zotero';
const LAST_KEY = 'zotero:last';

/** What to send: records by id, a tab's page, or the whole list. */
export interface ZoteroTarget {
  ids?: string[];
  tabId?: number;
  all?: boolean;
  attachPdf?: boolean;
}

/** The outcome of the last send, kept for the popup (a context-menu send has no page to tell). */
export interface ZoteroOutcome extends Partial<SendResult> {
  at: number;
  /** Absent: it went through. */
  problem?: string;
}

/** A send from a page is the reader's click; the context menu exists only once Zotero is on. */
async function mayReachZotero(fromPage: boolean): Promise<boolean> {
  if (fromPage) return browser.permissions.contains({ origins: [ZOTERO_CONNECTOR_ORIGIN] });
  return zoteroTurnedOn();
}

async function recordsFor(target: ZoteroTarget): Promise<ZoteroSource[]> {
  const db = await database();
  if (Array.isArray(target.ids)) {
    const found = await Promise.all(
      target.ids.filter((id) => typeof id === 'string').map((id) => getPublication(db, id)),
    );
    return found.filter((r): r is SavedPublication => r !== undefined);
  }
  if (typeof target.tabId === 'number') {
    // The saved record when there is one (with the reader's tags and notes), else what the page
    // gave (already sanitised when the extraction came in).
    const state = await tabStateFor(target.tabId, true);
    const source = state.saved ?? state.extraction?.publication;
    return source ? [source] : [];
  }
  return target.all === true ? listPublications(db) : [];
}

/** Fetches a PDF only from a host Leesmap may already reach; never asks from here. */
async function pdfFromPermittedHost(url: string): Promise<Uint8Array> {
  if (!(await browser.permissions.contains({ origins: [hostPattern(url)] })))
    throw new ZoteroError('pdf-unavailable');
  return fetchPdf(zoteroFetch, url);
}

async function remember(outcome: ZoteroOutcome): Promise<void> {
  await browser.storage.session.set({ [LAST_KEY]: outcome });
}

export async function lastZoteroOutcome(): Promise<ZoteroOutcome | undefined> {
  return (await browser.storage.session.get(LAST_KEY))[LAST_KEY] as ZoteroOutcome | undefined;
}

/**
 * Sends what the target names. A failure is a `MessageError` with code `zotero:<problem>`, which
 * the interface turns into a sentence (components/ZoteroSend.tsx).
 */
export async function sendTargetToZotero(target: ZoteroTarget, fromPage = true): Promise<SendResult> {
  try {
    if (!(await mayReachZotero(fromPage))) throw new ZoteroError('no-permission');
    // A send the reader asked for from a page turns Zotero on (the context menu appears).
    if (fromPage) await setZoteroOn(true);
    const records = await recordsFor(target);
    if (records.length === 0) throw new MessageError('Nothing to send', 'invalid');
    const result = await sendToZotero(records, {
      fetch: zoteroFetch,
      sessionId: () => crypto.randomUUID(),
      pdf: target.attachPdf === true ? pdfFromPermittedHost : undefined,
    });
    await remember({ ...result, at: Date.now() });
    return result;
  } catch (error) {
    if (!(error instanceof ZoteroError)) throw error;
    await remember({ at: Date.now(), problem: error.code });
    throw new MessageError(error.message, `zotero:${error.code}`);
  }
}

/** The context-menu item exists only while Zotero is on. Call after the other menus are made. */
export async function syncZoteroMenu(): Promise<void> {
  await browser.contextMenus.remove(MENU_ID).catch(() => undefined);
  if (!(await zoteroTurnedOn())) return;
  browser.contextMenus.create({
    id: MENU_ID,
    title: browser.i18n.getMessage('zoteroMenuSend'),
    contexts: ['page'],
  });
}

export function listenForZotero(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    // The outcome is kept for the popup; there is no page of ours to show it on.
    void sendTargetToZotero({ tabId: tab.id }, false).catch(() => undefined);
  });
  browser.permissions.onAdded.addListener(() => void syncZoteroMenu());
  browser.permissions.onRemoved.addListener(() => void syncZoteroMenu());
  onZoteroSwitched(() => void syncZoteroMenu());
}
