/**
 * Scoring rules of ../shared/corpora/README.md, shared by `npm run eval` and the fixture tests
 * (tests/unit/extract/fixtures.test.ts), so a test failure and an eval miss mean the same thing.
 */
import type { Publication } from '@/utils/record';
import { foldWords } from '@/utils/detect/words';

/** Unicode NFKD, accents dropped, lower case, every run of non-letters/digits one space (the extractor's own folding). */
export const foldForScore = foldWords;

export function tokens(text: string): string[] {
  const folded = foldForScore(text);
  return folded ? folded.split(' ') : [];
}

/** How many of `wanted`'s tokens `pool` holds, each pool token used once (multisets). */
export function commonTokens(pool: readonly string[], wanted: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of pool) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of wanted) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return common;
}

/** Token F1 over multisets. Two empty texts agree. */
export function tokenF1(output: string, truth: string, drop?: ReadonlySet<string>): number {
  const out = tokens(output).filter((t) => !drop?.has(t));
  const exp = tokens(truth).filter((t) => !drop?.has(t));
  if (!out.length && !exp.length) return 1;
  if (!out.length || !exp.length) return 0;
  const common = commonTokens(exp, out);
  if (!common) return 0;
  const precision = common / out.length;
  const recall = common / exp.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Set F1 over folded items. Two empty sets agree. */
export function setF1(output: string[], truth: string[]): number {
  const out = new Set(output.map(foldForScore).filter(Boolean));
  const exp = new Set(truth.map(foldForScore).filter(Boolean));
  if (!out.size && !exp.size) return 1;
  if (!out.size || !exp.size) return 0;
  let common = 0;
  for (const item of out) if (exp.has(item)) common++;
  if (!common) return 0;
  const precision = common / out.size;
  const recall = common / exp.size;
  return (2 * precision * recall) / (precision + recall);
}

export const AUTHOR_NOISE = new Set([
  'by',
  'door',
  'and',
  'en',
  'updated',
  'posted',
  'written',
  'staff',
  'reporter',
  'correspondent',
  'editor',
]);

/** What a system said about a page, in comparable form (Leesmap, metascraper, Readability). */
export interface SystemOutput {
  detected?: boolean;
  title?: string;
  /** Authors as one string (Leesmap's list joined by spaces). */
  authors?: string;
  published?: string;
  language?: string;
  publisher?: string;
  summary?: string;
  // Leesmap-only fields, scored on Leesmap's own fixtures.
  subtitle?: string;
  themes?: string[];
  keywords?: string[];
  year?: number;
  type?: string;
  pdfUrl?: string;
  canonicalUrl?: string;
  doi?: string;
  isbn?: string;
  related?: string[];
}

/** Ground truth for one page; a field left out is not scored. */
export type Truth = SystemOutput & { isPublication: boolean };

export const CORPUS_FIELDS = ['title', 'authors', 'published', 'language', 'publisher', 'summary'] as const;
export const FIXTURE_FIELDS = [
  ...CORPUS_FIELDS,
  'subtitle',
  'themes',
  'keywords',
  'year',
  'type',
  'pdfUrl',
  'canonicalUrl',
  'doi',
  'isbn',
  'related',
] as const;
export type ScoredField = (typeof FIXTURE_FIELDS)[number];

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Is the output right for this field? undefined when the truth has no value (not scored). */
export function scoreField(field: ScoredField, output: SystemOutput, truth: Truth): boolean | undefined {
  const expected = truth[field];
  if (!present(expected)) return undefined;
  const got = output[field];
  switch (field) {
    case 'title':
      return tokenF1(String(got ?? ''), String(expected)) >= 0.9;
    case 'subtitle':
      return tokenF1(String(got ?? ''), String(expected)) >= 0.9;
    case 'authors':
      return tokenF1(String(got ?? ''), String(expected), AUTHOR_NOISE) >= 0.8;
    case 'published': {
      const want = String(expected).slice(0, 10);
      return typeof got === 'string' && got.startsWith(want);
    }
    case 'language': {
      const primary = (value: unknown) =>
        String(value ?? '')
          .toLowerCase()
          .split(/[-_]/)[0];
      return present(got) && primary(got) === primary(expected);
    }
    case 'publisher': {
      const a = foldForScore(String(got ?? ''));
      const b = foldForScore(String(expected));
      return Boolean(a) && (a === b || a.includes(b) || b.includes(a));
    }
    case 'summary':
      return tokenF1(String(got ?? ''), String(expected)) >= 0.6;
    case 'themes':
    case 'keywords':
      return setF1((got as string[] | undefined) ?? [], expected as string[]) >= 0.8;
    case 'related': {
      const want = expected as string[];
      const have = (got as string[] | undefined) ?? [];
      return have.length === want.length && want.every((title, i) => tokenF1(have[i], title) >= 0.9);
    }
    default:
      return got === expected;
  }
}

/** Leesmap's record in comparable form. */
export function fromPublication(detected: boolean, publication: Publication | undefined): SystemOutput {
  if (!publication) return { detected };
  return {
    detected,
    title: publication.title,
    authors: publication.authors.join(' '),
    published: publication.published,
    language: publication.language,
    publisher: publication.publisher,
    summary: publication.summary,
    subtitle: publication.subtitle,
    themes: publication.themes,
    keywords: publication.keywords,
    year: publication.year,
    type: publication.type,
    pdfUrl: publication.pdfUrl,
    canonicalUrl: publication.canonicalUrl,
    doi: publication.doi,
    isbn: publication.isbn,
    related: publication.related.map((item) => item.title),
  };
}

/** A fixture's expected.json (`{url, detected, publication?}`) as ground truth. */
export function truthFromFixture(expected: { detected: boolean; publication?: Publication }): Truth {
  const truth: Truth = { isPublication: expected.detected, detected: expected.detected };
  const p = expected.publication;
  if (!p) return truth;
  Object.assign(truth, fromPublication(expected.detected, p));
  return truth;
}

/** A Readability test page's expected-metadata.json as ground truth. */
export function truthFromReadability(meta: Record<string, unknown>): Truth {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  return {
    isPublication: meta.readerable !== false,
    detected: typeof meta.readerable === 'boolean' ? meta.readerable : undefined,
    title: text(meta.title),
    authors: text(meta.byline),
    published: text(meta.publishedTime)?.slice(0, 10),
    language: text(meta.lang),
    publisher: text(meta.siteName),
    summary: text(meta.excerpt),
  };
}

/** Detection precision and recall over pages whose truth carries the flag. */
export function detectionScore(pairs: { output?: boolean; truth?: boolean }[]): {
  precision: number;
  recall: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { output, truth } of pairs) {
    if (truth === undefined) continue;
    if (output && truth) tp++;
    else if (output && !truth) fp++;
    else if (!output && truth) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}
