/**
 * The lead the page marks under its heading: the opening paragraph set apart by class (p.lead,
 * div.intro, .standfirst, .teaser, .excerpt, .chapo, "bold-text", large type). Where the page's
 * description is not shown on it (text written for search engines and social cards), the reader
 * reads the lead, and the lead is the item's summary.
 */
import type { ExtractionContext } from './context';
import { subtitleLine } from './subtitle';
import { fold, textOf } from './text';

/** Elements after the heading looked at: the lead comes before the body's first paragraphs. */
const AFTER_HEADING = 80;
const MIN_LEAD = 80;
const MAX_LEAD = 1_000;
/** Where a description shown under the heading stands: a dek, a standfirst, a paragraph. */
const SEEN_TAGS = new Set(['p', 'div', 'h2', 'h3', 'span', 'strong', 'em']);
const LEAD_CLASS =
  /(?:^|[-_\s])(?:lead|lede|intro|introtext|standfirst|teaser|excerpt|abstract|summary|chapo|subline|vorspann|bold|text-(?:lg|xl))(?:$|[-_\s])|(?:article|post|entry|story)[-_]*desc(?:ription)?(?:$|\s)/i;
/** A photo's caption or credit, a gallery's text, a byline or date line: not the lead. */
const NOT_LEAD =
  /caption|credit|image|photo|media|slide|gallery|author|byline|meta|date|share|related|comment/i;

/** Not in a figure, an aside, a quotation or a block about another item; no picture inside. */
function outsideText(ctx: ExtractionContext, el: Element): boolean {
  return (
    ctx.isElsewhere(el) ||
    Boolean(
      el.closest('aside, figure, figcaption, blockquote') || el.querySelector('img, picture, figure, video'),
    )
  );
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
  let seen = '';
  for (let i = at + 1; at >= 0 && i < all.length && i <= at + AFTER_HEADING; i++) {
    const el = all[i];
    const tag = el.tagName.toLowerCase();
    if (!SEEN_TAGS.has(tag) || heading.contains(el)) continue;
    const text = textOf(el, MAX_LEAD * 2);
    if (tag === 'p' || el.children.length === 0) seen += ` ${fold(text)}`;
    if ((tag !== 'p' && tag !== 'div') || text.length < MIN_LEAD || text.length > MAX_LEAD) continue;
    const cls = el.getAttribute('class') ?? '';
    if (LEAD_CLASS.test(cls) && !NOT_LEAD.test(cls) && !outsideText(ctx, el))
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
