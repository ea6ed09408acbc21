/**
 * The one message protocol between Leesmap's contexts. Every message is declared here once, named
 * by direction, and carries plain JSON only. The background checks who sent a message before it
 * acts (see `senderKind` and `acceptsSender`): content scripts run in web pages and may only report
 * what they saw; only the extension's own pages (popup, options, library) may read or change the list.
 */
import type { PublicationChanges, Resemblance } from './record';
import type { FirstCheck } from './detect';
import type {
  CatalogEntry,
  EditableField,
  ExtractionResult,
  Publication,
  ReaderFields,
  SavedPublication,
} from './record';
import type { Suggestion } from './suggest/types';

/** What the background knows about one tab. */
export interface TabState {
  tabId: number;
  url: string;
  /** The content script's first check; absent when no content script ran (site not enabled). */
  firstCheck?: FirstCheck;
  /** The full extraction with the full check's verdict (`detected`), once it ran. */
  extraction?: ExtractionResult;
  /** The saved record for this page, if the reader has one. */
  saved?: SavedPublication;
  /**
   * Saved records this page resembles (same DOI, title or a declared address) but that Leesmap did
   * not link it to: a page's word alone never merges records. The reader may merge them.
   */
  resembles?: Resemblance[];
  /** Auto-save held back pages lately (its limits), for a notice. */
  autoSaveHeld?: AutoSaveHeld;
}

/** Auto-save reached its limit: the last site it held back, how many pages in all, and when. */
export interface AutoSaveHeld {
  site: string;
  count: number;
  at: number;
}

export type ReaderEdits = Partial<Pick<ReaderFields, 'status' | 'notes' | 'tags' | 'starred'>>;

/** Messages a content script sends (from a web page's tab). */
export interface ContentToBackground {
  /**
   * The first check ran (on load or after in-page navigation). `ms`: how long it took in the page
   * (performance.now()), kept per tab for the benchmark and diagnosis.
   */
  'content/checked': { request: { url: string; check: FirstCheck; ms?: number }; response: { ok: true } };
}

/** Messages the popup, options and library pages send. */
export interface PageToBackground {
  /** State of a tab for the popup; runs the extractor first when `extract` is set and none ran. */
  'page/tab-state': { request: { tabId: number; extract?: boolean }; response: TabState };
  'page/save': {
    request: { publication: Publication; reader?: ReaderEdits; edited?: EditableField[] };
    response: SavedPublication;
  };
  'page/update': { request: { id: string; changes: PublicationChanges }; response: SavedPublication };
  'page/update-many': {
    request: { ids: string[]; changes: PublicationChanges };
    response: { updated: number };
  };
  /**
   * Adds one tag to each of these records, applied by the background to the stored record (its
   * other tags, also those another window added meanwhile, stay). `updated`: records that lacked it.
   */
  'page/add-tag': { request: { ids: string[]; tag: string }; response: { updated: number } };
  'page/delete': { request: { ids: string[] }; response: { deleted: number } };
  /** The reader says these saved records are one publication: the oldest keeps its id and gets the others' notes, tags and status. */
  'page/merge': { request: { ids: string[] }; response: SavedPublication };
  'page/dismiss-auto-save-notice': { request: Record<string, never>; response: { ok: true } };
  'page/list': { request: Record<string, never>; response: SavedPublication[] };
  'page/theme-counts': { request: Record<string, never>; response: Array<{ theme: string; count: number }> };
  'page/catalog': { request: { limit?: number }; response: CatalogEntry[] };
  /**
   * An extension page imported into the list or undid an import (it writes that itself, through
   * utils/db in one transaction): rebuild suggestions, tell open pages, update badges.
   */
  'page/imported': { request: Record<string, never>; response: { ok: true } };
  /**
   * Ranked suggestions with their reasons, from the background's incremental engine. With
   * `tabId`, the page in that tab leads ("Bij deze pagina", group 'page').
   */
  'page/suggestions': { request: { limit?: number; tabId?: number }; response: Suggestion[] };
  'page/dismiss-suggestion': { request: { id: string }; response: { ok: true } };
  /** Saves the suggestion with this catalog id: the background reads the entry and saves it. */
  'page/save-suggestion': { request: { id: string }; response: SavedPublication };
  'page/dismissed': { request: Record<string, never>; response: string[] };
  /** Send records by id, a tab's page, or the whole list (`all`) to Zotero desktop. */
  'page/zotero-send': {
    request: { ids?: string[]; tabId?: number; all?: boolean; attachPdf?: boolean };
    response: { saved: number; attached: number; pdfMissing: number };
  };
  /** How the last send to Zotero went (the context menu's too). */
  'page/zotero-last': {
    request: Record<string, never>;
    response: { at: number; saved?: number; problem?: string } | null;
  };
}

