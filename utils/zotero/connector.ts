/**
 * Zotero's connector server, the one Zotero desktop runs on http://127.0.0.1:23119 (connector API
 * v3, the API Zotero's own browser connectors use): `GET /connector/ping`, `POST
 * /connector/saveItems` with `{sessionID, uri, items}`, then `POST /connector/saveAttachment` with
 * a PDF's bytes and its `X-Metadata` (session, parent item, title, address). Every request carries
 * `X-Zotero-Connector-API-Version: 3` and `Zotero-Allowed-Request: 1`.
 *
 * `fetch` is passed in: the background passes the browser's (which reaches the server only once
 * the reader granted the optional host permission), tests pass their own. Failures are
 * `ZoteroError`s with a code the interface turns into a sentence: Zotero not running, a read-only
 * library (500 `libraryEditable: false`), a session that exists (409), a PDF that could not be had.
 */
import ipaddr from 'ipaddr.js';
import { safeHttpUrl } from '@/utils/record';
import {
  toZoteroEntry,
  type ZoteroCreator,
  type ZoteroEntry,
  type ZoteroItem,
  type ZoteroSource,
} from './items';

export const ZOTERO_CONNECTOR = 'http://127.0.0.1:23119';
/** The optional host permission asked when the reader turns Zotero on. */
export const ZOTERO_CONNECTOR_ORIGIN = 'http://127.0.0.1:23119/*';
export const CONNECTOR_HEADERS = {
  'X-Zotero-Connector-API-Version': '3',
  'Zotero-Allowed-Request': '1',
} as const;
/** Items per saveItems request (one connector session each): a 10,000-record list is 200 requests. */
export const ITEMS_PER_SESSION = 50;
/** A PDF larger than this is not fetched whole into the service worker. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

export type ZoteroProblem =
  'not-running' | 'read-only' | 'session-exists' | 'no-permission' | 'pdf-unavailable' | 'failed';

/** An error with a code, which the interface turns into a sentence. */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string = code,
  ) {
    super(message);
  }
}

