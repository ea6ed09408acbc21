/**
 * Theme matching across publishers. Publishers name the same theme differently
 * ("Sturen in netwerken" at NSOB, "netwerksturing" elsewhere), so themes are compared by
 * their stems, and because Dutch glues words into compounds, a stem found inside another
 * stem counts too. Similarity is the mean of how much of each theme's stems the other covers
 * (in characters), so "netwerksturing" (covered by netwerk + stur) matches "Sturen in
 * netwerken" fully, while "netwerksamenleving" (only netwerk) does not.
 */
import { stem, tokenize } from '@/utils/text';
import { DUTCH_STOP_WORDS, ENGLISH_STOP_WORDS } from '@/utils/text/stopwords';

export interface ThemeShape {
  /** Folded words without stop words: "Strategie & toekomst" and "strategie en Toekomst" share it. */
  key: string;
  label: string;
  /** Per word, its candidate stems (Dutch and English when the language cannot be told). */
  words: string[][];
}

/** Themes this similar or more are the same theme. */
export const THEME_MATCH_THRESHOLD = 0.6;
/** Shorter stems only match whole stems: "eu" must not match inside "neutraal". */
const MIN_INNER_STEM = 4;

const MAX_THEME_LENGTH = 200;

export function themeKey(label: string): string {
  return tokenize(label.slice(0, MAX_THEME_LENGTH))
    .filter((word) => !DUTCH_STOP_WORDS.has(word) && !ENGLISH_STOP_WORDS.has(word))
    .join(' ');
}

export function themeShape(label: string): ThemeShape {
  const key = themeKey(label);
  const words = key
    .split(' ')
    .filter(Boolean)
    .map((word) => [...new Set([stem(word, 'nl'), stem(word, 'en')])]);
  return { key, label: label.trim().slice(0, MAX_THEME_LENGTH), words };
}

/** How many characters of `stem` are covered by `others` (equal, containing it, or inside it). */
function coveredLength(target: string, others: readonly string[]): number {
  const covered = new Uint8Array(target.length);
  for (const other of others) {
    if (other.length >= target.length) {
      if (other === target || (target.length >= MIN_INNER_STEM && other.includes(target)))
        return target.length;
      continue;
    }
    if (other.length < MIN_INNER_STEM) continue;
    for (let at = target.indexOf(other); at !== -1; at = target.indexOf(other, at + 1)) {
      covered.fill(1, at, at + other.length);
    }
  }
  let count = 0;
  for (const bit of covered) count += bit;
  return count;
}

function coverage(of: ThemeShape, by: ThemeShape): number {
  const others = by.words.flat();
  let total = 0;
  let covered = 0;
  for (const alternatives of of.words) {
    const length = alternatives[0].length;
    let best = 0;
    for (const alternative of alternatives) {
      best = Math.max(best, coveredLength(alternative, others) / alternative.length);
    }
    total += length;
    covered += best * length;
  }
  return total === 0 ? 0 : covered / total;
}

/** 0..1; 1 for the same theme in other words or word forms. Symmetric. */
export function themeSimilarity(a: ThemeShape | string, b: ThemeShape | string): number {
  const left = typeof a === 'string' ? themeShape(a) : a;
  const right = typeof b === 'string' ? themeShape(b) : b;
  if (left.words.length === 0 || right.words.length === 0) return 0;
  if (left.key === right.key) return 1;
  return (coverage(left, right) + coverage(right, left)) / 2;
}

export function themesMatch(a: ThemeShape | string, b: ThemeShape | string): boolean {
  return themeSimilarity(a, b) >= THEME_MATCH_THRESHOLD;
}
