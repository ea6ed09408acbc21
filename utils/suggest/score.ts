/**
 * A candidate's score parts, each 0..1 (negative when dismissals outweigh saves):
 *  - theme: candidate themes vs profile themes (stem/compound matching, see themes.ts);
 *  - text: cosine of the candidate's TF-IDF vector with the profile's;
 *  - coListing: how many saved publications list the candidate as related;
 *  - author, publisher, keyword: profile weights of shared ones;
 *  - freshness: publication year, halving every 5 years (unknown: neutral-low).
 * The score is Σ weight × part (`combine`).
 */
import type { DocIndex } from './doc-index';
import type { CatalogDoc, IndexedDoc } from './documents';
import { DISMISSED_WEIGHT, recordWeight, type ProfileTables, type ProfileWeight } from './profile';
import { THEME_MATCH_THRESHOLD, themeShape, themeSimilarity, type ThemeShape } from './themes';
import type { ScoreParts, ScoreWeights } from './types';

const FRESHNESS_HALF_LIFE_YEARS = 5;
const UNKNOWN_YEAR_FRESHNESS = 0.3;
/** Memo sizes for theme shapes and pairwise theme similarities (bounded memory). */
const THEME_CACHE_LIMIT = 100_000;
/** Each theme after a candidate's best one counts this much. */
const FURTHER_THEME_SHARE = 0.25;

/** Saturates a weight sum to -1..1: one match says something, four say more, not four times more. */
export function saturate(value: number, half: number): number {
  return value / (Math.abs(value) + half);
}

/** 1 for this year, halving every five years before it; an unknown year scores low. */
export function freshness(year: unknown, currentYear: number): number {
  return typeof year === 'number' && Number.isFinite(year)
    ? Math.min(1, Math.pow(2, -Math.max(0, currentYear - year) / FRESHNESS_HALF_LIFE_YEARS))
    : UNKNOWN_YEAR_FRESHNESS;
}

export function emptyParts(): ScoreParts {
  return { theme: 0, text: 0, coListing: 0, author: 0, publisher: 0, keyword: 0, freshness: 0 };
}

/** Σ weight × part, written out: it runs once per candidate per ranking, and a key list is garbage. */
export function combine(weights: ScoreWeights, parts: ScoreParts): number {
  return (
    weights.theme * parts.theme +
    weights.text * parts.text +
    weights.coListing * parts.coListing +
    weights.author * parts.author +
    weights.publisher * parts.publisher +
    weights.keyword * parts.keyword +
    weights.freshness * parts.freshness
  );
}

/** Theme shapes and pairwise similarities, kept across rankings: pure functions of the labels. */
export class ThemeMemo {
  private readonly shapes = new Map<string, ThemeShape>();
  private readonly similarities = new Map<string, number>();

  shapeOf(key: string, label: string): ThemeShape {
    let shape = this.shapes.get(key);
    if (!shape) {
      if (this.shapes.size >= THEME_CACHE_LIMIT) this.shapes.clear();
      this.shapes.set(key, (shape = themeShape(label)));
    }
    return shape;
  }

  similarity(a: ThemeShape, b: ThemeShape): number {
    const pair = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
    let value = this.similarities.get(pair);
    if (value === undefined) {
      // Pure function of the two labels, so dropping the memo only costs time.
      if (this.similarities.size >= THEME_CACHE_LIMIT) this.similarities.clear();
      this.similarities.set(pair, (value = themeSimilarity(a, b)));
    }
    return value;
  }
}

interface ThemeAffinity {
  /** -1..1: the profile weight of the reader's themes this theme matches, saturated. */
  score: number;
  /** The matching theme the reader saved records under that contributes most, to name in a reason. */
  best?: ProfileWeight;
}

/** How close candidate themes are to the reader's themes, for one ranking (memoised by key). */
export class ThemeAffinities {
  private readonly byKey = new Map<string, ThemeAffinity>();
  private readonly profileThemes: { entry: ProfileWeight; shape: ThemeShape }[];

  constructor(
    themes: ProfileTables['themes'],
    private readonly memo: ThemeMemo,
  ) {
    this.profileThemes = [...themes.entries.values()].map((entry) => ({
      entry,
      shape: memo.shapeOf(entry.key, entry.label),
    }));
  }

