/**
 * A conformance server for the part of Zotero's Web API v3 (https://www.zotero.org/support/dev/web_api/v3)
 * a sync uses, built from Zotero's API documentation: it is NOT Zotero. It keeps its libraries in
 * memory and answers as a `fetch` (unit tests and the bench call it directly; the browser test
 * routes the extension's requests to `api.zotero.org` into it):
 *
 * - `GET /keys/current` (the key's user and access), `GET /users/<id>/groups`;
 * - `GET /<library>/collections`, `POST /<library>/collections`;
 * - `GET /<library>/collections/<key>/items?since=&format=json|versions` (the items of a collection
 *   and their child notes changed since a version; 304 to `If-Modified-Since-Version` when none);
 * - `POST /<library>/items`: at most 50 objects (413 beyond), guarded by
 *   `If-Unmodified-Since-Version` (412 when the library moved on); an object with the key of an
 *   existing item updates it with what it holds (PATCH semantics), failing alone (412) when its own
 *   `version` is older than the item's; `deleted: 1` moves an item to the trash (still versioned,
 *   still in the library), `deleted: 0` restores it; every object checked against Zotero's schema
 *   (`schemaProblems`, API form; relations as `dc:relation` item URIs): an invalid object fails
 *   alone;
 * - reads leave out items in the trash and their child notes unless `includeTrashed=1`;
 * - `DELETE /<library>/items?itemKey=A,B`: at most 50 keys (413 beyond), guarded by
 *   `If-Unmodified-Since-Version` (428 without it, 412 when the library moved on), 204; an item's
 *   child notes go with it (what emptying the trash does; Leesmap itself never deletes for good);
 * - `GET /<library>/deleted?since=` (`{collections, searches, items, tags, settings}`: the keys
 *   deleted after that version);
 * - `Last-Modified-Version` and `Total-Results` on answers, 403 for a key it does not know, and on
 *   request a `Backoff`, a 503 with `Retry-After`, or no answer at all (down).
 */
import type { ActiveSync } from '@/utils/zotero/sync-settings';
import { schemaProblems } from './zotero-server';

/** The group library and collection the tests and the bench sync with. */
export const TEST_GROUP_TARGET = 'groups/4711/LEESMAP1';

/** A sync of the test group's collection with `apiKey`. */
export function testGroupSync(apiKey: string): ActiveSync {
  return { apiKey, library: { type: 'group', id: 4711 }, collection: 'LEESMAP1', target: TEST_GROUP_TARGET };
}

interface StoredItem {
  key: string;
  version: number;
  data: Record<string, unknown>;
  createdBy: string;
}

interface Library {
  version: number;
  items: Map<string, StoredItem>;
  /** Keys of deleted items, with the library version of their deletion. */
  deleted: Map<string, number>;
  collections: Map<string, { key: string; version: number; name: string }>;
}

const KEY_CHARS = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
const RELATION = /^http:\/\/zotero\.org\/(users|groups)\/\d+\/items\/[23456789A-NP-Z]{8}$/;

export interface FakeWebApi {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  requests: Array<{ method: string; path: string }>;
  libraries: Map<string, Library>;
  /** Valid API keys and the user each belongs to. */
  keys: Map<string, string>;
  /** User ids by name, and the groups (id → name) every key may write. */
  users: Map<string, number>;
  groups: Map<number, string>;
  /** The next answer carries `Backoff: n`. */
  backoffOnce?: number;
  /** The next answer is 503 with `Retry-After: n`. */
  retryAfterOnce?: number;
  /** No answer at all while true (network down). */
  down: boolean;
  /** Invalid objects seen in writes. */
  problems: string[];
  /** A library (`groups/4711`), made empty when new. */
  library(path: string): Library;
  /** Someone else wrote to the library: its version moves on (the next stale write gets 412). */
  touch(path: string): void;
  /** Someone deleted items in Zotero for good (their child notes with them): one new library version. */
  remove(path: string, keys: string[]): void;
  /** Someone changed an item in Zotero (its data merged with `changes`): one new library version. */
  edit(path: string, key: string, changes: Record<string, unknown>): void;
}

function relationProblems(relations: unknown): string[] {
  if (relations === undefined) return [];
  if (typeof relations !== 'object' || relations === null) return ['relations is not an object'];
  return Object.entries(relations).flatMap(([predicate, uris]) =>
    predicate === 'dc:relation' && Array.isArray(uris) && uris.every((u) => RELATION.test(String(u)))
      ? []
      : [`relation ${predicate} ${JSON.stringify(uris)}`],
  );
}

/** Deletes items and their child notes in one new library version. */
function removeItems(library: Library, keys: string[]): void {
  const gone = new Set(keys.filter((key) => library.items.has(key)));
  for (const item of library.items.values())
    if (gone.has(String(item.data.parentItem ?? ''))) gone.add(item.key);
  library.version++;
  for (const key of gone) {
    library.items.delete(key);
    library.deleted.set(key, library.version);
  }
}

