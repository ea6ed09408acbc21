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

/** NFKD, accents dropped, lower case, every run of non-letters/digits one space: how pages' words are compared. */
export function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
