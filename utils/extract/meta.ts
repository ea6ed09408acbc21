/**
 * Finder: every <meta> tag once, indexed by lower-case name/property/itemprop, values in page
 * order. Highwire (citation_*), Dublin Core (dc.*, dcterms.*), PRISM, Open Graph, Twitter and
 * plain name= tags all end up in the same table.
 */
import { cleanText } from './text';

const MAX_META_TAGS = 1_000;

export type MetaIndex = Map<string, string[]>;

/**
 * When both `property="dc:title"` and `name="DC.title"` are there, the property (RDFa) values win
 * and the name values are ignored for that key, as Readability does; a key may list several
 * properties separated by spaces (`property="dc:title og:title"`).
 */
export function indexMeta(tags: ArrayLike<Element>): MetaIndex {
  const index: MetaIndex = new Map();
  const count = Math.min(tags.length, MAX_META_TAGS);
  for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
    const claimed = new Set(index.keys());
    for (let i = 0; i < count; i++) {
      const tag = tags[i];
      const names = tag.getAttribute(attr);
      if (!names) continue;
      const content = cleanText(tag.getAttribute('content') ?? '');
      if (!content) continue;
      for (const name of names.trim().toLowerCase().split(/\s+/).slice(0, 5)) {
        // "DC.Creator", "dc:creator" and "dcterms.creator" differ only in spelling.
        const key = name.replace(/^(dc|dcterms|prism|citation)[:.]/, '$1.');
        if (!key || claimed.has(key)) continue;
        let values = index.get(key);
        if (!values) index.set(key, (values = []));
        values.push(content);
      }
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
