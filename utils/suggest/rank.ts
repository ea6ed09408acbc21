/**
 * Ranking in two passes. The first scores every candidate cheaply (no garbage per candidate);
 * the second takes the head of that ranking, infers themes for candidates without any, and
 * explains each one. A suggestion without reasons (freshness alone) is left out for readers.
 * With a page context (page.ts), the page's group comes first: what the page lists, then up to
 * `PAGE_THEME_MAX` that share its themes, each by score; they always join the head.
 */
import type { DocIndex } from './doc-index';
import type { CatalogDoc } from './documents';
import { inferThemes } from './neighbours';
import {
  PAGE_THEME_MAX,
  pageReasons,
  resolvePage,
  withoutRepeats,
  type PageContext,
  type ResolvedPage,
} from './page';
import { INFERRED_THEME_FACTOR, type ProfileTables } from './profile';
import { toSuggestion, type ReasonContext } from './reasons';
import {
  combine,
  emptyParts,
  profileVector,
  scoreParts,
  ThemeAffinities,
  type ScoreContext,
  type ThemeMemo,
} from './score';
import { themeKey } from './themes';
import type { ScoreParts, ScoreWeights, Suggestion, SuggestionGroup } from './types';

/** Candidates that get the costlier second pass (theme inference, reasons). */
const SECOND_PASS_MIN = 200;
/** The second pass takes at least this many times the suggestions asked for. */
const SECOND_PASS_PER_SUGGESTION = 4;
const DEFAULT_LIMIT = 50;

export interface RankOptions {
  now: number;
  /** How many suggestions to return (default 50). */
  limit?: number;
  /**
   * Also return candidates with nothing to explain them (no shared theme, lister, author,
   * publisher, keyword or similar text). Off for readers; on for evaluation, which ranks all.
   */
  includeUnexplained?: boolean;
  /**
   * The page the reader is on, saved or not: what it lists as related, then what shares its
   * themes, come first (group 'page'); the page itself is never suggested. Also for a reader who
   * saved nothing yet (then only the page's group).
   */
  page?: PageContext;
}

/** What a ranking reads: the index, the reader's dismissals and weights, and the theme memo. */
export interface RankState {
  index: DocIndex;
  dismissed: ReadonlySet<string>;
  weights: ScoreWeights;
  memo: ThemeMemo;
  /** The reader's profile tables as of `now`. */
  profileTables(now: number): { tables: ProfileTables; totalWeight: number };
}

interface Scored {
  doc: CatalogDoc;
  parts: ScoreParts;
  score: number;
}

type RankContext = ScoreContext & ReasonContext;

const byScore = (a: Scored, b: Scored) =>
  b.score - a.score || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);

/**
 * First pass over every candidate (neither saved nor dismissed nor the page itself): the head is
 * everything scoring at least the `headSize`-th best score (ties all included), what the page
 * lists, and the best `PAGE_THEME_MAX` sharing the page's themes, with its parts.
 */
function scoreHead(state: RankState, context: RankContext, headSize: number, page?: ResolvedPage): Scored[] {
  const { index, dismissed, weights } = state;
  const candidates: CatalogDoc[] = [];
  const scores: number[] = [];
  const sharing: number[] = [];
  const scratch = emptyParts();
  for (const doc of index.catalog.values()) {
    if (dismissed.has(doc.id) || index.isSaved(doc)) continue;
    if (page) {
      if (page.isSelf(doc)) continue;
      if (!page.listed.has(doc) && page.sharesTheme(doc)) sharing.push(candidates.length);
    }
    candidates.push(doc);
    scores.push(combine(weights, scoreParts(context, doc, scratch)));
  }
  for (const doc of page?.extra ?? []) {
    if (dismissed.has(doc.id) || index.isSaved(doc)) continue;
    candidates.push(doc);
    scores.push(combine(weights, scoreParts(context, doc, scratch)));
  }
  const sortedScores = Float64Array.from(scores).sort();
  const cutoff = sortedScores.length > headSize ? sortedScores[sortedScores.length - headSize] : -Infinity;
  // Themes given, not inferred, make a sharer: its first-pass score is final, so the best few suffice.
  const pinned = new Set(
    sharing
      .sort((a, b) => scores[b] - scores[a] || (candidates[a].id < candidates[b].id ? -1 : 1))
      .slice(0, PAGE_THEME_MAX)
      .map((i) => candidates[i]),
  );
  const head: Scored[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates[i];
    if (scores[i] >= cutoff || (page && (pinned.has(doc) || page.listed.has(doc))))
      head.push({ doc, parts: scoreParts(context, doc, emptyParts()), score: scores[i] });
  }
  return head;
}

