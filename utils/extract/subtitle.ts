/** Field: the subtitle, when the page states one beside its main heading. */
import { BYLINE_LINE } from '@/utils/detect/vocabulary';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { parseDate } from './dates';
import { mainValue, namesOf } from './jsonld';
import { labelField } from './labels';
import { firstMeta } from './meta';
import { siteNames, titleParts } from './site-names';
import { cleanText, fold, textOf } from './text';

const SUBTITLE_CLASS =
  /(?:^|[-_\s])(?:sub-?title|subheading|subhead|ondertitel|deck|dek|standfirst|strapline|tagline)|subtitle|ondertitel/i;

function isSubtitleLine(el: Element, ctx: ExtractionContext): string | undefined {
  const tag = el.tagName.toLowerCase();
  if (!['p', 'div', 'span', 'h2', 'h3', 'h4'].includes(tag) || el.children.length > 2) return undefined;
  const text = textOf(el, 300);
  if (text.length < 3 || text.length > 250) return undefined;
  const cls = el.getAttribute('class') ?? '';
  const byClass = SUBTITLE_CLASS.test(cls);
  // A bare h2/h3 counts only inside a small header block; in running text it is a section heading.
  const byTag = (tag === 'h2' || tag === 'h3') && (el.parentElement?.children.length ?? 99) <= 4;
  if (!byClass && !byTag) return undefined;
  if (
    BYLINE_LINE.test(text) ||
    labelField(text) ||
    parseDate(text) ||
    el.querySelector('time, a[rel~="author"]')
  )
    return undefined;
  if (fold(text) === fold(ctx.headingText)) return undefined;
  return text;
}

/** The element right after the main heading (or after the wrapper that holds only the heading). */
const besideHeading: Rule<string> = (ctx) => {
  let anchor = ctx.heading;
  for (let i = 0; anchor && i < 3; i++) {
    const next = anchor.nextElementSibling;
    if (next) return isSubtitleLine(next, ctx);
    anchor = anchor.parentElement;
  }
  return undefined;
};

/** Elements after the heading looked at for its standfirst. */
const AFTER_HEADING = 40;
const DEK_CLASS =
  /(?:^|[-_\s])(?:dek|deck|standfirst|strapline|sub-?title|subheading|subhead|ondertitel|lede|teaser-text|intro)(?:$|[-_\s])|headline[-_]*desc|__desc|subtitle/i;

/** The elements that follow the main heading in document order (its standfirst is among them). */
function afterHeading(ctx: ExtractionContext): Element[] {
  const all = ctx.elements.all;
  const at = ctx.heading ? all.indexOf(ctx.heading) : -1;
  if (at < 0) return [];
  return all.slice(at + 1, at + 1 + AFTER_HEADING).filter((el) => !ctx.heading!.contains(el));
}

/**
 * A standfirst the site marks by class (h2.deck, p.Article__Headline__Desc, .standfirst) a few
 * elements after the heading, or the page's own description shown there: a short line, not a
 * byline, date or label.
 */
const standfirstAfterHeading: Rule<string> = (ctx) => {
  const description = fold(firstMeta(ctx.meta, 'og:description', 'description', 'twitter:description') ?? '');
  let shown: string | undefined;
  for (const el of afterHeading(ctx)) {
    if (!/^(?:p|div|h2|h3|span)$/i.test(el.tagName) || el.children.length > 3) continue;
    const text = textOf(el, 400);
    if (text.length < 15 || text.length > 350) continue;
    const isDescription = description.length >= 20 && fold(text) === description;
    if (!isDescription && !DEK_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (BYLINE_LINE.test(text) || labelField(text) || parseDate(text) || fold(text) === fold(ctx.headingText))
      continue;
    // A line the site marks as its dek comes before the description shown as a summary above it.
    if (!isDescription) return text;
    shown ??= text;
  }
  return shown;
};

/**
 * A one-line standfirst right under the heading without a class that says so (<div>Emergency,
 * healthcare and transit workers won't need to pay.</div>): a plain element with no children, a
 * short sentence or two, not the first of the body's paragraphs (no paragraph follows it directly).
 */
/** A label and its value ("Thema's: Klimaat, Energie", "Reading time: 12 minutes"): up to three words, a colon. */
const LABEL_LINE = /^\s*\p{L}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}\s*[:：]\s/u;

const plainLineUnderHeading: Rule<string> = (ctx) => {
  // A site's name in its banner with the site's motto under it is no item's heading and dek.
  const heading = fold(ctx.headingText);
  if (
    !ctx.heading ||
    /branding|logo|site-?title/i.test(ctx.heading.closest('[class]')?.getAttribute('class') ?? '')
  )
    return undefined;
  if (ctx.heading.closest('header') && !ctx.heading.closest('article, main, [role="main"]')) return undefined;
  const titleRest = titleParts(ctx.docTitle).slice(1);
  if ([...siteNames(ctx), ...titleRest].some((name) => fold(name) === heading)) return undefined;
  let anchor: Element | null = ctx.heading;
  for (let i = 0; anchor && i < 3 && !anchor.nextElementSibling; i++) anchor = anchor.parentElement;
  const next = anchor?.nextElementSibling;
  if (!next || !/^(?:div|p)$/i.test(next.tagName) || next.children.length) return undefined;
  if (next.nextElementSibling?.tagName.toLowerCase() === 'p') return undefined;
  const text = textOf(next, 300);
  if (text.length < 20 || text.length > 200 || (text.match(/[.!?](?:\s|$)/g) ?? []).length > 2)
    return undefined;
  if (
    BYLINE_LINE.test(text) ||
    labelField(text) ||
    LABEL_LINE.test(text) ||
    parseDate(text) ||
    /\d{4}/.test(text)
  )
    return undefined;
  return fold(text) === fold(ctx.headingText) ? undefined : text;
};

const RULES: Rule<string>[] = [
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'alternativeHeadline'))[0],
  (ctx) => firstMeta(ctx.meta, 'citation_subtitle', 'prism.subtitle'),
  besideHeading,
  standfirstAfterHeading,
  plainLineUnderHeading,
];

export function extractSubtitle(ctx: ExtractionContext, title: string | undefined): string | undefined {
  return firstRule(
    ctx,
    RULES.map((rule) => (c: ExtractionContext) => cleanText(rule(c) ?? '', 300) || undefined),
    (value) => !title || fold(value) !== fold(title),
  );
}

/** The subtitle as read before the title is known, once per extraction (the summary keeps clear of it). */
export function subtitleLine(ctx: ExtractionContext): string | undefined {
  if (!ctx.cache.has('subtitleLine')) ctx.cache.set('subtitleLine', extractSubtitle(ctx, undefined));
  return ctx.cache.get('subtitleLine') as string | undefined;
}
