/** Field: the publisher's description, or the opening paragraph; plain text, about 1,000 characters at most. */
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf } from './jsonld';
import { labelField } from './labels';
import { firstMeta } from './meta';
import { cleanText, fold } from './text';
import { decodeEntities, siteNames } from './site-names';
import { BYLINE_LINE } from '@/utils/detect/vocabulary';
import { leadOverDescription } from './summary-lead';

export const MAX_SUMMARY = 1_000;
const MIN_PARAGRAPH = 80;
const MIN_SENTENCE = 25;
const MAX_PARAGRAPHS = 400;
/** A paragraph this many times as long as a description cut from it with "…" is more than the cut. */
const CUT_RUNS_ON = 3;

/** Cut at a word boundary with an ellipsis, so a long text never ends mid-word. */
export function shorten(text: string, max = MAX_SUMMARY): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The first paragraph of running text after the heading, outside navigation, asides of labels and related blocks. */
export function firstParagraph(ctx: ExtractionContext): string | undefined {
  if (!ctx.cache.has('firstParagraph')) ctx.cache.set('firstParagraph', findFirstParagraph(ctx));
  return ctx.cache.get('firstParagraph') as string | undefined;
}

function findFirstParagraph(ctx: ExtractionContext): string | undefined {
  const scope = ctx.select.first('main, [role="main"], article') ?? ctx.doc.body;
  if (!scope) return undefined;
  const heading = ctx.heading;
  // Document order from one query (compareDocumentPosition is not reliable in every DOM).
  const nodes = ctx.elements.headingsAndParagraphs;
  let afterHeading = !heading || !scope.contains(heading);
  for (let i = 0, seen = 0; i < nodes.length && seen < MAX_PARAGRAPHS; i++) {
    const p = nodes[i];
    if (p === heading) {
      afterHeading = true;
      continue;
    }
    // Before the heading: breadcrumbs, kickers, cookie banners.
    if (!afterHeading || p.tagName.toLowerCase() !== 'p') continue;
    seen++;
    const text = blockText(p, MAX_SUMMARY * 2);
    if (!isRunningText(text, p)) continue;
    if (
      !scope.contains(p) ||
      ctx.isElsewhere(p) ||
      p.closest(
        'header[role="banner"], aside, figure, figcaption, blockquote, [role="dialog"], [class*="cookie"]',
      )
    )
      continue;
    return text;
  }
  return firstTextBlock(ctx, scope);
}

/** A paragraph of prose: long enough, or a whole short sentence; not a "Label: value" line or a subtitle. */
function isRunningText(text: string, el: Element): boolean {
  const colon = text.indexOf(':');
  if (colon > 0 && colon < 30 && labelField(text.slice(0, colon))) return false;
  if (text.length >= MIN_PARAGRAPH) return true;
  if (/sub-?title|ondertitel|kicker|label|meta|date|byline|caption/i.test(el.getAttribute('class') ?? ''))
    return false;
  return text.length >= MIN_SENTENCE && /[.!?]$/.test(text) && text.split(' ').length >= 4;
}

/** Pages without <p>: the first block whose own text (not its children's) is running text. */
function firstTextBlock(ctx: ExtractionContext, scope: Element): string | undefined {
  const blocks = scope.querySelectorAll('div, td, section, article, blockquote');
  for (let i = 0; i < blocks.length && i < MAX_PARAGRAPHS * 4; i++) {
    const block = blocks[i];
    let own = 0;
    const nodes = block.childNodes;
    for (let j = 0; j < nodes.length && j < 100; j++)
      if (nodes[j].nodeType === 3) own += (nodes[j].nodeValue ?? '').trim().length;
    if (own < MIN_PARAGRAPH || ctx.isElsewhere(block)) continue;
    return blockText(block, MAX_SUMMARY * 2);
  }
  return undefined;
}

/** Text with a space for every <br> and block boundary (textContent runs "a<br>b" together). */
export function blockText(el: Element, max: number): string {
  let out = '';
  let visited = 0;
  const walk = (node: Node): void => {
    if (out.length > max * 2 || visited++ > 5_000) return;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
    if (tag === 'br') {
      out += ' ';
      return;
    }
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]);
    if (/^(?:p|div|li|h\d|td|tr|section|blockquote)$/.test(tag)) out += ' ';
  };
  walk(el);
  return cleanText(out, max);
}

/** A description that says nothing of this item: the site's name ("watson - das newsportal") or the title again. */
function saysNothing(ctx: ExtractionContext, text: string): boolean {
  const folded = fold(text);
  const site = firstMeta(ctx.meta, 'og:site_name', 'application-name');
  const same = (other: string | undefined) => Boolean(other) && fold(other!) === folded;
  return same(site) || same(ctx.headingText) || same(ctx.docTitle) || same(firstMeta(ctx.meta, 'og:title'));
}

/**
 * A social card's quote or byline in the description slot ("“A woman's hair is part of her core
 * identity.”", "By Jane Roe", "Par Didier Roy (Planète Asie, 21 juin 2018)"): words from the
 * item or about its author, not a summary of it.
 */
