/**
 * Zotero's Web API v3 (https://api.zotero.org), the part a sync needs: items of a collection
 * changed since a library version (`since=`, answered 304 when nothing changed; with the items in
 * the trash: `includeTrashed=1`), items deleted for good since a version (`/deleted`), and writes of at most
 * 50 objects guarded by `If-Unmodified-Since-Version` (412 when the library moved on); a write of
 * `{key, version, deleted: 1}` moves an item to the trash, `deleted: 0` takes it out. It
 * honours `Backoff` (waits before its next request) and `Retry-After` on 429/503 (waits, retries).
 *
 * Also what the options need to choose: the key's libraries, a library's collections, a new one.
 * The background's sync (run.ts) and the options (sync-ports.ts) pass the browser's fetch, only
 * once the reader granted `https://api.zotero.org/*`; tests pass the conformance server's
 * (tests/e2e/zotero-webapi-server.ts).
 */
import { CodedError, type FetchLike } from './connector';

export const ZOTERO_API = 'https://api.zotero.org';
/** Objects per write request (the Web API's limit). */
export const WRITE_BATCH = 50;
const PAGE = 100;
const MAX_RETRIES = 3;

export interface LibraryRef {
  type: 'user' | 'group';
  id: number;
}

export type WebApiProblem = 'bad-key' | 'offline' | 'stale' | 'failed';

export class WebApiError extends CodedError<WebApiProblem> {
  override name = 'WebApiError';
}

/** An item as the Web API returns it (`format=json`). */
export interface ApiItem {
  key: string;
  version: number;
  data: Record<string, unknown>;
  /** Zotero's, but as any answer: fields of any type. */
  meta?: { createdByUser?: { id?: unknown; username?: unknown; name?: unknown } };
}

export interface WebApiOptions {
  fetch: FetchLike;
  apiKey: string;
  library: LibraryRef;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** When the next request may go (`Backoff`); shared, so it outlives one client. */
  pace?: { notBefore: number };
}

export interface WriteOutcome {
  /** Per object sent, in order: its key and new version, or why it failed. */
  results: Array<{ key: string; version: number } | { failed: string }>;
  /** The library's version after the write. */
  version: number;
}

type Call = (method: string, path: string, init?: RequestInit) => Promise<Response>;

const libraryPath = (library: LibraryRef) =>
  `/${library.type === 'group' ? 'groups' : 'users'}/${library.id}`;

/** One request with the API's headers, `Backoff` kept, 429/503 retried after `Retry-After`. */
function createCall(
  { fetch, apiKey, sleep, now, pace = { notBefore: 0 } }: Omit<WebApiOptions, 'library'>,
  prefix: string = ZOTERO_API,
): Call {
  const wait = sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clock = now ?? Date.now;
  const call = async (
    method: string,
    path: string,
    init: RequestInit = {},
    attempt = 0,
  ): Promise<Response> => {
    const pause = pace.notBefore - clock();
    if (pause > 0) await wait(pause);
    let response: Response;
    try {
      response = await fetch(`${prefix}${path}`, {
        ...init,
        method,
        credentials: 'omit',
        headers: {
          'Zotero-API-Version': '3',
          'Zotero-API-Key': apiKey,
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...(init.headers as Record<string, string>),
        },
      });
    } catch {
      throw new WebApiError('offline');
    }
    const backoff = Number(response.headers.get('Backoff'));
    if (backoff > 0) pace.notBefore = clock() + backoff * 1000;
    if (response.status === 429 || response.status === 503) {
      if (attempt >= MAX_RETRIES) throw new WebApiError('offline', `Zotero answered ${response.status}`);
      await wait((Number(response.headers.get('Retry-After')) || 5) * 1000);
      return call(method, path, init, attempt + 1);
    }
    if (response.status === 403) throw new WebApiError('bad-key');
    if (response.status === 412) throw new WebApiError('stale');
    if (response.status >= 500) throw new WebApiError('offline', `Zotero answered ${response.status}`);
    if (!response.ok && response.status !== 304)
      throw new WebApiError('failed', `Zotero answered ${response.status}`);
    return response;
  };
  return call;
}

