/**
 * The reading list's database: the only module that opens IndexedDB. Imported by the background
 * (the only writer) and by extension pages for read-only helpers; never by a content script, where
 * IndexedDB would be the website's own.
 *
 * Rules, after idb's README: one `DBSchema` types every store and index; `upgrade` is a ladder of
 * `if (oldVersion < N)` steps and a step is never edited once released (tests build every earlier
 * version with data in it and upgrade it); nothing but IndexedDB is awaited inside a transaction;
 * a write is done when `tx.done` resolves, and only then do these functions resolve.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { EDITABLE_FIELDS, ImportError, validateRecords } from './export/validate';
import { identityKeys, normaliseUrl, publicationId } from './identity';
import { linkPage, pageKeys } from './linking';
import type {
  CatalogEntry,
  CatalogSource,
  EditableField,
  Publication,
  ReaderFields,
  ReadingStatus,
  RelatedPublication,
  SavedPublication,
} from './publication';
import { READING_STATUSES } from './publication';

export const DB_NAME = 'leesmap';
export const DB_VERSION = 2;

/**
 * The catalog (seen, not saved) is capped. Over the cap the least useful entries go first (see
 * `catalogUsefulness`), down to a little under the cap, so that pruning is not paid on every visit.
 */
export const CATALOG_CAP = 20_000;
const CATALOG_PRUNE_TO = 0.95;
/** Bounds on what one page may add: related items per visit, sources per catalog entry. */
const MAX_RELATED_PER_VISIT = 100;
const MAX_SOURCES_PER_ENTRY = 50;

/** A saved record as stored: the record plus every identity key it was ever known by. */
export type StoredPublication = SavedPublication & { identity: string[] };
export type StoredCatalogEntry = CatalogEntry & { identity: string[] };

export interface LeesmapDB extends DBSchema {
  publications: {
    key: string;
    value: StoredPublication;
    indexes: {
      savedAt: number;
      /** multiEntry over `identity`: any key finds the record. */
      identity: string;
      // v2: the list's filters and sorts.
      updatedAt: number;
      status: string;
      year: number;
      publisher: string;
      themes: string;
      tags: string;
    };
  };
  catalog: {
    key: string;
    value: StoredCatalogEntry;
    indexes: {
      lastSeenAt: number;
      identity: string;
      // v2: suggestions look up the catalog by theme.
      themes: string;
    };
  };
  dismissed: {
    key: string;
    value: { id: string; dismissedAt: number };
  };
  /** v2: how many saved records carry each theme, kept up to date by every write. */
  themes: {
    key: string;
    value: ThemeCount;
  };
}

export interface ThemeCount {
  theme: string;
  count: number;
}

export type LeesmapDatabase = IDBPDatabase<LeesmapDB>;
type Tx<Mode extends IDBTransactionMode, S extends StoreNames<LeesmapDB>[]> = IDBPTransaction<LeesmapDB, S, Mode>;

/** Why storage failed, as a code the UI translates; existing data is never touched by a failure. */
export type StorageErrorReason =
  | 'quota' // the disk or the browser's quota is full
  | 'blocked' // an older Leesmap tab or worker holds the database open during an upgrade
  | 'version' // the database is newer than this Leesmap (a downgrade)
  | 'open-failed' // the database would not open (private mode, corrupt profile, disabled storage)
  | 'not-found' // the record to change does not exist
  | 'invalid' // the data to write is not a valid record
  | 'failed'; // any other IndexedDB failure

export class StorageError extends Error {
  /** The same as `reason`, under the name the message router forwards to pages (`Reply.code`). */
  readonly code: StorageErrorReason;

  constructor(
    readonly reason: StorageErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
    this.code = reason;
  }
}

/** Turns whatever IndexedDB threw into a StorageError with a reason code. */
export function toStorageError(error: unknown, fallback: StorageErrorReason = 'failed'): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new StorageError('quota', 'Not enough storage space to save the reading list.', { cause: error });
  }
  if (name === 'VersionError') {
    return new StorageError('version', 'The reading list was written by a newer version of Leesmap.', {
      cause: error,
    });
  }
  return new StorageError(fallback, `Storage failed: ${message}`, { cause: error });
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

export interface OpenOptions {
  /** How long to wait for older connections to close before failing with reason 'blocked'. */
  blockedTimeoutMs?: number;
  /** Called when this connection was closed for a newer version or by the browser: reopen. */
  onClose?: (why: 'versionchange' | 'terminated') => void;
}

