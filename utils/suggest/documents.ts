/**
 * What the engine keeps of one saved record or catalog entry: its bounded labels and its term
 * vector. Everything read here comes from web pages, so every field is type-checked and cut to
 * length before it is indexed.
 */
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import { foldKey, normaliseUrl } from '@/utils/identity';
import { keyLabels, type KeyedLabels } from './profile';
import type { NormedVector, Vocabulary } from './vocabulary';

/** Bounds on untrusted text: what is indexed per record. */
export const MAX_FIELD_CHARS = { title: 500, subtitle: 500, summary: 3_000, label: 200 } as const;
const MAX_LIST_ITEMS = 50;

/** A saved page that listed a catalog entry as related. */
export interface Lister {
  id: string;
  title: string;
  url: string;
  urlKey: string;
}

export interface IndexedDoc extends NormedVector {
  id: string;
  /** A number unique to this version of the record, for array-backed sums. */
  slot: number;
  themes: string[];
  themeKeys: string[];
  keywords: string[];
  authors: string[];
  publisher?: string;
  labels: KeyedLabels;
  // Saved- and catalog-only fields live on every doc, so all docs share one object shape and
  // the hot loops (inference, similarity) stay monomorphic.
  record?: SavedPublication;
  urlKeys: string[];
  entry?: CatalogEntry;
  urlKey?: string;
  /** Pages that listed it as related, by lister id. */
  listers: Lister[];
}

export interface SavedDoc extends IndexedDoc {
  record: SavedPublication;
}

export interface CatalogDoc extends IndexedDoc {
  entry: CatalogEntry;
}

/** The fields a saved record and a catalog entry share. */
type DocFields = Pick<
  SavedPublication,
  'title' | 'subtitle' | 'summary' | 'keywords' | 'themes' | 'authors' | 'publisher' | 'language'
>;

/** The address without scheme, as saved records and listers are matched on. */
export function urlKeyOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const normalised = normaliseUrl(url);
  return normalised ? normalised.replace(/^https?:\/\//, '') : undefined;
}

/** A title folded for matching (diacritics, case, punctuation); '' for none. */
export function titleKeyOf(title: unknown): string {
  return typeof title === 'string' ? foldKey(title.slice(0, MAX_FIELD_CHARS.title)) : '';
}

function bounded(list: readonly string[] | undefined, maxChars: number): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is string => typeof item === 'string' && item.trim().length > 0)
    .slice(0, MAX_LIST_ITEMS)
    .map((item) => item.slice(0, maxChars));
}

/** A string cut to length; anything else is ''. */
export function boundedText(value: unknown, maxChars: number): string {
  return typeof value === 'string' ? value.slice(0, maxChars) : '';
}

function newDoc(
  id: string,
  slot: number,
  fields: DocFields,
  vocabulary: Vocabulary,
  knownTermsOnly = false,
): IndexedDoc {
  const themes = bounded(fields.themes, MAX_FIELD_CHARS.label);
  const keywords = bounded(fields.keywords, MAX_FIELD_CHARS.label);
  const vector = vocabulary.vectorOf(
    {
      title: boundedText(fields.title, MAX_FIELD_CHARS.title),
      subtitle: boundedText(fields.subtitle, MAX_FIELD_CHARS.subtitle),
      summary: boundedText(fields.summary, MAX_FIELD_CHARS.summary),
      keywords,
      themes,
      language: fields.language,
    },
    knownTermsOnly,
  );
  const authors = bounded(fields.authors, MAX_FIELD_CHARS.label);
  const publisher = boundedText(fields.publisher, MAX_FIELD_CHARS.label).trim() || undefined;
  const labels = keyLabels({ themes, keywords, authors, publisher });
  return {
    id,
    slot,
    ...vector,
    // Themes as the record gives them, one per key (variants of one theme count once).
    themes: labels.themes.map(([, label]) => label),
    themeKeys: labels.themes.map(([key]) => key),
    keywords,
    authors,
    publisher,
    labels,
    norm: 0,
    normVersion: -1,
    record: undefined,
    urlKeys: [],
    entry: undefined,
    urlKey: undefined,
    listers: [],
  };
}

export function savedDoc(record: SavedPublication, slot: number, vocabulary: Vocabulary): SavedDoc {
  const doc = newDoc(record.id, slot, record, vocabulary) as SavedDoc;
  doc.record = record;
  doc.urlKeys = [urlKeyOf(record.url), urlKeyOf(record.canonicalUrl)].filter((key): key is string => !!key);
  return doc;
}

/**
 * A catalog entry's document. A `transient` one (a ranking's own candidate, not in the index) gets
 * slot -1 and adds no terms to the vocabulary.
 */
export function catalogDoc(
  entry: CatalogEntry,
  slot: number,
  vocabulary: Vocabulary,
  transient = false,
): CatalogDoc {
  const doc = newDoc(entry.id, transient ? -1 : slot, entry, vocabulary, transient) as CatalogDoc;
  doc.entry = entry;
  doc.urlKey = urlKeyOf(entry.url);
  for (const source of Array.isArray(entry.sources) ? entry.sources : []) {
    if (source?.kind !== 'related' || !source.listedBy) continue;
    const { id, title, url } = source.listedBy;
    if (doc.listers.some((lister) => lister.id === id)) continue;
    doc.listers.push({
      id,
      title: boundedText(title, MAX_FIELD_CHARS.title),
      url,
      urlKey: urlKeyOf(url) ?? '',
    });
  }
  return doc;
}
