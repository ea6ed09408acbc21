/**
 * The rules for records, as pure functions over plain data: a new record, what a visit or an
 * import may change in a saved one (`mergeBibliographic`), how records the reader says are one are
 * folded, and the theme counts a write changes. The database functions apply them inside their
 * transactions; tests call them directly.
 */
import {
  defaultReaderFields,
  EDITABLE_FIELDS,
  EXTRACTED_FIELDS,
  READING_STATUSES,
  type EditableField,
  type ExtractedField,
  type Publication,
  type ReaderFields,
  type ReadingStatus,
  type SavedPublication,
} from '@/utils/record';
import { foldKey, identityKeys, publicationId } from '../identity';
import type { StoredPublication, ThemeCount } from './open';

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

export function strip<T extends { identity: string[] }>(stored: T): Omit<T, 'identity'> {
  const { identity: _identity, ...record } = stored;
  return record;
}

export function union<T>(...lists: (readonly T[] | undefined)[]): T[] {
  const out: T[] = [];
  for (const list of lists) for (const item of list ?? []) if (!out.includes(item)) out.push(item);
  return out;
}

export function cleanReader(reader: Partial<ReaderFields> | undefined): Partial<ReaderFields> {
  const out: Partial<ReaderFields> = {};
  if (!reader) return out;
  if (reader.status && READING_STATUSES.includes(reader.status)) out.status = reader.status;
  if (typeof reader.notes === 'string') out.notes = reader.notes;
  if (Array.isArray(reader.tags))
    out.tags = union(reader.tags.filter((t) => typeof t === 'string' && t.trim()));
  if (typeof reader.starred === 'boolean') out.starred = reader.starred;
  if (Array.isArray(reader.editedFields)) {
    out.editedFields = union(reader.editedFields.filter((f) => EDITABLE_FIELDS.includes(f)));
  }
  return out;
}

/** A new record for publication `p`, known by `keys` (its page keys, computed once by the caller). */
export function newRecord(
  p: Publication,
  reader: Partial<ReaderFields> | undefined,
  now: number,
  keys: string[],
): StoredPublication {
  const record: StoredPublication = {
    ...structuredClone(p),
    ...defaultReaderFields(),
    ...cleanReader(reader),
    id: keys[0] ?? publicationId(p),
    savedAt: now,
    updatedAt: now,
    identity: [...keys],
  };
  if (!record.identity.includes(record.id)) record.identity.unshift(record.id);
  return record;
}

/**
 * The merge rule for bibliographic fields, the one place it is written (re-visits and imports both
 * use it). An incoming record fills and updates the saved one's fields, but:
 * - a field the incoming record does not carry is never blanked;
 * - a field the reader edited is never changed (`editedFields`);
 * - a richer value is never replaced by a poorer one: a title with its subtitle apart is not
 *   replaced by the two joined ("Titel: Ondertitel"), a date to the day not by its year or month,
 *   a text not by its own cut-off start, a list not by a part of it, a specific type not by 'other'.
 * The reader's own fields (status, notes, tags, starred) are not touched here.
 */
export function mergeBibliographic<T extends SavedPublication>(record: T, incoming: Partial<Publication>): T {
  const next = { ...record };
  const target = next as unknown as Record<string, unknown>;
  const edited = new Set<string>(record.editedFields);
  for (const field of EXTRACTED_FIELDS) {
    if (edited.has(field)) continue;
    const value = incoming[field];
    // The same value again (most fields of a re-visit or a re-import) changes nothing.
    if (isEmpty(value) || sameValue(value, record[field]) || poorer(field, value, record, incoming)) continue;
    target[field] = copyOf(value);
  }
  return next;
}

/** Equal as stored: the same text or number, or lists of the same texts in the same order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && (typeof a[i] !== 'object' || JSON.stringify(a[i]) !== JSON.stringify(b[i])))
      return false;
  }
  return true;
}

/** A copy the incoming record cannot change afterwards: texts and numbers as they are. */
function copyOf<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  return Array.isArray(value) && value.every((item) => typeof item !== 'object')
    ? ([...value] as T)
    : structuredClone(value);
}

const fold = (value: unknown) => foldKey(typeof value === 'string' ? value : JSON.stringify(value ?? ''));

