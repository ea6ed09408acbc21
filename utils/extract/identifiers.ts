/** Fields: canonical URL, DOI, ISBN and the full-text PDF. */
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf } from './jsonld';
import { allMeta, firstMeta } from './meta';
import { cleanText, textOf } from './text';
import { absoluteUrl, cleanUrl } from './urls';

const CANONICAL_RULES: Rule<string>[] = [
  (ctx) =>
    (ctx.elements.byTag.get('link') ?? [])
      .find((link) => /(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? ''))
      ?.getAttribute('href') ?? undefined,
  (ctx) => firstMeta(ctx.meta, 'og:url', 'citation_abstract_html_url', 'citation_public_url', 'twitter:url'),
  (ctx) => {
    const url = mainValue(ctx.jsonLd, 'url');
    return typeof url === 'string' ? url : undefined;
  },
];

export function extractCanonicalUrl(ctx: ExtractionContext): string | undefined {
  return firstRule(
    ctx,
    CANONICAL_RULES.map((rule) => (c: ExtractionContext) => cleanUrl(rule(c), c.base)),
  );
}

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/;

/** "doi:10.1/x", "https://doi.org/10.1/x" → "10.1/x" (trailing punctuation dropped). */
export function cleanDoi(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let value = raw.slice(0, 300);
  try {
    value = decodeURIComponent(value);
  } catch {
    // Keep it as written.
  }
  const match = DOI.exec(value);
  return match ? match[1].replace(/[.,;:)\]]+$/, '') : undefined;
}

const DOI_RULES: Rule<unknown>[] = [
  (ctx) => firstMeta(ctx.meta, 'citation_doi', 'prism.doi', 'dc.identifier.doi', 'bepress_citation_doi'),
  (ctx) => allMeta(ctx.meta, 'dc.identifier', 'dcterms.identifier').find((value) => cleanDoi(value)),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'identifier')).find((value) => cleanDoi(value)),
  (ctx) => {
    const sameAs = mainValue(ctx.jsonLd, 'sameAs');
    return (Array.isArray(sameAs) ? sameAs : [sameAs]).find((value) => cleanDoi(value));
  },
  (ctx) => ctx.labels.get('doi')?.text,
  (ctx) => ctx.links().find((link) => link.href.includes('doi.org/10.') && !ctx.isElsewhere(link.el))?.href,
];

export function extractDoi(ctx: ExtractionContext): string | undefined {
  return firstRule(
    ctx,
    DOI_RULES.map((rule) => (c: ExtractionContext) => cleanDoi(rule(c))),
  );
}

/** ISBN-10 or ISBN-13, digits only (and a final X). */
export function cleanIsbn(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = /(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]/.exec(raw.slice(0, 200));
  if (!match) return undefined;
  const digits = match[0].replace(/[\s-]/g, '').toUpperCase();
  return digits.length === 10 || digits.length === 13 ? digits : undefined;
}

const ISBN_RULES: Rule<unknown>[] = [
  (ctx) => firstMeta(ctx.meta, 'citation_isbn', 'book:isbn', 'prism.isbn', 'dc.identifier.isbn'),
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'isbn'))[0],
  (ctx) => ctx.labels.get('isbn')?.text,
];

export function extractIsbn(ctx: ExtractionContext): string | undefined {
  return firstRule(
    ctx,
    ISBN_RULES.map((rule) => (c: ExtractionContext) => cleanIsbn(rule(c))),
  );
}

const PDF_TEXT = /\b(?:pdf|download|downloaden|volledige (?:tekst|rapport)|full (?:text|report))\b/i;
/** A PDF that accompanies the publication rather than being it: taken only when nothing else is offered. */
const SECONDARY_PDF =
  /\b(?:samenvatting|samengevat|publieksversie|summary|executive summary|in brief|at a glance|bijlagen?|appendix|appendices|annex(?:es)?|factsheet|infographic|persbericht|press release|errat(?:um|a))\b/i;

const PDF_RULES: Rule<string>[] = [
  (ctx) => firstMeta(ctx.meta, 'citation_pdf_url', 'eprints.document_url', 'bepress_citation_pdf_url'),
  (ctx) => {
    const encodings = mainValue(ctx.jsonLd, 'encoding') ?? mainValue(ctx.jsonLd, 'associatedMedia');
    for (const item of Array.isArray(encodings) ? encodings : [encodings]) {
      const node = item as Record<string, unknown> | undefined;
      const url = node?.contentUrl ?? node?.url;
      if (
        typeof url === 'string' &&
        (/pdf/i.test(String(node?.encodingFormat ?? '')) || /\.pdf(?:$|[?#])/i.test(url))
      )
        return url;
    }
    return undefined;
  },
  (ctx) =>
    (ctx.elements.byTag.get('link') ?? [])
      .find((link) => link.getAttribute('type') === 'application/pdf')
      ?.getAttribute('href') ?? undefined,
  (ctx) => {
    // A link to a PDF in the article: one that says it is the download first ("Download working
    // paper (pdf)"), else the first; inline links to annexes come before the download button.
    let first: string | undefined;
    let secondary: string | undefined;
    for (const { el: link, href } of ctx.links()) {
      // The href first: reading a link's text costs more than testing its address.
      const maybe = /pdf|download/i.test(href) || (link.getAttribute('type') ?? '').includes('pdf');
      if (!maybe) continue;
      const text = textOf(link, 100);
      const isPdf =
        /\.pdf(?:$|[?#])/i.test(href) ||
        (link.getAttribute('type') ?? '').includes('pdf') ||
        /pdf/i.test(text);
      if (!isPdf || ctx.isElsewhere(link)) continue;
      // "Samenvatting (pdf)" listed before "Download het advies (pdf)": the summary is not the publication.
      if (SECONDARY_PDF.test(cleanText(text)) || SECONDARY_PDF.test(fileName(href))) {
        secondary ??= href;
        continue;
      }
      if (PDF_TEXT.test(cleanText(text))) return href;
      first ??= href;
    }
    return first ?? secondary;
  },
];

/** The last path segment, words apart: "fair-care-summary-oct23.pdf" → "fair care summary oct23 pdf". */
function fileName(href: string): string {
  const path = href.split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1, path.lastIndexOf('/') + 200).replace(/[-_+.%]+/g, ' ');
}

export function extractPdfUrl(ctx: ExtractionContext): string | undefined {
  return firstRule(
    ctx,
    PDF_RULES.map((rule) => (c: ExtractionContext) => absoluteUrl(rule(c), c.base)),
  );
}
