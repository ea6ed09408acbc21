/**
 * The engine's TF-IDF arithmetic. Terms get small integer ids; documents keep raw (weighted)
 * term counts, and IDF is applied at rank time from live document frequencies, so an index built
 * record by record ranks exactly like one built at once.
 */
import { analyzeTokens, detectLanguageOfTokens, toTextLanguage, tokenize } from '@/utils/text';

/** Field weights in the text vector: a word in the title says more than one in a blurb. */
const TITLE_WEIGHT = 2;
/** Summary tokens read to tell the language (title and subtitle are read whole). */
const LANGUAGE_SAMPLE_TOKENS = 1_000;

/** A document's terms as parallel arrays, term ids ascending. */
interface TermVector {
  terms: Int32Array;
  counts: Float64Array;
}

/** A vector whose TF-IDF norm is cached for one IDF version. */
export interface NormedVector extends TermVector {
  norm: number;
  normVersion: number;
}

/** What is indexed of a record, already bounded in length. */
export interface VectorFields {
  title: string;
  subtitle: string;
  summary: string;
  keywords: readonly string[];
  themes: readonly string[];
  language?: string;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Term strings by id. */
  readonly terms: string[] = [];
  /** Live documents containing each term, by term id. */
  documentFrequency = new Int32Array(1024);
  /** IDF by term id, valid after `ensureIdf()`. */
  idf = new Float64Array(0);
  /** Bumped each time the IDF is recomputed; cached norms and inferences key on it. */
  idfVersion = 0;
  private documents = 0;
  private idfDirty = true;

  termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      if (id >= this.documentFrequency.length) {
        const grown = new Int32Array(this.documentFrequency.length * 2);
        grown.set(this.documentFrequency);
        this.documentFrequency = grown;
      }
    }
    return id;
  }

  /** Counts a live document's terms into the document frequencies. */
  addDocument(vector: TermVector): void {
    this.documents++;
    this.idfDirty = true;
    for (const id of vector.terms) this.documentFrequency[id]++;
  }

  removeDocument(vector: TermVector): void {
    this.documents--;
    this.idfDirty = true;
    for (const id of vector.terms) this.documentFrequency[id]--;
  }

  ensureIdf(): void {
    if (!this.idfDirty && this.idf.length === this.terms.length) return;
    const idf = new Float64Array(this.terms.length);
    const n = Math.max(1, this.documents);
    for (let id = 0; id < idf.length; id++) {
      const df = this.documentFrequency[id];
      idf[id] = df > 0 ? Math.log(1 + n / df) : 0;
    }
    this.idf = idf;
    this.idfVersion++;
    this.idfDirty = false;
  }

  /** The vector's TF-IDF length under the current IDF (cached on the vector). */
  normOf(vector: NormedVector): number {
    if (vector.normVersion !== this.idfVersion) {
      const idf = this.idf;
      let sum = 0;
      for (let i = 0; i < vector.terms.length; i++) {
        const x = vector.counts[i] * idf[vector.terms[i]];
        sum += x * x;
      }
      vector.norm = Math.sqrt(sum);
      vector.normVersion = this.idfVersion;
    }
    return vector.norm;
  }

  /**
   * Stemmed term counts of a record's text fields; the language is told from all three together.
   * With `knownTermsOnly`, terms the vocabulary lacks are skipped instead of given an id: no live
   * document has them, so their IDF is 0 and they change no score (for a ranking's own candidates).
   */
  vectorOf(fields: VectorFields, knownTermsOnly = false): TermVector {
    const titleTokens = tokenize(fields.title);
    const subtitleTokens = tokenize(fields.subtitle);
    const summaryTokens = tokenize(fields.summary);
    const lang =
      toTextLanguage(fields.language) ??
      detectLanguageOfTokens([
        ...titleTokens,
        ...subtitleTokens,
        ...summaryTokens.slice(0, LANGUAGE_SAMPLE_TOKENS),
      ]);
    const counts = new Map<number, number>();
    const add = (tokens: readonly string[], weight: number) => {
      for (const term of analyzeTokens(tokens, lang)) {
        const id = knownTermsOnly ? this.ids.get(term) : this.termId(term);
        if (id === undefined) continue;
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
}