/** Opens (creating or upgrading) the reading list's database. */
export function openLeesmapDB(name: string = DB_NAME, options: OpenOptions = {}): Promise<LeesmapDatabase> {
  const { blockedTimeoutMs = 10_000, onClose } = options;
  return new Promise<LeesmapDatabase>((resolve, reject) => {
    let settled = false;
    let blockedTimer: ReturnType<typeof setTimeout> | undefined;
    let db: LeesmapDatabase | undefined;
    const fail = (error: StorageError) => {
      if (blockedTimer) clearTimeout(blockedTimer);
      if (settled) return;
      settled = true;
      reject(error);
    };
    let opening: Promise<LeesmapDatabase>;
    try {
      opening = openDB<LeesmapDB>(name, DB_VERSION, {
        upgrade(upgrading, oldVersion, _newVersion, transaction) {
          upgradeLeesmapDB(upgrading, oldVersion, transaction);
        },
        blocked() {
          // An older connection did not close on versionchange; don't hang forever.
          blockedTimer ??= setTimeout(
            () =>
              fail(
                new StorageError('blocked', 'Leesmap is open in another window with an older version; close it and retry.'),
              ),
            blockedTimeoutMs,
          );
        },
        blocking() {
          // A newer Leesmap wants to upgrade: step aside so its upgrade is not blocked.
          db?.close();
          onClose?.('versionchange');
        },
        terminated() {
          onClose?.('terminated');
        },
      });
    } catch (error) {
      // No IndexedDB at all (storage disabled, some private modes) throws before any request.
      fail(toStorageError(error, 'open-failed'));
      return;
    }
    opening.then(
      (opened) => {
        db = opened;
        if (blockedTimer) clearTimeout(blockedTimer);
        if (settled) {
          // We already reported 'blocked'; a late success must not leak a connection.
          opened.close();
          return;
        }
        settled = true;
        resolve(opened);
      },
      (error: unknown) => fail(toStorageError(error, 'open-failed')),
    );
  });
}

/**
 * One shared connection, opened on first use and reopened after it closed (a newer Leesmap took
 * over, or the browser closed it) or failed to open, so the next call retries.
 */
