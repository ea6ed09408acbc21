/**
 * Everything the field rules share, computed once per extraction: the meta table, the parsed
 * JSON-LD, the label–value pairs, the main heading and the related-publication blocks (whose
 * labels and links belong to other publications and must not leak into this record).
 */
import { elementsByTag, indexElements, type ElementIndex } from './elements';
import { indexJsonLd, type JsonLdIndex } from './jsonld';
import { findLabels, type LabelIndex } from './labels';
import { indexMeta, type MetaIndex } from './meta';
import { findRelatedBlocks } from './related-blocks';
import { selector, type Selector } from './select';
import { mainHeading } from '@/utils/detect/heading';
import { cleanText, hasDigit, textOf } from './text';
import { absoluteUrl } from './urls';

export interface ExtractionContext {
  doc: Document;
  /** The page as visited. */
  url: string;
  /** What relative links resolve against (<base href> when present). */
  base: string;
  host: string;
  elements: ElementIndex;
  /**
   * `querySelector(All)` over the page or inside one of its elements, answered from `elements`
   * (each selector read once per extraction) where that holds the whole page: use it for queries
   * over the page or a large part of it.
   */
  select: Selector;
  meta: MetaIndex;
  jsonLd: JsonLdIndex;
  labels: LabelIndex;
  heading: Element | null;
  headingText: string;
  docTitle: string;
  relatedBlocks: Element[];
  /** Inside a related-publications block, navigation or footer: not about this page. */
  isElsewhere(el: Element): boolean;
  /** Every link with an href, in page order (capped), read once and shared by the field rules. */
  links(): LinkInfo[];
  /** Values several rules need, computed once per extraction (the opening paragraph). */
  cache: Map<string, unknown>;
}

export interface LinkInfo {
  el: Element;
  href: string;
}

const MAX_LINKS = 5_000;

export type Rule<T> = (ctx: ExtractionContext) => T | undefined;

/**
 * A rule whose answer is kept for the rest of the extraction (in ctx.cache under `key`), for rules
 * several fields or checks ask. Callers must not change what it returns; a throw is not kept.
 */
export function keptRule<T>(key: string, rule: Rule<T>): Rule<T> {
  return (ctx) => {
    if (!ctx.cache.has(key)) ctx.cache.set(key, rule(ctx));
    return ctx.cache.get(key) as T | undefined;
  };
}

/** First rule that yields a value `accept` likes; a rule that throws is skipped. */
export function firstRule<T>(
  ctx: ExtractionContext,
  rules: Rule<T>[],
  accept: (value: T) => boolean = Boolean,
): T | undefined {
  for (const rule of rules) {
    try {
      const value = rule(ctx);
      if (value !== undefined && accept(value)) return value;
    } catch {
      // One broken rule never sinks the field.
    }
  }
  return undefined;
}

export interface ExtractOptions {
  /**
   * The head's metadata describes another page: a single-page app navigated without updating it
   * (the full check's 'stale-metadata'). Meta tags, JSON-LD and links in the head are ignored.
   */
  ignoreHead?: boolean;
  /** The page's element index when the caller has built it already (indexElements, whole page). */
  elements?: ElementIndex;
}

export function createContext(doc: Document, url: string, options: ExtractOptions = {}): ExtractionContext {
  const elements = options.elements ?? indexElements(doc, options.ignoreHead);
  const select = selector(doc, elements);
  const baseHref = select.first('base[href]')?.getAttribute('href');
  const base = (baseHref && absoluteUrl(baseHref, url)) || url;
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // Not a URL: leave host empty.
  }
  const heading = mainHeading(elementsByTag(elements, 'h1'));
  let links: LinkInfo[] | undefined;
  const relatedBlocks = findRelatedBlocks(doc, elements.sectionHeadings);
  const isElsewhere = (el: Element): boolean =>
    relatedBlocks.some((block) => block.contains(el)) ||
    Boolean(el.closest('nav, footer, [role="navigation"], [role="contentinfo"]'));
  return {
    doc,
    url,
    base,
    host,
    elements,
    select,
    meta: indexMeta(elementsByTag(elements, 'meta')),
    jsonLd: indexJsonLd(elementsByTag(elements, 'script')),
    labels: findLabels(
      doc,
      (el) => relatedBlocks.some((block) => block.contains(el)),
      elements.labelCandidates,
    ),
    heading,
    headingText: headingTextOf(heading),
    docTitle: options.ignoreHead
      ? ''
      : // The first <title> wherever it is: what 'head title, title' finds first.
        cleanText(select.first('title')?.textContent ?? '', 500),
    relatedBlocks,
    isElsewhere,
    links: () => {
      if (!links) {
        links = [];
        const anchors = elementsByTag(elements, 'a');
        for (let i = 0; i < anchors.length && links.length < MAX_LINKS; i++) {
          const href = anchors[i].getAttribute('href');
          if (href) links.push({ el: anchors[i], href });
        }
      }
      return links;
    },
    cache: new Map(),
  };
}

/** A date run into the heading ("1. Februar 2022 Bundesministerin …", "24.01.2022 Title"). */
const LEADING_DATE =
  /^\s*(?:\d{1,2}\.\s*\p{L}+\.?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})\s*[|:–—-]?\s+(?=\p{L})/u;

/** Text of a small element, leaving out <style> and <script> (CSS-in-JS puts them inside headings). */
function textWithoutStyles(node: Node, budget: { left: number }): string {
  if (budget.left-- <= 0) return '';
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 || /^(?:style|script|noscript|template)$/i.test(node.nodeName)) return '';
  let out = '';
  for (let child = node.firstChild; child && out.length < 2_000; child = child.nextSibling)
    out += textWithoutStyles(child, budget);
  return out;
}

/** The heading's text without styles or scripts inside it and without a date run into it. */
function headingTextOf(heading: Element | null): string {
  if (!heading) return '';
  let text = textOf(heading, 500);
  if (heading.querySelector('style, script'))
    text = cleanText(textWithoutStyles(heading, { left: 2_000 }), 500);
  // LEADING_DATE needs a digit; most headings hold none.
  return hasDigit(text) ? text.replace(LEADING_DATE, '') : text;
}

/** The short line just above the main heading (or its wrapper). */
export function kickerText(ctx: ExtractionContext): string | undefined {
  let anchor = ctx.heading;
  // Not past the body: the head before it is no kicker.
  for (let i = 0; anchor && i < 3 && anchor.tagName.toLowerCase() !== 'body'; i++) {
    const previous = anchor.previousElementSibling;
    if (previous) {
      if (previous.children.length > 4) return undefined;
      const text = textOf(previous, 100);
      return text && text.length <= 80 ? text : undefined;
    }
    anchor = anchor.parentElement;
  }
  return undefined;
}
