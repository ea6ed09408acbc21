/**
 * Visible bylines: byline elements (<byline>, rel=author, itemprop=author, class "byline"/"author") and
 * byline lines ("Door A en B", "By A and B", "Von A") in the article, never in chrome or cards.
 */
import { cleanAuthors, isNameAlone } from './authors';
import { keptRule, type ExtractionContext, type Rule } from './context';
import { bylineWordHolders } from './byline-words';
import { allMeta } from './meta';
import { fold, textOf } from './text';
import {
  AUTHOR_LABELS,
  BYLINE_LINE,
  BYLINE_PREFIX_ANY,
  BYLINE_PREFIX_ONLY,
  PERSON_LABELS,
  bylineOf,
} from '@/utils/detect/vocabulary';

const MAX_BYLINE_NODES = 300;
/** Reader comments (not an article of class "commentary"). */
export const COMMENTS = '#comments, [id^="comment"], [class*="comment"]:not([class*="commentary"])';
const BYLINE_SELECTOR =
  'byline, [rel~="author"], [itemprop="author"], [class*="byline"], [id*="byline"], [class*="author"], [class*="Author"], [class*="writtenby"], [class~="writer"], [class*="writer-name"], [class*="p-author"]';

const HIDDEN = '[hidden], [style*="display: none"], [style*="display:none"]';
/**
 * Outside the article: a related block, navigation or the site's footer. An article's own footer
 * (<article><footer>von Anna · 3. Mai</footer></article>) is where many themes put the byline.
 */
function bylineElsewhere(ctx: ExtractionContext, el: Element): boolean {
  // A byline the theme hides (a microformat copy, style="display: none") is no one the reader sees.
  if (el.closest(HIDDEN)) return true;
  if (anotherArticle(ctx, el)) return true;
  if (!ctx.isElsewhere(el)) return false;
  if (ctx.relatedBlocks.some((block) => block.contains(el))) return true;
  const nav = el.closest('nav, [role="navigation"], [role="contentinfo"]');
  if (nav) return !headingsMetaRow(ctx, nav);
  return !el.closest('footer')?.parentElement?.closest('article');
}

/**
 * A <nav> in the heading's own block (or the one around it), after the heading (<div class="hd"><h1>…</h1><h2>…</h2><nav
 * class="post-by">Edited by …</nav></div>), with no list and a few links at most: the article's
 * meta row, not the site's menu.
 */
function headingsMetaRow(ctx: ExtractionContext, nav: Element): boolean {
  const block = nav.parentElement;
  const heading = ctx.heading;
  if (!block || !heading || /^(?:body|main|article|html)$/i.test(block.tagName)) return false;
  const branch = block === heading.parentElement ? heading : heading.parentElement;
  if (!branch || branch.parentElement !== block) return false;
  if (nav.querySelector('ul, ol') || nav.querySelectorAll('a').length > 3) return false;
  // After the heading, among the next few elements of the block.
  let next = branch.nextElementSibling;
  for (let i = 0; next && next !== nav && i < 6; i++) next = next.nextElementSibling;
  return next === nav;
}

/**
 * A byline in an <article> other than the one that holds the page's heading: beside it, another
 * article's teaser card; inside it, a card only where it heads a link of its own to another page
 * (a slider of opinion pieces). Drupal renders the article's own experts as nested articles
 * (<article class="node--type-expert">, a linked name as heading): those are this article's.
 */
function anotherArticle(ctx: ExtractionContext, el: Element): boolean {
  const own = ctx.heading?.closest('article');
  const card = own && el.closest('article');
  if (!card || card === own || card.contains(own)) return false;
  if (!own.contains(card)) return true;
  if (PERSON_CARD.test(card.getAttribute('class') ?? '')) return false;
  const link = card.querySelector('h2 a[href], h3 a[href], h4 a[href]');
  return Boolean(link && !link.contains(el) && !el.contains(link) && !link.matches('[rel~="author"]'));
}

/**
 * A further author element in a teaser card below the byline: a block headed by a link to another
 * page ("Related": <h3><a href="/other-post/">…</a></h3> … By <a rel="author">…</a>), up to the
 * block that holds the article's byline.
 */
