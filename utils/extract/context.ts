/**
 * Everything the field rules share, computed once per extraction: the meta table, the parsed
 * JSON-LD, the label–value pairs, the main heading and the related-publication blocks (whose
 * labels and links belong to other publications and must not leak into this record).
 */
import { indexJsonLd, type JsonLdIndex } from './jsonld';
import { findLabels, type LabelIndex } from './labels';
import { indexMeta, type MetaIndex } from './meta';
import { findRelatedBlocks } from './related-blocks';
import { cleanText, textOf } from './text';
import { absoluteUrl } from './urls';

export interface ExtractionContext {
  doc: Document;
  /** The page as visited. */
  url: string;
  /** What relative links resolve against (<base href> when present). */
  base: string;
  host: string;
  meta: MetaIndex;
  jsonLd: JsonLdIndex;
  labels: LabelIndex;
  heading: Element | null;
  headingText: string;
  docTitle: string;
  relatedBlocks: Element[];
  /** Inside a related-publications block, navigation or footer: not about this page. */
  isElsewhere(el: Element): boolean;
}

export type Rule<T> = (ctx: ExtractionContext) => T | undefined;

/** First rule that yields a value `accept` likes; a rule that throws is skipped. */
export function firstRule<T>(ctx: ExtractionContext, rules: Rule<T>[], accept: (value: T) => boolean = Boolean): T | undefined {
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

export function createContext(doc: Document, url: string): ExtractionContext {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && absoluteUrl(baseHref, url)) || url;
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // Not a URL: leave host empty.
  }
  const heading = mainHeading(doc);
  const relatedBlocks = findRelatedBlocks(doc);
  const isElsewhere = (el: Element): boolean =>
    relatedBlocks.some((block) => block.contains(el)) || Boolean(el.closest('nav, footer, [role="navigation"], [role="contentinfo"]'));
  return {
    doc,
    url,
    base,
    host,
    meta: indexMeta(doc),
    jsonLd: indexJsonLd(doc),
    labels: findLabels(doc, (el) => relatedBlocks.some((block) => block.contains(el))),
    heading,
    headingText: textOf(heading, 500),
    docTitle: cleanText(doc.querySelector('head title, title')?.textContent ?? '', 500),
    relatedBlocks,
    isElsewhere,
  };
}

/** The page's main heading: the h1 in main/article, else the first h1 outside headers, else the first. */
function mainHeading(doc: Document): Element | null {
  const inMain = doc.querySelector('main h1, [role="main"] h1, article h1');
  if (inMain && textOf(inMain, 10)) return inMain;
  const all = doc.querySelectorAll('h1');
  for (let i = 0; i < all.length && i < 20; i++) {
    if (textOf(all[i], 10) && !all[i].closest('header[role="banner"], .site-header, nav')) return all[i];
  }
  return all.length ? all[0] : null;
}

/** The short line just above the main heading (or its wrapper). */
export function kickerText(ctx: ExtractionContext): string | undefined {
  let anchor = ctx.heading;
  for (let i = 0; anchor && i < 3; i++) {
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
