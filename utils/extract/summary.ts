/** Field: the publisher's description, or the opening paragraph; plain text, about 1,000 characters at most. */
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf } from './jsonld';
import { labelField } from './labels';
import { firstMeta } from './meta';
import { cleanText, fold, textOf } from './text';

export const MAX_SUMMARY = 1_000;
const MIN_PARAGRAPH = 80;
const MAX_PARAGRAPHS = 400;

/** Cut at a word boundary with an ellipsis, so a long text never ends mid-word. */
export function shorten(text: string, max = MAX_SUMMARY): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The first paragraph of running text after the heading, outside navigation, asides of labels and related blocks. */
export function firstParagraph(ctx: ExtractionContext): string | undefined {
  const scope = ctx.doc.querySelector('main, [role="main"], article') ?? ctx.doc.body;
  if (!scope) return undefined;
  const paragraphs = scope.querySelectorAll('p');
  const heading = ctx.heading;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const p = paragraphs[i];
    // Before the heading: breadcrumbs, kickers, cookie banners.
    if (heading && heading.compareDocumentPosition(p) & 2) continue;
    if (ctx.isElsewhere(p) || p.closest('header[role="banner"], aside, figure, figcaption, blockquote, [role="dialog"], [class*="cookie"]')) continue;
    const text = textOf(p, MAX_SUMMARY * 2);
    if (text.length < MIN_PARAGRAPH) continue;
    const colon = text.indexOf(':');
    if (colon > 0 && colon < 30 && labelField(text.slice(0, colon))) continue;
    return text;
  }
  return undefined;
}

const fromDescription: Rule<string> = (ctx) =>
  namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'description'))[0] ??
  firstMeta(ctx.meta, 'citation_abstract', 'dc.description', 'dcterms.abstract', 'dcterms.description', 'og:description', 'description', 'twitter:description');

const RULES: Rule<string>[] = [fromDescription, firstParagraph];

/**
 * A description that is only the start of the opening paragraph (CMSes trim it to a sentence or
 * to N characters with "…") stands for that paragraph: the reader wants the whole of it.
 */
function completeTruncated(ctx: ExtractionContext, description: string): string {
  const stem = fold(description.replace(/(?:\s*(?:…|\.\.\.|\[…\]))+$/, ''));
  if (stem.length < 30) return description;
  const paragraph = firstParagraph(ctx);
  if (!paragraph || paragraph.length <= description.length) return description;
  const truncated = /(?:…|\.\.\.)$/.test(description);
  const opening = fold(paragraph).startsWith(stem);
  return opening && (truncated || paragraph.length <= MAX_SUMMARY) ? paragraph : description;
}

export function extractSummary(ctx: ExtractionContext): string | undefined {
  const raw = firstRule(ctx, RULES.map((rule) => (c: ExtractionContext) => cleanText(rule(c) ?? '', MAX_SUMMARY * 2) || undefined));
  return raw ? shorten(completeTruncated(ctx, raw)) : undefined;
}
