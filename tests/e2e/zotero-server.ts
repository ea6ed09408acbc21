/**
 * A conformance server for Zotero's connector API v3, built from Zotero's documentation and its
 * connector endpoints (`server_connector.js`): it is NOT Zotero. It listens where Zotero desktop
 * does (127.0.0.1:23119), keeps what it receives in memory, and checks every item against Zotero's
 * schema (`tests/unit/zotero/schema.json`, a copy of `../shared/zotero/schema.json`, version 41):
 * the item type exists, every field is one that type has, every creator type is one it allows.
 *
 * It can answer as Zotero does when the selected library is read-only (500 `libraryEditable:
 * false`), when a session exists (409), and it can stop listening (Zotero not running).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

interface SchemaType {
  itemType: string;
  fields: Array<{ field: string; baseField?: string }>;
  creatorTypes: Array<{ creatorType: string }>;
}
const SCHEMA = JSON.parse(readFileSync(new URL('../unit/zotero/schema.json', import.meta.url), 'utf8')) as {
  version: number;
  itemTypes: SchemaType[];
};
export const SCHEMA_VERSION = SCHEMA.version;

/** Keys an item may carry besides its type's fields. */
const ITEM_KEYS = new Set([
  'itemType',
  'creators',
  'tags',
  'notes',
  'attachments',
  'id',
  'relations',
  'collections',
]);
const SQL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * What is wrong with an item by Zotero's schema; empty when nothing is. `form`: the connector's
 * translator format (one-field creators as `lastName` + `fieldMode: 1`, SQL access time) or the Web
 * API's (`name`, ISO access time).
 */