function deleteRequest(library: Library, address: URL, headers: Headers, respond: Respond): Response {
  const keys = (address.searchParams.get('itemKey') ?? '').split(',').filter(Boolean);
  if (keys.length > 50) return respond(413, 'Too many items');
  const expected = headers.get('If-Unmodified-Since-Version');
  if (expected === null) return respond(428, 'If-Unmodified-Since-Version not provided');
  if (Number(expected) !== library.version) return respond(412, 'Library has been modified');
  removeItems(library, keys);
  return respond(204, null);
}

function deletedSince(library: Library, address: URL, respond: Respond): Response {
  const since = Number(address.searchParams.get('since') ?? 0);
  const items = [...library.deleted].filter(([, version]) => version > since).map(([key]) => key);
  return respond(200, { collections: [], searches: [], items, tags: [], settings: [] });
}

function keyMaker(): () => string {
  let counter = 0;
  return () => {
    let n = ++counter;
    let key = '';
    for (let i = 0; i < 8; i++, n = Math.floor(n / KEY_CHARS.length))
      key = KEY_CHARS[n % KEY_CHARS.length] + key;
    return key;
  };
}

type Respond = (status: number, body: unknown, more?: Record<string, string>) => Response;

function collectionItems(
  userIds: Map<string, number>,
  library: Library,
  collection: string,
  address: URL,
  headers: Headers,
  respond: Respond,
) {
  if (Number(headers.get('If-Modified-Since-Version') ?? -1) >= library.version) return respond(304, null);
  const since = Number(address.searchParams.get('since') ?? 0);
  const start = Number(address.searchParams.get('start') ?? 0);
  const limit = Math.min(100, Number(address.searchParams.get('limit') ?? 25));
  // Items in the collection, and the child notes of those items.
  const inCollection = (i: StoredItem | undefined) =>
    (i?.data.collections as string[] | undefined)?.includes(collection) === true;
  // Items in the trash (and the child notes of trashed items) only with `includeTrashed=1`.
  const trashed = (i: StoredItem | undefined) =>
    i?.data.deleted === 1 || library.items.get(String(i?.data.parentItem ?? ''))?.data.deleted === 1;
  const withTrash = address.searchParams.get('includeTrashed') === '1';
  const all = [...library.items.values()].filter(
    (i) =>
      i.version > since &&
      (withTrash || !trashed(i)) &&
      (inCollection(i) || inCollection(library.items.get(String(i.data.parentItem ?? '')))),
  );
  if (address.searchParams.get('format') === 'versions')
    return respond(200, Object.fromEntries(all.map((i) => [i.key, i.version])));
  const page = all.slice(start, start + limit).map((i) => ({
    key: i.key,
    version: i.version,
    data: { ...i.data, key: i.key, version: i.version },
    meta: { createdByUser: { id: userIds.get(i.createdBy), username: i.createdBy } },
  }));
  return respond(200, page, { 'Total-Results': String(all.length) });
}

/** `deleted` as Zotero takes it: 1/0 or true/false; anything else is a problem. */
function trashFlag(value: unknown): boolean | undefined | 'invalid' {
  if (value === undefined) return undefined;
  if (value === 1 || value === true) return true;
  if (value === 0 || value === false) return false;
  return 'invalid';
}

/**
 * One object of a write: a new item (all its data), or an existing one updated with what the
 * object holds (Zotero's multi-object POST updates with PATCH semantics), refused when its own
 * `version` is older than the item's (412 for that object). `deleted` moves it to or out of the
 * trash. Returns the problems, or the stored item.
 */
function writeOne(
  library: Library,
  object: Record<string, unknown>,
  version: number,
  user: string,
  newKey: () => string,
): { problems: string[]; code?: number } | StoredItem {
  const { key, version: expected, deleted, ...data } = object;
  const existing = typeof key === 'string' ? library.items.get(key) : undefined;
  if (existing && typeof expected === 'number' && expected < existing.version)
    return { problems: [`item ${existing.key} has been modified since version ${expected}`], code: 412 };
  const trash = trashFlag(deleted);
  const { deleted: wasDeleted, ...before } = existing?.data ?? {};
  const merged = existing ? { ...before, ...data } : data;
  const problems = [...schemaProblems(merged, 'api'), ...relationProblems(merged.relations)];
  if (trash === 'invalid') problems.push(`deleted ${JSON.stringify(deleted)}`);
  for (const c of (merged.collections as string[] | undefined) ?? [])
    if (!library.collections.has(c)) problems.push(`no collection ${c}`);
  if (problems.length) return { problems };
  const inTrash = trash === undefined ? wasDeleted === 1 : trash === true;
  const itemKey = typeof key === 'string' && key ? key : newKey();
  const item = {
    key: itemKey,
    version,
    data: { ...merged, ...(inTrash ? { deleted: 1 } : {}) },
    createdBy: existing?.createdBy ?? user,
  };
  library.items.set(itemKey, item);
  return item;
}

