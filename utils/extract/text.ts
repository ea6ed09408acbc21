/**
 * Plain-text helpers shared by every field: bounded text of an element, whitespace collapsed,
 * and folding for comparisons. Page text is untrusted and may be huge, so every read is capped.
 */
import { foldWords } from '@/utils/detect/words';

/** No field value is longer than this; summaries are cut further (see summary.ts). */
export const MAX_FIELD_LENGTH = 2_000;

/** Whitespace other than one space between words, or a zero-width character. */
const UNCLEAN = /[^\S ]| {2}|^ | $|[\u200b-\u200d\ufeff]/;

/** Collapse whitespace (incl. non-breaking and zero-width), trim, cap. */
export function cleanText(value: unknown, max = MAX_FIELD_LENGTH): string {
  if (typeof value !== 'string') return '';
  // Already clean (no space but single ones between words, none of the zero-width ones): only the cap.
  if (value.length <= max * 4 && !UNCLEAN.test(value)) return value.slice(0, max).trim();
  return value
    .slice(0, max * 4)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** Nodes one text read visits at most: past them, an element's text is read in part. */
export const MAX_TEXT_NODES = 10_000;

/**
 * The start of an element's text as textContent gives it (text and CDATA nodes in document order),
 * reading no further than `maxChars` characters or `maxNodes` nodes: textContent copies the whole
 * subtree, so reading it for each of many elements that share a large subtree (nested wrappers,
 * thousands of labels under one parent) costs the square of the page. `complete` is false when a
 * budget ran out before the end of the element.
 */
export function readText(
  el: Node,
  maxChars: number,
  maxNodes = MAX_TEXT_NODES,
): { text: string; complete: boolean } {
  let text = '';
  let visited = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (text.length > maxChars || ++visited > maxNodes) return { text, complete: false };
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
    const child = node.nodeType === 1 ? node.firstChild : null;
    if (child) {
      node = child;
      continue;
    }
    // Counted too: a form's control may shadow its parentNode (<input name="parentNode">), a cycle.
    while (node && node !== el && !node.nextSibling && ++visited <= maxNodes) node = node.parentNode;
    if (visited > maxNodes) return { text, complete: false };
    node = node && node !== el ? node.nextSibling : null;
  }
  return { text, complete: true };
}

/** The whole text of a small element, or undefined when it holds more than `maxChars` characters or `maxNodes` nodes. */
export function shortText(el: Node, maxChars: number, maxNodes = 200): string | undefined {
  const { text, complete } = readText(el, maxChars, maxNodes);
  return complete && text.length <= maxChars ? text : undefined;
}

/** Text of an element, read only up to `max` characters (of its first MAX_TEXT_NODES nodes). */
export function textOf(el: Element | null | undefined, max = MAX_FIELD_LENGTH): string {
  if (!el) return '';
  return cleanText(readText(el, max * 4).text, max);
}

/** NFKD, accents dropped, lower case, runs of non-letters/digits as one space (the first 10,000 characters). */
export function fold(value: string): string {
  return foldWords(value.slice(0, 10_000));
}

/** A name or title folded and without spaces, for comparing "Jean-Luc Picard" with "JeanLuc Picard". */
export const squash = (value: string): string => fold(value).replace(/ /g, '');

/**
 * Whether the text holds a digit 0-9 (what `\d` matches, with or without the `u` flag). Asked
 * before a pattern that needs one: a page's browser compiles a pattern the first time it runs in a
 * renderer process, and most names and headings hold no digit.
 */
export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Elements whose text no reader sees as the page's. */
const UNREAD = /^(?:head|script|style|noscript|template)$/i;
/** Nodes walkReadableText looks at, and steps back up it takes, at most. */
const MAX_READABLE_NODES = 200_000;

/**
 * The text a reader can see: every text node outside the head, scripts (JSON-LD names the author
 * too) and styles, up to `max` characters, leaving out the elements `skip` names. Walked by
 * sibling, not recursion (deep pages), with node budgets (a form's controls may shadow its
 * members: a cycle), and from the root, not <body> (a stray tag can leave a parsed body empty).
 */
export function walkReadableText(root: Element | null, max: number, skip?: (el: Element) => boolean): string {
  let out = '';
  let node: Node | null = root;
  let climbs = 0;
  for (let visited = 0; node && out.length < max && visited < MAX_READABLE_NODES; visited++) {
    let next: Node | null = null;
    if (node.nodeType === 3) out += `${node.nodeValue ?? ''} `;
    else if (node.nodeType === 1 && !UNREAD.test((node as Element).localName) && !skip?.(node as Element))
      next = node.firstChild;
    // On a tree, no more steps up than elements entered; past that, a cycle.
    while (!next && node && node !== root) {
      next = node.nextSibling;
      if (!next) node = ++climbs <= MAX_READABLE_NODES ? node.parentNode : null;
    }
    node = next;
  }
  return out.slice(0, max);
}
