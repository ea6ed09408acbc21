/**
 * A conformance server for the part of Zotero's Web API v3 a sync uses, built from Zotero's API
 * documentation: it is NOT Zotero. It keeps its libraries in memory and answers as a `fetch`:
 * items of a collection since a version (304 when none changed), writes of at most 50 objects
 * (413 beyond) guarded by `If-Unmodified-Since-Version` (412 when stale), `Last-Modified-Version`
 * and `Total-Results` headers, 403 for a key it does not know, and on request a `Backoff`, a 503
 * with `Retry-After`, or no answer at all (down). Every object written is checked against Zotero's
 * schema (`schemaProblems`, API form): a write with an invalid object fails that object.
 */
import { schemaProblems } from '../../e2e/zotero-server';

interface StoredItem {
  key: string;
  version: number;
  data: Record<string, unknown>;
  createdBy: string;
}

interface Library {
  version: number;
  items: Map<string, StoredItem>;
}

const KEY_CHARS = '23456789ABCDEFGHIJKLMNPQRSTUVWXYZ';

export interface FakeWebApi {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  requests: Array<{ method: string; path: string }>;
  libraries: Map<string, Library>;
  /** Valid API keys and the user each belongs to. */
  keys: Map<string, string>;
  /** The next answer carries `Backoff: n`. */
  backoffOnce?: number;
  /** The next answer is 503 with `Retry-After: n`. */
  retryAfterOnce?: number;
  /** No answer at all while true (network down). */
  down: boolean;
  /** Invalid objects seen in writes. */
  problems: string[];
}

export function startFakeWebApi(): FakeWebApi {
  let counter = 0;
  const newKey = () => {
    let n = ++counter;
    let key = '';
    for (let i = 0; i < 8; i++, n = Math.floor(n / KEY_CHARS.length))
      key = KEY_CHARS[n % KEY_CHARS.length] + key;
    return key;
  };
  const server: FakeWebApi = {
    requests: [],
    libraries: new Map(),
    keys: new Map([['good-key', 'anna']]),
    down: false,
    problems: [],
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
      const match = /^\/((?:users|groups)\/\d+)(\/.*)$/.exec(address.pathname);
      if (!match) return new Response('Not found', { status: 404 });
      const library = server.libraries.get(match[1]) ?? { version: 0, items: new Map() };
      server.libraries.set(match[1], library);
      const respond = (status: number, body: unknown, more: Record<string, string> = {}) =>
        new Response(status === 304 ? null : JSON.stringify(body), {
          status,
          headers: { 'Last-Modified-Version': String(library.version), ...extra, ...more },
        });
      const collection = /^\/collections\/([^/]+)\/items$/.exec(match[2]);
      if (method === 'GET' && collection) {
        if (Number(headers.get('If-Modified-Since-Version') ?? -1) >= library.version)
          return respond(304, null);
        const since = Number(address.searchParams.get('since') ?? 0);
        const start = Number(address.searchParams.get('start') ?? 0);
        const limit = Math.min(100, Number(address.searchParams.get('limit') ?? 25));
        // Items in the collection, and the child notes of those items.
        const inCollection = (i: StoredItem | undefined) =>
          (i?.data.collections as string[] | undefined)?.includes(collection[1]) === true;
        const all = [...library.items.values()].filter(
          (i) =>
            i.version > since &&
            (inCollection(i) || inCollection(library.items.get(String(i.data.parentItem ?? '')))),
        );
        const page = all.slice(start, start + limit).map((i) => ({
          key: i.key,
          version: i.version,
          data: { ...i.data, key: i.key, version: i.version },
          meta: { createdByUser: { username: i.createdBy } },
        }));
        return respond(200, page, { 'Total-Results': String(all.length) });
      }
      if (method === 'POST' && match[2] === '/items') {
        const objects = JSON.parse(String(init.body)) as Array<Record<string, unknown>>;
        if (objects.length > 50) return respond(413, 'Too many objects');
        const expected = headers.get('If-Unmodified-Since-Version');
        if (expected !== null && Number(expected) !== library.version)
          return respond(412, 'Library has been modified');
        const successful: Record<string, unknown> = {};
        const failed: Record<string, unknown> = {};
        const version = library.version + 1;
        objects.forEach((object, i) => {
          const { key, version: _v, ...data } = object;
          const problems = schemaProblems(data, 'api');
          if (problems.length) {
            server.problems.push(...problems);
            failed[i] = { key, code: 400, message: problems.join('; ') };
            return;
          }
          const itemKey = typeof key === 'string' && key ? key : newKey();
          const existing = library.items.get(itemKey);
          library.items.set(itemKey, { key: itemKey, version, data, createdBy: existing?.createdBy ?? user });
          successful[i] = { key: itemKey, version, data };
        });
        if (Object.keys(successful).length) library.version = version;
        return respond(200, { successful, unchanged: {}, failed });
      }
      return respond(404, 'Not found');
    },
  };
  return server;
}
