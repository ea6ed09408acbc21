/**
 * Text processing shared by search (popup, library) and suggestions: folding, tokens,
 * a cheap language guess, Dutch (Snowball) and English (Porter) stems and stop words.
 *
 * Language policy: when the caller knows the language ('nl' | 'en') it is used. When not,
 * `analyze` guesses from stop words; when even that fails (a short title such as
 * "Digital government"), every word is stemmed for BOTH languages and both stems are kept.
 * Search does the same on both sides (index and query), so a match never depends on
 * guessing the language of a three-word query right.
 */
import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { DUTCH_STOP_WORDS, ENGLISH_STOP_WORDS } from './stopwords';

export type TextLanguage = 'nl' | 'en';

/** Page text is untrusted and may be huge: nothing past this many characters is looked at. */
export const MAX_TEXT_LENGTH = 100_000;

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFKD, accents dropped, lower case: "Één café" → "een cafe". */
export function foldText(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return text.slice(0, MAX_TEXT_LENGTH).normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Folded words: every run of letters/digits is one token ("IBP-regio's" → ibp, regio, s). */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  if (!folded) return [];
  return folded.split(NON_WORD).filter((token) => token.length > 0);
}

const STOP_WORDS: Record<TextLanguage, ReadonlySet<string>> = {
  nl: DUTCH_STOP_WORDS,
  en: ENGLISH_STOP_WORDS,
};

/** `word` is expected folded (see `foldText`). */
export function isStopWord(word: string, lang: TextLanguage): boolean {
  return STOP_WORDS[lang].has(word);
}

/**
 * Guess Dutch or English by counting stop words only one of the two languages has.
 * Returns undefined when there is no evidence or it is too close to call.
 */
export function detectLanguage(text: string): TextLanguage | undefined {
  return detectLanguageOfTokens(tokenize(text.slice(0, 5_000)));
}

/** `detectLanguage` for text already split by `tokenize`. */
export function detectLanguageOfTokens(tokens: readonly string[]): TextLanguage | undefined {
  let dutch = 0;
  let english = 0;
  for (const token of tokens) {
    const nl = DUTCH_STOP_WORDS.has(token);
    const en = ENGLISH_STOP_WORDS.has(token);
    if (nl && !en) dutch++;
    else if (en && !nl) english++;
  }
  if (dutch > 0 && dutch >= 2 * english) return 'nl';
  if (english > 0 && english >= 2 * dutch) return 'en';
  return undefined;
}

/** Accepts 'nl', 'nl-NL', 'EN-gb', ...; anything else is undefined. */
export function toTextLanguage(language: string | undefined): TextLanguage | undefined {
  const primary = language?.slice(0, 2).toLowerCase();
  return primary === 'nl' || primary === 'en' ? primary : undefined;
}

// Orama's per-language stemmers (Snowball Dutch, Porter English): about 9 kB for both, where
// snowball-stemmers shipped all 24 languages (328 kB) into the popup, background and extractor.
// Stems are memoised: the same few thousand words recur across a reading list.
const STEM_CACHE_LIMIT = 50_000;
const STEMMERS: Record<TextLanguage, (word: string) => string> = { nl: stemDutch, en: stemEnglish };
const stemCaches: Record<TextLanguage, Map<string, string>> = { nl: new Map(), en: new Map() };

/** Stem of one folded word: stem('samenwerking', 'nl') === stem('samenwerken', 'nl'). */
export function stem(word: string, lang: TextLanguage): string {
  const cache = stemCaches[lang];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const result = STEMMERS[lang](word);
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

function isUsefulToken(token: string): boolean {
  // One-letter tokens are split-off contractions and initials ("regio's" → "s").
  return token.length > 1;
}

/**
 * Stemmed tokens without stop words, in text order (repeats kept, so callers can count).
 * `lang` unknown → detected; still unknown → stop words of either language are dropped and
 * each word yields its Dutch and its English stem (once when they are the same).
 */
export function analyze(text: string, lang?: TextLanguage): string[] {
  const tokens = tokenize(text);
  return analyzeTokens(tokens, lang ?? detectLanguageOfTokens(tokens.slice(0, 1_000)));
}

/** `analyze` for text already split by `tokenize`; `language` undefined means both languages. */
export function analyzeTokens(tokens: readonly string[], language: TextLanguage | undefined): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    if (!isUsefulToken(token)) continue;
    if (language) {
      if (!isStopWord(token, language)) terms.push(stem(token, language));
      continue;
    }
    if (DUTCH_STOP_WORDS.has(token) || ENGLISH_STOP_WORDS.has(token)) continue;
    const dutch = stem(token, 'nl');
    const english = stem(token, 'en');
    terms.push(dutch);
    if (english !== dutch) terms.push(english);
  }
  return terms;
}

/**
 * MiniSearch `processTerm` (use it for both indexing and searching): folds the term, drops
 * stop words of either language, and returns its Dutch and English stems, so "samenwerking"
 * finds "samenwerken" and "networks" finds "network". Works with prefix search too: a
 * half-typed word is folded and stemmed the same way ("samenw" stays "samenw").
 */
export function processTerm(term: string): string[] | null {
  const words = tokenize(term);
  const terms = new Set<string>();
  for (const word of words) {
    if (DUTCH_STOP_WORDS.has(word) || ENGLISH_STOP_WORDS.has(word)) continue;
    terms.add(stem(word, 'nl'));
    terms.add(stem(word, 'en'));
  }
  return terms.size > 0 ? [...terms] : null;
}
