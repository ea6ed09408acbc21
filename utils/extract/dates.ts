/**
 * Cleaner: a date as written on a page → YYYY, YYYY-MM or YYYY-MM-DD, as precise as stated.
 * ISO and timestamps, "22 september 2020", "September 22, 2020", "Sept. 2020", "22-09-2020", "2020".
 */

import { hasDigit } from './text';

const MONTHS: Record<string, number> = {};
/** Dutch, English and German month names and their abbreviations; French, Spanish and Italian names. */
const MONTH_NAMES: [number, string[]][] = [
  [1, ['januari', 'january', 'januar', 'jänner', 'jan', 'janvier', 'janv', 'enero', 'gennaio']],
  [
    2,
    ['februari', 'february', 'februar', 'feb', 'febr', 'février', 'fevrier', 'févr', 'febrero', 'febbraio'],
  ],
  [3, ['maart', 'march', 'märz', 'maerz', 'mrt', 'mar', 'maa', 'mär', 'mrz', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'aprile']],
  [5, ['mei', 'may', 'mai', 'mayo', 'maggio']],
  [6, ['juni', 'june', 'jun', 'juin', 'junio', 'giugno']],
  [7, ['juli', 'july', 'jul', 'juillet', 'juil', 'julio', 'luglio']],
  [8, ['augustus', 'august', 'aug', 'août', 'aout', 'agosto']],
  [9, ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'settembre']],
  [10, ['oktober', 'october', 'okt', 'oct', 'octobre', 'octubre', 'ottobre']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dezember', 'dec', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dicembre']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;
/**
 * A month word or its abbreviation in a date line, in any of these languages ("Jan.", "févr",
 * "agosto"), as a whole word: "Energie" and "Maine" of a sentence are no month words. Part of the
 * patterns in `shown-dates.ts`; a date line's words are tested with `withoutMonthWords`.
 */
export const MONTH_WORDS = new RegExp(
  `(?<!\\p{L})(?:${Object.keys(MONTHS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\.?(?!\\p{L})`,
  'giu',
);

/** A whole word of 3 to 10 letters, maybe with a full stop: where a month word may stand. */
const WORD = /(?<!\p{L})\p{L}{3,10}\.?(?!\p{L})/gu;

/**
 * The text with each month word (and its full stop) replaced by a space, as `MONTH_WORDS` would
 * replace them, without compiling that alternation on the page: every word of a month's length is
 * looked up instead. (Without the `i` flag, letters that only case-fold to Latin ones, the long s
 * "ſ" or U+0345, are no longer read as a month's letters.)
 */
export function withoutMonthWords(text: string): string {
  return text.replace(WORD, (word) =>
    monthOf(word.endsWith('.') ? word.slice(0, -1) : word) === undefined ? word : ' ',
  );
}

/**
 * The words of an update stamp ("Last update: 12.01.2022", "Letzte Aktualisierung", "Mise à jour
 * le …", "Laatste wijziging", "Stand: …", "Revised …"): the day of a change, not of publication.
 * Shared by the date line rules and the check of the days a page shows.
 */
export const UPDATE_WORDS =
  /(?<!\p{L})(?:update[ds]?|last edited|modified|revised|aktualisier\p{L}*|(?:letzte |zuletzt )?(?:änderung(?:en)?|geändert)|bearbeitet|überarbeitet|bijgewerkt|gewijzigd|wijziging(?:en)?|mise? à jour|actualizado|stand)(?!\p{L})|更新/iu;

/**
 * Where a month stands: a word, read as a month only when MONTHS has it (see `monthMatch`; its
 * words have 3 to 10 letters, so the pattern need not count them). A page's browser compiles each
 * pattern on its first run in a renderer process, so: not one alternation of every month word
 * (milliseconds to compile, per pattern); not a counted letter class (Chromium took 57 to 68 ms to
 * compile `\p{L}{3,10}` after the day's optional suffix on text outside Latin-1, an em dash is
 * enough; `\p{L}+` takes under 1 ms); and no `i` flag (with `u` it folds the case of every letter
 * class): the few fixed words spell their cases out.
 */
