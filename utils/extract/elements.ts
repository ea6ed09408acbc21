/**
 * One pass over the page's elements, bucketed by what the finders need, in document order.
 * Some DOMs (linkedom) match every selector of a list against every element, so one `*` query
 * and a tag switch costs less than a dozen selector queries. Bounded: a hostile page's elements
 * past MAX_ELEMENTS are not looked at.
 */

export const MAX_ELEMENTS = 150_000;

const LABEL_TAGS = new Set([
  'dt',
  'th',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'label',
  'p',
  'li',
  'span',
  'div',
]);
const SECTION_HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'strong']);
const KEPT_TAGS = new Set(['meta', 'script', 'h1', 'p', 'a', 'time', 'link']);
/**
 * Headings in markup that is not a heading (<div class="block__title">Lees ook</div>): p, div or
 * span holding one short text and nothing else. Tested by structure, not class: reading a class
 * costs more in some DOMs than walking to the first child.
 */
const STYLED_HEADING_TAGS = new Set(['p', 'div', 'span']);
const MAX_STYLED_HEADING = 80;
/** Regions named for screen readers: <section aria-label="Gerelateerde publicaties">. */
const REGION_TAGS = new Set(['section', 'aside', 'div']);

export interface ElementIndex {
  /** Every element looked at, in document order. */
  all: Element[];
  /** Their tag names, lower case, position by position. */
  tags: string[];
  /** Whether `all` is the whole page (not the body alone, not cut at MAX_ELEMENTS). */
  whole: boolean;
  /** meta, script, h1, p, a, time, link — each in document order. */
  byTag: Map<string, Element[]>;
  /** Elements that may be a label or a "Label: value" line (labels.ts). */
  labelCandidates: Element[];
  /**
   * h2–h6, strong, p/div/span holding only a short text, and regions with an aria-label: possible
   * headings of a related-publications block (the region is its own block).
   */
  sectionHeadings: Element[];
  /** h1 and p elements in document order (for "the first paragraph after the heading"). */
  headingsAndParagraphs: Element[];
}

/** `skipHead`: index only the body (the head still describes another page, see ExtractOptions). */
export function indexElements(doc: Document, skipHead = false): ElementIndex {
  const index: ElementIndex = {
    all: [],
    tags: [],
    whole: false,
    byTag: new Map(),
    labelCandidates: [],
    sectionHeadings: [],
    headingsAndParagraphs: [],
  };
  for (const tag of KEPT_TAGS) index.byTag.set(tag, []);
  const all = (skipHead && doc.body ? doc.body : doc).querySelectorAll('*');
  const count = Math.min(all.length, MAX_ELEMENTS);
  index.whole = !(skipHead && doc.body) && count === all.length;
  for (let i = 0; i < count; i++) {
    const el = all[i];
    // What tagName.toLowerCase() gives, without the upper-case copy some DOMs (linkedom) make for
    // tagName. Only a form's members can be shadowed (<input name="localName">): that is a form.
    const name: unknown = el.localName;
    const tag = typeof name === 'string' ? name.toLowerCase() : 'form';
    index.all.push(el);
    index.tags.push(tag);
    if (LABEL_TAGS.has(tag)) index.labelCandidates.push(el);
    if (SECTION_HEADING_TAGS.has(tag)) index.sectionHeadings.push(el);
    else if (STYLED_HEADING_TAGS.has(tag) && isShortTextLeaf(el)) index.sectionHeadings.push(el);
    else if (REGION_TAGS.has(tag) && el.hasAttribute('aria-label')) index.sectionHeadings.push(el);
    if (KEPT_TAGS.has(tag)) index.byTag.get(tag)!.push(el);
    if (tag === 'h1' || tag === 'p') index.headingsAndParagraphs.push(el);
  }
  return index;
}

function isShortTextLeaf(el: Element): boolean {
  const first = el.firstChild;
  return Boolean(
    first &&
    first.nodeType === 3 &&
    !first.nextSibling &&
    (first.nodeValue ?? '').length <= MAX_STYLED_HEADING,
  );
}

export function elementsByTag(index: ElementIndex, tag: string): Element[] {
  return index.byTag.get(tag) ?? [];
}

/**
 * Whether `el` has more than `n` child elements: `children.length > n` without the list that some
 * DOMs (linkedom) build of all of them for each ask. Counted no further than n + 1.
 */
export function moreChildrenThan(el: Element, n: number): boolean {
  let count = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (++count > n) return true;
  return false;
}
