/**
 * Finder: does the page show a given day anywhere in its text ("26. Januar 2022", "01.11.2021",
 * "Nov. 8, 2023", "2021-11-01", "11/08/2023")? Metadata may state an instant in UTC, the day the
 * page was created in its CMS, or a date nobody shows; the page's own date line tells the reader's
 * day. Read only when a rule asks (a metadata day and a date line disagree), once per extraction.
 */
import type { ExtractionContext } from './context';
import { parseDate } from './dates';

/** Characters of page text looked at: past them, a day counts as not shown. */
const MAX_CHARS = 400_000;
const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link']);
/** Numeric dates, ISO days and dates with a month word (either order). */
const DATE_LIKE =
  /\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}(?:st|nd|rd|th|e)?\.?\s*\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/gu;

const cache = new WeakMap<ExtractionContext, Map<string, Set<string>>>();

/**
 * The text nodes of the page's elements (not scripts or styles) that hold the year ("2022", or
 * ".22" as in "24.01.22"), each apart, bounded.
 */
function shownText(ctx: ExtractionContext, year: string): string {
  const short = `.${year.slice(2)}`;
  const parts: string[] = [];
  let length = 0;
  const all = ctx.elements.all;
  for (let i = 0; i < all.length && length < MAX_CHARS; i++) {
    const el = all[i];
    if (NOT_SHOWN.has(el.tagName.toLowerCase())) continue;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 3) continue;
      const value = node.nodeValue ?? '';
      if (!value.includes(year) && !value.includes(short)) continue;
      parts.push(value);
      length += value.length;
    }
  }
  return parts.join(' ').slice(0, MAX_CHARS);
}

/** Every full day of that year the page's text shows (one with slashes read both ways: 11/08/2023). */
function shownDays(ctx: ExtractionContext, year: string): Set<string> {
  let byYear = cache.get(ctx);
  if (!byYear) cache.set(ctx, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const days = new Set<string>();
  for (const match of shownText(ctx, year).matchAll(DATE_LIKE)) {
    for (const dayFirst of match[0].includes('/') ? [true, false] : [true]) {
      const day = parseDate(match[0], dayFirst);
      if (day?.length === 10) days.add(day);
    }
  }
  byYear.set(year, days);
  return days;
}

/** Does the page's text show this YYYY-MM-DD day? */
export function pageShowsDay(ctx: ExtractionContext, day: string): boolean {
  return shownDays(ctx, day.slice(0, 4)).has(day);
}
