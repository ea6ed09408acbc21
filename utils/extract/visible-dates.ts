/**
 * Finder: the publication date as the page shows it, where no metadata states it: an element
 * the site marks as the date (<span class="date">, <div class="news-date">, "entry-meta",
 * "Veröffentlicht am 06.10.2023") holding a date line, outside chrome, comments, cards and
 * update stamps ("Letztes Update", "lastchanged"). Document order: the article's own date comes
 * before the dates of comments and of other articles further down.
 */
import type { ExtractionContext } from './context';
import { parseDate } from './dates';
import { textOf } from './text';

const MAX_ELEMENTS = 8_000;
const MAX_LINE = 90;
/** Class or id words of an element that holds the date. */
const DATE_MARK =
  /date|datum|time|publish|posted|submitted|entry-meta|post-meta|article-meta|meta-info|topline|dateline|byline/i;
/** An update stamp, a comment's or an event's date, or a "today" widget: not the publication date. */
const NOT_PUBLISHED =
  /modif|updat|lastchanged|changed|geaendert|geändert|aktualisiert|bijgewerkt|comment|kommentar|event|agenda|termin|veranstaltung|today|heute|current|weather|wetter|copyright|footer|cookie/i;
const UPDATE_WORDS =
  /\b(?:update[ds]?|aktualisiert|letzte änderung|zuletzt geändert|geändert|bijgewerkt|gewijzigd|modified|stand)\b/i;
/** Words a date line may hold besides the date (weekday, time, "veröffentlicht am", "von"). */
const LINE_WORDS =
  /\b(?:gepubliceerd|publicatiedatum|verschenen|datum|op|published|publication|date|posted|on|at|geplaatst|veröffentlicht|veroeffentlicht|erschienen|publiziert|erstellt|am|vom|von|um|uhr|le|el|de|par|pressemitteilung|pressemeldung|mitteilung|meldung|news|nachricht|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|am|pm|utc|cet|cest|gmt)\b/gi;
const MONTH_WORDS =
  /\b(?:jan|feb|mar|mär|mrt|apr|may|mai|mei|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zäé]*\.?/gi;

/** A line that is a date and little else ("Veröffentlicht am 06.10.2023", "Friday, December 23, 2016"). */
export function isDateOnlyLine(text: string): boolean {
  const rest = text
    .replace(LINE_WORDS, ' ')
    .replace(MONTH_WORDS, ' ')
    .replace(/[\d\s.,:;/|()\-–—>]+/g, ' ')
    .trim();
  return rest.split(' ').filter(Boolean).length <= 2;
}

/** Cards of other pages, comments and chrome hold dates that are not this page's. */
function elsewhere(ctx: ExtractionContext, el: Element): boolean {
  return (
    ctx.isElsewhere(el) ||
    Boolean(
      el.closest(
        'aside, form, [role="complementary"], [class*="comment"], [id*="comment"], [class*="teaser"], [class*="sidebar"], [class*="widget"]',
      ),
    )
  );
}

/**
 * Elements whose class or id names a date or a breadcrumb, from one read of the first
 * MAX_ELEMENTS elements' attributes, shared by the rules that need them (reading an attribute
 * costs more than a tag test in some DOMs).
 */
export function markedElements(ctx: ExtractionContext): { dates: Element[]; breadcrumb?: Element } {
  const cached = ctx.cache.get('markedElements') as { dates: Element[]; breadcrumb?: Element } | undefined;
  if (cached) return cached;
  const found: { dates: Element[]; breadcrumb?: Element } = { dates: [] };
  const all = ctx.elements.all;
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i];
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (marks.length < 4) continue;
    if (!found.breadcrumb && /breadcrumb/i.test(marks)) found.breadcrumb = el;
    if (el.children.length <= 6 && DATE_MARK.test(marks) && !NOT_PUBLISHED.test(marks)) found.dates.push(el);
  }
  ctx.cache.set('markedElements', found);
  return found;
}

/** The first element marked as a date whose text is a full-day date line. */
export function fromDateMarkedElement(ctx: ExtractionContext): string | undefined {
  for (const el of markedElements(ctx).dates) {
    const text = textOf(el, MAX_LINE + 10);
    if (!text || text.length > MAX_LINE || UPDATE_WORDS.test(text)) continue;
    const date = parseDate(text);
    if (!date || date.length < 10 || !isDateOnlyLine(text) || elsewhere(ctx, el)) continue;
    return date;
  }
  return undefined;
}
