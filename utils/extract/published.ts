/** Field: the publication date (never the modified date), as precise as the page states it. */
import type { ExtractionContext, Rule } from './context';
import { parseDate, withoutMonthWords } from './dates';
import { mainValue, typesOf } from './jsonld';
import { firstMeta } from './meta';
import { textOf } from './text';
import { pageShowsAnyDate, pageShowsDay } from './shown-dates';
import {
  fromDateMarkedElement,
  fromLineNearHeading,
  fromPostedSentence,
  inTeaserCard,
  TIME_RANGE,
} from './visible-dates';

const MODIFIED = /modif|updat|bijgewerkt|gewijzigd|aktualisiert|geändert/i;

const fromElements: Rule<string> = (ctx) => {
  const el = ctx.select.first('[itemprop="datePublished"]');
  if (!el || ctx.isElsewhere(el)) return undefined;
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? textOf(el, 100);
};

/** A <time> in the article (not in cards of other publications, not "updated"). */
const fromTimeElement: Rule<string> = (ctx) => {
  const times = ctx.elements.byTag.get('time') ?? [];
  for (let i = 0; i < times.length && i < 100; i++) {
    const el = times[i];
    if (ctx.isElsewhere(el)) continue;
    const context = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${textOf(el.parentElement, 80)}`;
    if (/modif|updat|bijgewerkt|gewijzigd/i.test(context)) continue;
    const value = el.getAttribute('datetime') || textOf(el, 100);
    // The event test last: a selector walk up the tree costs more than the checks above.
    if (parseDate(value) && !el.closest(EVENT_BLOCK)) return value;
  }
  return undefined;
};

/** Agenda and event blocks give the dates of events, not of the publication. */
const EVENT_BLOCK =
  '[class*="event"], [class*="agenda"], [class*="webinar"], [class*="comment"], [id*="comment"]';

/** Words a date line may hold besides the date itself. */
const DATE_LINE_WORDS =
  /\b(?:gepubliceerd|publicatiedatum|verschenen|datum|op|published|publication|date|on|posted|geplaatst|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|uur|am|pm|utc|cet|cest|gmt)\b/gi;

/** "Gepubliceerd op 14 juni 2023", "3 October 2023": the line is the date, not a sentence that mentions one. */
function isDateLine(text: string): boolean {
  const rest = withoutMonthWords(text.replace(DATE_LINE_WORDS, ' '))
    .replace(/[\d\s.,:;/|()\-–—]+/g, ' ')
    .trim();
  return rest.split(' ').filter(Boolean).length <= 1;
}

/**
 * A date written on a line of the heading's block (the byline row). A line that is only a date
 * comes before a sentence that mentions one ("Presentatie op 12 oktober in Den Haag").
 */
const nearHeading: Rule<string> = (ctx) => {
  const scope = ctx.heading?.parentElement;
  if (!scope) return undefined;
  const lines = scope.querySelectorAll('p, span, div, li');
  let mentioned: string | undefined;
  for (let i = 0; i < lines.length && i < 60; i++) {
    if (lines[i].children.length > 4) continue;
    const line = textOf(lines[i], 120);
    if (line.length > 100 || TIME_RANGE.test(line)) continue;
    // "Gepubliceerd op 14 juni 2023 | Laatst gewijzigd op 2 oktober 2023": the part that is not the change.
    for (const text of line.split(/\s+[|·•]\s+|\s+[-–—]\s+(?=\D)/)) {
      if (MODIFIED.test(text)) continue;
      if (
        /\d{4}/.test(text) &&
        /[a-z]{3}|\d{4}-\d|\d-\d{4}|\d\s*年/i.test(text) &&
        (parseDate(text)?.length ?? 0) >= 7 &&
        !lines[i].closest(EVENT_BLOCK) &&
        !inTeaserCard(lines[i], ctx.heading)
      ) {
        if (isDateLine(text)) return text;
        mentioned ??= text;
      }
    }
  }
  return mentioned;
};

/**
 * A JSON-LD date of the publication node. A bare WebPage node (no article, posting or report in the
 * graph) carries the day the page was made in its CMS, which SEO plugins write on every page, the
 * "Über uns" page and the product page too; where the head states no article:published_time
 * either, that day is not a publication date the page shows.
 */
function jsonLdDate(ctx: ExtractionContext, key: string): unknown {
  const main = ctx.jsonLd.main;
  if (!main) return undefined;
  const types = typesOf(main);
  if (types.length === 1 && types[0] === 'webpage' && !ctx.meta.has('article:published_time'))
    return undefined;
  return mainValue(ctx.jsonLd, key);
}

/** How many of the first RULES read metadata (JSON-LD, citation, Dublin Core, Open Graph). */
const METADATA_RULES = 4;
/**
 * The rules that may read a date nobody sees: metadata, an itemprop's content, JSON-LD's
 * dateCreated, the address. Where the page shows no date at all (a recipe, a product, a guide),
 * what they read is the day a CMS or an SEO plugin stamped on the page, not a date it has.
 */
const STAMPS = new WeakSet<Rule<unknown>>();
function stamp(rule: Rule<unknown>): Rule<unknown> {
  STAMPS.add(rule);
  return rule;
}

/**
 * JSON-LD types dated by nature: a blog's, a forum's or a social network's post, and a
 * publication (a report, a paper, a thesis, a book or its chapter).
 */
const DATED_TYPES = new Set([
  'socialmediaposting',
  'blogposting',
  'liveblogposting',
  'discussionforumposting',
  'report',
  'scholarlyarticle',
  'thesis',
  'book',
  'chapter',
]);

/**
 * Metadata set for the item itself, not stamped on every page: a newsroom's analytics keys
 * (Parse.ly, Sailthru), scholarly citation metadata, a posting's or a publication's JSON-LD node.
 */
function datedItem(ctx: ExtractionContext): boolean {
  const main = ctx.jsonLd.main;
  return (
    Boolean(
      firstMeta(ctx.meta, 'parsely-pub-date', 'sailthru.date', 'citation_publication_date', 'citation_date'),
    ) || Boolean(main && typesOf(main).some((type) => DATED_TYPES.has(type)))
  );
}

/** A date a CMS stamped on a page that shows none: not the page's date. */
function stampOnly(ctx: ExtractionContext, rule: Rule<unknown>, date: string): boolean {
  return STAMPS.has(rule) && !datedItem(ctx) && !pageShowsAnyDate(ctx, date);
}

const RULES: Rule<unknown>[] = [
  stamp((ctx) => jsonLdDate(ctx, 'datePublished')),
  (ctx) =>
    firstMeta(
      ctx.meta,
      'citation_publication_date',
      'citation_date',
      'citation_online_date',
      'citation_cover_date',
    ),
  stamp((ctx) =>
    firstMeta(
      ctx.meta,
      'dc.date.issued',
      'dcterms.issued',
      'dc.issued',
      'prism.publicationdate',
      'dcterms.date',
      'dc.date',
      'dcterms.created',
      'dc.date.created',
    ),
  ),
  stamp((ctx) =>
    firstMeta(
      ctx.meta,
      'article:published_time',
      'og:published_time',
      'og:article:published_time',
      'parsely-pub-date',
      'sailthru.date',
      'pubdate',
      'publishdate',
      'publish-date',
      'publish_date',
      'date',
      'datepublished',
      'datecreated',
    ),
  ),
  (ctx) => ctx.labels.get('published')?.text,
  stamp(fromElements),
  stamp((ctx) => jsonLdDate(ctx, 'dateCreated')),
  fromTimeElement,
  // A line that is only a date comes before a line near the heading that mentions one.
  fromLineNearHeading,
  nearHeading,
  fromDateMarkedElement,
  fromPostedSentence,
  stamp((ctx) => urlDay(ctx.url)),
  // "Stand: 19.10.2019 11:05 Uhr" at the heading: the day a news page was last brought up to date,
  // where it shows no other.
  (ctx) => fromLineNearHeading(ctx, true),
];

/** The day an address is filed under ("/2016/12/15/amazon-alexa-gadgets/"), as blogs and news sites do. */
function urlDay(url: string): string | undefined {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  return m ? parseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`) : undefined;
}

