/**
 * Everything that comes from a web page is untrusted: the extractor runs inside the page, and a
 * hostile page shapes what it returns. The background passes every extraction and every record it
 * is asked to store through these functions: unknown keys dropped, types checked, sizes bounded.
 */
import type { FirstCheck } from './detect';
import type { ExtractionResult, Publication, RelatedPublication } from './publication';

export const LIMITS = {
  shortText: 1_000,
  summary: 2_000,
  url: 2_048,
  listItems: 50,
  related: 50,
  signals: 40,
} as const;

function text(value: unknown, max: number = LIMITS.shortText): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Collapse whitespace and strip control characters: records hold plain, single-line text.
  const cleaned = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned) return undefined;
  return cleaned.length > max ? cleaned.slice(0, max).trimEnd() : cleaned;
}

/** Only absolute http(s) URLs are kept: nothing else is ever opened or stored as a link. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > LIMITS.url) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function textList(value: unknown, max: number = LIMITS.listItems): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value.slice(0, max * 2)) {
    const t = text(item, 300);
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
    if (out.length >= max) break;
  }
  return out;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function sanitizeRelated(value: unknown): RelatedPublication | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const title = text(v.title, 500);
  if (!title) return undefined;
  const related: RelatedPublication = { title, themes: textList(v.themes, 20) };
  assign(related, 'subtitle', text(v.subtitle, 500));
  assign(related, 'url', safeHttpUrl(v.url));
  assign(related, 'summary', text(v.summary, LIMITS.summary));
  return related;
}

export function sanitizePublication(value: unknown): Publication | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const url = safeHttpUrl(v.url);
  const title = text(v.title, 500);
  if (!url || !title) return undefined;
  const publication: Publication = {
    url,
    title,
    authors: textList(v.authors),
    themes: textList(v.themes),
    keywords: textList(v.keywords),
    related: Array.isArray(v.related)
      ? v.related
          .slice(0, LIMITS.related)
          .map(sanitizeRelated)
          .filter((r): r is RelatedPublication => r !== undefined)
      : [],
  };
  assign(publication, 'canonicalUrl', safeHttpUrl(v.canonicalUrl));
  assign(publication, 'subtitle', text(v.subtitle, 500));
  if (typeof v.published === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v.published)) {
    publication.published = v.published;
  }
  if (typeof v.year === 'number' && Number.isInteger(v.year) && v.year > 1000 && v.year < 3000) {
    publication.year = v.year;
  } else if (publication.published) {
    publication.year = Number(publication.published.slice(0, 4));
  }
  assign(publication, 'publisher', text(v.publisher, 200));
  assign(publication, 'type', text(v.type, 40)?.toLowerCase());
  assign(publication, 'summary', text(v.summary, LIMITS.summary));
  if (typeof v.language === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v.language)) {
    publication.language = v.language;
  }
  if (typeof v.doi === 'string' && /^10\.\d{4,9}\/\S+$/.test(v.doi) && v.doi.length <= 300) {
    publication.doi = v.doi;
  }
  assign(publication, 'isbn', text(v.isbn, 40));
  assign(publication, 'pdfUrl', safeHttpUrl(v.pdfUrl));
  return publication;
}

export function sanitizeExtraction(value: unknown): ExtractionResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const confidence = typeof v.confidence === 'number' && Number.isFinite(v.confidence) ? v.confidence : 0;
  const result: ExtractionResult = {
    detected: v.detected === true,
    confidence: Math.min(1, Math.max(0, confidence)),
    signals: textList(v.signals, LIMITS.signals),
  };
  assign(result, 'publication', sanitizePublication(v.publication));
  return result;
}

export function sanitizeFirstCheck(value: unknown): FirstCheck | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.ruledOut !== 'boolean') return undefined;
  return { ruledOut: v.ruledOut, signals: textList(v.signals, LIMITS.signals) };
}
