/**
 * The suggestion engine: an index over saved records and catalog entries that is updated one
 * record at a time (save, dismiss, new catalog entries) and ranks every candidate on demand.
 *
 * Why its own small TF-IDF and not MiniSearch's BM25: suggestions compare every candidate with
 * the whole profile (a weighted sum of the saved records' vectors), not with a short query, and
 * updates must stay O(one record). Keeping raw term counts and document frequencies, and applying
 * IDF at rank time, gives exactly the same result whether the index was built at once or record
 * by record (tested), at about 20 lines of arithmetic.
 *
 * Score = Σ weight × part, parts in 0..1 (negative when dismissals outweigh saves):
 *  - theme: candidate themes vs profile themes (stem/compound matching, see themes.ts); themes
 *    inferred from the nearest themed records count half;
 *  - text: cosine of the candidate's title/subtitle/summary with the profile's TF-IDF vector;
 *  - coListing: how many saved publications list the candidate as related;
 *  - author, publisher, keyword: profile weights of shared ones;
 *  - freshness: publication year, halving every 5 years (unknown: neutral-low).
 */
import type { CatalogEntry, SavedPublication } from '@/utils/publication';
import { normaliseUrl } from '@/utils/identity';
import { analyzeTokens, detectLanguageOfTokens, toTextLanguage, tokenize } from '@/utils/text';
import {
  addToProfile,
  DISMISSED_WEIGHT,
  emptyProfileTables,
  keyLabels,
  profileFromTables,
  recordWeight,
  type WeightTable,
  type KeyedLabels,
  type ProfileWeight,
  type ReaderProfile,
} from './profile';
import { THEME_MATCH_THRESHOLD, themeKey, themeShape, themeSimilarity, type ThemeShape } from './themes';
import {
  DEFAULT_WEIGHTS,
  type ScoreParts,
  type ScoreWeights,
  type Suggestion,
  type SuggestionReason,
} from './types';

/** Bounds on untrusted text: what is indexed per record. */
const MAX_FIELD_CHARS = { title: 500, subtitle: 500, summary: 3_000, label: 200 } as const;
const MAX_LIST_ITEMS = 50;
/** Field weights in the text vector: a word in the title says more than one in a blurb. */
const TITLE_WEIGHT = 2;
/** Candidates that get the costlier second pass (theme inference, reasons). */
const SECOND_PASS_MIN = 200;
/** Nearest themed neighbours that vote on an inferred theme. */
const INFERENCE_NEIGHBOURS = 5;
const INFERENCE_QUERY_TERMS = 12;
/** Terms carried by more themed records than this tell nothing about a theme. */
const INFERENCE_MAX_POSTINGS = 1_000;
const INFERENCE_MIN_SIMILARITY = 0.1;
const INFERRED_THEME_FACTOR = 0.5;
/** Bounds the work after each change: only this many unthemed saved records get inferred themes. */
const MAX_INFERRED_SAVED = 50;
/** Terms in more saved records than this are skipped when naming the most similar one. */
const SIMILAR_TEXT_MAX_POSTINGS = 300;
const SIMILAR_TEXT_MIN = 0.08;
const SIMILAR_TEXT_QUERY_TERMS = 12;
const FRESHNESS_HALF_LIFE_YEARS = 5;
/** Memo sizes for theme shapes and pairwise theme similarities (bounded memory). */
const THEME_CACHE_LIMIT = 100_000;
const UNKNOWN_YEAR_FRESHNESS = 0.3;

interface IndexedDoc {
  id: string;
  /** A number unique to this version of the record, for array-backed sums. */
  slot: number;
  /** Term ids and their weighted counts, parallel arrays. */
  terms: Int32Array;
  counts: Float64Array;
  themes: string[];
  themeKeys: string[];
  keywords: string[];
  authors: string[];
  publisher?: string;
  labels: KeyedLabels;
  alive: boolean;
  /** Cached TF-IDF norm and the IDF version it was computed for. */
  norm: number;
  normVersion: number;
  // Saved- and catalog-only fields live on every doc, so all docs share one object shape and
  // the hot loops (inference, similarity) stay monomorphic.
  record?: SavedPublication;
  urlKeys: string[];
  entry?: CatalogEntry;
  urlKey?: string;
  /** Pages that listed it as related, by lister id. */
  listers: { id: string; title: string; url: string; urlKey: string }[];
}

