/** Fields: themes (the publisher's own topic labels) and keywords (from metadata). */
import { isSectionName, PUBLICATION_LISTS } from '@/utils/detect/vocabulary';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { markedElements } from './visible-dates';
import { mainValue, namesOf } from './jsonld';
import { allMeta } from './meta';
import { decodeEntities } from './site-names';
import { cleanText, fold, textOf, uniqueBy } from './text';

const MAX_ITEMS = 30;

/** Split "a, b; c" into items, unless it is already a list. */
export function listItems(raws: string[], split = raws.length === 1): string[] {
  // Entities a CMS encoded twice ("Bewegung &amp;amp; Natur") decoded first: their ";" is no separator.
  const decoded = raws.map((raw) => decodeEntities(raw.slice(0, 5_000)));
  const items = split ? decoded.flatMap((raw) => raw.split(/\s*[;,|·•]\s*/)) : decoded;
  return uniqueBy(
    items.map((item) => cleanText(item, 100)).filter((item) => item.length >= 2 && item.length <= 100),
    fold,
  ).slice(0, MAX_ITEMS);
}

const fromLabels: Rule<string[]> = (ctx) => {
  const value = ctx.labels.get('themes');
  if (!value) return undefined;
  return value.items.length ? value.items : [value.text];
};

/**
 * Not about this item: in a related block, navigation or the site's footer. An entry's own footer
 * (<footer class="entry-footer"> in the article, or beside it as "entry-meta") holds its categories
 * and tags, which isElsewhere, for every footer, leaves out.
 */
function elsewhere(ctx: ExtractionContext, el: Element): boolean {
  if (!ctx.isElsewhere(el)) return false;
  if (ctx.relatedBlocks.some((block) => block.contains(el))) return true;
  if (el.closest('nav, [role="navigation"], [role="contentinfo"]')) return true;
  const footer = el.closest('footer');
  return (
    !footer || !(footer.closest('article, main') || ENTRY_FOOTER.test(footer.getAttribute('class') ?? ''))
  );
}

const ENTRY_FOOTER = /entry|post|article/i;

/** rel=tag links in the article (WordPress, Drupal taxonomy), not in cards of other publications. */
function relLinks(ctx: ExtractionContext, rel: RegExp): string[] {
  const out: string[] = [];
  for (const { el } of ctx.links()) {
    if (rel.test(el.getAttribute('rel') ?? '') && !elsewhere(ctx, el)) out.push(textOf(el, 100));
    if (out.length >= 100) break;
  }
  return out;
}

const fromTagLinks: Rule<string[]> = (ctx) => relLinks(ctx, /(?:^|\s)tag(?:\s|$)/i);
/** WordPress marks its category links rel="category tag": the categories are themes, the other tags keywords. */
const fromCategoryLinks: Rule<string[]> = (ctx) => relLinks(ctx, /(?:^|\s)category(?:\s|$)/i);
/** Only beside category links: elsewhere rel=tag links are the themes already. */
const fromPlainTagLinks: Rule<string[]> = (ctx) =>
  fromCategoryLinks(ctx)?.length ? relLinks(ctx, /^\s*tag\s*$/i) : undefined;

const HOME = /^(?:home|homepage|start|startseite|startpagina|accueil|inicio|übersicht|overview|\W*)$/i;

/** The breadcrumb's last section above the item ("Home › Politik › <title>" → "Politik"). */
const fromBreadcrumb: Rule<string[]> = (ctx) => {
  const trail = markedElements(ctx).breadcrumb;
  if (!trail) return undefined;
  const title = fold(ctx.headingText || ctx.docTitle);
  const crumbs = [...trail.querySelectorAll('a')]
    .slice(0, 12)
    .map((a) => textOf(a, 80))
    .filter(
      (text) =>
        text &&
        !HOME.test(text) &&
        fold(text) !== title &&
        !PUBLICATION_LISTS.has(fold(text)) &&
        !isSectionName(fold(text)),
    );
  return crumbs.length ? [crumbs[crumbs.length - 1]] : undefined;
};

