/**
 * Finder: does the page show a given day anywhere in its text ("26. Januar 2022", "01.11.2021",
 * "Nov. 8, 2023", "2021-11-01", "11/08/2023")? Metadata may state an instant in UTC, the day the
 * page was created in its CMS, or a date nobody shows; the page's own date line tells the reader's
 * day. Read only when a rule asks (a metadata day and a date line disagree), once per extraction.
 */
import type { ExtractionContext } from './context';
import { MONTH_WORDS, UPDATE_WORDS, parseDate } from './dates';
import { hasDigit, textOf } from './text';

/** Characters of page text looked at: past them, a day counts as not shown. */
const MAX_CHARS = 400_000;
const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link']);
/** Numeric dates, ISO days and dates with a month word (either order). */
const DATE_LIKE =
  /\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}(?:st|nd|rd|th|e)?\.?\s*\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/gu;

const cache = new WeakMap<ExtractionContext, Map<string, Shown>>();

/**
 * The text of the page's elements (not scripts or styles) whose own text nodes hold the year
 * ("2022", or ".22" as in "24.01.22"), each apart, bounded; `labelled`: those whose element
 * names the text an update ("Last updated: …", "Zuletzt bearbeitet am …").
 */
function shownText(ctx: ExtractionContext, year: string): { all: string; labelled: string } {
  const short = `.${year.slice(2)}`;
  const parts: string[] = [];
  const labelled: string[] = [];
  let length = 0;
  const { all, tags } = ctx.elements;
  for (let i = 0; i < all.length && length < MAX_CHARS; i++) {
    const el = all[i];
    if (NOT_SHOWN.has(tags[i])) continue;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 3) continue;
      const value = node.nodeValue ?? '';
      if (!value.includes(year) && !value.includes(short)) continue;
      parts.push(value);
      length += value.length;
      if (UPDATE_WORDS.test(textOf(el, 200))) labelled.push(value);
    }
  }
  return { all: parts.join(' ').slice(0, MAX_CHARS), labelled: labelled.join(' ').slice(0, MAX_CHARS) };
}

/** Every full day in a text (one with slashes read both ways: 11/08/2023). */
function daysIn(text: string): Set<string> {
  const days = new Set<string>();
  for (const match of text.matchAll(DATE_LIKE)) {
    for (const dayFirst of match[0].includes('/') ? [true, false] : [true]) {
      const day = parseDate(match[0], dayFirst);
      if (day?.length === 10) days.add(day);
    }
  }
  return days;
}

interface Shown {
  days: Set<string>;
  /** Days shown only as the date of an update. */
  asUpdate: Set<string>;
}

