/** Fields: themes (the publisher's own topic labels) and keywords (from metadata). */
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf } from './jsonld';
import { allMeta } from './meta';
import { cleanText, fold, textOf, uniqueBy } from './text';

const MAX_ITEMS = 30;

/** Split "a, b; c" into items, unless it is already a list. */
export function listItems(raws: string[], split = raws.length === 1): string[] {
  const items = split ? raws.flatMap((raw) => raw.split(/\s*[;,|·•]\s*/)) : raws;
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

/** rel=tag links in the article (WordPress, Drupal taxonomy), not in cards of other publications. */
const fromTagLinks: Rule<string[]> = (ctx) => {
  const out: string[] = [];
  for (const { el } of ctx.links()) {
    if (/(?:^|\s)tag(?:\s|$)/i.test(el.getAttribute('rel') ?? '') && !ctx.isElsewhere(el)) out.push(textOf(el, 100));
    if (out.length >= 100) break;
  }
  return out;
};

/** A path segment that names a taxonomy, followed by the term: /topic/living-standards/, /thema/zorg. */
const TAXONOMY_PATH = /\/(?:topics?|tags?|themes?|thema'?s?|themas|onderwerpen?|subjects?|dossiers?|issues?)\/[^/?#]+\/?(?:[?#]|$)/i;

const TAXONOMY_HINT = /\/(?:t[aho]|onder|sub|dos|iss)/i;

/**
 * Unlabelled topic links (<ul class="tags"><li><a href="/topic/x/">…</a></li>…): links to
 * taxonomy pages that sit together in one small block of the article, not in navigation or cards.
 */
const fromTaxonomyLinks: Rule<string[]> = (ctx) => {
  let block: Element | null = null;
  const out: string[] = [];
  for (const { el, href } of ctx.links()) {
    // A cheap look for the segment before the pattern: pages hold thousands of links.
    if (!TAXONOMY_HINT.test(href) || !TAXONOMY_PATH.test(href) || ctx.isElsewhere(el) || el.closest('header[role="banner"], nav, aside')) continue;
    const parent = el.parentElement?.tagName.toLowerCase() === 'li' ? el.parentElement.parentElement : el.parentElement;
    if (!parent) continue;
    if (block && block !== parent) break;
    block = parent;
    out.push(textOf(el, 100));
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
};

const THEME_RULES: Rule<string[]>[] = [
  fromLabels,
  fromTagLinks,
  fromTaxonomyLinks,
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'about')),
  (ctx) => allMeta(ctx.meta, 'article:section'),
];

export function extractThemes(ctx: ExtractionContext): string[] {
  return firstRule(ctx, THEME_RULES.map((rule) => (c: ExtractionContext) => {
    const raw = rule(c);
    return raw ? listItems(raw) : undefined;
  }), (items) => items.length > 0) ?? [];
}

const KEYWORD_RULES: Rule<string[]>[] = [
  (ctx) => allMeta(ctx.meta, 'citation_keywords', 'citation_keyword'),
  (ctx) => allMeta(ctx.meta, 'dc.subject', 'dcterms.subject', 'prism.keyword'),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'keywords')),
  (ctx) => allMeta(ctx.meta, 'article:tag'),
  (ctx) => allMeta(ctx.meta, 'keywords', 'news_keywords'),
  (ctx) => {
    const value = ctx.labels.get('keywords');
    return value ? (value.items.length ? value.items : [value.text]) : undefined;
  },
];

export function extractKeywords(ctx: ExtractionContext): string[] {
  return firstRule(ctx, KEYWORD_RULES.map((rule) => (c: ExtractionContext) => {
    const raw = rule(c);
    return raw ? listItems(raw) : undefined;
  }), (items) => items.length > 0) ?? [];
}
