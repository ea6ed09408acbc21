/**
 * Which elements may hold a byline line, found in one walk of the page: a line holds a byline
 * word ("by", "von", "door", "Autor", …) in its text, and most elements' text holds none, so the
 * byline rules (authors-bylines.ts) need not read it.
 */
import type { ExtractionContext } from './context';

/**
 * A word every byline line holds, at a word's start: its prefix's last word or its label ("by",
 * "von", "door", "van", "par", "por", "Autor", "Verfasser", "Redaktion", "Text").
 */
const BYLINE_WORD = /\b(?:by|von|van|door|par|por|aut|verfasser|reda[ck]t|te[kx]st)/i;
/** What cleanText drops from a line before it is read. */
const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
/** Nodes the walk looks at: past that, every line is read. */
const MAX_WALKED_NODES = 200_000;
/** Members the walk steps by, which a form's control or a named image can shadow (DOM clobbering). */
const WALKED_MEMBERS = new Set([
  'documentElement',
  'firstChild',
  'nextSibling',
  'parentNode',
  'parentElement',
  'nodeType',
  'nodeValue',
]);
/** Any element named or identified as one of those: a form's control (wherever its form attribute puts it) or a named image. */
const SHADOWING = [...WALKED_MEMBERS].map((member) => `[name="${member}"], [id="${member}"]`).join(', ');

/**
 * The elements that hold a byline word in their text, found in one walk of the page: a line
 * without one is no byline, so its text need not be read. Undefined (read every line) where the
 * walk cannot be trusted: it ran out, or the page's markup shadows a member it steps by.
 */
export function bylineWordHolders(ctx: ExtractionContext): Set<Element> | undefined {
  if (!ctx.cache.has('bylineWordHolders'))
    ctx.cache.set('bylineWordHolders', shadowsWalk(ctx) ? undefined : walkForBylineWords(ctx.doc));
  return ctx.cache.get('bylineWordHolders') as Set<Element> | undefined;
}

/** Whether the page's markup may shadow a member the walk steps by (or the index misses part of it). */
function shadowsWalk(ctx: ExtractionContext): boolean {
  if (!ctx.elements.whole) return true;
  try {
    return ctx.select.first(SHADOWING) !== null;
  } catch {
    return true;
  }
}

/** Whether a text holds a byline word, alone or going on from the letters the text before it ends in. */
function holdsBylineWord(text: string, before: string): boolean {
  if (BYLINE_WORD.test(text)) return true;
  // The word may begin anywhere in those letters ("x" + "B" + "y Jan" in "<p>x<span>B</span>y Jan</p>").
  for (let at = 0; at < before.length; at++)
    if (BYLINE_WORD.test(before.slice(at) + text.slice(0, 40))) return true;
  return false;
}

/** A byline word's letters are ASCII: a word run on over nodes is a run of these. */
function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** The ASCII letters a text ends in (30 at most), with those of the texts before where it is letters only. */
function letterRun(text: string, runBefore: string): string {
  let start = text.length;
  while (start > 0 && text.length - start < 30 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return start === 0 ? (runBefore + text).slice(-30) : text.slice(start);
}

function walkForBylineWords(doc: Document): Set<Element> | undefined {
  const root = doc.documentElement;
  if (!root) return undefined;
  const holders = new Set<Element>();
  const mark = (node: Node) => {
    for (let el = node.parentElement; el && !holders.has(el); el = el.parentElement) holders.add(el);
  };
  // The text before and the run of letters the text before that ended in: as textOf reads a line
  // (text and CDATA), and as closingLabel does (every node's value, comments too).
  let previous = '';
  let previousRun = '';
  let previousValue = '';
  let previousValueRun = '';
  let node: Node | null = root;
  let steps = 0;
  while (node && steps <= MAX_WALKED_NODES) {
    steps++;
    const type: number = node.nodeType;
    if (type === 3 || type === 4 || type === 7 || type === 8) {
      // Text as the line reads it: zero-width characters dropped, a word perhaps begun before.
      const text = (node.nodeValue ?? '').replace(ZERO_WIDTH, '');
      if (text) {
        const letter = isAsciiLetter(text.charCodeAt(0));
        const valueBefore = letter ? letterRun(previousValue, previousValueRun) : '';
        let hit = false;
        if (type === 3 || type === 4) {
          const before = letter ? letterRun(previous, previousRun) : '';
          hit =
            holdsBylineWord(text, before) || (valueBefore !== before && holdsBylineWord(text, valueBefore));
          previous = text;
          previousRun = before;
        } else hit = holdsBylineWord(text, valueBefore);
        if (hit) mark(node);
        previousValue = text;
        previousValueRun = valueBefore;
      }
    }
    let next: Node | null = type === 1 ? node.firstChild : null;
    while (!next && node && node !== root && ++steps <= MAX_WALKED_NODES) {
      next = node.nextSibling;
      if (!next) node = node.parentNode;
    }
    // Only a walk that comes back up to the root has seen the whole page.
    if (!next && node !== root) return undefined;
    node = next;
  }
  return node ? undefined : holders;
}