/** An instant with its offset from UTC, not UTC itself ("+02:00", "-0500"; not "+00:00", "Z"). */
const LOCAL_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-](?!00:?00)\d{2}:?\d{2}\s*$/;

/** The day before or after a YYYY-MM-DD day. */
function nextDay(day: string, by: 1 | -1): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

/**
 * An instant stated in UTC may fall on the next or the previous day where the page was published:
 * the day the address is filed under is the local one.
 */
function localDay(date: string, url: string): string {
  const filed = urlDay(url);
  if (!filed || filed === date) return date;
  return filed === nextDay(date, 1) || filed === nextDay(date, -1) ? filed : date;
}

/**
 * The first date a rule finds; when it is only a year or a month ("2021-11" from metadata), a
 * later rule's full day within it is the same date, told more precisely.
 */
export function extractPublished(ctx: ExtractionContext): string | undefined {
  let partial: string | undefined;
  for (let i = 0; i < RULES.length; i++) {
    let raw: unknown;
    let date: string | undefined;
    try {
      raw = RULES[i](ctx);
      date = parseDate(raw);
    } catch {
      // One broken rule never sinks the field.
    }
    if (!date || (partial && !date.startsWith(partial))) continue;
    if (stampOnly(ctx, RULES[i], date)) continue;
    if (date.length < 10) {
      partial ??= date;
      continue;
    }
    // "2022-05-07T13:43:46-05:00": stated in the page's own time, its day is the local one.
    const local = typeof raw === 'string' && LOCAL_OFFSET.test(raw) ? date : localDay(date, ctx.url);
    return i < METADATA_RULES ? shownOverMetadata(ctx, date, local) : local;
  }
  return partial;
}

/**
 * A day from metadata, unless the page shows another: the date line at the heading is what the
 * reader sees ("3/5/2022 22:41" where the metadata says 2022-05-04T02:41Z, the day an article
 * went up where the metadata holds the day its draft was made). A metadata day the page shows
 * somewhere stays (the line may be another date, read the other way round: 11/08/2023).
 */
function shownOverMetadata(ctx: ExtractionContext, date: string, local: string): string {
  let line: string | undefined;
  try {
    line = fromLineNearHeading(ctx);
  } catch {
    // Keep the metadata's day.
  }
  if (line === date || pageShowsDay(ctx, date)) return local;
  return line ?? shownModifiedDay(ctx) ?? local;
}

/**
 * The day metadata gives as the last change, where the page shows that day as its date and not
 * the day of its first version (a guide brought up to date since 2021 that shows "12.01.2022"):
 * the date the page presents itself with. Not where it shows it as an update ("Last updated:
 * January 7, 2025", "last edited on"): the publication date stays.
 */
function shownModifiedDay(ctx: ExtractionContext): string | undefined {
  const stamp =
    firstMeta(ctx.meta, 'article:modified_time', 'og:updated_time') ?? mainValue(ctx.jsonLd, 'dateModified');
  const day = parseDate(stamp);
  return day?.length === 10 && pageShowsDay(ctx, day, true) ? day : undefined;
}