export class ZoteroError extends CodedError<ZoteroProblem> {
  override name = 'ZoteroError';
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * The browser's fetch, for the Zotero connection only: the connector on 127.0.0.1:23119 and a PDF
 * the reader asked to attach. Leesmap makes no other request; the callers check the permissions.
 */
export const zoteroFetch: FetchLike = (url, init) => fetch(url, init);

/** A creator as the connector (translator format) takes it: one-field names carry `fieldMode: 1`. */
type ConnectorCreator =
  | { creatorType: string; firstName: string; lastName: string }
  | { creatorType: string; lastName: string; fieldMode: 1 };

/** An item as `saveItems` takes it: translator format, with the connector's own `id` for attachments. */
export type ConnectorItem = Omit<ZoteroItem, 'creators'> & {
  id: string;
  creators: ConnectorCreator[];
  notes: Array<{ itemType: 'note'; note: string }>;
  attachments: [];
};

function connectorCreator(creator: ZoteroCreator): ConnectorCreator {
  return 'name' in creator
    ? { creatorType: creator.creatorType, lastName: creator.name, fieldMode: 1 }
    : creator;
}

/** The Web API form of an entry in the connector's form; `accessDate` as SQL time, as translators write it. */
export function toConnectorItem({ item, note }: ZoteroEntry, id: string): ConnectorItem {
  const out: ConnectorItem = {
    ...item,
    id,
    creators: item.creators.map(connectorCreator),
    notes: note ? [{ itemType: 'note', note }] : [],
    attachments: [],
  };
  if (item.accessDate) out.accessDate = item.accessDate.replace('T', ' ').replace(/Z$/, '');
  return out;
}

/** HTTP headers are Latin-1: the metadata's JSON goes with every other character escaped. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

async function request(fetch: FetchLike, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${ZOTERO_CONNECTOR}${path}`, {
      ...init,
      headers: { ...CONNECTOR_HEADERS, ...(init.headers as Record<string, string>) },
      credentials: 'omit',
    });
  } catch {
    // Connection refused (or no permission to ask): Zotero is not there.
    throw new ZoteroError('not-running');
  }
}

/** What an error answer means to the reader. */
export async function problemOf(response: Response): Promise<ZoteroError> {
  if (response.status === 409) return new ZoteroError('session-exists');
  const body = (await response.text().catch(() => '')).slice(0, 10_000);
  if (response.status === 500 && /"libraryEditable"\s*:\s*false/.test(body))
    return new ZoteroError('read-only');
  return new ZoteroError('failed', `Zotero answered ${response.status}`);
}

/** Resolves when Zotero answers its ping; `not-running` otherwise. */
export async function pingZotero(fetch: FetchLike): Promise<void> {
  const response = await request(fetch, '/connector/ping', { method: 'GET' });
  if (!response.ok) throw new ZoteroError('not-running');
}

export async function saveItems(
  fetch: FetchLike,
  body: { sessionID: string; uri: string; items: ConnectorItem[] },
): Promise<void> {
  const response = await request(fetch, '/connector/saveItems', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
}

/** Attaches a PDF to an item of a session; false when the library's files are read-only (200). */
export async function saveAttachment(
  fetch: FetchLike,
  metadata: { sessionID: string; parentItemID: string; title: string; url: string },
  bytes: Uint8Array,
): Promise<boolean> {
  const response = await request(
    fetch,
    `/connector/saveAttachment?sessionID=${encodeURIComponent(metadata.sessionID)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/pdf', 'X-Metadata': asciiJson(metadata) },
      body: bytes as BodyInit,
    },
  );
  if (!response.ok) throw await problemOf(response);
  return response.status === 201;
}

/** "%PDF-": what every PDF starts with; a login page served at the PDF's address does not. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** Names that never lead to a publisher's public host: this machine and the local network's. */
const LOCAL_NAME = /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home\.arpa)$/;

/**
 * Whether a PDF's address is on a public host: http(s), a dotted name that is not a local one, or
 * an IP address in unicast (public) space. Loopback, private, link-local, carrier-grade NAT and
 * unique-local addresses are refused, so "detect on all sites" never lets a page's PDF link reach
 * the reader's router or a service on their machine. (A public name that resolves to a private
 * address cannot be seen from an extension; the response's final address is checked too.)
 */
export function isPublicHttpUrl(url: string): boolean {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return false;
  }
  if (address.protocol !== 'https:' && address.protocol !== 'http:') return false;
  const host = address.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (ipaddr.isValid(host)) {
    const ip = ipaddr.process(host);
    return ip.range() === 'unicast';
  }
  if (/^[\d.]+$/.test(host) || /^0x/i.test(host)) return false;
  return host.includes('.') && !LOCAL_NAME.test(host.replace(/\.$/, ''));
}

/**
 * A PDF's bytes from the publisher's public host (`isPublicHttpUrl`), at most `MAX_PDF_BYTES`;
 * `pdf-unavailable` otherwise.
 */
export async function fetchPdf(fetch: FetchLike, url: string, maxBytes = MAX_PDF_BYTES): Promise<Uint8Array> {
  if (!isPublicHttpUrl(url)) throw new ZoteroError('pdf-unavailable');
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ZoteroError('pdf-unavailable');
  }
  if (!response.ok || !response.body) throw new ZoteroError('pdf-unavailable');
  // A redirect to the local network: the bytes are not read.
  if (response.url && !isPublicHttpUrl(response.url)) throw new ZoteroError('pdf-unavailable');
  if (Number(response.headers.get('content-length')) > maxBytes) throw new ZoteroError('pdf-unavailable');
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ZoteroError('pdf-unavailable');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (!isPdf(bytes)) throw new ZoteroError('pdf-unavailable');
  return bytes;
}

export interface SendOptions {
  fetch: FetchLike;
  /** A fresh connector session id (Zotero answers 409 to one it already has). */
  sessionId: () => string;
  /** Fetches a record's PDF; absent: no PDF is attached. */
  pdf?: (url: string) => Promise<Uint8Array>;
}

export interface SendResult {
  /** Items Zotero saved. */
  saved: number;
  /** PDFs attached. */
  attached: number;
  /** Records whose PDF was asked for but could not be fetched or attached. */
  pdfMissing: number;
}

async function attachPdfs(
  options: SendOptions & { pdf: (url: string) => Promise<Uint8Array> },
  sessionID: string,
  batch: Array<{ record: ZoteroSource; item: ConnectorItem }>,
  result: SendResult,
): Promise<void> {
  for (const { record, item } of batch) {
    const pdfUrl = safeHttpUrl(record.pdfUrl);
    if (!pdfUrl) continue;
    try {
      const bytes = await options.pdf(pdfUrl);
      const metadata = { sessionID, parentItemID: item.id, title: 'PDF', url: pdfUrl };
      if (await saveAttachment(options.fetch, metadata, bytes)) result.attached++;
      else result.pdfMissing++;
    } catch (error) {
      if (error instanceof ZoteroError && error.code === 'not-running') throw error;
      result.pdfMissing++;
    }
  }
}

/**
 * Sends records to Zotero desktop: a ping first (so "not running" is said before anything else),
 * then items in sessions of `ITEMS_PER_SESSION`, each followed by its PDFs when asked.
 */
export async function sendToZotero(records: ZoteroSource[], options: SendOptions): Promise<SendResult> {
  await pingZotero(options.fetch);
  const result: SendResult = { saved: 0, attached: 0, pdfMissing: 0 };
  for (let start = 0; start < records.length; start += ITEMS_PER_SESSION) {
    const sessionID = options.sessionId();
    const batch = records.slice(start, start + ITEMS_PER_SESSION).map((record, i) => ({
      record,
      item: toConnectorItem(toZoteroEntry(record), `leesmap-${start + i}`),
    }));
    const uri = safeHttpUrl(batch[0].record.canonicalUrl) ?? safeHttpUrl(batch[0].record.url) ?? '';
    await saveItems(options.fetch, { sessionID, uri, items: batch.map((b) => b.item) });
    result.saved += batch.length;
    if (options.pdf) await attachPdfs({ ...options, pdf: options.pdf }, sessionID, batch, result);
  }
  return result;
}

/**
 * The host permissions a send needs: the connector server, and each PDF's host when PDFs are to be
 * attached. Asked from the reader's click; the browser does not ask again for what it granted.
 */
export function zoteroOrigins(pdfUrls: readonly string[] = []): string[] {
  const hosts = new Set<string>();
  for (const url of pdfUrls) {
    const safe = safeHttpUrl(url);
    if (safe) hosts.add(hostPattern(safe));
  }
  return [ZOTERO_CONNECTOR_ORIGIN, ...hosts];
}

/** `https://www.nsob.nl/*` for a PDF at `https://www.nsob.nl/files/x.pdf`. */
export function hostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
