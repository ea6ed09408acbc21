/**
 * Finder: every <meta> tag once, indexed by lower-case name/property/itemprop, values in page
 * order. Highwire (citation_*), Dublin Core (dc.*, dcterms.*), PRISM, Open Graph, Twitter and
 * plain name= tags all end up in the same table.
 */
import { cleanText } from './text';

const MAX_META_TAGS = 1_000;

export type MetaIndex = Map<string, string[]>;

export function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  const tags = doc.querySelectorAll('meta');
  const count = Math.min(tags.length, MAX_META_TAGS);
  for (let i = 0; i < count; i++) {
    const tag = tags[i];
    const content = cleanText(tag.getAttribute('content') ?? '');
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = tag.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      // "DC.Creator", "dc:creator" and "dcterms.creator" differ only in spelling.
      const normalized = key.replace(/^(dc|dcterms|prism|citation)[:.]/, '$1.');
      let values = index.get(normalized);
      if (!values) index.set(normalized, (values = []));
      values.push(content);
    }
  }
  return index;
}

/** First value among the given keys, in the order the keys are given. */
export function firstMeta(index: MetaIndex, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const values = index.get(key);
    if (values?.length) return values[0];
  }
  return undefined;
}

/** All values of the first key that has any. */
export function allMeta(index: MetaIndex, ...keys: string[]): string[] {
  for (const key of keys) {
    const values = index.get(key);
    if (values?.length) return values;
  }
  return [];
}
