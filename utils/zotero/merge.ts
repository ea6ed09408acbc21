/**
 * What a sync through a Zotero library compares and merges: a record's fields as they travel in a
 * Zotero item (`SyncFields`), read back from an item (`fieldsFromItem`), and a three-way merge
 * against the fields both sides last agreed on (`mergeFields`).
 *
 * Comparisons happen after the round trip through Zotero's form (`fieldsOfRecord` maps the record
 * to an item and reads it back), so what Zotero cannot hold differently never looks like a change.
 * The merge keeps every change made on one side only; when both sides changed a field, lists
 * (themes, keywords, tags) keep what either added and drop what either removed, notes keep both
 * texts, and for any other field this device's value wins. The reader's status, notes and tags are
 * never lost.
 */
import { typeFromLabel } from '@/utils/export/fields';
import type { ReadingStatus, SavedPublication } from '@/utils/record';
import { DATE_PATTERN, TEXT_FIELDS, type TextField } from '@/utils/record';
import { STATUS_TAGS, toZoteroEntry } from './items';

/** The fields a Zotero item and a Leesmap record share. */
export type SyncFields = Pick<
  SavedPublication,
  'title' | 'authors' | 'themes' | 'keywords' | 'status' | 'tags' | 'notes' | TextField
>;

const LIST_FIELDS = ['themes', 'keywords', 'tags'] as const;
const FROM_STATUS_TAG = new Map(
  Object.entries(STATUS_TAGS).map(([status, tag]) => [tag, status as ReadingStatus]),
);

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** A Zotero note (as Leesmap writes them) as plain text. */
export function noteText(html: string): string {
  return html
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

function titleParts(data: Record<string, unknown>): { title: string; subtitle?: string } {
  const full = str(data.title) ?? '';
  const short = str(data.shortTitle);
  if (short && full.startsWith(short) && full.length > short.length) {
    const rest = full.slice(short.length).replace(/^:?\s+/, '');
    if (rest) return { title: short, subtitle: rest };
  }
  return { title: full };
}

function typeOf(data: Record<string, unknown>): string | undefined {
  const label = str(data.reportType) ?? str(data.websiteType);
  if (label) return typeFromLabel(label);
  if (data.itemType === 'book') return 'book';
  if (data.itemType === 'journalArticle') return 'article';
  return data.itemType === 'report' ? 'report' : undefined;
}

function namesOf(creators: unknown): string[] {
  if (!Array.isArray(creators)) return [];
  return (creators as Array<Record<string, unknown>>)
    .map((c) => str(c.name) ?? [str(c.firstName), str(c.lastName)].filter(Boolean).join(' '))
    .filter(Boolean);
}

/**
 * A Zotero item's fields as Leesmap's. Automatic tags are themes, or keywords where `known` had
 * them as keywords; `leesmap:` tags are the status; the rest the reader's tags.
 */
export function fieldsFromItem(
  data: Record<string, unknown>,
  note: string | undefined,
  known?: Pick<SyncFields, 'keywords'>,
): SyncFields {
  const fields: SyncFields = {
    ...titleParts(data),
    authors: namesOf(data.creators),
    themes: [],
    keywords: [],
    status: 'to-read',
    tags: [],
    notes: note ? noteText(note) : '',
  };
  const keywords = new Set(known?.keywords ?? []);
  for (const entry of Array.isArray(data.tags)
    ? (data.tags as Array<{ tag?: unknown; type?: unknown }>)
    : []) {
    const tag = str(entry.tag);
    if (!tag) continue;
    const status = FROM_STATUS_TAG.get(tag);
    if (status) fields.status = status;
    else if (entry.type === 1) (keywords.has(tag) ? fields.keywords : fields.themes).push(tag);
    else fields.tags.push(tag);
  }
  const date = str(data.date);
  if (date && DATE_PATTERN.test(date)) fields.published = date;
  const optional: Array<[keyof SyncFields, string | undefined]> = [
    [
      'publisher',
      str(data.institution) ?? str(data.publisher) ?? str(data.publicationTitle) ?? str(data.websiteTitle),
    ],
    ['type', typeOf(data)],
    ['summary', str(data.abstractNote)],
    ['language', str(data.language)],
    ['doi', str(data.DOI)],
    ['isbn', str(data.ISBN)],
  ];
  for (const [key, value] of optional)
    if (value !== undefined) (fields as unknown as Record<string, string>)[key] = value;
  return fields;
}

/** A record's fields as Zotero would give them back. */
export function fieldsOfRecord(record: SavedPublication): SyncFields {
  const { item, note } = toZoteroEntry(record);
  return fieldsFromItem(item as unknown as Record<string, unknown>, note, record);
}

/** Equal field by field (absent and undefined alike). */
export function sameFields(a: SyncFields, b: SyncFields): boolean {
  const canonical = (f: SyncFields) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return canonical(a) === canonical(b);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeList(base: string[], local: string[], remote: string[]): string[] {
  const removed = new Set([
    ...base.filter((t) => !local.includes(t)),
    ...base.filter((t) => !remote.includes(t)),
  ]);
  return [...new Set([...local, ...remote])].filter((t) => !removed.has(t));
}

/** Three-way merge: `base` is what both sides last agreed on. */
export function mergeFields(base: SyncFields, local: SyncFields, remote: SyncFields): SyncFields {
  const merged = { ...local } as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(base), ...Object.keys(local), ...Object.keys(remote)]) as Set<
    keyof SyncFields
  >;
  for (const key of keys) {
    const [b, l, r] = [base[key], local[key], remote[key]];
    if (same(l, b)) merged[key] = r;
    else if (same(r, b) || same(l, r)) merged[key] = l;
    else if ((LIST_FIELDS as readonly string[]).includes(key))
      merged[key] = mergeList((b as string[]) ?? [], (l as string[]) ?? [], (r as string[]) ?? []);
    else if (key === 'notes') merged[key] = [l, r].filter(Boolean).join('\n\n');
    else merged[key] = l;
    if (merged[key] === undefined) delete merged[key];
  }
  return merged as unknown as SyncFields;
}

/** The record with the merged fields (its address, id and times stay). */
export function applyFields(record: SavedPublication, fields: SyncFields): SavedPublication {
  const next: SavedPublication = { ...record, ...fields };
  for (const key of TEXT_FIELDS) if (fields[key] === undefined) delete next[key];
  if (fields.published) next.year = Number(fields.published.slice(0, 4));
  return next;
}

/**
 * A record the reader changed while a sync ran, and what the sync merged for it meanwhile: both
 * changes, three-way against the record as the sync read it.
 */
export function reconcileRecord(
  current: SavedPublication,
  before: SavedPublication,
  merged: SavedPublication,
): SavedPublication {
  const fields = mergeFields(fieldsOfRecord(before), fieldsOfRecord(current), fieldsOfRecord(merged));
  return { ...applyFields(current, fields), updatedAt: Math.max(current.updatedAt, merged.updatedAt) + 1 };
}