const MONTH = '(\\p{L}+)\\.?';
const ISO = /\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T\s]|\b)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|$)/;
/** "22 september 2020", "26. Januar 2022", "3rd May 2021", "1er mai 2019", "30 de septiembre de 2018". */
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH]|[eE][rR]?)?\\.?\\s*(?:[dD][eE]\\s+)?${MONTH}\\s*,?\\s+(?:[dD][eE][lL]?\\s+)?(\\d{4})(?!\\d)`,
  'gu',
);
const MONTH_DAY_YEAR = new RegExp(
  `(?<!\\p{L})${MONTH}\\s+(\\d{1,2})(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])?,?\\s+(\\d{4})(?!\\d)`,
  'gu',
);
const MONTH_YEAR = new RegExp(`(?<!\\p{L})${MONTH}\\s*,?\\s+(\\d{4})(?!\\d)`, 'gu');

/** The month of a month word ("Jan", "MÄRZ", "août"), undefined for any other word. */
function monthOf(word: string): number | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : undefined;
}

/**
 * The first match of `pattern` (global) in `text` whose group `group` is a month word: where a
 * match's word is none, the search goes on from the next code point, so the match found is the one
 * a pattern naming every month word found on every corpus and fixture page. It differs where a day
 * suffix runs into the month ("1enero 2020" reads the suffix "e" and no month: the year only) and
 * on "ſ" or the Kelvin sign before a day.
 */
function monthMatch(pattern: RegExp, text: string, group: number): RegExpExecArray | null {
  pattern.lastIndex = 0;
  // Only forward: a match at or before one passed over ends the search rather than loop.
  let passed = -1;
  for (let m = pattern.exec(text); m && m.index > passed; m = pattern.exec(text)) {
    if (monthOf(m[group]) !== undefined) return m;
    passed = m.index;
    // On by one code point, as the engine's own search steps: with the u flag, a lastIndex
    // inside a surrogate pair is moved back to the pair's start, and the same match comes back.
    pattern.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return null;
}
const NUMERIC_DMY = /\b(\d{1,2})[-/.]\s?(\d{1,2})[-/.]\s?(\d{4})\b/;
/** "24.01.22": a two-digit year only with dots, as German and Dutch pages write it. */
const SHORT_DMY = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/;
const YEAR_SLASH = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
/**
 * "2019.03.05", "2023. 11. 02." (Japanese and Korean pages): month and day in two digits, so a
 * version number ("2024.1.2", "2.2019.03") is no date.
 */
const YEAR_DOT = /(?<![\d.])(\d{4})\.\s?(\d{2})\.\s?(\d{2})(?!\d|\.\d)/;
/** "2019年4月2日", "2019年4月" (Japanese and Chinese pages). */
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/;
const YEAR_ONLY = /^\D{0,20}?\b(1[5-9]\d{2}|20\d{2})\b\D{0,20}$/;

function valid(year: number, month?: number, day?: number): boolean {
  if (year < 1500 || year > 2100) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && (day < 1 || day > 31)) return false;
  return true;
}

function format(year: number, month?: number, day?: number): string | undefined {
  if (!valid(year, month, day)) return undefined;
  const parts = [String(year)];
  if (month !== undefined) parts.push(String(month).padStart(2, '0'));
  if (month !== undefined && day !== undefined) parts.push(String(day).padStart(2, '0'));
  return parts.join('-');
}

/** Parse one raw date; undefined when it is not a date. `dayFirst` settles 03/04/2020. */
export function parseDate(raw: unknown, dayFirst = true): string | undefined {
  if (typeof raw === 'number' && raw > 1e11) raw = new Date(raw).toISOString();
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().slice(0, 200);
  // Every form below holds a digit: text without one is no date, and its patterns need not run
  // (a page's browser compiles each the first time it runs in a renderer process).
  if (!hasDigit(text)) return undefined;
  let m = COMPACT.exec(text);
  if (m) return format(+m[1], +m[2], +m[3]);
  m = ISO.exec(text);
  if (m) return format(+m[1], +m[2], m[3] ? +m[3] : undefined);
  m = YEAR_SLASH.exec(text) ?? YEAR_DOT.exec(text);
  if (m) return format(+m[1], +m[2], +m[3]);
  m = CJK.exec(text);
  if (m) return format(+m[1], +m[2], m[3] ? +m[3] : undefined);
  m = monthMatch(DAY_MONTH_YEAR, text, 2);
  if (m) return format(+m[3], monthOf(m[2]), +m[1]);
  m = monthMatch(MONTH_DAY_YEAR, text, 1);
  if (m) return format(+m[3], monthOf(m[1]), +m[2]);
  m = monthMatch(MONTH_YEAR, text, 1);
  if (m) return format(+m[2], monthOf(m[1]));
  m = NUMERIC_DMY.exec(text);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : dayFirst ? [a, b] : [b, a];
    return format(+m[3], month, day);
  }
  m = SHORT_DMY.exec(text);
  if (m) return format(2000 + +m[3], +m[2], +m[1]);
  m = YEAR_ONLY.exec(text);
  if (m) return format(+m[1]);
  return undefined;
}