export function createLeesmapConnection(
  name: string = DB_NAME,
  options: OpenOptions = {},
): () => Promise<LeesmapDatabase> {
  let opening: Promise<LeesmapDatabase> | undefined;
  return () => {
    opening ??= openLeesmapDB(name, {
      ...options,
      onClose(why) {
        opening = undefined;
        options.onClose?.(why);
      },
    }).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
}

/**
 * The upgrade ladder. Each step runs once, in order, inside the version-change transaction.
 * Released steps are never edited: add a new `if (oldVersion < N)` below instead.
 */
function upgradeLeesmapDB(
  db: LeesmapDatabase,
  oldVersion: number,
  transaction: Tx<'versionchange', StoreNames<LeesmapDB>[]>,
): void {
  if (oldVersion < 1) {
    const publications = db.createObjectStore('publications', { keyPath: 'id' });
    publications.createIndex('savedAt', 'savedAt');
    publications.createIndex('identity', 'identity', { multiEntry: true });
    const catalog = db.createObjectStore('catalog', { keyPath: 'id' });
    catalog.createIndex('lastSeenAt', 'lastSeenAt');
    catalog.createIndex('identity', 'identity', { multiEntry: true });
    db.createObjectStore('dismissed', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    const publications = transaction.objectStore('publications');
    publications.createIndex('updatedAt', 'updatedAt');
    publications.createIndex('status', 'status');
    publications.createIndex('year', 'year');
    publications.createIndex('publisher', 'publisher');
    publications.createIndex('themes', 'themes', { multiEntry: true });
    publications.createIndex('tags', 'tags', { multiEntry: true });
    transaction.objectStore('catalog').createIndex('themes', 'themes', { multiEntry: true });
    const themes = db.createObjectStore('themes', { keyPath: 'theme' });
    // Count the themes of records saved under v1; runs inside the upgrade transaction.
    void (async () => {
      const counts = new Map<string, number>();
      let cursor = await publications.openCursor();
      while (cursor) {
        for (const theme of union(cursor.value.themes)) counts.set(theme, (counts.get(theme) ?? 0) + 1);
        cursor = await cursor.continue();
      }
      for (const [theme, count] of counts) void themes.put({ theme, count });
    })().catch(() => {
      // A failed request aborts the upgrade transaction itself; the open then rejects.
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Record helpers (pure)

/** Extracted fields a re-visit may refresh (unless the reader edited them). */
const EXTRACTED_FIELDS = [
  'canonicalUrl',
  'title',
  'subtitle',
  'authors',
  'published',
  'year',
  'publisher',
  'type',
  'themes',
  'keywords',
  'summary',
  'language',
  'doi',
  'isbn',
  'pdfUrl',
  'related',
] as const satisfies readonly (keyof Publication)[];

export { EDITABLE_FIELDS };

export const DEFAULT_READER_FIELDS: Readonly<ReaderFields> = Object.freeze({
  status: 'to-read',
  notes: '',
  tags: [],
  starred: false,
  editedFields: [],
});

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function strip<T extends { identity: string[] }>(stored: T): Omit<T, 'identity'> {
  const { identity: _identity, ...record } = stored;
  return record;
}

function union<T>(...lists: (readonly T[] | undefined)[]): T[] {
  const out: T[] = [];
  for (const list of lists) for (const item of list ?? []) if (!out.includes(item)) out.push(item);
  return out;
}

function cleanReader(reader: Partial<ReaderFields> | undefined): Partial<ReaderFields> {
  const out: Partial<ReaderFields> = {};
  if (!reader) return out;
  if (reader.status && READING_STATUSES.includes(reader.status)) out.status = reader.status;
  if (typeof reader.notes === 'string') out.notes = reader.notes;
  if (Array.isArray(reader.tags)) out.tags = union(reader.tags.filter((t) => typeof t === 'string' && t.trim()));
  if (typeof reader.starred === 'boolean') out.starred = reader.starred;
  if (Array.isArray(reader.editedFields)) {
    out.editedFields = union(reader.editedFields.filter((f) => EDITABLE_FIELDS.includes(f)));
  }
  return out;
}

function newRecord(p: Publication, reader: Partial<ReaderFields> | undefined, now: number): StoredPublication {
  const keys = pageKeys(p);
  const record: StoredPublication = {
    ...structuredClone(p),
    ...DEFAULT_READER_FIELDS,
    tags: [],
    editedFields: [],
    ...cleanReader(reader),
    id: keys[0] ?? publicationId(p),
    savedAt: now,
    updatedAt: now,
    identity: keys,
  };
  if (!record.identity.includes(record.id)) record.identity.unshift(record.id);
  return record;
}

/**
 * Refreshes the extracted fields of a saved record from a newer extraction. Fields the reader
 * edited are left alone, and a field the new extraction lacks keeps its old value (a page that
 * lost its summary in a redesign does not empty the reader's record).
 */
export function refreshExtracted(record: StoredPublication, p: Publication): StoredPublication {
  const next: StoredPublication = { ...record };
  const edited = new Set<string>(record.editedFields);
  const target = next as unknown as Record<string, unknown>;
  for (const field of EXTRACTED_FIELDS) {
    if (edited.has(field)) continue;
    const value = p[field];
    if (!isEmpty(value)) target[field] = structuredClone(value);
  }
  next.identity = union(record.identity, pageKeys(p));
  return next;
}

const STATUS_RANK: Record<ReadingStatus, number> = { 'to-read': 0, reading: 1, read: 2 };

/**
 * Folds records the reader said are one publication into the oldest one, losing nothing the reader
 * added: tags and edited fields united, notes joined, starred if either was, the furthest reading
 * status. Only on the reader's word (`mergePublications`): a page never merges records.
 */
function mergeDuplicates(records: StoredPublication[]): StoredPublication {
  const [keep, ...rest] = [...records].sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
  return foldReaderFields(keep, rest);
}

/** `keep` with the reader's fields of `others` folded in (see mergeDuplicates). */
function foldReaderFields(keep: StoredPublication, others: StoredPublication[]): StoredPublication {
  const merged: StoredPublication = { ...keep };
  for (const other of others) {
    merged.tags = union(merged.tags, other.tags);
    merged.editedFields = union(merged.editedFields, other.editedFields);
    if (other.notes && other.notes !== merged.notes) {
      merged.notes = merged.notes ? `${merged.notes}\n\n${other.notes}` : other.notes;
    }
    merged.starred = merged.starred || other.starred;
    if (STATUS_RANK[other.status] > STATUS_RANK[merged.status]) merged.status = other.status;
    merged.identity = union(merged.identity, other.identity, [other.id]);
    merged.updatedAt = Math.max(merged.updatedAt, other.updatedAt);
    if (other.lastVisitedAt && (!merged.lastVisitedAt || other.lastVisitedAt > merged.lastVisitedAt)) {
      merged.lastVisitedAt = other.lastVisitedAt;
    }
  }
  return merged;
}

/**
 * Theme count changes of one transaction, applied once at its end: several records in one
 * transaction may share a theme, and read-modify-write per record would lose updates.
 */
class ThemeTally {
  private readonly delta = new Map<string, number>();

  change(before: readonly string[] | undefined, after: readonly string[] | undefined): void {
    for (const theme of union(before)) this.delta.set(theme, (this.delta.get(theme) ?? 0) - 1);
    for (const theme of union(after)) this.delta.set(theme, (this.delta.get(theme) ?? 0) + 1);
  }

  async apply(tx: { objectStore(name: 'themes'): ThemeStore }): Promise<void> {
    const store = tx.objectStore('themes');
    const changed = [...this.delta].filter(([, delta]) => delta !== 0);
    const current = await Promise.all(changed.map(([theme]) => store.get(theme)));
    changed.forEach(([theme, delta], i) => {
      const count = (current[i]?.count ?? 0) + delta;
      if (count > 0) void store.put({ theme, count });
      else void store.delete(theme);
    });
  }
}

interface ThemeStore {
  get(theme: string): Promise<ThemeCount | undefined>;
  put(value: ThemeCount): Promise<string>;
  delete(theme: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Lookups inside a transaction

async function findStored(
  tx: { objectStore(name: 'publications'): { index(name: 'identity'): { getAll(key: string): Promise<StoredPublication[]> } } },
  keys: string[],
): Promise<StoredPublication[]> {
  const index = tx.objectStore('publications').index('identity');
  const found = new Map<string, StoredPublication>();
  const results = await Promise.all(keys.map((key) => index.getAll(key)));
  for (const list of results) for (const record of list) found.set(record.id, record);
  return [...found.values()];
}

async function findCatalogIds(
  tx: { objectStore(name: 'catalog'): { index(name: 'identity'): { getAllKeys(key: string): Promise<string[]> } } },
  keys: string[],
): Promise<string[]> {
  const index = tx.objectStore('catalog').index('identity');
  const results = await Promise.all(keys.map((key) => index.getAllKeys(key)));
  return union(...results);
}

// ---------------------------------------------------------------------------------------------
// Public API

/** A saved record the page resembles but is not linked to (see utils/linking.ts), for the reader. */
export interface Resemblance {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  year?: number;
}

function resemblance(record: SavedPublication): Resemblance {
  const out: Resemblance = { id: record.id, title: record.title, url: record.url };
  if (record.publisher) out.publisher = record.publisher;
  if (typeof record.year === 'number') out.year = record.year;
  return out;
}

/** The one record a page is (utils/linking.ts), looked up by every key it names. */
async function linkStored(
  tx: Parameters<typeof findStored>[0],
  publication: Publication,
): Promise<ReturnType<typeof linkPage<StoredPublication>>> {
  return linkPage(publication, await findStored(tx, identityKeys(publication)));
}

export interface SaveOptions {
  /** Fields the reader changed before saving: theirs from now on (never refreshed by a visit). */
  edited?: readonly EditableField[];
}

/**
 * Saves a publication. Idempotent: the record this page is (its address, or a declared key Leesmap
 * could check; utils/linking.ts) is refreshed instead of duplicated, keeping the reader's fields and
 * edits. Records it merely resembles stay apart: the reader may merge them (`mergePublications`).
 * The publication leaves the catalog. One transaction; resolves only after it has committed.
 */
export async function savePublication(
  db: LeesmapDatabase,
  publication: Publication,
  reader?: Partial<ReaderFields>,
  now: number = Date.now(),
  options: SaveOptions = {},
): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes'], 'readwrite');
    const keys = pageKeys(publication);
    const [link, catalogIds] = await Promise.all([linkStored(tx, publication), findCatalogIds(tx, keys)]);
    const tally = new ThemeTally();
    let record: StoredPublication;
    if (!link.record) {
      record = newRecord(publication, reader, now);
    } else {
      // Over plain http a saved https record keeps its fields: only the reader's own change.
      const base = link.mayUpdate ? refreshExtracted(link.record, publication) : link.record;
      record = { ...base, ...cleanReader(reader), updatedAt: now };
      tally.change(link.record.themes, undefined);
    }
    if (options.edited?.length) markEdited(record, publication, options.edited);
    tally.change(undefined, record.themes);
    void tx.objectStore('publications').put(record);
    for (const id of catalogIds) void tx.objectStore('catalog').delete(id);
    await tally.apply(tx);
    await tx.done;
    return strip(record);
  });
}

/** Takes the reader's values of `edited` from `publication` and marks those fields as theirs. */
function markEdited(record: StoredPublication, publication: Publication, edited: readonly EditableField[]): void {
  const target = record as unknown as Record<string, unknown>;
  const fields = edited.filter((field) => EDITABLE_FIELDS.includes(field));
  for (const field of fields) {
    const value = publication[field];
    if (isEmpty(value)) delete target[field];
    else target[field] = structuredClone(value);
  }
  record.editedFields = union(record.editedFields, fields);
}

export interface VisitOptions {
  catalogCap?: number;
  /** How many catalog entries this visit may write (the background's rate limit); all by default. */
  catalogBudget?: number;
}

export interface VisitResult {
  /** The saved record this page is, refreshed; undefined when the reader has not saved it. */
  saved?: SavedPublication;
  /** Saved records the page resembles but was not linked to (the reader may merge them). */
  resembles: Resemblance[];
  /** Catalog entries written (the page's own and the related publications it lists). */
  catalogWrites: number;
}

/**
 * A detected publication page was visited. Saved → refresh its extracted fields (never the reader's
 * fields, never a field the reader edited) and lastVisitedAt. Not saved → remember it in the
 * catalog. Either way the publications the page lists as related enter the catalog, unless the
 * reader saved them, within `catalogBudget` writes. A visit never deletes or merges saved records.
 */
export async function recordVisit(
  db: LeesmapDatabase,
  publication: Publication,
  now: number = Date.now(),
  options: VisitOptions = {},
): Promise<VisitResult> {
  const { catalogCap = CATALOG_CAP } = options;
  let budget = Math.max(0, options.catalogBudget ?? Number.POSITIVE_INFINITY);
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes'], 'readwrite');
    const keys = pageKeys(publication);
    const link = await linkStored(tx, publication);
    let saved: StoredPublication | undefined;
    let listedBy: { id: string; title: string; url: string } | undefined;
    let catalogWrites = 0;
    if (link.record) {
      saved = link.record;
      if (link.mayUpdate) {
        saved = { ...refreshExtracted(link.record, publication), lastVisitedAt: now };
        const tally = new ThemeTally();
        tally.change(link.record.themes, saved.themes);
        await tally.apply(tx);
        void tx.objectStore('publications').put(saved);
      }
      listedBy = { id: saved.id, title: saved.title, url: saved.url };
    } else if (budget > 0) {
      const entry = await upsertCatalog(tx, catalogFields(publication), keys, { kind: 'visited' }, now);
      budget--;
      catalogWrites++;
      listedBy = { id: entry.id, title: publication.title, url: publication.url };
    }
    // Related items are the page's word too: they only ever fill a catalog entry's empty fields.
    const source: CatalogSource | undefined = listedBy && { kind: 'related', listedBy };
    for (const related of (source ? publication.related ?? [] : []).slice(0, MAX_RELATED_PER_VISIT)) {
      if (budget <= 0 || !source) break;
      if (!related || typeof related.title !== 'string' || !related.title.trim()) continue;
      const relatedKeys = identityKeys({ url: related.url, title: related.title });
      if (relatedKeys.some((key) => keys.includes(key))) continue; // a page listing itself
      if (relatedKeys.length && (await findStored(tx, relatedKeys)).length) continue;
      await upsertCatalog(tx, relatedFields(related), relatedKeys, source, now);
      budget--;
      catalogWrites++;
    }
    if (catalogWrites > 0) await pruneCatalog(tx, catalogCap);
    await tx.done;
    return { saved: saved && strip(saved), resembles: link.resembles.map(resemblance), catalogWrites };
  });
}

type CatalogFields = Omit<CatalogEntry, 'id' | 'sources' | 'firstSeenAt' | 'lastSeenAt'>;

function catalogFields(p: Publication): CatalogFields {
  const fields: CatalogFields = {
    title: p.title,
    url: p.canonicalUrl ?? p.url,
    themes: [...(p.themes ?? [])],
    keywords: [...(p.keywords ?? [])],
    authors: [...(p.authors ?? [])],
  };
  if (p.subtitle) fields.subtitle = p.subtitle;
  if (p.summary) fields.summary = p.summary;
  if (p.publisher) fields.publisher = p.publisher;
  if (typeof p.year === 'number') fields.year = p.year;
  if (p.language) fields.language = p.language;
  return fields;
}

function relatedFields(r: RelatedPublication): CatalogFields {
  const fields: CatalogFields = { title: r.title, themes: [...(r.themes ?? [])], keywords: [], authors: [] };
  if (r.url) fields.url = r.url;
  if (r.subtitle) fields.subtitle = r.subtitle;
  if (r.summary) fields.summary = r.summary;
  return fields;
}

function sameSource(a: CatalogSource, b: CatalogSource): boolean {
  if (a.kind === 'visited' || b.kind === 'visited') return a.kind === b.kind;
  return a.listedBy.id === b.listedBy.id;
}

/** Adds or refreshes a catalog entry found by any of `keys`; a visit's fuller fields win over a listing's. */
async function upsertCatalog(
  tx: Tx<'readwrite', ['publications', 'catalog', 'themes']>,
  fields: CatalogFields,
  keys: string[],
  source: CatalogSource,
  now: number,
): Promise<StoredCatalogEntry> {
  const store = tx.objectStore('catalog');
  const id = keys[0] ?? publicationId({ title: fields.title });
  const ids = union(keys.length ? await findCatalogIds(tx, keys) : [], [id]);
  const found = (await Promise.all(ids.map((key) => store.get(key)))).filter(
    (entry): entry is StoredCatalogEntry => entry !== undefined,
  );
  const previous = found.sort((a, b) => a.firstSeenAt - b.firstSeenAt)[0];
  let entry: StoredCatalogEntry;
  if (!previous) {
    entry = { ...fields, id, sources: [source], firstSeenAt: now, lastSeenAt: now, identity: union(keys, [id]) };
  } else {
    const visited = source.kind === 'visited';
    const target: Record<string, unknown> = { ...previous };
    for (const [field, value] of Object.entries(fields)) {
      // A visited page's own record is better than what a listing says about it.
      if (!isEmpty(value) && (visited || isEmpty(target[field]))) target[field] = value;
    }
    entry = target as unknown as StoredCatalogEntry;
    const sources = found.flatMap((e) => e.sources);
    entry.sources = [source, ...sources.filter((s) => !sameSource(s, source))].slice(0, MAX_SOURCES_PER_ENTRY);
    entry.identity = union(...found.map((e) => e.identity), keys);
    entry.firstSeenAt = Math.min(...found.map((e) => e.firstSeenAt));
    entry.lastSeenAt = now;
    for (const other of found) if (other.id !== entry.id) void store.delete(other.id);
  }
  void store.put(entry);
  return entry;
}

/**
 * How much a catalog entry is worth keeping, for eviction: an entry the reader touched (looked at
 * in the popup, opened from a suggestion) outranks any other; then one that more pages listed,
 * then one the reader visited; ties go by when it was last seen. A page that floods the catalog
 * makes entries worth the least, so it cannot push out what the reader's own reading built.
 */
export function catalogUsefulness(entry: Pick<CatalogEntry, 'sources' | 'lastSeenAt' | 'touchedAt'>): number[] {
  const sources = Array.isArray(entry.sources) ? entry.sources : [];
  return [
    entry.touchedAt ? 1 : 0,
    Math.min(sources.length, MAX_SOURCES_PER_ENTRY),
    sources.some((s) => s.kind === 'visited') ? 1 : 0,
    entry.lastSeenAt,
  ];
}

function compareUsefulness(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Keeps the catalog within CATALOG_CAP entries, dropping the least useful first. */
async function pruneCatalog(
  tx: Tx<'readwrite', ['publications', 'catalog', 'themes']>,
  cap: number = CATALOG_CAP,
): Promise<void> {
  const store = tx.objectStore('catalog');
  const count = await store.count();
  if (count <= cap) return;
  const keep = Math.min(cap, Math.max(0, Math.floor(cap * CATALOG_PRUNE_TO)));
  const ranked: Array<{ id: string; usefulness: number[] }> = [];
  let cursor = await store.openCursor();
  while (cursor) {
    ranked.push({ id: cursor.value.id, usefulness: catalogUsefulness(cursor.value) });
    cursor = await cursor.continue();
  }
  ranked.sort((a, b) => compareUsefulness(a.usefulness, b.usefulness));
  for (const { id } of ranked.slice(0, ranked.length - keep)) void store.delete(id);
}

/** The reader looked at this publication (popup on its page): its catalog entry is kept longest. */
export async function touchCatalogEntry(db: LeesmapDatabase, url: string, now: number = Date.now()): Promise<boolean> {
  return guarded(async () => {
    const tx = db.transaction('catalog', 'readwrite');
    const ids = await findCatalogIds(tx, identityKeys({ url }));
    const entry = ids.length ? await tx.store.get(ids[0]) : undefined;
    if (entry) void tx.store.put({ ...entry, touchedAt: now });
    await tx.done;
    return entry !== undefined;
  });
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
    const page: Publication = { title: '', authors: [], themes: [], keywords: [], related: [], ...p };
    const link = await linkStored(tx, page);
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

/**
 * The reader says these records are one publication: the oldest keeps its id and address and gets
 * everything the reader added to the others (see mergeDuplicates); the others are removed.
 */
export async function mergePublications(db: LeesmapDatabase, ids: string[], now: number = Date.now()): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const found = (await Promise.all(union(ids).map((id) => store.get(id)))).filter(
      (record): record is StoredPublication => record !== undefined,
    );
    if (found.length === 0) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new StorageError('not-found', 'No such saved publications');
    }
    const merged = { ...mergeDuplicates(found), updatedAt: now };
    const tally = new ThemeTally();
    for (const record of found) {
      tally.change(record.themes, undefined);
      if (record.id !== merged.id) void store.delete(record.id);
    }
    tally.change(undefined, merged.themes);
    void store.put(merged);
    await tally.apply(tx);
    await tx.done;
    return strip(merged);
  });
}

export async function getPublication(db: LeesmapDatabase, id: string): Promise<SavedPublication | undefined> {
  return guarded(async () => {
    const stored = await db.get('publications', id);
    return stored ? strip(stored) : undefined;
  });
}

export type PublicationChanges = Partial<Pick<SavedPublication, EditableField | 'status' | 'notes' | 'tags' | 'starred'>>;

/** Applies the reader's changes; changed extracted fields become the reader's (never refreshed again). */
export async function updatePublication(
  db: LeesmapDatabase,
  id: string,
  changes: PublicationChanges,
  now: number = Date.now(),
): Promise<SavedPublication> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const record = await store.get(id);
    if (!record) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new StorageError('not-found', `No saved publication ${id}`);
    }
    const next: StoredPublication = { ...record, ...cleanReader(changes), updatedAt: now };
    const target = next as unknown as Record<string, unknown>;
    const edited = new Set(record.editedFields);
    for (const field of EDITABLE_FIELDS) {
      if (!(field in changes)) continue;
      const value = (changes as Record<string, unknown>)[field];
      if (JSON.stringify(value) === JSON.stringify(target[field])) continue;
      if (value === undefined || value === null || value === '') delete target[field];
      else target[field] = structuredClone(value);
      edited.add(field);
    }
    next.editedFields = [...edited];
    // The reader's own title, year and publisher name the record too; its stored addresses only as checked.
    next.identity = union(record.identity, pageKeys(next));
    void store.put(next);
    const tally = new ThemeTally();
    tally.change(record.themes, next.themes);
    await tally.apply(tx);
    await tx.done;
    return strip(next);
  });
}