function quoteOrByline(text: string): boolean {
  // One quotation whole: no quote mark closes or opens inside ("„Thuis wonen“: … „Zorg dichtbij“" is a summary).
  if (/^["“„«»‘'][^"“”„«»]*["”“«»’']$/u.test(text)) return true;
  return BYLINE_LINE.test(text) && text.split(/\s+/).length <= 12;
}

const significant = (text: string) =>
  fold(text)
    .split(' ')
    .filter((word) => word.length >= 4);

/**
 * The site's tagline in the description slot, the same on every page ("Voorbeeldkrant is het
 * onafhankelijke nieuwsplatform van de regio", "Mein Blog - Ein weiterer WordPress-Blog"): not one
 * word of it is in the item's title.
 */
function isTagline(ctx: ExtractionContext, text: string): boolean {
  // The site's own name, often in the title too, says nothing of the item.
  const site = new Set(significant(siteNames(ctx).join(' ')));
  const title = new Set(significant(`${ctx.headingText} ${ctx.docTitle}`).filter((word) => !site.has(word)));
  return title.size > 0 && !significant(text).some((word) => title.has(word));
}

/** `<meta name="description">`: the tagline only where asked for (last, when nothing else is declared). */
function ownDescription(ctx: ExtractionContext, tagline: boolean): string | undefined {
  const text = firstMeta(ctx.meta, 'description');
  return text && isTagline(ctx, text) === tagline ? text : undefined;
}

const DESCRIPTION_RULES: Rule<string>[] = [
  // The page's own description before JSON-LD's (often generated from the body) and the one
  // written for sharing: a social card often carries a pull quote, a teaser question or the byline
  // ("By …", "“Finally, a safer street”", "Why did …? Find out here!").
  (ctx) => ownDescription(ctx, false),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'description'))[0],
  (ctx) =>
    firstMeta(ctx.meta, 'citation_abstract', 'dc.description', 'dcterms.abstract', 'dcterms.description'),
  (ctx) => firstMeta(ctx.meta, 'og:description'),
  (ctx) => firstMeta(ctx.meta, 'twitter:description'),
  (ctx) => ownDescription(ctx, true),
];

/**
 * The description two or more of the page's sources give alike, when the first source differs
 * from it: a description left over from a template or cut from the body ("Title Title is a …")
 * gives way to the one the other tags agree on.
 */
function agreed(candidates: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const text of candidates) counts.set(fold(text), (counts.get(fold(text)) ?? 0) + 1);
  const firstCount = counts.get(fold(candidates[0] ?? '')) ?? 0;
  return candidates.find(
    (text) => (counts.get(fold(text)) ?? 0) >= 2 && (counts.get(fold(text)) ?? 0) > firstCount,
  );
}

const wordCount = (text: string) => fold(text).split(' ').filter(Boolean).length;

/**
 * The first declared description that says something of the item; a tagline or fragment of a
 * few words ("The Home Of Australian Music", "Drucker • Etiketten • Service") gives way to a later
 * source that holds a sentence or more.
 */
const fromDescription: Rule<string> = (ctx) => {
  const candidates: string[] = [];
  for (const rule of DESCRIPTION_RULES) {
    try {
      const text = cleanText(decodeEntities(rule(ctx) ?? ''), MAX_SUMMARY * 2);
      if (text && !saysNothing(ctx, text) && !quoteOrByline(text)) candidates.push(text);
    } catch {
      // One broken source never sinks the field.
    }
  }
  const first = agreed(candidates) ?? candidates[0];
  if (!first || wordCount(first) > 5) return first;
  return candidates.find((text) => wordCount(text) >= 10) ?? first;
};

const RULES: Rule<string>[] = [fromDescription, firstParagraph];

/**
 * A description that is only the start of the opening paragraph (CMSes trim it to a sentence or
 * to N characters with "…") stands for that paragraph: the reader wants the whole of it, as long
 * as it is an intro and not the whole body.
 */
function completeTruncated(ctx: ExtractionContext, description: string): string {
  const stem = fold(description.replace(/(?:\s*(?:…|\.\.\.|\[…\]))+$/, ''));
  if (stem.length < 30) return description;
  const paragraph = firstParagraph(ctx);
  if (!paragraph || paragraph.length <= description.length) return description;
  // A "paragraph" longer than a summary may be is the body itself (a changelog, a post without
  // paragraphs), not an intro, and one that runs on to several times a cut marked "…" is a long
  // opening: the publisher's own cut reads better than ours.
  const opening = fold(paragraph).startsWith(stem);
  const marked = /(?:…|\.\.\.|\[…\]|\(\.\.\.\))\s*$/.test(description);
  const intro = paragraph.length <= (marked ? CUT_RUNS_ON * description.length : MAX_SUMMARY);
  return opening && intro && paragraph.length <= MAX_SUMMARY ? paragraph : description;
}

export function extractSummary(ctx: ExtractionContext): string | undefined {
  const raw = firstRule(
    ctx,
    RULES.map((rule) => (c: ExtractionContext) => cleanText(rule(c) ?? '', MAX_SUMMARY * 2) || undefined),
  );
  if (!raw) return undefined;
  // A description the page does not show gives way to the lead the page marks (summary-lead.ts).
  const lead = raw === firstParagraph(ctx) ? undefined : firstRule(ctx, [(c) => leadOverDescription(c, raw)]);
  return shorten(lead ?? completeTruncated(ctx, raw));
}
