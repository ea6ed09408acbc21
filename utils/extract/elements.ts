/**
 * One pass over the page's elements, bucketed by what the finders need, in document order.
 * Some DOMs (linkedom) match every selector of a list against every element, so one `*` query
 * and a tag switch costs less than a dozen selector queries. Bounded: a hostile page's elements
 * past MAX_ELEMENTS are not looked at.
 */

export const MAX_ELEMENTS = 150_000;

const LABEL_TAGS = new Set(['dt', 'th', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'label', 'p', 'li', 'span', 'div']);
const SECTION_HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'strong']);
const KEPT_TAGS = new Set(['meta', 'script', 'h1', 'p', 'a', 'time', 'link']);

export interface ElementIndex {
  /** meta, script, h1, p, a, time, link — each in document order. */
  byTag: Map<string, Element[]>;
  /** Elements that may be a label or a "Label: value" line (labels.ts). */
  labelCandidates: Element[];
  /** h2–h6 and strong: possible headings of a related-publications block. */
  sectionHeadings: Element[];
  /** h1 and p elements in document order (for "the first paragraph after the heading"). */
  headingsAndParagraphs: Element[];
}

/** `skipHead`: index only the body (the head still describes another page, see ExtractOptions). */
export function indexElements(doc: Document, skipHead = false): ElementIndex {
  const index: ElementIndex = { byTag: new Map(), labelCandidates: [], sectionHeadings: [], headingsAndParagraphs: [] };
  for (const tag of KEPT_TAGS) index.byTag.set(tag, []);
  const all = (skipHead && doc.body ? doc.body : doc).querySelectorAll('*');
  const count = Math.min(all.length, MAX_ELEMENTS);
  for (let i = 0; i < count; i++) {
    const el = all[i];
    const tag = el.tagName.toLowerCase();
    if (LABEL_TAGS.has(tag)) index.labelCandidates.push(el);
    if (SECTION_HEADING_TAGS.has(tag)) index.sectionHeadings.push(el);
    if (KEPT_TAGS.has(tag)) index.byTag.get(tag)!.push(el);
    if (tag === 'h1' || tag === 'p') index.headingsAndParagraphs.push(el);
  }
  return index;
}

export function elementsByTag(index: ElementIndex, tag: string): Element[] {
  return index.byTag.get(tag) ?? [];
}