export async function deletePublications(db: LeesmapDatabase, ids: string[]): Promise<number> {
  return guarded(async () => {
    const tx = db.transaction(['publications', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const present = await Promise.all(union(ids).map((id) => store.get(id)));
    const tally = new ThemeTally();
    let deleted = 0;
    for (const record of present) {
      if (!record) continue;
      void store.delete(record.id);
      tally.change(record.themes, undefined);
      deleted++;
    }
    await tally.apply(tx);
    await tx.done;
    return deleted;
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

/** Catalog entries, most recently seen first. */
export async function listCatalog(db: LeesmapDatabase, limit?: number): Promise<CatalogEntry[]> {
  return guarded(async () => {
    const tx = db.transaction('catalog', 'readonly');
    const out: CatalogEntry[] = [];
    let cursor = await tx.store.index('lastSeenAt').openCursor(null, 'prev');
    while (cursor && (limit === undefined || out.length < limit)) {
      out.push(strip(cursor.value));
      cursor = await cursor.continue();
    }
    await tx.done;
    return out;
  });
}

/** The catalog entry for a URL (any variant), if Leesmap has seen it. */
export async function findCatalogEntry(db: LeesmapDatabase, url: string): Promise<CatalogEntry | undefined> {
  return guarded(async () => {
    const keys = identityKeys({ url });
    const tx = db.transaction('catalog', 'readonly');
    const ids = await findCatalogIds(tx, keys);
    const entry = ids.length ? await tx.store.get(ids[0]) : undefined;
    await tx.done;
    return entry ? strip(entry) : undefined;
  });
}

export async function dismissSuggestion(db: LeesmapDatabase, catalogId: string, now: number = Date.now()): Promise<void> {
  return guarded(async () => {
    await db.put('dismissed', { id: catalogId, dismissedAt: now });
  });
}

export async function listDismissed(db: LeesmapDatabase): Promise<string[]> {
  return guarded(() => db.getAllKeys('dismissed'));
}

/**
 * Imports records in one transaction: all or nothing. 'replace' empties the list first; 'merge'
 * folds each record into an existing one found by any identity key (the more recently updated
 * side wins for fields; tags, edited fields and identity are united).
 */
export async function importPublications(
  db: LeesmapDatabase,
  records: SavedPublication[],
  mode: 'merge' | 'replace',
): Promise<{ added: number; updated: number }> {
  let valid: SavedPublication[];
  try {
    valid = validateRecords(records);
  } catch (error) {
    if (error instanceof ImportError) throw new StorageError('invalid', error.message, { cause: error });
    throw error;
  }
  return guarded(async () => {
    const tx = db.transaction(['publications', 'catalog', 'themes'], 'readwrite');
    const store = tx.objectStore('publications');
    const tally = new ThemeTally();
    if (mode === 'replace') {
      void store.clear();
      void tx.objectStore('themes').clear();
    }
    let added = 0;
    let updated = 0;
    // Records written in this transaction by any of their keys: catches duplicates inside the
    // file without a database lookup per key (after 'replace' the store is known to be empty).
    const pending = new Map<string, StoredPublication>();
    for (const record of valid) {
      const keys = union(pageKeys(record), [record.id]);
      const matches = new Map<string, StoredPublication>();
      if (mode === 'merge') for (const found of await findStored(tx, keys)) matches.set(found.id, found);
      for (const key of keys) {
        const earlier = pending.get(key);
        if (earlier) matches.set(earlier.id, earlier);
      }
      const existing = [...matches.values()];
      let next: StoredPublication;
      if (existing.length === 0) {
        next = { ...record, identity: keys };
        added++;
      } else {
        // One record in the list is updated, never several folded: a shared DOI or title alone does
        // not make two saved records one (the reader merges those). It keeps its id (open tabs and
        // pages refer to it); the record with the same id, else the one saved under this address, else the oldest.
        const target = pickImportTarget(existing, record);
        const merged = foldReaderFields(target, [{ ...record, identity: keys }]);
        const newest = [target, record].sort((a, b) => b.updatedAt - a.updatedAt)[0];
        next = {
          ...merged,
          ...pickExtracted(newest),
          status: newest.status,
          id: target.id,
          savedAt: Math.min(target.savedAt, record.savedAt),
        };
        tally.change(target.themes, undefined);
        updated++;
      }
      tally.change(undefined, next.themes);
      void store.put(next);
      for (const key of next.identity) pending.set(key, next);
    }
    // Imported publications leave the catalog, as saved ones do.
    const catalog = tx.objectStore('catalog');
    for (const entry of await catalog.getAll()) {
      if (entry.identity.some((key) => pending.has(key))) void catalog.delete(entry.id);
    }
    await tally.apply(tx);
    await tx.done;
    return { added, updated };
  });
}

function pickImportTarget(existing: StoredPublication[], record: SavedPublication): StoredPublication {
  const address = identityKeys({ url: record.url })[0];
  const byAge = [...existing].sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
  return (
    byAge.find((r) => r.id === record.id) ?? byAge.find((r) => address !== undefined && r.identity.includes(address)) ?? byAge[0]
  );
}

function pickExtracted(record: SavedPublication): Partial<SavedPublication> {
  // The address stays the one already in the list; the imported one joins its identity keys.
  const out: Record<string, unknown> = {};
  for (const field of EXTRACTED_FIELDS) if (record[field] !== undefined) out[field] = record[field];
  return out as Partial<SavedPublication>;
}

/**
 * Asks the browser to keep Leesmap's storage under pressure (no eviction). Callable from the
 * background or any extension page; resolves to what the browser answered.
 */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
): Promise<'granted' | 'denied' | 'unsupported'> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