/** A path segment that names a taxonomy, followed by the term: /topic/living-standards/, /thema/zorg. */
const TAXONOMY_PATH =
  /\/(?:topics?|tags?|themes?|thema'?s?|themas|themen|onderwerpen?|subjects?|dossiers?|issues?|category|categories|categorie|kategorie|rubrik|ressort|schlagworte?|stichworte?)\/[^/?#]+\/?(?:[?#]|$)/i;

const TAXONOMY_HINT = /\/(?:t[aho]|onder|sub|dos|iss|cat|kat|rub|res|sch|sti)/i;

/**
 * Unlabelled topic links (<ul class="tags"><li><a href="/topic/x/">…</a></li>…): links to
 * taxonomy pages that sit together in one small block of the article, not in navigation or cards.
 */
const fromTaxonomyLinks: Rule<string[]> = (ctx) => {
  let block: Element | null = null;
  const out: string[] = [];
  for (const { el, href } of ctx.links()) {
    // A cheap look for the segment before the pattern: pages hold thousands of links.
    if (
      !TAXONOMY_HINT.test(href) ||
      !TAXONOMY_PATH.test(href) ||
      elsewhere(ctx, el) ||
      el.closest('header[role="banner"], nav, aside')
    )
      continue;
    const parent =
      el.parentElement?.tagName.toLowerCase() === 'li' ? el.parentElement.parentElement : el.parentElement;
    if (!parent) continue;
    if (block && block !== parent) break;
    block = parent;
    out.push(textOf(el, 100));
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
};

/**
 * Classes of a block of topic links: "categories", "entry-tags", "tag-list", "cate", "topics",
 * "schlagworte". The word ends the class name: WordPress's "category-rapporten" on an article
 * names the article's category, not a block of links.
 */
const TOPIC_BLOCK =
  /(?:^|\s)(?:[\w-]*[_-])?(?:categories|category|cate|cats|tags|tag-?list|tag-?links|topics?|keywords|themen|schlagworte|subjects?)(?=\s|$)/i;
const MAX_TOPIC_LINKS = 2_000;
/** Share buttons, menus and jump links are no topics, wherever their class says "tags". */
const NOT_TOPICS = /share|social|menu|nav|jump|skip/i;
const NOT_TOPIC_PLACES = 'header[role="banner"], aside, [class*="widget"], [class*="menu"], [class*="share"]';

/**
 * Links in a small block whose class names it a list of topics (<div class="categories">,
 * <p class="cate">), in the item's own content: the first such block, when no rule found themes.
 */
const fromTopicBlock: Rule<string[]> = (ctx) => {
  const links = ctx.links();
  for (let i = 0; i < links.length && i < MAX_TOPIC_LINKS; i++) {
    let block: Element | null = links[i].el.parentElement;
    for (let up = 0; block && up < 3 && !TOPIC_BLOCK.test(block.getAttribute('class') ?? ''); up++)
      block = block.parentElement;
    if (!block || !TOPIC_BLOCK.test(block.getAttribute('class') ?? '') || elsewhere(ctx, block)) continue;
    // The block that holds the heading is the article, not a list of its topics.
    if (ctx.heading && block.contains(ctx.heading)) continue;
    if (NOT_TOPICS.test(block.getAttribute('class') ?? '') || block.closest(NOT_TOPIC_PLACES)) continue;
    const items = [...block.querySelectorAll('a[href]')].slice(0, 21).map((a) => textOf(a, 100));
    return items.length <= 20 ? items : undefined;
  }
  return undefined;
};

const THEME_RULES: Rule<string[]>[] = [
  fromLabels,
  fromCategoryLinks,
  fromTagLinks,
  fromTaxonomyLinks,
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'about')),
  (ctx) => allMeta(ctx.meta, 'article:section'),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'articleSection')),
  fromBreadcrumb,
  fromTopicBlock,
];

/** The items of the first rule that gives any, as a list (comma lists split). */
function firstList(ctx: ExtractionContext, rules: Rule<string[]>[]): string[] {
  return (
    firstRule(
      ctx,
      rules.map((rule) => (c: ExtractionContext) => {
        const raw = rule(c);
        return raw ? listItems(raw) : undefined;
      }),
      (items) => items.length > 0,
    ) ?? []
  );
}

export function extractThemes(ctx: ExtractionContext): string[] {
  return firstList(ctx, THEME_RULES);
}

const KEYWORD_RULES: Rule<string[]>[] = [
  (ctx) => allMeta(ctx.meta, 'citation_keywords', 'citation_keyword'),
  (ctx) => allMeta(ctx.meta, 'dc.subject', 'dcterms.subject', 'prism.keyword'),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'keywords')),
  (ctx) => allMeta(ctx.meta, 'article:tag'),
  // Tags the reader sees before the SEO keywords in the head.
  (ctx) => {
    const value = ctx.labels.get('keywords');
    return value ? (value.items.length ? value.items : [value.text]) : undefined;
  },
  fromPlainTagLinks,
  (ctx) => allMeta(ctx.meta, 'keywords', 'news_keywords'),
];

export function extractKeywords(ctx: ExtractionContext): string[] {
  return firstList(ctx, KEYWORD_RULES);
}