/** Second pass: themes inferred for unthemed candidates in the head, which rescores them. */
function inferHeadThemes(state: RankState, context: RankContext, head: Scored[]): Map<CatalogDoc, string[]> {
  const inferred = new Map<CatalogDoc, string[]>();
  for (const item of head) {
    if (item.doc.themeKeys.length > 0) continue;
    const themes = inferThemes(state.index, item.doc);
    if (themes.length === 0) continue;
    inferred.set(item.doc, themes);
    item.parts.theme = INFERRED_THEME_FACTOR * context.themes.part(themes.map(themeKey), themes);
    item.score = combine(state.weights, item.parts);
  }
  return inferred;
}

/** The page's group out of the sorted head: what it lists, then the best few sharing its themes. */
function pageFirst(page: ResolvedPage, head: readonly Scored[]): Scored[] {
  const listed = head.filter((item) => page.listed.has(item.doc));
  const sharing = head
    .filter((item) => !page.listed.has(item.doc) && page.sharesTheme(item.doc))
    .slice(0, PAGE_THEME_MAX);
  return [...listed, ...sharing];
}

/**
 * The best `limit` candidates, strongest first, each with its reasons; with a page, the page's
 * group first.
 */
export function rank(
  state: RankState,
  { now, limit = DEFAULT_LIMIT, includeUnexplained = false, page: pageContext }: RankOptions,
): Suggestion[] {
  const { index } = state;
  index.vocabulary.ensureIdf();
  const { tables, totalWeight } = state.profileTables(now);
  const hasProfile = index.saved.size > 0 && totalWeight > 0;
  if (!hasProfile && !pageContext) return [];
  const context: RankContext = {
    index,
    tables,
    profile: profileVector(index, state.dismissed, now),
    themes: new ThemeAffinities(tables.themes, state.memo),
    currentYear: new Date(now).getUTCFullYear(),
    weights: state.weights,
  };
  const page = pageContext ? resolvePage(index, pageContext, state.memo) : undefined;
  const headSize = Math.max(SECOND_PASS_MIN, limit * SECOND_PASS_PER_SUGGESTION);
  const head = scoreHead(state, context, headSize, page);
  const inferred = inferHeadThemes(state, context, head);
  head.sort(byScore);
  const explained = (item: Scored, group: SuggestionGroup) =>
    toSuggestion(context, item.doc, item.parts, item.score, group, inferred.get(item.doc));
  const first = page ? pageFirst(page, head) : [];
  const suggestions = first.slice(0, limit).map((item) => {
    const suggestion = explained(item, 'page');
    const lead = pageReasons(page!, item.doc, context.themes);
    return { ...suggestion, reasons: [...lead, ...withoutRepeats(page!, lead, suggestion.reasons)] };
  });
  const inPage = new Set(first.map((item) => item.doc));
  for (const item of hasProfile ? head : []) {
    if (suggestions.length >= limit) break;
    if (inPage.has(item.doc)) continue;
    const suggestion = explained(item, 'reader');
    // A suggestion the reader cannot be told a reason for is noise (freshness alone).
    if (includeUnexplained || suggestion.reasons.length > 0) suggestions.push(suggestion);
  }
  return suggestions;
}
