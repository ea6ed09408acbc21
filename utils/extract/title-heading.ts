/**
 * The main heading as the title rules read it: a kicker in an element of its own inside it
 * (left out of the title), and a heading that links up to the site's front page (the site's name).
 */
import type { ExtractionContext } from './context';
import { TITLE_PARTS, titleParts, words } from './site-names';
import { cleanText, fold } from './text';

/** Classes of a kicker or overline inside a heading ("overline", "dachzeile", "label", "titleheader"). */
const KICKER_CLASS =
  /kicker|overline|dachzeile|spitzmarke|topline|eyebrow|roofline|supertitle|pre-?title|pre-?headline|titleheader|label|subtitle|rubri|category/i;
const HEADLINE_CLASS = /(?:^|[\s_-])(?:headline|title)(?:$|[\s_-])/i;
const LEADING_SEPARATOR = /^[\s|\-–—:·•›»]+/;

/**
 * The heading's own title when the heading opens with a kicker in an element of its own
 * (<h1><span class="overline">Die Zukunft der Arbeit</span>"Wir dekorieren …"</h1>): the kicker
 * counts when its class says so, or when the document title, og:title or JSON-LD headline holds it
 * as a part of its own ("Kicker - Title") or is the rest alone. Undefined when the heading has none.
 */
export function headingWithoutKicker(ctx: ExtractionContext, declared: string[]): string | undefined {
  let el = ctx.heading;
  // Through a wrapper that holds all of the heading (<h1><a href="…">…</a></h1>).
  for (let i = 0; el && i < 2 && el.children.length === 1 && !ownText(el); i++) el = el.firstElementChild;
  let first = el?.firstElementChild;
  while (first && NOT_TEXT.test(first.nodeName)) first = first.nextElementSibling;
  if (!el || !first || startsWithText(el, first)) return undefined;
  const lead = visibleText(first, 200).trim();
  const kicker = cleanText(lead, 200).replace(/[\s:|\-–—·•]+$/, '');
  const whole = visibleText(el, 800).trimStart();
  if (!kicker || !whole.startsWith(lead)) return undefined;
  const rest = cleanText(whole.slice(lead.length).replace(LEADING_SEPARATOR, ''), 500);
  if (words(kicker) > 10 || words(rest) < 2) return undefined;
  const k = fold(kicker);
  const r = fold(rest);
  // A declared title that is this first part alone names it the title, the rest its subtitle
  // ("Intel NUCで…比較してみた" for "<span>Intel NUCで…比較してみた</span>：さらば平成…").
  if (declared.some((title) => fold(title) === k)) return undefined;
  const last = el.lastElementChild;
  const confirmed =
    KICKER_CLASS.test(first.getAttribute('class') ?? '') ||
    // The rest in an element of its own marked as the headline (<span class="headline">).
    (last && last !== first && HEADLINE_CLASS.test(last.getAttribute('class') ?? '')
      ? fold(visibleText(last, 500)) === r
      : false) ||
    declared.some((title) => {
      // "Kicker - Title"; "Kicker: Title" is often the title as a whole ("Editor's Letter: …").
      const parts = titleParts(title).map((part) => fold(part));
      return fold(title) === r || (parts.includes(k) && fold(title).includes(r));
    });
  return confirmed ? rest : undefined;
}

const NOT_TEXT = /^(?:style|script|noscript|template)$/i;

const MAX_TEXT_NODES = 2_000;
const MAX_DEPTH = 64;

/** Whether a text node sits in a <style>, <script>, <noscript> or <template> inside `el`. */
function hiddenIn(node: Node, el: Element): boolean {
  let ancestor = node.parentElement;
  for (let depth = 0; ancestor && ancestor !== el && depth < MAX_DEPTH; depth++) {
    if (NOT_TEXT.test(ancestor.nodeName)) return true;
    ancestor = ancestor.parentElement;
  }
  return false;
}

/**
 * Text of a heading's part, without <style> or <script> inside it (CSS-in-JS puts them there): its
 * text nodes in order until `max` characters, read with a tree walker rather than recursion (a
 * page can nest thousands of elements deep), within a budget of text nodes.
 */
function visibleText(el: Element, max: number): string {
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let i = 0, node = walker.nextNode(); node && out.length < max && i < MAX_TEXT_NODES; i++) {
    if (!hiddenIn(node, el)) out += node.nodeValue ?? '';
    node = walker.nextNode();
  }
  return out;
}

/** Whether an element holds text of its own (not only in its children). */
function ownText(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return true;
  return false;
}