  of(key: string, label: string): ThemeAffinity {
    let affinity = this.byKey.get(key);
    if (affinity) return affinity;
    const shape = this.memo.shapeOf(key, label);
    let sum = 0;
    let best: ProfileWeight | undefined;
    let bestValue = 0;
    for (const { entry, shape: other } of this.profileThemes) {
      const value = this.memo.similarity(shape, other);
      if (value < THEME_MATCH_THRESHOLD) continue;
      sum += value * entry.weight;
      if (entry.savedCount > 0 && value * entry.weight > bestValue) {
        bestValue = value * entry.weight;
        best = entry;
      }
    }
    this.byKey.set(key, (affinity = { score: saturate(sum, 1), best }));
    return affinity;
  }

  /** The theme part of a candidate with these themes: the best counts fully, each further one a quarter. */
  part(keys: readonly string[], labels: readonly string[]): number {
    let best = -Infinity;
    let sum = 0;
    for (let i = 0; i < keys.length; i++) {
      const score = this.of(keys[i], labels[i] ?? keys[i]).score;
      sum += score;
      if (score > best) best = score;
    }
    return keys.length === 0 ? 0 : best + FURTHER_THEME_SHARE * (sum - best);
  }
}

/**
 * The profile's text vector: each saved record's unit TF-IDF vector times its weight, and each
 * dismissed entry's at the dismissal weight. Needs a current IDF.
 */
export function profileVector(
  index: DocIndex,
  dismissed: Iterable<string>,
  now: number,
): { vector: Float64Array; norm: number } {
  const { vocabulary } = index;
  const vector = new Float64Array(vocabulary.terms.length);
  const idf = vocabulary.idf;
  const addVector = (doc: IndexedDoc, weight: number) => {
    const norm = vocabulary.normOf(doc);
    if (norm === 0) return;
    for (let i = 0; i < doc.terms.length; i++) {
      const id = doc.terms[i];
      vector[id] += (weight * doc.counts[i] * idf[id]) / norm;
    }
  };
  for (const doc of index.saved.values()) addVector(doc, recordWeight(doc.record, now));
  for (const id of dismissed) {
    const doc = index.catalog.get(id);
    if (doc) addVector(doc, DISMISSED_WEIGHT);
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  return { vector, norm: Math.sqrt(norm) || 1 };
}

/** What one ranking scores against: the reader's profile as of one moment. */
export interface ScoreContext {
  index: DocIndex;
  tables: ProfileTables;
  profile: { vector: Float64Array; norm: number };
  themes: ThemeAffinities;
  currentYear: number;
}

function textPart({ index, profile }: ScoreContext, doc: CatalogDoc): number {
  const idf = index.vocabulary.idf;
  const vector = profile.vector;
  let dot = 0;
  for (let i = 0; i < doc.terms.length; i++) {
    const id = doc.terms[i];
    dot += doc.counts[i] * idf[id] * vector[id];
  }
  const norm = index.vocabulary.normOf(doc);
  return norm > 0 ? dot / (norm * profile.norm) : 0;
}

/** Fills `parts` with the candidate's parts (no garbage per candidate) and returns it. */
export function scoreParts(context: ScoreContext, doc: CatalogDoc, parts: ScoreParts): ScoreParts {
  const { index, tables } = context;
  let coListers = 0;
  for (const lister of doc.listers) if (index.listerIsSaved(lister)) coListers++;
  const labels = doc.labels;
  let authorWeight = 0;
  for (const [key] of labels.authors) authorWeight += tables.authors.entries.get(key)?.weight ?? 0;
  const publisherWeight = labels.publisher
    ? (tables.publishers.entries.get(labels.publisher[0])?.weight ?? 0)
    : 0;
  let keywordWeight = 0;
  for (const [key] of labels.keywords) keywordWeight += tables.keywords.entries.get(key)?.weight ?? 0;
  parts.theme = doc.themeKeys.length > 0 ? context.themes.part(doc.themeKeys, doc.themes) : 0;
  parts.text = textPart(context, doc);
  parts.coListing = saturate(coListers, 0.5);
  parts.author = saturate(authorWeight, 1);
  parts.publisher = saturate(publisherWeight, 2);
  parts.keyword = saturate(keywordWeight, 1);
  parts.freshness = freshness(doc.entry.year, context.currentYear);
  return parts;
}
