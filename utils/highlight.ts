/**
 * Which words of a shown text the search query matched, by the same rules as search itself: a word
 * matches when it shares a Dutch or English stem with a query word, and the word being typed also
 * matches as a prefix. The result is a list of plain text parts; the interface wraps the matching
 * ones in <mark> elements as text nodes (never markup), so page text stays text.
 */
import { foldText, processTerm, tokenize } from '@/utils/text';

export interface TextPart {
  text: string;
  match: boolean;
}

export interface Highlighter {
  /** The text cut into matching and non-matching parts; joined they are the text unchanged. */
  parts(text: string): TextPart[];
  /** Whether any word of the text matches. */
  matches(text: string): boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Only this much of a long text is looked at; the rest is one unmatched part. */
const MAX_HIGHLIGHT_CHARS = 4_000;
const MAX_QUERY_WORDS = 12;

interface QueryTerms {
  stems: Set<string>;
  /** The half-typed last word and its stems: words starting with one of these match. */
  prefixes: string[];
}

function queryTerms(query: string): QueryTerms | undefined {
  const words = tokenize(query.slice(0, 200)).slice(0, MAX_QUERY_WORDS);
  const typing = /[\p{L}\p{N}]$/u.test(query);
  const stems = new Set<string>();
  let prefixes: string[] = [];
  words.forEach((word, i) => {
    const found = processTerm(word) ?? [];
    for (const s of found) stems.add(s);
    if (typing && i === words.length - 1 && word.length >= 2) prefixes = [...new Set([word, ...found])];
  });
  return stems.size > 0 || prefixes.length > 0 ? { stems, prefixes } : undefined;
}

function wordMatches(word: string, terms: QueryTerms): boolean {
  const folded = foldText(word);
  const stems = processTerm(folded) ?? [];
  if (stems.some((s) => terms.stems.has(s))) return true;
  return terms.prefixes.some((p) => folded.startsWith(p) || stems.some((s) => s.startsWith(p)));
}

/** A highlighter for `query`, or undefined when the query has no word to look for. */
export function createHighlighter(query: string): Highlighter | undefined {
  const terms = queryTerms(query);
  if (!terms) return undefined;
  const cache = new Map<string, boolean>();
  const matchWord = (word: string) => {
    let hit = cache.get(word);
    if (hit === undefined) {
      hit = wordMatches(word, terms);
      if (cache.size < 5_000) cache.set(word, hit);
    }
    return hit;
  };
  const parts = (text: string): TextPart[] => {
    if (typeof text !== 'string' || text === '') return [];
    const head = text.slice(0, MAX_HIGHLIGHT_CHARS);
    const out: TextPart[] = [];
    let last = 0;
    for (const m of head.matchAll(WORD)) {
      if (!matchWord(m[0])) continue;
      if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
      out.push({ text: m[0], match: true });
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last), match: false });
    return out;
  };
  return {
    parts,
    matches: (text) => parts(text).some((p) => p.match),
  };
}
