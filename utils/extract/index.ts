/**
 * The extractor: one publication record from one page, read only. Runs in the page (extractor.js,
 * injected by the background; Chromium, Firefox) and in Node over linkedom (CLI,
 * eval, tests), so it uses only DOM APIs both have: querySelectorAll, textContent, getAttribute,
 * children.
 *
 * Each field is its own module of ordered rules (most specific source first); what every field
 * needs (meta table, JSON-LD, labels, heading, related blocks) is computed once in the context.
 * Nothing here throws: a field that fails is left out, and a page that fails gives no record.
 */
import type { Detection } from '@/utils/detect';
import { walkedElements } from '@/utils/detect/walked';
import type { ExtractionResult, Publication } from '@/utils/record';
import { extractAuthors } from './authors-field';
import { fullCheck } from './check';
import { createContext, type ExtractionContext, type ExtractOptions } from './context';
import { elementsByTag, indexElements, type ElementIndex } from './elements';
import { extractCanonicalUrl, extractDoi, extractIsbn, extractPdfUrl } from './identifiers';
import { extractLanguage } from './language';
import { extractPublished } from './published';
import { extractPublisher } from './publisher';
import { extractRelated } from './related';
import { extractSubtitle } from './subtitle';
import { extractSummary } from './summary';
import { extractKeywords, extractThemes } from './themes';
import { extractTitle } from './title';
import { extractType } from './type';

function field<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function buildPublication(ctx: ExtractionContext): Publication | undefined {
  const title = field(() => extractTitle(ctx), undefined);
  if (!title) return undefined;
  const publication: Publication = {
    url: ctx.url,
    title,
    authors: field(() => extractAuthors(ctx), []),
    themes: field(() => extractThemes(ctx), []),
    keywords: field(() => extractKeywords(ctx), []),
    related: [],
  };
  const optional: Partial<Publication> = {
    canonicalUrl: field(() => extractCanonicalUrl(ctx), undefined),
    subtitle: field(() => extractSubtitle(ctx, title), undefined),
    published: field(() => extractPublished(ctx), undefined),
    publisher: field(() => extractPublisher(ctx), undefined),
    type: field(() => extractType(ctx), undefined),
    summary: field(() => extractSummary(ctx), undefined),
    language: field(() => extractLanguage(ctx), undefined),
    doi: field(() => extractDoi(ctx), undefined),
    isbn: field(() => extractIsbn(ctx), undefined),
    pdfUrl: field(() => extractPdfUrl(ctx), undefined),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== '') (publication as unknown as Record<string, unknown>)[key] = value;
  }
  if (publication.published) publication.year = Number(publication.published.slice(0, 4));
  const own = [ctx.url, publication.canonicalUrl].filter((url): url is string => Boolean(url));
  publication.related = field(() => extractRelated(ctx, own), []);
  return publication;
}

/** The publication on this page, or undefined when not even a title can be read. Never throws. */
export function extractPublication(
  doc: Document,
  url: string,
  options?: ExtractOptions,
): Publication | undefined {
  try {
    return buildPublication(createContext(doc, url, options));
  } catch {
    return undefined;
  }
}

/** Signals the full extraction adds to the full check's (what the record was read from). */
function extractionSignals(publication: Publication | undefined): string[] {
  if (!publication) return [];
  const signals: string[] = [];
  if (publication.authors.length) signals.push('extract:authors');
  if (publication.published) signals.push('extract:published');
  if (publication.related.length) signals.push('extract:related');
  return signals;
}

/** How extractPage reads a page, besides the address. */
export interface ExtractPageOptions {
  /**
   * Default true: the page may have changed its address in place since it loaded, so a head whose
   * canonical names another page of the site is ignored (see the detection README).
   */
  headMayBeStale?: boolean;
  /**
   * The full check already made on this page (full-check.js, left for extractor.js,
   * `utils/extract/check.ts`); it is taken as the verdict and the page is not checked again.
   */
  detection?: Detection;
  /**
   * Where the page is checked here, the check asks the DOM its selector queries rather than
   * filtering the one list of the page's elements (walked.ts): in a browser, whose selector engine
   * is native, that costs less than a pass of script calls (getAttribute, closest) over every
   * element; in linkedom (Node) each query walks the whole tree, so there the list is cheaper (the
   * default). The field rules keep their queries on the list (ctx.select): they ask the same
   * selectors again and again within parts of the page, which the list answers from one pass.
   * The answers are the same either way.
   */
  askDom?: boolean;
}

/**
 * Detection (the full check's decision) plus the record. Never throws. One walk over the page
 * serves the check and the record: some DOMs (linkedom) walk the whole tree on every query.
 */
export function extractPage(
  doc: Document,
  url: string,
  { headMayBeStale = true, detection, askDom = false }: ExtractPageOptions = {},
): ExtractionResult {
  let elements: ElementIndex | undefined;
  try {
    elements = indexElements(doc);
  } catch {
    // Left to the check and the extractor's own guards.
  }
  const index = elements;
  detection ??= fullCheck(doc, url, {
    headMayBeStale,
    walked: index && !askDom ? walkedElements(index.all, (tag) => elementsByTag(index, tag)) : undefined,
  });
  // After in-page navigation the head may still describe the previous view: never keep its metadata.
  const ignoreHead = detection.signals.includes('stale-metadata');
  const publication = extractPublication(doc, url, {
    ignoreHead,
    elements: ignoreHead ? undefined : elements,
  });
  const result: ExtractionResult = {
    detected: detection.detected,
    confidence: detection.confidence,
    signals: [...detection.signals, ...extractionSignals(publication)],
  };
  if (publication) result.publication = publication;
  return result;
}