function teaserCard(el: Element, byline: Element): boolean {
  for (let block = el.parentElement, i = 0; block && i < 6 && !block.contains(byline); i++) {
    const link = block.querySelector('h2 a[href], h3 a[href], h4 a[href]');
    if (link && !link.contains(el) && !el.contains(link) && !link.matches('[rel~="author"]')) return true;
    block = block.parentElement;
  }
  return false;
}

/** A nested article that is a person's card ("node--type-expert", "person-teaser"). */
const PERSON_CARD = /(?:expert|person|people|author|auteur|autor|profile|staff|medewerker|contributor)/i;

/** Byline elements: rel=author, itemprop=author, class "byline"/"author" — short text only. */
export const fromBylineElements: Rule<string[]> = keptRule('bylineElements', (ctx) => {
  const nodes = ctx.select.all(BYLINE_SELECTOR);
  const found: string[] = [];
  const accepted: Element[] = [];
  const failed: Element[] = [];
  for (let i = 0; i < nodes.length && i < MAX_BYLINE_NODES; i++) {
    const el = nodes[i];
    if (bylineElsewhere(ctx, el) || el.closest(`header[role="banner"], ${COMMENTS}`)) continue;
    if (accepted.some((outer) => outer.contains(el))) continue;
    if (accepted.length && teaserCard(el, accepted[0])) continue;
    // A box that yields no name ("By Oli Coleman View author archive …") leaves to its inner
    // elements only a line that is a byline ("By Oli Coleman"), not its other widgets' names.
    const inFailed = failed.some((outer) => outer.contains(el));
    const text = inFailed && !BYLINE_LINE.test(textOf(el, 200)) ? undefined : bylineName(el);
    if (!text) {
      if (!inFailed) failed.push(el);
      continue;
    }
    accepted.push(el);
    found.push(text);
    // The first byline block is the article's; later ones are usually other articles' cards.
    if (!el.matches('[rel~="author"], [itemprop="author"]')) break;
  }
  return found;
});

/**
 * The name in a byline element: its itemprop=name, its own text, or, when the row also holds a
 * date or counts ("by Lucas Nolan 22 Dec 2016 651"), the author element inside it.
 */
function bylineName(el: Element): string | undefined {
  const usable = (text: string) => text && text.length <= 100 && cleanAuthors([text], true).length > 0;
  const listed = listedNames(el);
  if (listed) return listed;
  const text = textOf(el.querySelector('[itemprop="name"]') ?? el, 200);
  const part = rowByline(text);
  if (part && usable(part)) return part;
  if (usable(text)) return text;
  const inner = el.querySelector(
    '[rel~="author"], [class*="byauthor"], [class*="author-name"], [class*="author__name"]',
  );
  const innerText = inner ? textOf(inner, 200) : '';
  if (usable(innerText)) return innerText;
  // An author box: the name is its heading, the rest a role, a bio and buttons ("Follow").
  const heading = textOf(el.querySelector('h2, h3, h4, h5'), 200);
  return isNameAlone(heading) && !boxTitle(heading) && usable(heading) ? heading : undefined;
}

/** Words of an author box's own title ("Über den Autor", "Meet The Team"), folded. */
const BOX_TITLE_WORDS = new Set([
  ...AUTHOR_LABELS,
  ...'about uber ueber over meet team our unser unsere ons onze'.split(' '),
]);

/** An author box's title rather than the writer's name: a word of it is a label or "about". */
function boxTitle(heading: string): boolean {
  return fold(heading)
    .split(' ')
    .some((word) => BOX_TITLE_WORDS.has(word));
}

/**
 * The byline part of a meta row ("Dezember 10, 2019 · von blauwal1977 · in Uncategorized"): the
 * name after the prefix, not the row's date and category.
 */
function rowByline(text: string): string | undefined {
  const parts = text.split(/\s+[|·•]\s+/);
  if (parts.length < 2) return undefined;
  const part = parts.find((item) => BYLINE_PREFIX_ANY.test(item));
  return part?.replace(BYLINE_PREFIX_ANY, '');
}

/**
 * A byline that lists people one per item, each with a role or photo beside the name
 * (<li><a>Jan de Vries</a><span class="role">Onderzoeker</span></li>): the names, one per line.
 * Text alone would run name and role together ("Jan de VriesOnderzoeker").
 */