export function createWebApi(options: WebApiOptions) {
  const call = createCall(options, `${ZOTERO_API}${libraryPath(options.library)}`);
  const versionOf = (response: Response) => Number(response.headers.get('Last-Modified-Version')) || 0;

  return {
    library: options.library,

    /**
     * Items of a collection (with their child notes) changed since `since`, those moved to the
     * trash too (`deleted: 1` in their data); undefined when nothing changed, which takes one
     * request.
     */
    async changedItems(
      collection: string,
      since: number,
    ): Promise<{ items: ApiItem[]; version: number } | undefined> {
      const items: ApiItem[] = [];
      let version = since;
      for (let start = 0; ; start += PAGE) {
        const query = `since=${since}&includeTrashed=1&format=json&limit=${PAGE}&start=${start}`;
        const response = await call('GET', `/collections/${encodeURIComponent(collection)}/items?${query}`, {
          headers: { 'If-Modified-Since-Version': String(since) },
        });
        if (response.status === 304) return undefined;
        version = versionOf(response);
        const page = (await response.json()) as ApiItem[];
        items.push(...page);
        if (page.length < PAGE || items.length >= Number(response.headers.get('Total-Results'))) break;
      }
      return { items, version };
    },

    /**
     * Keys of the items deleted from the library since `since` (`/deleted?since=`); Zotero lists
     * an item here once it left the library for good (emptied from the trash, or deleted by the
     * API).
     */
    async deletedKeys(since: number): Promise<{ keys: string[]; version: number }> {
      const response = await call('GET', `/deleted?since=${since}`);
      const body = (await response.json()) as { items?: unknown };
      const keys = Array.isArray(body.items) ? body.items.filter((k) => typeof k === 'string') : [];
      return { keys, version: versionOf(response) };
    },

    /** Writes at most 50 objects, only if the library is still at `version` (else `stale`). */
    async writeItems(objects: Array<Record<string, unknown>>, version: number): Promise<WriteOutcome> {
      if (objects.length > WRITE_BATCH) throw new WebApiError('failed', 'More than 50 objects in one write');
      const response = await call('POST', '/items', {
        body: JSON.stringify(objects),
        headers: { 'If-Unmodified-Since-Version': String(version) },
      });
      const body = (await response.json()) as {
        successful?: Record<string, { key: string; version: number }>;
        unchanged?: Record<string, string>;
        failed?: Record<string, { message?: string }>;
      };
      const newVersion = versionOf(response);
      const results = objects.map((object, i) => {
        const ok = body.successful?.[i];
        if (ok) return { key: ok.key, version: ok.version };
        const same = body.unchanged?.[i];
        if (same) return { key: same, version: Number(object.version) || newVersion };
        return { failed: body.failed?.[i]?.message ?? 'failed' };
      });
      return { results, version: newVersion };
    },
  };
}

export type WebApi = ReturnType<typeof createWebApi>;

/** A library the key may write to, as the options offer it. */
export interface LibraryChoice extends LibraryRef {
  name: string;
  /** The Zotero user the key belongs to (items they added are not "added by" someone else). */
  userId?: number;
}

/**
 * What a key gives access to: the reader's own library (when the key may write it) and the groups
 * it may write. Three requests at most: the key, the reader's groups.
 */
export async function librariesOfKey(options: Omit<WebApiOptions, 'library'>): Promise<LibraryChoice[]> {
  const call = createCall(options);
  const key = (await (await call('GET', '/keys/current')).json()) as {
    userID?: number;
    username?: string;
    access?: { user?: { write?: boolean }; groups?: Record<string, { write?: boolean }> };
  };
  if (typeof key.userID !== 'number') throw new WebApiError('bad-key');
  const choices: LibraryChoice[] = [];
  if (key.access?.user?.write)
    choices.push({
      type: 'user',
      id: key.userID,
      name: String(key.username ?? key.userID),
      userId: key.userID,
    });
  const groupAccess = key.access?.groups ?? {};
  if (Object.keys(groupAccess).length === 0) return choices;
  const groups = (await (await call('GET', `/users/${key.userID}/groups?limit=100`)).json()) as Array<{
    id: number;
    data?: { name?: string };
  }>;
  for (const group of groups) {
    const access = groupAccess[String(group.id)] ?? groupAccess.all;
    if (access?.write)
      choices.push({
        type: 'group',
        id: group.id,
        name: String(group.data?.name ?? group.id),
        userId: key.userID,
      });
  }
  return choices;
}

/** A library's collections (top-level and sub), by name. */
export async function collectionsOf(options: WebApiOptions): Promise<Array<{ key: string; name: string }>> {
  const call = createCall(options, `${ZOTERO_API}${libraryPath(options.library)}`);
  const list = (await (await call('GET', '/collections?limit=100')).json()) as Array<{
    key: string;
    data?: { name?: string };
  }>;
  return list
    .map((c) => ({ key: c.key, name: String(c.data?.name ?? c.key) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Makes a collection (the options' "New collection Leesmap"). */
export async function createCollection(
  options: WebApiOptions,
  name: string,
): Promise<{ key: string; name: string }> {
  const call = createCall(options, `${ZOTERO_API}${libraryPath(options.library)}`);
  const response = await call('POST', '/collections', { body: JSON.stringify([{ name }]) });
  const body = (await response.json()) as { successful?: Record<string, { key: string }> };
  const made = body.successful?.['0'];
  if (!made) throw new WebApiError('failed', 'Zotero did not make the collection');
  return { key: made.key, name };
}

/**
 * Pushes objects in writes of 50, each guarded by the library version the last one left. On a
 * stale version (someone else wrote) it asks `refresh` for the current version and retries the
 * batch once. `onBatch` runs after every write, so a caller that stores progress loses nothing when
 * the worker stops mid-push.
 */
export async function pushObjects(
  api: WebApi,
  objects: Array<Record<string, unknown>>,
  startVersion: number,
  hooks: {
    refresh: () => Promise<number>;
    onBatch?: (outcome: WriteOutcome, first: number) => Promise<void>;
  },
): Promise<{ version: number; results: WriteOutcome['results'] }> {
  let version = startVersion;
  const results: WriteOutcome['results'] = [];
  for (let first = 0; first < objects.length; first += WRITE_BATCH) {
    const batch = objects.slice(first, first + WRITE_BATCH);
    let outcome: WriteOutcome;
    try {
      outcome = await api.writeItems(batch, version);
    } catch (error) {
      if (!(error instanceof WebApiError) || error.code !== 'stale') throw error;
      version = await hooks.refresh();
      outcome = await api.writeItems(batch, version);
    }
    version = outcome.version;
    results.push(...outcome.results);
    await hooks.onBatch?.(outcome, first);
  }
  return { version, results };
}