/** Whether `value` (incoming `field`) says less than what `record` already has. */
function poorer(
  field: ExtractedField,
  value: unknown,
  record: Partial<Publication>,
  incoming: Partial<Publication>,
): boolean {
  const current = record[field];
  if (isEmpty(current)) return false;
  switch (field) {
    case 'title':
      // "Titel: Ondertitel" from a format without a subtitle field, for a record that keeps them apart.
      return (
        !incoming.subtitle && !!record.subtitle && fold(value) === fold(`${record.title} ${record.subtitle}`)
      );
    case 'published':
      return (
        typeof current === 'string' &&
        typeof value === 'string' &&
        current.length > value.length &&
        current.startsWith(value)
      );
    case 'year':
      return false;
    case 'type':
      return value === 'other';
    case 'language':
      return (
        typeof current === 'string' &&
        typeof value === 'string' &&
        current.toLowerCase().startsWith(`${value.toLowerCase()}-`)
      );
    case 'authors':
    case 'themes':
    case 'keywords':
    case 'related': {
      const have = new Set(
        (current as unknown[]).map((item) =>
          fold(typeof item === 'object' && item ? (item as { title?: string }).title : item),
        ),
      );
      const items = (value as unknown[]).map((item) =>
        fold(typeof item === 'object' && item ? (item as { title?: string }).title : item),
      );
      return items.length < have.size && items.every((item) => have.has(item));
    }
    default: {
      if (typeof current !== 'string' || typeof value !== 'string') return false;
      const a = fold(current);
      const b = fold(value);
      return a.length > b.length && a.startsWith(b);
    }
  }
}

/**
 * Refreshes the extracted fields of a saved record from a newer extraction, under the merge rule
 * (`mergeBibliographic`), and adds the identity keys the page may give it (`keys`).
 */
export function refreshExtracted(
  record: StoredPublication,
  p: Publication,
  keys: string[],
): StoredPublication {
  const next = mergeBibliographic(record, p);
  next.identity = union(record.identity, keys);
  return next;
}

const STATUS_RANK: Record<ReadingStatus, number> = { 'to-read': 0, reading: 1, read: 2 };

/**
 * Folds records the reader said are one publication into the oldest one, losing nothing the reader
 * added: tags and edited fields united, notes joined, starred if either was, the furthest reading
 * status. Only on the reader's word (`mergePublications`): a page never merges records.
 */
export function mergeDuplicates(records: StoredPublication[]): StoredPublication {
  const [keep, ...rest] = [...records].sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
  return foldReaderFields(keep, rest);
}

/** `keep` with the reader's fields of `others` folded in (see mergeDuplicates). */
export function foldReaderFields(keep: StoredPublication, others: StoredPublication[]): StoredPublication {
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
export class ThemeTally {
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

/** Takes the reader's values of `edited` from `publication` and marks those fields as theirs. */
export function markEdited(
  record: StoredPublication,
  publication: Publication,
  edited: readonly EditableField[],
): void {
  const target = record as unknown as Record<string, unknown>;
  const fields = edited.filter((field) => EDITABLE_FIELDS.includes(field));
  for (const field of fields) {
    const value = publication[field];
    if (isEmpty(value)) delete target[field];
    else target[field] = structuredClone(value);
  }
  record.editedFields = union(record.editedFields, fields);
}

export function pickImportTarget(existing: StoredPublication[], record: SavedPublication): StoredPublication {
  const address = identityKeys({ url: record.url })[0];
  const byAge = [...existing].sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
  return (
    byAge.find((r) => r.id === record.id) ??
    byAge.find((r) => address !== undefined && r.identity.includes(address)) ??
    byAge[0]
  );
}

/** How an import treats the reader's fields (see `mergeImported`). */
export interface ImportOptions {
  /**
   * The file carries the reader's own fields (status, notes, tags, starred): a Leesmap backup does.
   * Without them an import never changes those fields of a record already in the list.
   */
  readerFields: boolean;
}

/**
 * What one incoming record makes of the record already in the list. Bibliographic fields follow
 * the merge rule; the reader's fields change only when the file carries them, and then the more
 * recently updated side's status wins, tags are united and different notes kept both.
 */
export function mergeImported(
  target: StoredPublication,
  record: SavedPublication,
  keys: string[],
  options: ImportOptions,
): StoredPublication {
  const fromFile = { ...record, identity: keys };
  // A backup's record older than the list's own does not undo what the reader did since.
  const fileIsNewer = !options.readerFields || record.updatedAt >= target.updatedAt;
  const merged = fileIsNewer ? mergeBibliographic(target, fromFile) : { ...target };
  let next: StoredPublication = { ...merged, identity: union(target.identity, keys) };
  if (options.readerFields) {
    next = foldReaderFields(next, [fromFile]);
    // Status is one choice, not a union: the more recently updated side's.
    next.status = fileIsNewer ? record.status : target.status;
  }
  next.id = target.id;
  next.url = target.url;
  next.savedAt = Math.min(target.savedAt, record.savedAt);
  next.updatedAt = Math.max(target.updatedAt, options.readerFields ? record.updatedAt : 0);
  return next;
}

/** One record to write: as it will be stored, and as it was (none: it is new). */
export interface MergedWrite {
  next: StoredPublication;
  previous?: StoredPublication;
}

/**
 * The one way a merged record reaches the list (a save, a visit, an import): the record is put and
 * its themes counted in the transaction's tally. Nothing is awaited: the caller's transaction
 * commits it with everything else, or nothing.
 */
export function writeMerged(
  store: { put(value: StoredPublication): unknown },
  tally: ThemeTally,
  { next, previous }: MergedWrite,
): void {
  tally.change(previous?.themes, next.themes);
  void store.put(next);
}