function listedNames(el: Element): string | undefined {
  // Only the byline's own list: its items, or those of a list directly inside it.
  const lists = /^(?:ul|ol)$/i.test(el.tagName)
    ? [el]
    : [...el.children].filter((child) => /^(?:ul|ol)$/i.test(child.tagName));
  const items = lists.flatMap((list) =>
    [...list.children].filter((child) => child.tagName.toLowerCase() === 'li'),
  );
  if (items.length < 1 || items.length > 12) return undefined;
  const names: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const name =
      item.querySelector('[itemprop="name"], [class*="__name"], [class*="-name"], [class$="name"]') ??
      item.querySelector('a[href]');
    if (!name) return undefined;
    const text = textOf(name, 100);
    // Names are short: a list of titles (an author bio's other papers) is not a byline.
    if (text.split(' ').length > 5) return undefined;
    if (text) names.push(text);
  }
  return names.length ? names.join('\n') : undefined;
}

/** Elements a byline line may be: blocks and the inline wrappers sites put it in (<p><i>von X</i></p>). */
const BYLINE_LINES = 'p, span, div, li, i, em, small, address, strong, b, font';

/**
 * "Door A en B" / "By A and B" / "Von A" on a line of its own: near the heading first, then in the
 * main region or article (the byline row may sit below a lead image), never in chrome or cards.
 */
export const fromBylineText: Rule<string[]> = keptRule('bylineText', (ctx) => bylineLine(ctx));

/**
 * The first byline line `accept` takes: a republished article's own byline ("Written by: Jan
 * Jansen" in the text) after the site's row above it ("By The Weekly Planet - May 3, 2021").
 */
export function bylineLineWhere(accept: (ctx: ExtractionContext, byline: string) => boolean): Rule<string[]> {
  return (ctx) => bylineLine(ctx, accept);
}

function bylineLine(
  ctx: ExtractionContext,
  accept?: (ctx: ExtractionContext, byline: string) => boolean,
): string[] | undefined {
  const holders = bylineWordHolders(ctx);
  const near = ctx.heading?.parentElement?.parentElement;
  const main = ctx.select.first('main, [role="main"], article');
  const scopes = [near, main, ctx.doc.body].filter(
    (scope, i, all): scope is Element => Boolean(scope) && all.indexOf(scope) === i,
  );
  // A line read in an inner scope is read no second time in an outer one: it was no byline there.
  const read = new Set<Element>();
  for (const scope of scopes) {
    const lines = ctx.select.all(BYLINE_LINES, scope);
    for (let i = 0; i < lines.length && i < 400; i++) {
      const el = lines[i];
      if (read.has(el)) continue;
      read.add(el);
      if (holders && !holders.has(el)) continue;
      const text = el.children.length > 6 ? '' : textOf(el, 200);
      const byline = text && text.length < 160 ? (bylineOf(text) ?? prefixApart(el, text)) : closingLabel(el);
      if (
        byline &&
        !bylineElsewhere(ctx, el) &&
        !el.closest(`aside, figure, figcaption, ${COMMENTS}`) &&
        (!accept || accept(ctx, byline))
      )
        return [byline];
    }
  }
  return undefined;
}

/** "Autor: Jan Jansen" as the last line of a text written with <br> between its paragraphs. */
const CLOSING_LABEL = new RegExp(`^(?:${PERSON_LABELS.join('|')})\\s*[:：]\\s*\\p{Lu}`, 'iu');

/**
 * The author label on the last line of a long block whose paragraphs are separated by <br> (a
 * signature: "…, rügte das Gericht.<br><br>Autor: <a>Rechtsanwalt</a> Jan Jansen"); the line
 * after the block's last <br>, a few nodes at most.
 */
function closingLabel(el: Element): string | undefined {
  // The last <br> among the last few nodes, found without reading any text.
  let br: ChildNode | null = el.lastChild;
  for (let i = 0; br && i < 8 && br.nodeName.toUpperCase() !== 'BR'; i++) br = br.previousSibling;
  if (!br || br.nodeName.toUpperCase() !== 'BR') return undefined;
  let line = '';
  for (let node = br.nextSibling; node && line.length < 200; node = node.nextSibling)
    line += node.nodeType === 1 ? ` ${textOf(node as Element, 200)} ` : (node.nodeValue ?? '').slice(0, 200);
  const text = line.replace(/\s+/g, ' ').trim();
  return text.length < 120 && CLOSING_LABEL.test(text) ? text : undefined;
}