function writeItems(server: FakeWebApi, library: Library, user: string, body: string, newKey: () => string) {
  const objects = JSON.parse(body) as Array<Record<string, unknown>>;
  const successful: Record<string, unknown> = {};
  const failed: Record<string, unknown> = {};
  const version = library.version + 1;
  objects.forEach((object, i) => {
    const written = writeOne(library, object, version, user, newKey);
    if ('problems' in written) {
      if (!written.code) server.problems.push(...written.problems);
      failed[i] = { key: object.key, code: written.code ?? 400, message: written.problems.join('; ') };
      return;
    }
    successful[i] = { key: written.key, version, data: written.data };
  });
  if (Object.keys(successful).length) library.version = version;
  return { successful, unchanged: {}, failed };
}

/** `collections`: ones the libraries have from the start (`groups/4711/LEESMAP1`), at version 0. */
export function startFakeWebApi(collections: string[] = []): FakeWebApi {
  const newKey = keyMaker();
  const server: FakeWebApi = {
    requests: [],
    libraries: new Map(),
    keys: new Map([['good-key', 'anna']]),
    users: new Map(),
    groups: new Map([[4711, 'Dossier IBP']]),
    down: false,
    problems: [],
    library(path) {
      const library = server.libraries.get(path) ?? {
        version: 0,
        items: new Map(),
        deleted: new Map(),
        collections: new Map(),
      };
      server.libraries.set(path, library);
      return library;
    },
    touch(path) {
      server.library(path).version++;
    },
    remove(path, keys) {
      removeItems(server.library(path), keys);
    },
    edit(path, key, changes) {
      const library = server.library(path);
      const item = library.items.get(key);
      if (!item) return;
      library.version++;
      library.items.set(key, { ...item, version: library.version, data: { ...item.data, ...changes } });
    },
    fetch: async (url, init = {}) => {
      if (server.down) throw new TypeError('Failed to fetch');
      const address = new URL(url);
      const method = init.method ?? 'GET';
      server.requests.push({ method, path: `${address.pathname}${address.search}` });
      const headers = new Headers(init.headers);
      const extra: Record<string, string> = {};
      if (server.backoffOnce) extra.Backoff = String(server.backoffOnce);
      server.backoffOnce = undefined;
      if (server.retryAfterOnce) {
        const after = server.retryAfterOnce;
        server.retryAfterOnce = undefined;
        return new Response('Service unavailable', {
          status: 503,
          headers: { 'Retry-After': String(after) },
        });
      }
      const user = server.keys.get(headers.get('Zotero-API-Key') ?? '');
      if (!user || headers.get('Zotero-API-Version') !== '3')
        return new Response('Forbidden', { status: 403 });
      const userId = server.users.get(user) ?? 1000 + server.users.size;
      server.users.set(user, userId);
      const plain = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: extra });
      if (method === 'GET' && address.pathname === '/keys/current') {
        const groups = Object.fromEntries(
          [...server.groups.keys()].map((id) => [id, { library: true, write: true }]),
        );
        return plain(200, {
          userID: userId,
          username: user,
          access: { user: { library: true, write: true }, groups },
        });
      }
      if (method === 'GET' && address.pathname === `/users/${userId}/groups`)
        return plain(
          200,
          [...server.groups].map(([id, name]) => ({ id, data: { id, name } })),
        );
      const match = /^\/((?:users|groups)\/\d+)(\/.*)$/.exec(address.pathname);
      if (!match) return new Response('Not found', { status: 404 });
      const library = server.library(match[1]);
      const respond: Respond = (status, body, more = {}) =>
        new Response(status === 304 || status === 204 ? null : JSON.stringify(body), {
          status,
          headers: { 'Last-Modified-Version': String(library.version), ...extra, ...more },
        });
      const collection = /^\/collections\/([^/]+)\/items$/.exec(match[2]);
      if (method === 'GET' && collection)
        return collectionItems(server.users, library, collection[1], address, headers, respond);
      if (method === 'GET' && match[2] === '/deleted') return deletedSince(library, address, respond);
      if (method === 'DELETE' && match[2] === '/items')
        return deleteRequest(library, address, headers, respond);
      if (match[2] === '/collections' && method === 'GET')
        return respond(
          200,
          [...library.collections.values()].map((c) => ({ key: c.key, version: c.version, data: c })),
        );
      if (method !== 'POST' || (match[2] !== '/items' && match[2] !== '/collections'))
        return respond(404, 'Not found');
      const objects = JSON.parse(String(init.body)) as Array<Record<string, unknown>>;
      if (objects.length > 50) return respond(413, 'Too many objects');
      const expected = headers.get('If-Unmodified-Since-Version');
      if (expected !== null && Number(expected) !== library.version)
        return respond(412, 'Library has been modified');
      if (match[2] === '/items')
        return respond(200, writeItems(server, library, user, String(init.body), newKey));
      const successful: Record<string, unknown> = {};
      library.version++;
      objects.forEach((object, i) => {
        const made = { key: newKey(), version: library.version, name: String(object.name ?? '') };
        library.collections.set(made.key, made);
        successful[i] = made;
      });
      return respond(200, { successful, unchanged: {}, failed: {} });
    },
  };
  for (const path of collections) {
    const [, type, id, key] = /^(users|groups)\/(\d+)\/(\w+)$/.exec(path)!;
    server.library(`${type}/${id}`).collections.set(key, { key, version: 0, name: 'Leesmap' });
  }
  return server;
}
