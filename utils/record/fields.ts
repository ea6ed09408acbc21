/**
 * The record's fields, written once: which fields a record has (in the order of `shapes.ts`), which
 * the reader may edit, which a visit or an import may refresh, the reader's defaults, and the two
 * factories every part uses to build a record instead of writing a literal by hand.
 */
import type { CatalogEntry, EditableField, Publication, ReaderFields, SavedPublication } from './shapes';

/** Fields of `Publication` a reader may edit; an edited field is never overwritten by a re-visit. */
export const EDITABLE_FIELDS: readonly EditableField[] = [
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
];

/** What a page gives that the reader does not edit by hand. */
const PAGE_ONLY_FIELDS = ['canonicalUrl', 'doi', 'isbn', 'pdfUrl', 'related'] as const;

export type ExtractedField = EditableField | (typeof PAGE_ONLY_FIELDS)[number];

/** Extracted fields a re-visit or an import may refresh (unless the reader edited them). */
export const EXTRACTED_FIELDS: readonly ExtractedField[] = [...EDITABLE_FIELDS, ...PAGE_ONLY_FIELDS];

/** Every field of a publication, in the order of `shapes.ts`. */
export const PUBLICATION_FIELDS = [
  'url',
  'canonicalUrl',
  ...EDITABLE_FIELDS,
  'doi',
  'isbn',
  'pdfUrl',
  'related',
] as const satisfies readonly (keyof Publication)[];

/** The publication's optional fields of plain text (not addresses): absent when a source has none. */
export const TEXT_FIELDS = [
  'subtitle',
  'published',
  'publisher',
  'type',
  'summary',
  'language',
  'doi',
  'isbn',
] as const satisfies readonly (keyof Publication)[];
export type TextField = (typeof TEXT_FIELDS)[number];

/** The reader's own fields: never changed by a page, by an import only when its file carries them. */
export const READER_FIELDS = ['status', 'notes', 'tags', 'starred', 'editedFields'] as const;

/** Every field of a saved record, in the order of `shapes.ts`. */
export const RECORD_FIELDS = [
  ...PUBLICATION_FIELDS,
  ...READER_FIELDS,
  'id',
  'savedAt',
  'updatedAt',
  'lastVisitedAt',
  'addedBy',
] as const satisfies readonly (keyof SavedPublication)[];

/** The reader's fields of a record they have not touched yet. */
export function defaultReaderFields(): ReaderFields {
  return { status: 'to-read', notes: '', tags: [], starred: false, editedFields: [] };
}

/** `fields` over `base`, without the keys whose value is undefined: an absent field is omitted. */
function defined<T extends object>(base: T, fields: object): T {
  // Built by assignment, never by `delete`: a deleted key slows every later use of the object.
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** A publication from what is known of it: lists default to empty, absent fields stay absent. */
export function newPublication(
  fields: Pick<Publication, 'url' | 'title'> & Partial<Publication>,
): Publication {
  return defined(
    { url: fields.url, title: fields.title, authors: [], themes: [], keywords: [], related: [] },
    fields,
  );
}

/**
 * A saved record: the publication's fields, the reader's defaults under whatever reader fields are
 * given, and `updatedAt` = `savedAt` unless given.
 */
export function newSavedPublication(
  fields: Pick<SavedPublication, 'id' | 'url' | 'title' | 'savedAt'> & Partial<SavedPublication>,
): SavedPublication {
  const base = { ...newPublication(fields), ...defaultReaderFields(), updatedAt: fields.savedAt };
  return defined(base as SavedPublication, fields);
}

/**
 * What the catalog knows of an unsaved publication, as a publication to save at `url`: its
 * bibliographic fields, nothing the catalog keeps for itself (sources, times).
 */
export function publicationFromCatalog(entry: CatalogEntry, url: string): Publication {
  return newPublication({
    url,
    title: entry.title,
    subtitle: entry.subtitle || undefined,
    authors: [...entry.authors],
    themes: [...entry.themes],
    keywords: [...entry.keywords],
    summary: entry.summary || undefined,
    publisher: entry.publisher || undefined,
    year: entry.year || undefined,
    language: entry.language || undefined,
  });
}