/**
 * "By" in an element of its own and the name in the next, which textContent runs together
 * ("<span>By</span><a>J.R. Stone</a>" → "ByJ.R. Stone"): the byline with the space put back.
 */
function prefixApart(el: Element, text: string): string | undefined {
  const first = el.firstElementChild;
  if (!first || (el.firstChild?.nodeType === 3 && el.firstChild.textContent?.trim())) return undefined;
  const prefix = textOf(first, 40);
  if (!prefix || !BYLINE_PREFIX_ONLY.test(prefix) || !text.startsWith(prefix)) return undefined;
  return bylineOf(`${prefix} ${text.slice(prefix.length).trim()}`);
}

/**
 * A link to the writer's page ("/author/jan-jansen/", "/autoren/"); not "/editors/", most often an
 * editorial board ("Academic Editor: <a href="/editors/…">").
 */
const AUTHOR_PAGE = /\/(?:authors?|autor(?:en|in)?|auteurs?|redakteur(?:e|in)?)\/[^/?#]/i;

/**
 * Whether the links stand in running text ("As our colleague <a>Jan Jansen</a> wrote last week,
 * …"): their parent's text is much longer than theirs. A byline adds little ("Lena Voss, @lena 1h ago").
 */
function inSentence(parent: Element | null, names: string[]): boolean {
  const own = names.reduce((sum, name) => sum + name.length, 0);
  return textOf(parent, own + 120).length > own + 40;
}

/**
 * The name a link to the writer's page shows: its itemprop=name where it marks one, not the
 * portrait's credit beside it ("© Jana Klein Jana Klein").
 */
function linkName(link: Element): string {
  return textOf(link.querySelector('[itemprop="name"]') ?? link, 100);
}

/** A page's address by its last path step ("https://x.example/about/editors/jon-berg/" → "jon-berg"). */
function lastStep(href: string): string {
  const path = href.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/**
 * A link to a writer's page: by its path (/author/, /autoren/), or to the profile that
 * article:author names ("https://x.example/editors/jon-berg", the byline's link to
 * "/about/editors/jon-berg/").
 */
function writerPages(ctx: ExtractionContext): (href: string) => boolean {
  const profiles = new Set(
    allMeta(ctx.meta, 'article:author')
      .filter((value) => /^https?:\/\//.test(value))
      .map(lastStep)
      .filter((step) => /\p{L}{2}.*-/u.test(step)),
  );
  return (href) => AUTHOR_PAGE.test(href) || (profiles.size > 0 && profiles.has(lastStep(href)));
}

/** Links in one run at most: a byline's writers, each with a portrait link and a name link. */
const MAX_RUN = 40;

/**
 * Links to the writers' pages in the article, where the byline has no byline class or prefix
 * ("<a href="/about/authors/jan-jansen/">Jan Jansen</a>, @jan · 1h ago"): the names of the first
 * run of such links (one parent), never in chrome, cards or comments.
 */
export const fromAuthorLinks: Rule<string[]> = keptRule('authorLinks', (ctx) => {
  const links = ctx.links();
  const writerPage = writerPages(ctx);
  for (let i = 0; i < links.length; i++) {
    const { el, href } = links[i];
    if (!writerPage(href) || bylineElsewhere(ctx, el) || el.closest(`aside, ${COMMENTS}`)) continue;
    const parent = el.parentElement;
    const names: string[] = [];
    let j = i;
    for (; j < links.length; j++) {
      if (links[j].el.parentElement !== parent || !writerPage(links[j].href)) break;
      const text = j - i < MAX_RUN && names.length < 12 ? linkName(links[j].el) : '';
      if (text) names.push(text);
    }
    // A longer run is a list of the site's writers, not a byline; a run is read once.
    if (names.length && j - i <= MAX_RUN && !inSentence(parent, names)) return names;
    i = j - 1;
  }
  return undefined;
});
