/** Field: the subtitle, when the page states one beside its main heading. */
import { BYLINE_LINE } from '@/utils/detect/vocabulary';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { parseDate } from './dates';
import { mainValue, namesOf } from './jsonld';
import { labelField } from './labels';
import { firstMeta } from './meta';
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
  for (const el of afterHeading(ctx)) {
    if (!/^(?:p|div|h2|h3|span)$/i.test(el.tagName) || el.children.length > 3) continue;
    const text = textOf(el, 400);
    if (text.length < 15 || text.length > 350) continue;
    const shown = description.length >= 20 && fold(text) === description;
    if (!shown && !DEK_CLASS.test(el.getAttribute('class') ?? '')) continue;
    if (BYLINE_LINE.test(text) || labelField(text) || parseDate(text) || fold(text) === fold(ctx.headingText))
      continue;
    return text;
  }
  return undefined;
};

const RULES: Rule<string>[] = [
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'alternativeHeadline'))[0],
  (ctx) => firstMeta(ctx.meta, 'citation_subtitle', 'prism.subtitle'),
  besideHeading,
  standfirstAfterHeading,
];

export function extractSubtitle(ctx: ExtractionContext, title: string | undefined): string | undefined {
  return firstRule(
    ctx,
    RULES.map((rule) => (c: ExtractionContext) => cleanText(rule(c) ?? '', 300) || undefined),
    (value) => !title || fold(value) !== fold(title),
  );
}