export function schemaProblems(item: unknown, form: 'connector' | 'api'): string[] {
  if (typeof item !== 'object' || item === null) return ['not an object'];
  const fields = item as Record<string, unknown>;
  if (form === 'api' && fields.itemType === 'note') return childNoteProblems(fields);
  const type = SCHEMA.itemTypes.find((t) => t.itemType === fields.itemType);
  if (!type || type.itemType === 'note' || type.itemType === 'attachment')
    return [`item type ${String(fields.itemType)}`];
  const problems: string[] = [];
  const own = new Set(type.fields.map((f) => f.field));
  for (const [key, value] of Object.entries(fields)) {
    if (ITEM_KEYS.has(key)) continue;
    if (!own.has(key)) problems.push(`${type.itemType} has no field ${key}`);
    else if (typeof value !== 'string' || value === '') problems.push(`${key} is not a non-empty string`);
  }
  if (typeof fields.title !== 'string' || !fields.title.trim()) problems.push('no title');
  if (typeof fields.url === 'string' && !/^https?:\/\//.test(fields.url)) problems.push(`url ${fields.url}`);
  const time = fields.accessDate;
  if (time !== undefined && !(form === 'connector' ? SQL_TIME : ISO_TIME).test(String(time)))
    problems.push(`accessDate ${String(time)}`);
  problems.push(...creatorProblems(fields.creators, type, form), ...tagProblems(fields.tags));
  if (form === 'connector') problems.push(...noteProblems(fields.notes));
  return problems;
}

/** A child note (Web API form): its text, its parent's key, tags; nothing else. */
function childNoteProblems(fields: Record<string, unknown>): string[] {
  const problems = Object.keys(fields)
    .filter((key) => !['itemType', 'note', 'parentItem', 'tags', 'relations'].includes(key))
    .map((key) => `note has no field ${key}`);
  if (typeof fields.note !== 'string') problems.push('note without text');
  if (typeof fields.parentItem !== 'string' || !/^[23456789A-NP-Z]{8}$/.test(fields.parentItem))
    problems.push(`note parent ${String(fields.parentItem)}`);
  return [...problems, ...tagProblems(fields.tags ?? [])];
}

function creatorProblems(creators: unknown, type: SchemaType, form: 'connector' | 'api'): string[] {
  if (!Array.isArray(creators)) return ['creators is not a list'];
  const allowed = new Set(type.creatorTypes.map((c) => c.creatorType));
  const problems: string[] = [];
  for (const creator of creators as Array<Record<string, unknown>>) {
    if (!allowed.has(String(creator.creatorType)))
      problems.push(`${type.itemType} allows no creator type ${String(creator.creatorType)}`);
    const keys = Object.keys(creator).sort().join(',');
    const twoFields = keys === 'creatorType,firstName,lastName' && typeof creator.lastName === 'string';
    const oneField =
      form === 'connector'
        ? keys === 'creatorType,fieldMode,lastName' && creator.fieldMode === 1
        : keys === 'creatorType,name';
    if (!twoFields && !oneField) problems.push(`creator ${JSON.stringify(creator)}`);
    const last = String(creator.lastName ?? creator.name ?? '');
    if (!last.trim()) problems.push(`creator without a (last) name: ${JSON.stringify(creator)}`);
  }
  return problems;
}

function tagProblems(tags: unknown): string[] {
  if (!Array.isArray(tags)) return ['tags is not a list'];
  return (tags as Array<Record<string, unknown>>)
    .filter(
      (t) => typeof t.tag !== 'string' || !t.tag || (t.type !== undefined && t.type !== 0 && t.type !== 1),
    )
    .map((t) => `tag ${JSON.stringify(t)}`);
}

function noteProblems(notes: unknown): string[] {
  if (notes === undefined) return [];
  if (!Array.isArray(notes)) return ['notes is not a list'];
  return (notes as Array<Record<string, unknown>>)
    .filter((n) => typeof n.note !== 'string' || (n.itemType !== undefined && n.itemType !== 'note'))
    .map((n) => `note ${JSON.stringify(n).slice(0, 80)}`);
}

export interface ReceivedItem {
  sessionID: string;
  uri: string;
  item: Record<string, unknown>;
  problems: string[];
}

export interface ReceivedAttachment {
  sessionID: string;
  parentItemID: string;
  title: string;
  url: string;
  contentType: string;
  bytes: Buffer;
}

export type ConnectorMode = 'ok' | 'read-only' | 'session-exists';

export interface FakeZotero {
  /** Every request, in order: method, path and the two connector headers. */
  requests: Array<{ method: string; path: string; apiVersion?: string; allowed?: string }>;
  items: ReceivedItem[];
  attachments: ReceivedAttachment[];
  /** How saveItems answers from now on. */
  mode: ConnectorMode;
  /** Stops listening (Zotero quit) and starts again. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body?: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(body === undefined ? '' : JSON.stringify(body));
}

export async function startFakeZotero(port = 23119): Promise<FakeZotero> {
  const sessions = new Map<string, Set<string>>();
  const state: Omit<FakeZotero, 'stop' | 'start' | 'close'> = {
    requests: [],
    items: [],
    attachments: [],
    mode: 'ok',
  };

  async function saveItems(req: IncomingMessage, res: ServerResponse) {
    const data = JSON.parse((await readBody(req)).toString('utf8')) as {
      sessionID?: string;
      uri?: string;
      items?: Array<Record<string, unknown>>;
    };
    if (!data.sessionID || !Array.isArray(data.items)) return json(res, 400);
    if (state.mode === 'session-exists' || sessions.has(data.sessionID))
      return json(res, 409, { error: 'SESSION_EXISTS' });
    sessions.set(data.sessionID, new Set());
    if (state.mode === 'read-only') return json(res, 500, { libraryEditable: false });
    for (const item of data.items) {
      sessions.get(data.sessionID)!.add(String(item.id));
      state.items.push({
        sessionID: data.sessionID,
        uri: String(data.uri ?? ''),
        item,
        problems: schemaProblems(item, 'connector'),
      });
    }
    json(res, 201);
  }

  async function saveAttachment(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    const header = req.headers['x-metadata'];
    if (typeof header !== 'string') return json(res, 400, { error: 'METADATA_NOT_PROVIDED' });
    const metadata = JSON.parse(header) as Record<string, string>;
    const sessionID = metadata.sessionID ?? query.get('sessionID');
    const session = sessionID ? sessions.get(sessionID) : undefined;
    if (!session) return json(res, 400, { error: 'SESSION_NOT_FOUND' });
    if (!session.has(metadata.parentItemID)) return json(res, 400, { error: 'PARENT_NOT_FOUND' });
    const bytes = await readBody(req);
    state.attachments.push({
      sessionID: sessionID!,
      parentItemID: metadata.parentItemID,
      title: metadata.title,
      url: metadata.url,
      contentType: String(req.headers['content-type']),
      bytes,
    });
    json(res, 201);
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const address = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push({
      method: req.method ?? '',
      path: address.pathname,
      apiVersion: req.headers['x-zotero-connector-api-version'] as string | undefined,
      allowed: req.headers['zotero-allowed-request'] as string | undefined,
    });
    const route = `${req.method} ${address.pathname}`;
    const done = (p: Promise<void>) => p.catch(() => json(res, 500));
    if (route === 'GET /connector/ping')
      res.writeHead(200, { 'content-type': 'text/html' }).end('Zotero is running');
    else if (route === 'POST /connector/saveItems') void done(saveItems(req, res));
    else if (route === 'POST /connector/saveAttachment')
      void done(saveAttachment(req, res, address.searchParams));
    else json(res, 404);
  };

  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const start = async () => {
    server = createServer(handle);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    // A port already taken (a Zotero running here, another run) fails at once, saying so.
    await new Promise<void>((resolve, reject) => {
      server!.once('error', (error) =>
        reject(new Error(`fake Zotero cannot listen on ${port}: ${error.message}`)),
      );
      server!.listen(port, '127.0.0.1', resolve);
    });
    if ((server.address() as AddressInfo).port !== port) throw new Error('fake Zotero: wrong port');
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = undefined;
    });
  await start();
  return Object.assign(state, { start, stop, close: stop });
}