/** Every full day of that year the page's text shows. */
function shownDays(ctx: ExtractionContext, year: string): Shown {
  let byYear = cache.get(ctx);
  if (!byYear) cache.set(ctx, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const text = shownText(ctx, year);
  const shown: Shown = { days: daysIn(text.all), asUpdate: new Set() };
  if (text.labelled) for (const day of daysIn(text.labelled)) shown.asUpdate.add(day);
  byYear.set(year, shown);
  return shown;
}

/** Does the page's text show this YYYY-MM-DD day? `asDate`: other than as an update's date. */
export function pageShowsDay(ctx: ExtractionContext, day: string, asDate = false): boolean {
  const shown = shownDays(ctx, day.slice(0, 4));
  return shown.days.has(day) && !(asDate && shown.asUpdate.has(day));
}

const MONTH_WORD = MONTH_WORDS.source;
/** A text longer than a line is running prose, whose dates are events' ("Am 21. Januar 2012 beendete sie …"). */
const LINE = 120;
/** A line of a word or three and a year, the line that dates a publication ("Rapport, 2026", "Report · 2026"). */
const YEAR_LINE = /^\p{L}[\p{L}.]*(?:\s+[\p{L}.]+){0,2}\s*[,·|–—:]\s*((?:19|20)\d{2})$/u;
/** Words a page's date line opens with ("Gepubliceerd op", "Published:", "Veröffentlicht am"). */
const DATE_LABEL =
  /(?<!\p{L})(?:gepubliceerd|geplaatst|verschenen|published|posted|publié\p{L}*|veröffentlicht|erschienen|publicad[oa]|datum|date|fecha|data)(?!\p{L})/iu;
/**
 * A date in any form a page shows its own: a day with a two- or four-digit year ("02/11/23",
 * "24.01.2022", "2021-11-01", "03.Mär.19", "29 / Dezember / 2022", "4 de Mayo de 2022", "Nov. 8,
 * 2023", "2019年4月2日"), a day told relative to today with its time ("Vandaag, 09:12", "Yesterday
 * at 10:32"), or a time ago ("vor 2 Stunden", "3 days ago", "hace 3 horas", "2 uur geleden").
 * Numeric days are checked after the match (not "20-20-20", a fertiliser's formula).
 */
const ANY_DATE = new RegExp(
  [
    String.raw`(?<![\d.,])(\d{1,2})[./-]\s?(\d{1,2})[./-]\s?(?:\d{4}|\d{2})(?!\d|[.,]\d)`,
    String.raw`(?<![\d.,])(?:19|20)\d{2}([./-])(\d{1,2})\3(\d{1,2})(?!\d)`,
    String.raw`(?<!\d)\d{1,2}(?:st|nd|rd|th|e|er)?\.?\s*(?:[/.-]\s*)?(?:de\s+)?\p{L}{3,9}\.?\s*(?:[/.,-]\s*)?(?:de\s+)?\d{4}(?!\d)`,
    String.raw`(?<!\d)\d{1,2}\.?\s*(?:[/.-]\s*)?${MONTH_WORD}\s*(?:[/.,-]\s*)?\d{2}(?!\d)`,
    String.raw`${MONTH_WORD}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)`,
    String.raw`(?<!\p{L})(?:vandaag|gisteren|eergisteren|heute|gestern|vorgestern|today|yesterday|aujourd'hui|hier|hoy|ayer)(?!\p{L})[,\s]*(?:om|at|um|à|a las)?\s*\d{1,2}[:.h]\d{2}`,
    String.raw`\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`,
    String.raw`(?<!\p{L})(?:vor|il y a|hace|há)\s+\d+\s+(?:sek|min|stund|tag|woche|monat|seconde|heure|jour|semaine|segundo|hora|día|dia|semana)`,
    String.raw`\d+\s*(?:sec|min|h|hrs?|hours?|days?|weeks?|months?)\.?\s+ago(?!\p{L})`,
    String.raw`\d+\s+(?:seconden|minuten|minuut|uur|dagen|dag|weken|week|maanden|maand)\s+geleden`,
    String.raw`\d+\s*(?:分|時間|日)前`,
  ].join('|'),
  'giu',
);
/** A time ago or a day in words, no digit: "an hour ago", "een uur geleden", "vor einer Stunde", "Gisteren". */
const WORD_DATE = new RegExp(
  [
    String.raw`(?<!\p{L})(?:an?|one)\s+(?:second|minute|hour|day|week|month)\s+ago(?!\p{L})`,
    String.raw`(?<!\p{L})(?:een|één)\s+(?:seconde|minuut|uur|dag|week|maand)\s+geleden(?!\p{L})`,
    String.raw`(?<!\p{L})(?:vor|il y a|hace|há)\s+(?:einer?|einem|une?|una?|uma?)\s+(?:sek|min|stund|tag|woche|monat|seconde|heure|jour|semaine|segundo|hora|día|dia|semana)`,
    String.raw`^(?:vandaag|gisteren|heute|gestern|today|yesterday)$`,
  ].join('|'),
  'iu',
);
/** A month or a quarter of a year: "Dezember 2026", "12/2026", "Q4 2026". */
const MONTH_OF_YEAR = new RegExp(
  [
    String.raw`${MONTH_WORD}\s*,?\s+(?:de\s+)?(?:19|20)\d{2}(?!\d)`,
    String.raw`(?<![\d.,/])(0?[1-9]|1[0-2])[/.-]((?:19|20)\d{2})(?!\d|[.,/-]\d)`,
    String.raw`(?<!\p{L})Q([1-4])\s*((?:19|20)\d{2})(?!\d)`,
  ].join('|'),
  'giu',
);

/** A numeric day whose parts make a day and a month, either way round ("31/12/19", "12/31/19"). */
function possibleDay(match: RegExpMatchArray): boolean {
  const [a, b] = match[1] ? [+match[1], +match[2]] : match[4] ? [+match[5], +match[4]] : [1, 1];
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/** What a page shows: any date, else the months ("2026-12") and the years of its date lines. */
interface Seen {
  any: boolean;
  months: Set<string>;
  years: Set<string>;
}

/** The months a month or a quarter names ("Q4 2026": 2026-10, 2026-11, 2026-12). */
function monthsOf(match: RegExpMatchArray): string[] {
  if (match[2]) return [`${match[2]}-${match[1].padStart(2, '0')}`];
  if (match[4]) return [0, 1, 2].map((i) => `${match[4]}-${String(+match[3] * 3 - 2 + i).padStart(2, '0')}`);
  const month = parseDate(match[0].replace(/\s+de\s+/i, ' '));
  return month ? [month.slice(0, 7)] : [];
}

/**
 * Reads one text node. In a line, any date counts; in a longer text, running prose, only one that
 * opens it or follows a date label ("Gepubliceerd op 5 december 2026 door …").
 */
function readNode(value: string, el: Element, seen: Seen): void {
  const text = value.replace(/\s+/g, ' ').trim();
  const line = text.length <= LINE;
  if (!hasDigit(text)) {
    seen.any = line && WORD_DATE.test(text);
    return;
  }
  const head = line ? text : text.slice(0, LINE);
  const dateLine = (index = 0) => {
    const before = text.slice(0, index);
    return line || /^[\s\p{P}]*$/u.test(before) || (before.length <= 40 && DATE_LABEL.test(before));
  };
  for (const match of head.matchAll(ANY_DATE))
    if ((seen.any = possibleDay(match) && dateLine(match.index))) return;
  for (const match of head.matchAll(MONTH_OF_YEAR))
    if (dateLine(match.index)) monthsOf(match).forEach((m) => seen.months.add(m));
  const year = YEAR_LINE.exec(text)?.[1];
  if (year && !el.closest('footer')) seen.years.add(year);
}

const BLANK = /^\s*$/;

function seenOn(ctx: ExtractionContext): Seen {
  const cached = ctx.cache.get('pageShowsAnyDate') as Seen | undefined;
  if (cached) return cached;
  // A <time> element shows a date, even one the page's script fills in.
  const seen: Seen = {
    any: Boolean(ctx.elements.byTag.get('time')?.length),
    months: new Set(),
    years: new Set(),
  };
  let length = 0;
  const { all, tags } = ctx.elements;
  for (let i = 0; i < all.length && length < MAX_CHARS && !seen.any; i++) {
    const el = all[i];
    if (NOT_SHOWN.has(tags[i])) continue;
    for (let node = el.firstChild; node && !seen.any; node = node.nextSibling) {
      if (node.nodeType !== 3) continue;
      const value = node.nodeValue ?? '';
      length += value.length;
      // Most text nodes are the whitespace between elements: nothing to read.
      if (BLANK.test(value)) continue;
      readNode(value.slice(0, 2_000), el, seen);
    }
  }
  ctx.cache.set('pageShowsAnyDate', seen);
  return seen;
}

/**
 * Does the page's text show a date at all (its own, another item's, a comment's), or the month
 * or, in a line of its own, the year of this YYYY-MM-DD day ("Dezember 2026", "Q4 2026", "Rapport,
 * 2026")? A page that shows none, a recipe, a product or a guide kept up to date, has no date a
 * reader sees: a day only its metadata holds is the day its CMS made it. Once per extraction.
 */
export function pageShowsAnyDate(ctx: ExtractionContext, day: string): boolean {
  const seen = seenOn(ctx);
  return seen.any || seen.months.has(day.slice(0, 7)) || seen.years.has(day.slice(0, 4));
}
