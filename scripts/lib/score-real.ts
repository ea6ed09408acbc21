/**
 * Scoring rules for ../shared/corpora/real/ (../shared/corpora/README.md, "For real/"): the
 * fields a real page's annotation has, and the false-value rates where it says "none".
 */
import type { RealTruth } from './real';
import { AUTHOR_NOISE, commonTokens, setF1, tokenF1, tokens, type SystemOutput } from './score';

export const REAL_FIELDS = [
  'title',
  'authors',
  'published',
  'year',
  'summary',
  'subtitle',
  'themes',
  'keywords',
  'topics',
] as const;
export type RealField = (typeof REAL_FIELDS)[number];
/** Fields metascraper has no rule for. */
export const LEESMAP_ONLY: ReadonlySet<RealField> = new Set(['subtitle', 'themes', 'keywords', 'topics']);

export const FALSE_VALUES = ['author where none', 'date where none'] as const;
export type FalseValue = (typeof FALSE_VALUES)[number];

function yearOf(output: SystemOutput): number | undefined {
  if (output.year) return output.year;
  const match = /^(\d{4})/.exec(output.published ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Right when ≥ 90% of the expected words are held within a paragraph's length of its start: the
 * output's first 3× as many words as expected (an opening paragraph that continues the description).
 */
function summaryHolds(got: string, expected: string): boolean {
  const want = tokens(expected);
  const out = tokens(got).slice(0, 3 * want.length);
  if (!out.length || !want.length) return false;
  return commonTokens(out, want) / want.length >= 0.9;
}

/** Any item of themes ∪ keywords equal (folded) to one of categories ∪ tags. */
function anyOverlap(got: string[], expected: string[]): boolean {
  return setF1(got, expected) > 0;
}

/** Is the output right for this field? undefined when the annotation does not say. */
export function scoreRealField(
  field: RealField,
  output: SystemOutput,
  truth: RealTruth,
): boolean | undefined {
  switch (field) {
    case 'title':
      return truth.title === undefined ? undefined : tokenF1(output.title ?? '', truth.title) >= 0.9;
    case 'authors': {
      if (truth.authors === undefined || !tokens(truth.authors).some((t) => !AUTHOR_NOISE.has(t)))
        return undefined;
      return tokenF1(output.authors ?? '', truth.authors, AUTHOR_NOISE) >= 0.8;
    }
    case 'published':
      return truth.days === undefined
        ? undefined
        : truth.days.some((day) => (output.published ?? '').startsWith(day));
    case 'year': {
      if (truth.years === undefined) return undefined;
      const year = yearOf(output);
      return year !== undefined && truth.years.includes(year);
    }
    case 'summary': {
      if (truth.summary === undefined) return undefined;
      const got = output.summary ?? '';
      return tokenF1(got, truth.summary) >= 0.6 || summaryHolds(got, truth.summary);
    }
    case 'subtitle':
      return truth.subtitle === undefined ? undefined : tokenF1(output.subtitle ?? '', truth.subtitle) >= 0.9;
    case 'themes':
      return truth.themes === undefined ? undefined : setF1(output.themes ?? [], truth.themes) >= 0.8;
    case 'keywords':
      return truth.keywords === undefined ? undefined : setF1(output.keywords ?? [], truth.keywords) >= 0.8;
    case 'topics': {
      const expected = [...(truth.themes ?? []), ...(truth.keywords ?? [])];
      return expected.length
        ? anyOverlap([...(output.themes ?? []), ...(output.keywords ?? [])], expected)
        : undefined;
    }
  }
}

/** Did the system return a value the annotation says the page does not have? undefined when not asked. */
export function falseValue(kind: FalseValue, output: SystemOutput, truth: RealTruth): boolean | undefined {
  if (kind === 'author where none') return truth.noAuthor ? Boolean(output.authors?.trim()) : undefined;
  return truth.noDate ? Boolean(output.published?.trim()) : undefined;
}