export type Protocol = ContentToBackground & PageToBackground;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  leesmap: 1;
  type: K;
  payload: RequestOf<K>;
}

/** A reply travels as data so that errors reach the caller as a readable reason, not a crash. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string };

const CONTENT_TYPES: ReadonlySet<string> = new Set<keyof ContentToBackground>(['content/checked']);
const PAGE_TYPES: ReadonlySet<string> = new Set<keyof PageToBackground>([
  'page/tab-state',
  'page/save',
  'page/update',
  'page/update-many',
  'page/add-tag',
  'page/delete',
  'page/merge',
  'page/dismiss-auto-save-notice',
  'page/list',
  'page/theme-counts',
  'page/catalog',
  'page/imported',
  'page/suggestions',
  'page/dismiss-suggestion',
  'page/save-suggestion',
  'page/dismissed',
  'page/zotero-send',
  'page/zotero-last',
]);

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.leesmap === 1 &&
    typeof m.type === 'string' &&
    (CONTENT_TYPES.has(m.type) || PAGE_TYPES.has(m.type)) &&
    typeof m.payload === 'object' &&
    m.payload !== null &&
    !Array.isArray(m.payload)
  );
}

export type SenderKind = 'content' | 'page' | 'unknown';

/** Minimal view of `runtime.MessageSender`, so this stays testable without a browser. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Who sent a message: our content script in a web page's top frame, one of our own extension
 * pages, or anyone else (other extensions, sub-frames, web pages via externally_connectable).
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'unknown';
  if (sender.url.startsWith(extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:/.test(sender.url)) return 'content';
  return 'unknown';
}

export function acceptsSender(type: MessageType, kind: SenderKind): boolean {
  if (kind === 'content') return CONTENT_TYPES.has(type);
  if (kind === 'page') return PAGE_TYPES.has(type);
  return false;
}

export function envelope<K extends MessageType>(type: K, payload: RequestOf<K>): Envelope<K> {
  return { leesmap: 1, type, payload };
}

export class MessageError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/**
 * Send a typed message to the background and unwrap its reply. `send` is `browser.runtime.sendMessage`
 * in the extension; tests pass their own.
 */
export async function sendMessage<K extends MessageType>(
  type: K,
  payload: RequestOf<K>,
  send: (message: unknown) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Promise<ResponseOf<K>> {
  const reply = (await send(envelope(type, payload))) as Reply<ResponseOf<K>> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError('No reply from the background');
  if (!reply.ok) throw new MessageError(reply.error, reply.code);
  return reply.value;
}

/** Broadcast from the background to open extension pages; no reply is expected. */
export interface BackgroundBroadcast {
  /** The records with these ids changed; an empty list means any record may have (an import). */
  'background/list-changed': { ids: string[] };
}

export type BroadcastType = keyof BackgroundBroadcast;
export type BroadcastOf<K extends BroadcastType> = BackgroundBroadcast[K];

export interface BroadcastEnvelope<K extends BroadcastType = BroadcastType> {
  leesmap: 1;
  type: K;
  payload: BroadcastOf<K>;
}

/** Each broadcast's payload check: a page trusts only what has the declared shape. */
const BROADCAST_PAYLOADS: { [K in BroadcastType]: (payload: Record<string, unknown>) => boolean } = {
  'background/list-changed': ({ ids }) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'),
};

export function isBroadcast(value: unknown): value is BroadcastEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.leesmap !== 1 || typeof m.type !== 'string' || !Object.hasOwn(BROADCAST_PAYLOADS, m.type))
    return false;
  const payload = m.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  return BROADCAST_PAYLOADS[m.type as BroadcastType](payload as Record<string, unknown>);
}

/**
 * Tells every open extension page. `send` is `browser.runtime.sendMessage`; no page open (no
 * listener) is the normal case, not an error.
 */
export function broadcast<K extends BroadcastType>(
  type: K,
  payload: BroadcastOf<K>,
  send: (message: unknown) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): void {
  const message: BroadcastEnvelope<K> = { leesmap: 1, type, payload };
  send(message).catch(() => {});
}

/** The part of `runtime.onMessage` a page listens with, so tests can pass their own. */
export interface MessageEvents {
  addListener(listener: (message: unknown) => undefined): void;
  removeListener(listener: (message: unknown) => undefined): void;
}

/** Calls `listener` with each well-formed broadcast of `type`; returns how to stop listening. */
export function onBroadcast<K extends BroadcastType>(
  type: K,
  listener: (payload: BroadcastOf<K>) => void,
  events: MessageEvents = browser.runtime.onMessage as unknown as MessageEvents,
): () => void {
  const handler = (message: unknown): undefined => {
    if (isBroadcast(message) && message.type === type) listener(message.payload as BroadcastOf<K>);
    // Never answer: a reply would take the place of another listener's.
    return undefined;
  };
  events.addListener(handler);
  return () => events.removeListener(handler);
}
