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
/** Elements a name shadows document members by, and a form's controls (tests/hostile/clobber.ts). */
const NAMED_TAGS = new Set(['form', 'img', 'embed', 'object', 'iframe']);
const FORM_CONTROLS = 'input, button, select, textarea, fieldset, output, object, img';

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
  const { all, tags, whole } = ctx.elements;
  if (!whole) return true;
  const shadows = (el: Element) =>
    WALKED_MEMBERS.has(el.getAttribute('name') ?? '') || WALKED_MEMBERS.has(el.getAttribute('id') ?? '');
  try {
    for (let i = 0; i < all.length; i++) {
      if (!NAMED_TAGS.has(tags[i])) continue;
      if (shadows(all[i])) return true;
      if (tags[i] === 'form' && Array.from(all[i].querySelectorAll(FORM_CONTROLS)).some(shadows)) return true;
    }
  } catch {
    // A member the check itself reads is shadowed (<input name="getAttribute">).
    return true;
  }
  return false;
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
  // The text before, as a line reads it, and the run of letters the text before that ended in.
  let previous = '';
  let previousRun = '';
  let node: Node | null = root;
  let steps = 0;
  while (node && steps <= MAX_WALKED_NODES) {
    steps++;
    const type: number = node.nodeType;
    if (type === 3 || type === 4) {
      // Text as the line reads it: zero-width characters dropped, a word perhaps begun before.
      const text = (node.nodeValue ?? '').replace(ZERO_WIDTH, '');
      if (text) {
        const before = isAsciiLetter(text.charCodeAt(0)) ? letterRun(previous, previousRun) : '';
        if (holdsBylineWord(text, before)) mark(node);
        previous = text;
        previousRun = before;
      }
    } else if (type === 8 && BYLINE_WORD.test(node.nodeValue ?? '')) mark(node); // closingLabel reads comments
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