/** Whether text comes before `first` in the element. */
function startsWithText(el: Element, first: Element): boolean {
  for (let node = el.firstChild; node && node !== first; node = node.nextSibling)
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim()) return true;
  return false;
}

/**
 * Whether the heading is a link up to the site's front page or a section above this page
 * (<h1><a href="/">Site name</a></h1>, a blog's header): it names the site, not the item.
 */
export function headingLinksUp(ctx: ExtractionContext): boolean {
  let el = ctx.heading;
  for (
    let i = 0;
    el && i < 2 && el.tagName.toLowerCase() !== 'a' && el.children.length === 1 && !ownText(el);
    i++
  )
    el = el.firstElementChild;
  const link = el?.tagName.toLowerCase() === 'a' ? el : ctx.heading?.parentElement?.closest('a');
  const href = link?.getAttribute('href');
  if (!href) return false;
  try {
    const target = new URL(href, ctx.base);
    const here = new URL(ctx.url);
    return (
      target.host === here.host &&
      target.pathname.endsWith('/') &&
      here.pathname.length > target.pathname.length &&
      here.pathname.startsWith(target.pathname)
    );
  } catch {
    return false;
  }
}

/**
 * Classes of a heading that is the site's logo or hidden from sight ("logo", "header_Logo__x",
 * "navbar-brand", "sr-only"); "brand" only as a whole class, not a modifier ("hero__title--brand").
 */
const NOT_THE_ITEMS =
  /(?:^|[\s_-])logo(?:$|[\s_-])|(?:^|\s)(?:brand|navbar-brand|site-brand|brand-logo)(?:\s|$)|(?:^|\s)(?:hidden|sr-only|visually-hidden|screen-reader-text|is-hidden|invisible)(?:\s|$)/i;
const MAX_HEADINGS = 20;

/** The heading's visible text as the title rules read it. */
export function headingText(el: Element): string {
  return cleanText(visibleText(el, 600), 500);
}

/**
 * The heading the title rules read: the main heading, unless it is the site's logo or hidden (a
 * site's name in an <h1 class="logo">): then the next h1, or where the page has no other, the
 * first h2 that the document title or og:title names as a part of its own ("Grundrezept :
 * Rezepte", "Site | Title", "Title (2021/5)"); else none.
 */
export function headingForTitle(ctx: ExtractionContext, titles: string[]): Element | null {
  const main = ctx.heading;
  if (main && !NOT_THE_ITEMS.test(main.getAttribute('class') ?? '')) return main;
  const h1s = ctx.elements.byTag.get('h1') ?? [];
  for (let i = 0; i < Math.min(h1s.length, MAX_HEADINGS); i++) {
    const el = h1s[i];
    if (el !== main && ownHeading(ctx, el) && words(headingText(el)) > 0) return el;
  }
  const parts = new Set(
    titles.flatMap((title) => [title, ...title.split(TITLE_PARTS), withoutNumber(title)].map(fold)),
  );
  parts.delete('');
  const h2s = ctx.elements.sectionHeadings;
  for (let i = 0, seen = 0; i < h2s.length && seen < MAX_HEADINGS; i++) {
    if (h2s[i].tagName.toLowerCase() !== 'h2') continue;
    seen++;
    if (ownHeading(ctx, h2s[i]) && parts.has(fold(headingText(h2s[i])))) return h2s[i];
  }
  return null;
}

/** The text of an h2 of the item's own that reads as the text given, in any case or spacing; else none. */
export function subheadingNamed(ctx: ExtractionContext, text: string): string | undefined {
  const want = fold(text);
  const h2s = ctx.elements.sectionHeadings;
  for (let i = 0, seen = 0; i < h2s.length && seen < MAX_HEADINGS; i++) {
    if (h2s[i].tagName.toLowerCase() !== 'h2') continue;
    seen++;
    const found = headingText(h2s[i]);
    if (fold(found) === want && ownHeading(ctx, h2s[i])) return found;
  }
  return undefined;
}

/** A heading that is neither the site's logo, hidden, nor in navigation, a footer or a related block. */
function ownHeading(ctx: ExtractionContext, el: Element): boolean {
  return !NOT_THE_ITEMS.test(el.getAttribute('class') ?? '') && !ctx.isElsewhere(el);
}

/** A title without a number in parentheses after it ("Der historische Purzelbaum (2021/5)"). */
export function withoutNumber(title: string): string {
  return title.replace(/\s*[(（][^()（）]{0,20}\d[^()（）]{0,20}[)）]\s*$/u, '');
}
