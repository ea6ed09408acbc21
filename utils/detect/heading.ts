/**
 * The page's main heading, one definition for the detector (utils/detect/index.ts: what stands
 * beside it) and the extractor (utils/extract/context.ts: the title, subtitle, byline and dates
 * around it). Not imported by the first check.
 */
import { startOfText } from './text-start';
import { isSectionName } from './vocabulary';
import { foldWords } from './words';

/** Screen-reader-only headings ("Zoll" above the logo) are no item's heading. */
const HIDDEN =
  /(?:^|\s)(?:aural|sr-only|visually-hidden|screen-reader-text|is-hidden|hidden|invisible|element-invisible)(?:\s|$)/;
const MAX_H1 = 20;

/** An h1 that can be the item's: visible, with text, not a section's name ("Pressemitteilungen"). */
function candidate(el: Element): boolean {
  const text = startOfText(el, 80);
  return Boolean(text) && !HIDDEN.test(el.getAttribute('class') ?? '') && !isSectionName(foldWords(text));
}

/**
 * The h1 in main/article, else the first h1 outside the site header and navigation, else the first
 * h1. `strict` (the detector, which counts what stands beside the heading as evidence): outside
 * main/article only a page's single h1, so a site's logo or section h1 lends no byline or date.
 */
export function mainHeading(h1s: ArrayLike<Element>, strict = false): Element | null {
  // An ancestor test per h1: descendant selectors are slow in some DOMs.
  const count = Math.min(h1s.length, MAX_H1);
  for (let i = 0; i < count; i++) {
    if (h1s[i].parentElement?.closest('main, [role="main"], article') && candidate(h1s[i])) return h1s[i];
  }
  if (strict) return h1s.length === 1 ? h1s[0] : null;
  for (let i = 0; i < count; i++) {
    if (candidate(h1s[i]) && !h1s[i].closest('header[role="banner"], .site-header, nav')) return h1s[i];
  }
  return h1s.length ? h1s[0] : null;
}
