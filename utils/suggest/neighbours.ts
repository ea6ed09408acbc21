/**
 * Nearest-neighbour queries over the index: the themed records closest in text to a document
 * (whose themes it is then given), and the saved record closest to a candidate (named in its
 * reasons). Both query with the document's strongest terms only and walk flat postings.
 */
import type { DocIndex } from './doc-index';
import type { IndexedDoc, SavedDoc } from './documents';
import { themeKey } from './themes';

/** Nearest themed neighbours that vote on an inferred theme. */
const INFERENCE_NEIGHBOURS = 5;
const INFERENCE_QUERY_TERMS = 12;
/** Terms carried by more themed records than this tell nothing about a theme. */
const INFERENCE_MAX_POSTINGS = 1_000;
const INFERENCE_MIN_SIMILARITY = 0.1;
/** An inferred theme needs at least this share of the best theme's vote; at most two are given. */
const INFERENCE_MIN_VOTE_SHARE = 0.5;
const INFERENCE_MAX_THEMES = 2;
/** Terms in more saved records than this are skipped when naming the most similar one. */
const SIMILAR_TEXT_MAX_POSTINGS = 300;
/** Below this cosine a saved record is not named as similar. */
export const SIMILAR_TEXT_MIN = 0.08;
const SIMILAR_TEXT_QUERY_TERMS = 12;

interface Neighbour {
  neighbour: IndexedDoc;
  similarity: number;
}

/** Strongest first, ties by id, so the result never depends on insertion order. */
const before = (a: Neighbour, b: Neighbour) =>
  a.similarity > b.similarity || (a.similarity === b.similarity && a.neighbour.id < b.neighbour.id);

/** The few themed documents closest in text to `doc` (itself excluded), closest first. */
function nearestThemed(index: DocIndex, doc: IndexedDoc): Neighbour[] {
  const { vocabulary, themedPostings, themedFrequency, aliveSlots, slotSums } = index;
  const idf = vocabulary.idf;
  const query: { id: number; weight: number }[] = [];
  for (let i = 0; i < doc.terms.length; i++) {
    const id = doc.terms[i];
    const postings = themedFrequency.get(id) ?? 0;
    if (postings === 0 || postings > INFERENCE_MAX_POSTINGS) continue;
    query.push({ id, weight: doc.counts[i] * idf[id] });
  }
  // Strongest terms first; ties by the term itself, so the result never depends on insertion order.
  const terms = vocabulary.terms;
  query.sort((a, b) => b.weight - a.weight || (terms[a.id] < terms[b.id] ? -1 : 1));
  for (const { id, weight } of query.slice(0, INFERENCE_QUERY_TERMS)) {
    const list = themedPostings.get(id);
    if (!list) continue;
    const factor = weight * idf[id];
    for (let k = 0; k < list.length; k++) {
      const slot = list.slots[k];
      if (aliveSlots[slot] && slot !== doc.slot) slotSums.add(slot, factor * list.counts[k]);
    }
  }
  const scores = slotSums.drain();
  const selfNorm = vocabulary.normOf(doc);
  if (selfNorm === 0) return [];
  // Top few by a linear scan (thousands of partial neighbours, five wanted).
  const nearest: Neighbour[] = [];
  for (const { slot, sum: dot } of scores) {
    const neighbour = index.docsBySlot[slot]!;
    const candidate = { neighbour, similarity: dot / (selfNorm * (vocabulary.normOf(neighbour) || 1)) };
    if (candidate.similarity < INFERENCE_MIN_SIMILARITY) continue;
    if (nearest.length === INFERENCE_NEIGHBOURS && !before(candidate, nearest[nearest.length - 1])) continue;
    let at = nearest.length;
    while (at > 0 && before(candidate, nearest[at - 1])) at--;
    nearest.splice(at, 0, candidate);
    if (nearest.length > INFERENCE_NEIGHBOURS) nearest.pop();
  }
  return nearest;
}

/** The neighbours' themes, each weighed by the neighbour's similarity; the strongest one or two. */
function voteThemes(nearest: readonly Neighbour[]): string[] {
  const votes = new Map<string, { label: string; vote: number }>();
  for (const { neighbour, similarity: weight } of nearest) {
    neighbour.themes.forEach((label, index) => {
      const key = neighbour.themeKeys[index] ?? themeKey(label);
      const vote = votes.get(key);
      if (vote) vote.vote += weight;
      else votes.set(key, { label, vote: weight });
    });
  }
  const ranked = [...votes.values()].sort((a, b) => b.vote - a.vote || a.label.localeCompare(b.label));
  if (ranked.length === 0) return [];
  return ranked
    .filter((item) => item.vote >= ranked[0].vote * INFERENCE_MIN_VOTE_SHARE)
    .slice(0, INFERENCE_MAX_THEMES)
    .map((item) => item.label);
}

/**
 * Themes of the nearest themed records in text, by their votes; [] when nothing is near.
 * Needs a current IDF (`vocabulary.ensureIdf()`).
 */
export function inferThemes(index: DocIndex, doc: IndexedDoc): string[] {
  return voteThemes(nearestThemed(index, doc));
}

/**
 * The saved record closest in text to `doc`, if at least `SIMILAR_TEXT_MIN` close. Needs a
 * current IDF.
 */
export function mostSimilarSaved(
  index: DocIndex,
  doc: IndexedDoc,
): { doc: SavedDoc; similarity: number } | undefined {
  const { vocabulary, savedPostings, aliveSlots, slotSums } = index;
  const { idf, documentFrequency, terms } = vocabulary;
  // Only the candidate's strongest terms: enough to name the closest saved record.
  const query: { index: number; weight: number }[] = [];
  for (let i = 0; i < doc.terms.length; i++) {
    const id = doc.terms[i];
    const list = savedPostings.get(id);
    // Document frequency, not the list's length: dead entries must not change the result.
    if (!list || documentFrequency[id] > SIMILAR_TEXT_MAX_POSTINGS) continue;
    query.push({ index: i, weight: doc.counts[i] * idf[id] });
  }
  query.sort(
    (a, b) => b.weight - a.weight || (terms[doc.terms[a.index]] < terms[doc.terms[b.index]] ? -1 : 1),
  );
  for (const { index: at, weight } of query.slice(0, SIMILAR_TEXT_QUERY_TERMS)) {
    const id = doc.terms[at];
    const list = savedPostings.get(id)!;
    const factor = weight * idf[id];
    for (let k = 0; k < list.length; k++) {
      const slot = list.slots[k];
      if (aliveSlots[slot]) slotSums.add(slot, factor * list.counts[k]);
    }
  }
  const norm = vocabulary.normOf(doc);
  let best: { doc: SavedDoc; similarity: number } | undefined;
  for (const { slot, sum: dot } of slotSums.drain()) {
    const other = index.docsBySlot[slot] as SavedDoc;
    const value = dot / (norm * (vocabulary.normOf(other) || 1));
    if (!best || value > best.similarity || (value === best.similarity && other.id < best.doc.id)) {
      best = { doc: other, similarity: value };
    }
  }
  return best && best.similarity >= SIMILAR_TEXT_MIN ? best : undefined;
}
