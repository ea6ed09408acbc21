/**
 * Word lists as compact text, because the content script ships them to every matching page:
 * `'kind: word|word phrase; other: word'` becomes a map from each word to its kind.
 */
export function wordTable(spec: string): Map<string, string> {
  const table = new Map<string, string>();
  for (const group of spec.split(';')) {
    const [kind, words = ''] = group.split(':');
    for (const word of words.split('|')) if (word.trim()) table.set(word.trim(), kind.trim());
  }
  return table;
}

/** `'word|word'` as a set. */
export function wordSet(spec: string): Set<string> {
  return new Set(spec.split('|'));
}

const WORD_AT = /[\p{L}\p{N}]/uy;

/**
 * The runs of letters and digits (`\p{L}\p{N}`, by code point), one space between them: what
 * `.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()` gives, at a fraction of its cost on long text
 * (ASCII is tested by character code, the rest by the same character class).
 */
function wordRuns(text: string): string {
  let out = '';
  let start = -1;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (code < 128) word = (code > 47 && code < 58) || (code > 96 && code < 123) || (code > 64 && code < 91);
    else {
      WORD_AT.lastIndex = i;
      word = WORD_AT.test(text);
      if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) width = 2;
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out += (out ? ' ' : '') + text.slice(start, i);
      start = -1;
    }
    i += width;
  }
  return start < 0 ? out : out + (out ? ' ' : '') + text.slice(start);
}

/** NFKD, accents dropped, lower case, every run of non-letters/digits one space: how pages' words are compared. */
export function foldWords(text: string): string {
  return wordRuns(
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
}