interface SavedDoc extends IndexedDoc {
  record: SavedPublication;
}

interface CatalogDoc extends IndexedDoc {
  entry: CatalogEntry;
}

export interface RankOptions {
  now: number;
  /** How many suggestions to return (default 50). */
  limit?: number;
  /**
   * Also return candidates with nothing to explain them (no shared theme, lister, author,
   * publisher, keyword or similar text). Off for readers; on for evaluation, which ranks all.
   */
  includeUnexplained?: boolean;
}

export interface SuggestionEngine {
  /** Adds or replaces a saved record; a catalog entry with the same id or address stops being a candidate. */
  addSaved(record: SavedPublication): void;
  removeSaved(id: string): void;
  /** Adds or replaces catalog entries. */
  addCatalogEntries(entries: readonly CatalogEntry[]): void;
  removeCatalogEntry(id: string): void;
  dismiss(id: string): void;
  undismiss(id: string): void;
  rank(options: RankOptions): Suggestion[];
  profile(now: number): ReaderProfile;
  readonly size: { saved: number; catalog: number; dismissed: number };
}

export interface EngineInput {
  saved?: readonly SavedPublication[];
  catalog?: readonly CatalogEntry[];
  dismissed?: readonly string[];
  weights?: Partial<ScoreWeights>;
}

/**
 * One term's postings as parallel typed arrays (document slot, weighted count): walking them
 * touches no document object, which keeps nearest-neighbour queries memory-friendly.
 */
class Postings {
  slots = new Int32Array(4);
  counts = new Float64Array(4);
  length = 0;

  push(slot: number, count: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      const counts = new Float64Array(this.length * 2);
      counts.set(this.counts);
      this.slots = slots;
      this.counts = counts;
    }
    this.slots[this.length] = slot;
    this.counts[this.length] = count;
    this.length++;
  }

  /** Drops dead slots, keeping the order. */
  compact(alive: Uint8Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!alive[this.slots[i]]) continue;
      this.slots[kept] = this.slots[i];
      this.counts[kept] = this.counts[i];
      kept++;
    }
    this.length = kept;
  }
}

/** Per-slot sums for one query; `drain` lists the touched slots in first-touch order and resets. */
class SlotSums {
  private sums = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  private touched: number[] = [];

  add(slot: number, value: number): void {
    if (slot >= this.sums.length) {
      const size = Math.max(slot + 1, this.sums.length * 2);
      const sums = new Float64Array(size);
      sums.set(this.sums);
      const seen = new Uint8Array(size);
      seen.set(this.seen);
      this.sums = sums;
      this.seen = seen;
    }
    if (!this.seen[slot]) {
      this.seen[slot] = 1;
      this.sums[slot] = 0;
      this.touched.push(slot);
    }
    this.sums[slot] += value;
  }

  drain(): { slot: number; sum: number }[] {
    const result = this.touched.map((slot) => ({ slot, sum: this.sums[slot] }));
    for (const slot of this.touched) this.seen[slot] = 0;
    this.touched = [];
    return result;
  }
}

function urlKeyOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const normalised = normaliseUrl(url);
  return normalised ? normalised.replace(/^https?:\/\//, '') : undefined;
}

function bounded(list: readonly string[] | undefined, maxChars: number): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is string => typeof item === 'string' && item.trim().length > 0)
    .slice(0, MAX_LIST_ITEMS)
    .map((item) => item.slice(0, maxChars));
}

function text(value: unknown, maxChars: number): string {
  return typeof value === 'string' ? value.slice(0, maxChars) : '';
}

/** Saturates a weight sum to -1..1: one match says something, four say more, not four times more. */
function saturate(value: number, half: number): number {
  return value / (Math.abs(value) + half);
}

