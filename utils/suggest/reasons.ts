/**
 * Why a candidate is suggested, as plain data the UI turns into sentences: the reader's theme it
 * matches, the saved pages that list it, shared authors, publisher and keywords, and the saved
 * record closest in text. Reasons come strongest first, by the weighted score part behind them.
 */
import type { DocIndex } from './doc-index';
import { boundedText, MAX_FIELD_CHARS, type CatalogDoc } from './documents';
import { mostSimilarSaved, SIMILAR_TEXT_MIN } from './neighbours';
import type { KeyedLabels, ProfileTables, ProfileWeight, WeightTable } from './profile';
import type { ThemeAffinities } from './score';
import { themeKey } from './themes';
import {
  SUMMARY_LINE_CHARS,
  type ScoreParts,
  type ScoreWeights,
  type Suggestion,
  type SuggestionGroup,
  type SuggestionReason,
} from './types';

/** What reasons are drawn from: the index and the profile of one ranking. */
export interface ReasonContext {
  index: DocIndex;
  tables: ProfileTables;
  themes: ThemeAffinities;
  weights: ScoreWeights;
}

/** One reader's theme per reason: the one each candidate theme matches most. */
function themeReasons(
  affinities: ThemeAffinities,
  themes: readonly string[],
  inferred: boolean,
): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const seen = new Set<string>();
  for (const label of themes) {
    const { score: affinity, best } = affinities.of(themeKey(label), label);
    if (!best || affinity <= 0 || seen.has(best.key)) continue;
    seen.add(best.key);
    reasons.push({
      kind: 'theme',
      theme: best.label,
      savedCount: best.savedCount,
      candidateTheme: label,
      ...(inferred ? { inferred: true as const } : {}),
    });
  }
  return reasons;
}

/** The saved pages that list the candidate, by their saved title and address. */
function listedByReasons(index: DocIndex, doc: CatalogDoc): SuggestionReason[] {
  return doc.listers
    .filter((lister) => index.listerIsSaved(lister))
    .map((lister) => {
      const saved = index.savedLister(lister);
      return {
        kind: 'listedBy' as const,
        id: saved?.id ?? lister.id,
        title: saved?.record.title ?? lister.title,
        url: saved?.record.url ?? lister.url,
      };
    });
}

/** The reader's weights of these labels that count for them and come from saved records. */
function matches(values: KeyedLabels['authors'], table: WeightTable): ProfileWeight[] {
  const found = new Map<string, ProfileWeight>();
  for (const [key] of values) {
    const entry = table.entries.get(key);
    if (entry && entry.weight > 0 && entry.savedCount > 0) found.set(entry.key, entry);
  }
  return [...found.values()];
}

function similarTextReasons(index: DocIndex, doc: CatalogDoc, parts: ScoreParts): SuggestionReason[] {
  const similar = parts.text >= SIMILAR_TEXT_MIN ? mostSimilarSaved(index, doc) : undefined;
  if (!similar) return [];
  const record = similar.doc.record;
  return [
    {
      kind: 'similarText',
      id: similar.doc.id,
      title: record.title,
      ...(record.url ? { url: record.url } : {}),
      similarity: Math.round(similar.similarity * 100) / 100,
    },
  ];
}

/** Every reason for a candidate, grouped by score part, the heaviest weighted part first. */
function explain(
  context: ReasonContext,
  doc: CatalogDoc,
  parts: ScoreParts,
  inferredThemes?: string[],
): SuggestionReason[] {
  const { index, tables, weights } = context;
  const labels = doc.labels;
  const groups: [keyof ScoreParts, SuggestionReason[]][] = [
    ['theme', themeReasons(context.themes, inferredThemes ?? doc.themes, inferredThemes !== undefined)],
    ['coListing', listedByReasons(index, doc)],
    [
      'author',
      matches(labels.authors, tables.authors).map((entry) => ({
        kind: 'author' as const,
        name: entry.label,
        savedCount: entry.savedCount,
      })),
    ],
    [
      'publisher',
      matches(labels.publisher ? [labels.publisher] : [], tables.publishers).map((entry) => ({
        kind: 'publisher' as const,
        name: entry.label,
        savedCount: entry.savedCount,
      })),
    ],
    [
      'keyword',
      matches(labels.keywords, tables.keywords).map((entry) => ({
        kind: 'keyword' as const,
        keyword: entry.label,
        savedCount: entry.savedCount,
      })),
    ],
    ['text', similarTextReasons(index, doc, parts)],
  ];
  return groups
    .filter(([, reasons]) => reasons.length > 0)
    .map(([part, reasons]) => ({ weight: weights[part] * parts[part], reasons }))
    .sort((a, b) => b.weight - a.weight)
    .flatMap((group) => group.reasons);
}

/** The start of a summary, one line's worth: whitespace collapsed, cut at a word, '…' when cut. */
export function summaryLine(summary: unknown): string {
  const text = boundedText(summary, MAX_FIELD_CHARS.summary).replace(/\s+/g, ' ').trim();
  if (text.length <= SUMMARY_LINE_CHARS) return text;
  const cut = text.slice(0, SUMMARY_LINE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_LINE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The suggestion as the UI gets it: the entry's display fields (bounded), score, parts, reasons. */
export function toSuggestion(
  context: ReasonContext,
  doc: CatalogDoc,
  parts: ScoreParts,
  score: number,
  group: SuggestionGroup,
  inferredThemes?: string[],
): Suggestion {
  const entry = doc.entry;
  const summary = summaryLine(entry.summary);
  return {
    id: doc.id,
    group,
    title: boundedText(entry.title, MAX_FIELD_CHARS.title),
    ...(entry.subtitle ? { subtitle: boundedText(entry.subtitle, MAX_FIELD_CHARS.subtitle) } : {}),
    ...(summary ? { summary } : {}),
    ...(entry.url ? { url: entry.url } : {}),
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    ...(typeof entry.year === 'number' ? { year: entry.year } : {}),
    themes: [...(inferredThemes ?? doc.themes)],
    themesInferred: inferredThemes !== undefined,
    score,
    parts,
    reasons: explain(context, doc, parts, inferredThemes),
  };
}
