/** Field: the subtitle, when the page states one beside its main heading. */
import { BYLINE_LINE } from '@/utils/detect/vocabulary';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { parseDate } from './dates';
import { mainValue, namesOf } from './jsonld';
import { labelField } from './labels';
import { firstMeta } from './meta';
import { cleanText, fold, textOf } from './text';

const SUBTITLE_CLASS = /(?:^|[-_\s])(?:sub-?title|subheading|subhead|ondertitel|deck|dek|standfirst|strapline|tagline)|subtitle|ondertitel/i;

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
  if (BYLINE_LINE.test(text) || labelField(text) || parseDate(text) || el.querySelector('time, a[rel~="author"]')) return undefined;
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

const RULES: Rule<string>[] = [
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'alternativeHeadline'))[0],
  (ctx) => firstMeta(ctx.meta, 'citation_subtitle', 'prism.subtitle'),
  besideHeading,
];

export function extractSubtitle(ctx: ExtractionContext, title: string | undefined): string | undefined {
  return firstRule(
    ctx,
    RULES.map((rule) => (c: ExtractionContext) => cleanText(rule(c) ?? '', 300) || undefined),
    (value) => !title || fold(value) !== fold(title),
  );
}