export function createSuggestionEngine(input: EngineInput = {}): SuggestionEngine {
  const weights: ScoreWeights = { ...DEFAULT_WEIGHTS, ...input.weights };

  const vocabulary = new Map<string, number>();
  const termStrings: string[] = [];
  let documentFrequency = new Int32Array(1024);
  let aliveDocuments = 0;
  let idf = new Float64Array(0);
  let idfVersion = 0;
  let idfDirty = true;

  const saved = new Map<string, SavedDoc>();
  const savedByUrl = new Map<string, string>();
  const catalog = new Map<string, CatalogDoc>();
  const dismissed = new Set<string>();
  /** termId → themed docs containing it (dead docs skipped, compacted now and then). */
  const themedPostings = new Map<number, Postings>();
  const themedFrequency = new Map<number, number>();
  /** termId → saved docs containing it, to name the most similar saved record. */
  const savedPostings = new Map<number, Postings>();
  let deadPostings = 0;

  let nextSlot = 0;
  /** Documents by slot (dead ones dropped), and whether each slot is alive. */
  const docsBySlot: (IndexedDoc | undefined)[] = [];
  let aliveSlots = new Uint8Array(1024);
  const slotSums = new SlotSums();
  const shapes = new Map<string, ThemeShape>();
  const similarities = new Map<string, number>();

  function termId(term: string): number {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = termStrings.length;
      vocabulary.set(term, id);
      termStrings.push(term);
      if (id >= documentFrequency.length) {
        const grown = new Int32Array(documentFrequency.length * 2);
        grown.set(documentFrequency);
        documentFrequency = grown;
      }
    }
    return id;
  }

  function vectorOf(fields: {
    title: string;
    subtitle?: string;
    summary?: string;
    keywords: string[];
    themes: string[];
    language?: string;
  }): { terms: Int32Array; counts: Float64Array } {
    const title = text(fields.title, MAX_FIELD_CHARS.title);
    const subtitle = text(fields.subtitle, MAX_FIELD_CHARS.subtitle);
    const summary = text(fields.summary, MAX_FIELD_CHARS.summary);
    // Each field is tokenized once; the language is told from all three together.
    const titleTokens = tokenize(title);
    const subtitleTokens = tokenize(subtitle);
    const summaryTokens = tokenize(summary);
    const lang =
      toTextLanguage(fields.language) ??
      detectLanguageOfTokens([...titleTokens, ...subtitleTokens, ...summaryTokens.slice(0, 1_000)]);
    const counts = new Map<number, number>();
    const add = (tokens: readonly string[], weight: number) => {
      for (const term of analyzeTokens(tokens, lang)) {
        const id = termId(term);
        counts.set(id, (counts.get(id) ?? 0) + weight);
      }
    };
    add(titleTokens, TITLE_WEIGHT);
    add(subtitleTokens, 1);
    add(summaryTokens, 1);
    for (const keyword of fields.keywords) add(tokenize(keyword), 1);
    for (const theme of fields.themes) add(tokenize(theme), 1);
    const ids = [...counts.keys()].sort((a, b) => a - b);
    return { terms: Int32Array.from(ids), counts: Float64Array.from(ids, (id) => counts.get(id) ?? 0) };
  }

  function baseDoc(
    id: string,
    fields: {
      title: string;
      subtitle?: string;
      summary?: string;
      keywords?: string[];
      themes?: string[];
      authors?: string[];
      publisher?: string;
      language?: string;
    },
  ): IndexedDoc {
    const themes = bounded(fields.themes, MAX_FIELD_CHARS.label);
    const keywords = bounded(fields.keywords, MAX_FIELD_CHARS.label);
    const vector = vectorOf({ ...fields, themes, keywords });
    const authors = bounded(fields.authors, MAX_FIELD_CHARS.label);
    const publisher = text(fields.publisher, MAX_FIELD_CHARS.label).trim() || undefined;
    const labels = keyLabels({ themes, keywords, authors, publisher });
    return {
      id,
      slot: nextSlot++,
      ...vector,
      // Themes as the record gives them, one per key (variants of one theme count once).
      themes: labels.themes.map(([, label]) => label),
      themeKeys: labels.themes.map(([key]) => key),
      keywords,
      authors,
      publisher,
      labels,
      alive: true,
      norm: 0,
      normVersion: -1,
      record: undefined,
      urlKeys: [],
      entry: undefined,
      urlKey: undefined,
      listers: [],
    };
  }

  function link(doc: IndexedDoc, isSavedDoc: boolean): void {
    aliveDocuments++;
    idfDirty = true;
    if (doc.slot >= aliveSlots.length) {
      const grown = new Uint8Array(Math.max(doc.slot + 1, aliveSlots.length * 2));
      grown.set(aliveSlots);
      aliveSlots = grown;
    }
    aliveSlots[doc.slot] = 1;
    docsBySlot[doc.slot] = doc;
    const themed = doc.themeKeys.length > 0;
    for (let i = 0; i < doc.terms.length; i++) {
      const id = doc.terms[i];
      documentFrequency[id]++;
      if (themed) {
        let list = themedPostings.get(id);
        if (!list) themedPostings.set(id, (list = new Postings()));
        list.push(doc.slot, doc.counts[i]);
        themedFrequency.set(id, (themedFrequency.get(id) ?? 0) + 1);
      }
      if (isSavedDoc) {
        let list = savedPostings.get(id);
        if (!list) savedPostings.set(id, (list = new Postings()));
        list.push(doc.slot, doc.counts[i]);
      }
    }
  }

  function unlink(doc: IndexedDoc): void {
    doc.alive = false;
    aliveSlots[doc.slot] = 0;
    docsBySlot[doc.slot] = undefined;
    aliveDocuments--;
    idfDirty = true;
    for (const id of doc.terms) {
      documentFrequency[id]--;
      if (doc.themeKeys.length > 0) themedFrequency.set(id, (themedFrequency.get(id) ?? 1) - 1);
    }
    deadPostings += doc.terms.length;
    if (deadPostings > 50_000) compactPostings();
  }

  function compactPostings(): void {
    for (const list of themedPostings.values()) list.compact(aliveSlots);
    for (const list of savedPostings.values()) list.compact(aliveSlots);
    deadPostings = 0;
  }

  function addSaved(record: SavedPublication): void {
    if (!record || typeof record.id !== 'string') return;
    removeSaved(record.id);
    const doc = baseDoc(record.id, record) as SavedDoc;
    doc.record = record;
    doc.urlKeys = [urlKeyOf(record.url), urlKeyOf(record.canonicalUrl)].filter((key): key is string => !!key);
    saved.set(record.id, doc);
    for (const key of doc.urlKeys) savedByUrl.set(key, record.id);
    link(doc, true);
  }

  function removeSaved(id: string): void {
    const doc = saved.get(id);
    if (!doc) return;
    saved.delete(id);
    for (const key of doc.urlKeys) if (savedByUrl.get(key) === id) savedByUrl.delete(key);
    unlink(doc);
  }

  function addCatalogEntry(entry: CatalogEntry): void {
    if (!entry || typeof entry.id !== 'string') return;
    removeCatalogEntry(entry.id);
    const doc = baseDoc(entry.id, entry) as CatalogDoc;
    doc.entry = entry;
    doc.urlKey = urlKeyOf(entry.url);
    for (const source of Array.isArray(entry.sources) ? entry.sources : []) {
      if (source?.kind !== 'related' || !source.listedBy) continue;
      const { id, title, url } = source.listedBy;
      if (doc.listers.some((lister) => lister.id === id)) continue;
      doc.listers.push({ id, title: text(title, MAX_FIELD_CHARS.title), url, urlKey: urlKeyOf(url) ?? '' });
    }
    catalog.set(entry.id, doc);
    link(doc, false);
  }

  function removeCatalogEntry(id: string): void {
    const doc = catalog.get(id);
    if (!doc) return;
    catalog.delete(id);
    unlink(doc);
  }

  function ensureIdf(): void {
    if (!idfDirty && idf.length === termStrings.length) return;
    idf = new Float64Array(termStrings.length);
    const n = Math.max(1, aliveDocuments);
    for (let id = 0; id < idf.length; id++) {
      const df = documentFrequency[id];
      idf[id] = df > 0 ? Math.log(1 + n / df) : 0;
    }
    idfVersion++;
    idfDirty = false;
  }

  function normOf(doc: IndexedDoc): number {
    if (doc.normVersion !== idfVersion) {
      let sum = 0;
      for (let i = 0; i < doc.terms.length; i++) {
        const x = doc.counts[i] * idf[doc.terms[i]];
        sum += x * x;
      }
      doc.norm = Math.sqrt(sum);
      doc.normVersion = idfVersion;
    }
    return doc.norm;
  }

  function shapeOf(key: string, label: string): ThemeShape {
    let shape = shapes.get(key);
    if (!shape) {
      if (shapes.size >= THEME_CACHE_LIMIT) shapes.clear();
      shapes.set(key, (shape = themeShape(label)));
    }
    return shape;
  }

  function similarity(a: ThemeShape, b: ThemeShape): number {
    const pair = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
    let value = similarities.get(pair);
    if (value === undefined) {
      // Pure function of the two labels, so dropping the memo only costs time.
      if (similarities.size >= THEME_CACHE_LIMIT) similarities.clear();
      similarities.set(pair, (value = themeSimilarity(a, b)));
    }
    return value;
  }

  function isSaved(doc: CatalogDoc): boolean {
    return saved.has(doc.id) || (doc.urlKey !== undefined && savedByUrl.has(doc.urlKey));
  }

  function profileTables(now: number) {
    const tables = emptyProfileTables();
    let totalWeight = 0;
    for (const doc of saved.values()) {
      const weight = recordWeight(doc.record, now);
      totalWeight += weight;
      addToProfile(tables, doc.labels, weight, true);
    }
    for (const id of dismissed) {
      const doc = catalog.get(id);
      if (doc) addToProfile(tables, doc.labels, DISMISSED_WEIGHT, false);
    }
    // Saved records without themes lend half their weight to the themes of their nearest
    // themed neighbours (not counted as saved: reasons only cite themes the reader has).
    for (const { doc, themes } of inferredSavedThemes()) {
      const weight = INFERRED_THEME_FACTOR * recordWeight(doc.record, now);
      for (const label of themes) tables.themes.add(themeKey(label), label, weight, false);
    }
    return { tables, totalWeight };
  }

  /** Inferred themes of the most recent unthemed saved records; cached until the index changes. */
  let inferredSaved: { version: number; list: { doc: SavedDoc; themes: string[] }[] } | undefined;
  function inferredSavedThemes(): { doc: SavedDoc; themes: string[] }[] {
    ensureIdf();
    if (inferredSaved?.version === idfVersion) return inferredSaved.list;
    const unthemed = [...saved.values()]
      .filter((doc) => doc.themeKeys.length === 0)
      .sort((a, b) => b.record.savedAt - a.record.savedAt || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_INFERRED_SAVED);
    const list = unthemed
      .map((doc) => ({ doc, themes: inferThemes(doc) }))
      .filter((item) => item.themes.length > 0);
    inferredSaved = { version: idfVersion, list };
    return list;
  }

  function profile(now: number): ReaderProfile {
    const { tables, totalWeight } = profileTables(now);
    return profileFromTables(tables, totalWeight);
  }

  /** Themes of the nearest themed records in text, by their votes; [] when nothing is near. */
  function inferThemes(doc: IndexedDoc): string[] {
    const query: { id: number; weight: number }[] = [];
    for (let i = 0; i < doc.terms.length; i++) {
      const id = doc.terms[i];
      const postings = themedFrequency.get(id) ?? 0;
      if (postings === 0 || postings > INFERENCE_MAX_POSTINGS) continue;
      query.push({ id, weight: doc.counts[i] * idf[id] });
    }
    // Strongest terms first; ties by the term itself, so the result never depends on insertion order.
    query.sort((a, b) => b.weight - a.weight || (termStrings[a.id] < termStrings[b.id] ? -1 : 1));
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
    const selfNorm = normOf(doc);
    if (selfNorm === 0) return [];
    // Top few by a linear scan (thousands of partial neighbours, five wanted).
    const nearest: { neighbour: IndexedDoc; similarity: number }[] = [];
    const before = (
      a: { neighbour: IndexedDoc; similarity: number },
      b: { neighbour: IndexedDoc; similarity: number },
    ) => a.similarity > b.similarity || (a.similarity === b.similarity && a.neighbour.id < b.neighbour.id);
    for (const { slot, sum: dot } of scores) {
      const neighbour = docsBySlot[slot]!;
      const candidate = { neighbour, similarity: dot / (selfNorm * (normOf(neighbour) || 1)) };
      if (candidate.similarity < INFERENCE_MIN_SIMILARITY) continue;
      if (nearest.length === INFERENCE_NEIGHBOURS && !before(candidate, nearest[nearest.length - 1]))
        continue;
      let at = nearest.length;
      while (at > 0 && before(candidate, nearest[at - 1])) at--;
      nearest.splice(at, 0, candidate);
      if (nearest.length > INFERENCE_NEIGHBOURS) nearest.pop();
    }
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
      .filter((item) => item.vote >= ranked[0].vote * 0.5)
      .slice(0, 2)
      .map((item) => item.label);
  }

  function rank({ now, limit = 50, includeUnexplained = false }: RankOptions): Suggestion[] {
    ensureIdf();
    const { tables, totalWeight } = profileTables(now);
    if (saved.size === 0 || totalWeight <= 0) return [];

    // The profile's text vector: each saved record's unit TF-IDF vector times its weight.
    const profileVector = new Float64Array(termStrings.length);
    const addVector = (doc: IndexedDoc, weight: number) => {
      const norm = normOf(doc);
      if (norm === 0) return;
      for (let i = 0; i < doc.terms.length; i++) {
        const id = doc.terms[i];
        profileVector[id] += (weight * doc.counts[i] * idf[id]) / norm;
      }
    };
    for (const doc of saved.values()) addVector(doc, recordWeight(doc.record, now));
    for (const id of dismissed) {
      const doc = catalog.get(id);
      if (doc) addVector(doc, DISMISSED_WEIGHT);
    }
    let profileNorm = 0;
    for (const value of profileVector) profileNorm += value * value;
    profileNorm = Math.sqrt(profileNorm) || 1;

    const profileThemes = [...tables.themes.entries.values()].map((entry) => ({
      entry,
      shape: shapeOf(entry.key, entry.label),
    }));
    const themeAffinities = new Map<string, { score: number; best?: ProfileWeight }>();
    const themeAffinity = (key: string, label: string) => {
      let affinity = themeAffinities.get(key);
      if (affinity) return affinity;
      const shape = shapeOf(key, label);
      let sum = 0;
      let best: ProfileWeight | undefined;
      let bestValue = 0;
      for (const { entry, shape: other } of profileThemes) {
        const value = similarity(shape, other);
        if (value < THEME_MATCH_THRESHOLD) continue;
        sum += value * entry.weight;
        if (entry.savedCount > 0 && value * entry.weight > bestValue) {
          bestValue = value * entry.weight;
          best = entry;
        }
      }
      themeAffinities.set(key, (affinity = { score: saturate(sum, 1), best }));
      return affinity;
    };
    const themePart = (keys: readonly string[], labels: readonly string[]) => {
      // The best theme counts fully, each further one a quarter.
      let best = -Infinity;
      let sum = 0;
      for (let i = 0; i < keys.length; i++) {
        const score = themeAffinity(keys[i], labels[i] ?? keys[i]).score;
        sum += score;
        if (score > best) best = score;
      }
      return keys.length === 0 ? 0 : best + 0.25 * (sum - best);
    };

    const currentYear = new Date(now).getUTCFullYear();
    const partsOf = (doc: CatalogDoc, parts: ScoreParts): ScoreParts => {
      let dot = 0;
      for (let i = 0; i < doc.terms.length; i++) {
        const id = doc.terms[i];
        dot += doc.counts[i] * idf[id] * profileVector[id];
      }
      const norm = normOf(doc);
      let coListers = 0;
      for (const lister of doc.listers)
        if (saved.has(lister.id) || savedByUrl.has(lister.urlKey)) coListers++;
      const labels = doc.labels;
      let authorWeight = 0;
      for (const [key] of labels.authors) authorWeight += tables.authors.entries.get(key)?.weight ?? 0;
      const publisherWeight = labels.publisher
        ? (tables.publishers.entries.get(labels.publisher[0])?.weight ?? 0)
        : 0;
      let keywordWeight = 0;
      for (const [key] of labels.keywords) keywordWeight += tables.keywords.entries.get(key)?.weight ?? 0;
      const year = doc.entry.year;
      parts.theme = doc.themeKeys.length > 0 ? themePart(doc.themeKeys, doc.themes) : 0;
      parts.text = norm > 0 ? dot / (norm * profileNorm) : 0;
      parts.coListing = saturate(coListers, 0.5);
      parts.author = saturate(authorWeight, 1);
      parts.publisher = saturate(publisherWeight, 2);
      parts.keyword = saturate(keywordWeight, 1);
      parts.freshness =
        typeof year === 'number' && Number.isFinite(year)
          ? Math.min(1, Math.pow(2, -Math.max(0, currentYear - year) / FRESHNESS_HALF_LIFE_YEARS))
          : UNKNOWN_YEAR_FRESHNESS;
      return parts;
    };
    const emptyParts = (): ScoreParts => ({
      theme: 0,
      text: 0,
      coListing: 0,
      author: 0,
      publisher: 0,
      keyword: 0,
      freshness: 0,
    });

    // First pass over every candidate: scores only, into flat arrays (no garbage per candidate).
    const candidates: CatalogDoc[] = [];
    const scores: number[] = [];
    const scratch = emptyParts();
    for (const doc of catalog.values()) {
      if (dismissed.has(doc.id) || isSaved(doc)) continue;
      candidates.push(doc);
      scores.push(combine(partsOf(doc, scratch)));
    }
    const headSize = Math.max(SECOND_PASS_MIN, limit * 4);
    // The head: everything scoring at least the headSize-th best score (ties all included).
    const sortedScores = Float64Array.from(scores).sort();
    const cutoff = sortedScores.length > headSize ? sortedScores[sortedScores.length - headSize] : -Infinity;
    const byScore = (a: { doc: CatalogDoc; score: number }, b: { doc: CatalogDoc; score: number }) =>
      b.score - a.score || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
    const head: { doc: CatalogDoc; parts: ScoreParts; score: number }[] = [];
    for (let i = 0; i < candidates.length; i++) {
      if (scores[i] >= cutoff)
        head.push({ doc: candidates[i], parts: partsOf(candidates[i], emptyParts()), score: scores[i] });
    }

    // Second pass on the head: themes inferred for unthemed candidates, then the final order.
    const inferred = new Map<CatalogDoc, string[]>();
    for (const item of head) {
      if (item.doc.themeKeys.length > 0) continue;
      const themes = inferThemes(item.doc);
      if (themes.length === 0) continue;
      inferred.set(item.doc, themes);
      item.parts.theme = INFERRED_THEME_FACTOR * themePart(themes.map(themeKey), themes);
      item.score = combine(item.parts);
    }
    head.sort(byScore);
    const suggestions: Suggestion[] = [];
    for (const item of head) {
      if (suggestions.length >= limit) break;
      const suggestion = toSuggestion(item.doc, item.parts, item.score, inferred.get(item.doc));
      // A suggestion the reader cannot be told a reason for is noise (freshness alone).
      if (includeUnexplained || suggestion.reasons.length > 0) suggestions.push(suggestion);
    }
    return suggestions;

    function combine(parts: ScoreParts): number {
      let score = 0;
      for (const name of Object.keys(parts) as (keyof ScoreParts)[]) score += weights[name] * parts[name];
      return score;
    }

    function toSuggestion(
      doc: CatalogDoc,
      parts: ScoreParts,
      score: number,
      inferredThemes?: string[],
    ): Suggestion {
      const themes = inferredThemes ?? doc.themes;
      const grouped: { weight: number; reasons: SuggestionReason[] }[] = [];
      const push = (part: keyof ScoreParts, reasons: SuggestionReason[]) => {
        if (reasons.length > 0) grouped.push({ weight: weights[part] * parts[part], reasons });
      };

      const themeReasons: SuggestionReason[] = [];
      const seen = new Set<string>();
      for (const label of themes) {
        const { score: affinity, best } = themeAffinity(themeKey(label), label);
        if (!best || affinity <= 0 || seen.has(best.key)) continue;
        seen.add(best.key);
        themeReasons.push({
          kind: 'theme',
          theme: best.label,
          savedCount: best.savedCount,
          candidateTheme: label,
          ...(inferredThemes ? { inferred: true as const } : {}),
        });
      }
      push('theme', themeReasons);

      push(
        'coListing',
        doc.listers
          .filter((lister) => saved.has(lister.id) || savedByUrl.has(lister.urlKey))
          .map((lister) => {
            const savedDoc = saved.get(lister.id) ?? saved.get(savedByUrl.get(lister.urlKey) ?? '');
            return {
              kind: 'listedBy' as const,
              id: savedDoc?.id ?? lister.id,
              title: savedDoc?.record.title ?? lister.title,
              url: savedDoc?.record.url ?? lister.url,
            };
          }),
      );
      push(
        'author',
        matches(doc.labels.authors, tables.authors).map((entry) => ({
          kind: 'author' as const,
          name: entry.label,
          savedCount: entry.savedCount,
        })),
      );
      push(
        'publisher',
        matches(doc.labels.publisher ? [doc.labels.publisher] : [], tables.publishers).map((entry) => ({
          kind: 'publisher' as const,
          name: entry.label,
          savedCount: entry.savedCount,
        })),
      );
      push(
        'keyword',
        matches(doc.labels.keywords, tables.keywords).map((entry) => ({
          kind: 'keyword' as const,
          keyword: entry.label,
          savedCount: entry.savedCount,
        })),
      );
      const similar = parts.text >= SIMILAR_TEXT_MIN ? mostSimilarSaved(doc) : undefined;
      if (similar) {
        push('text', [
          {
            kind: 'similarText',
            id: similar.doc.id,
            title: similar.doc.record.title,
            ...(similar.doc.record.url ? { url: similar.doc.record.url } : {}),
            similarity: Math.round(similar.similarity * 100) / 100,
          },
        ]);
      }
      grouped.sort((a, b) => b.weight - a.weight);

      const entry = doc.entry;
      return {
        id: doc.id,
        title: text(entry.title, MAX_FIELD_CHARS.title),
        ...(entry.subtitle ? { subtitle: text(entry.subtitle, MAX_FIELD_CHARS.subtitle) } : {}),
        ...(entry.url ? { url: entry.url } : {}),
        ...(doc.publisher ? { publisher: doc.publisher } : {}),
        ...(typeof entry.year === 'number' ? { year: entry.year } : {}),
        themes: [...themes],
        themesInferred: inferredThemes !== undefined,
        score,
        parts,
        reasons: grouped.flatMap((group) => group.reasons),
      };
    }

    function matches(values: KeyedLabels['authors'], table: WeightTable): ProfileWeight[] {
      const found = new Map<string, ProfileWeight>();
      for (const [key] of values) {
        const entry = table.entries.get(key);
        if (entry && entry.weight > 0 && entry.savedCount > 0) found.set(entry.key, entry);
      }
      return [...found.values()];
    }

    function mostSimilarSaved(doc: IndexedDoc): { doc: SavedDoc; similarity: number } | undefined {
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
        (a, b) =>
          b.weight - a.weight || (termStrings[doc.terms[a.index]] < termStrings[doc.terms[b.index]] ? -1 : 1),
      );
      for (const { index, weight } of query.slice(0, SIMILAR_TEXT_QUERY_TERMS)) {
        const id = doc.terms[index];
        const list = savedPostings.get(id)!;
        const factor = weight * idf[id];
        for (let k = 0; k < list.length; k++) {
          const slot = list.slots[k];
          if (aliveSlots[slot]) slotSums.add(slot, factor * list.counts[k]);
        }
      }
      const norm = normOf(doc);
      let best: { doc: SavedDoc; similarity: number } | undefined;
      for (const { slot, sum: dot } of slotSums.drain()) {
        const other = docsBySlot[slot] as SavedDoc;
        const value = dot / (norm * (normOf(other) || 1));
        if (!best || value > best.similarity || (value === best.similarity && other.id < best.doc.id)) {
          best = { doc: other, similarity: value };
        }
      }
      return best && best.similarity >= SIMILAR_TEXT_MIN ? best : undefined;
    }
  }

  for (const record of input.saved ?? []) addSaved(record);
  for (const entry of input.catalog ?? []) addCatalogEntry(entry);
  for (const id of input.dismissed ?? []) dismissed.add(id);

  return {
    addSaved,
    removeSaved,
    addCatalogEntries(entries) {
      for (const entry of entries) addCatalogEntry(entry);
    },
    removeCatalogEntry,
    dismiss(id) {
      dismissed.add(id);
    },
    undismiss(id) {
      dismissed.delete(id);
    },
    rank,
    profile,
    get size() {
      return { saved: saved.size, catalog: catalog.size, dismissed: dismissed.size };
    },
  };
}
