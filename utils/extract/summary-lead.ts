/**
 * The lead the page marks under its heading: the opening paragraph set apart by class (p.lead,
 * div.intro, .standfirst, .teaser, .excerpt, .chapo, "bold-text", large type). Where the page's
 * description is not shown on it (text written for search engines and social cards), the reader
 * reads the lead, and the lead is the item's summary.
 */
import type { ExtractionContext } from './context';
import { subtitleLine } from './subtitle';
import { fold, textOf } from './text';
import { BYLINE_LINE } from '@/utils/detect/vocabulary';

/** Elements after the heading looked at: the lead comes before the body's first paragraphs. */
const AFTER_HEADING = 80;
const MIN_LEAD = 80;
const MAX_LEAD = 1_000;
/** Where a description shown under the heading stands: a dek, a standfirst, a paragraph. */
const SEEN_TAGS = new Set(['p', 'div', 'h2', 'h3', 'span', 'strong', 'em']);
const LEAD_CLASS =
  /(?:^|[-_\s])(?:lead|lede|intro|introtext|standfirst|teaser|excerpt|abstract|summary|chapo|subline|vorspann)(?:$|[-_\s])|(?:article|post|entry|story)[-_]*desc(?:ription)?(?:$|\s)/i;
/** Bold or large type marks a lead only on a paragraph (or its one wrapper): on a block it is any styled box (a bio). */
const STYLED_CLASS = /(?:^|[-_\s])(?:bold|text-(?:lg|xl))(?:$|[-_\s])/i;
/** A photo's caption or credit, a gallery's text, a byline or date line: not the lead. */
const NOT_LEAD =
  /caption|credit|image|photo|media|slide|gallery|author|byline|meta|date|share|related|comment|(?:^|[-_\s])info(?:$|[-_\s])/i;
/** A caption or credit line, a byline: "Foto: …", "Bild: …", "Von Anna Berg und …". */
const NOT_LEAD_TEXT = /^(?:foto|photo|bild|beeld|image)\b/i;
/** Elements before the heading looked at for a description shown there (a kicker, a dek above). */
const BEFORE_HEADING = 10;

/** Not in a figure, an aside, a quotation or a block about another item; no picture inside. */
function outsideText(ctx: ExtractionContext, el: Element): boolean {
  return (
    ctx.isElsewhere(el) ||
    Boolean(
      el.closest('aside, figure, figcaption, blockquote') || el.querySelector('img, picture, figure, video'),
    )
  );
}

/**
 * A marked block that is no lead: a card of another item (a heading inside, or text that is mostly
 * one link), a caption beside a bare picture, a credit or a byline.
 */
function notALead(el: Element, text: string): boolean {
  if (NOT_LEAD_TEXT.test(text) || BYLINE_LINE.test(text)) return true;
  const before = el.previousElementSibling;
  if (before && /^(?:img|picture)$/i.test(before.localName)) return true;
  if (el.querySelector('h2, h3, h4, h5, h6')) return true;
  const link = el.querySelector('a');
  return Boolean(link && textOf(link, MAX_LEAD).length * 2 > text.length);
}

/** A paragraph, or a block whose one child is a paragraph (the styled wrapper of one). */
function styledParagraph(el: Element, tag: string): boolean {
  return tag === 'p' || (el.children.length === 1 && el.firstElementChild?.localName === 'p');
}

/** The folded text of the short elements just before the heading (a kicker, a dek above it). */
function seenBefore(ctx: ExtractionContext, at: number): string {
  let seen = '';
  for (let i = Math.max(0, at - BEFORE_HEADING); i < at; i++) {
    const el = ctx.elements.all[i];
    if (!SEEN_TAGS.has(ctx.elements.tags[i]) || el.children.length > 0) continue;
    seen += ` ${fold(textOf(el, MAX_LEAD * 2))}`;
  }
  return seen;
}

interface Lead {
  text: string;
  /** The folded text of the elements passed on the way: where a description shown there is. */
  seen: string;
}

/** The first marked lead after the heading, before the body's first unmarked paragraph. */
function findLead(ctx: ExtractionContext): Lead | undefined {
  const heading = ctx.heading;
  if (!heading) return undefined;
  const all = ctx.elements.all;
  const at = all.indexOf(heading);
  if (at < 0) return undefined;
  let seen = seenBefore(ctx, at);
  for (let i = at + 1; i < all.length && i <= at + AFTER_HEADING; i++) {
    const el = all[i];
    const tag = ctx.elements.tags[i];
    if (!SEEN_TAGS.has(tag) || heading.contains(el)) continue;
    const leaf = !el.firstElementChild;
    // Text is read where it is seen (a paragraph, a leaf) or may be the lead (a marked block).
    if (!leaf && tag !== 'p' && tag !== 'div') continue;
    // The class as written (linkedom's getAttribute('class') builds a token list first).
    const cls = el.getAttributeNode('class')?.value ?? '';
    const marked = LEAD_CLASS.test(cls) || (STYLED_CLASS.test(cls) && styledParagraph(el, tag));
    if (!leaf && tag === 'div' && !marked) continue;
    const text = textOf(el, MAX_LEAD * 2);
    if (tag === 'p' || leaf) seen += ` ${fold(text)}`;
    if ((tag !== 'p' && tag !== 'div') || text.length < MIN_LEAD || text.length > MAX_LEAD) continue;
    if (marked && !NOT_LEAD.test(cls) && !outsideText(ctx, el) && !notALead(el, text))
      return { text, seen: `${seen} ${fold(text)}` };
    // The body's first paragraph, unmarked: the page has no lead of its own.
    if (tag === 'p' && !outsideText(ctx, el)) return undefined;
  }
  return undefined;
}

/**
 * The page's marked lead when the description it declares is not shown around it (a dek, the lead
 * itself or the first paragraphs), and the lead is not the subtitle: the same line is not both.
 */
export function leadOverDescription(ctx: ExtractionContext, description: string): string | undefined {
  const lead = findLead(ctx);
  if (!lead) return undefined;
  const stem = fold(description.replace(/(?:\s*(?:…|\.\.\.|\[…\]))+$/, '')).slice(0, 80);
  if (!stem || lead.seen.includes(stem)) return undefined;
  const subtitle = fold(subtitleLine(ctx) ?? '');
  if (subtitle && (subtitle === fold(lead.text) || subtitle.includes(stem))) return undefined;
  return lead.text;
}
