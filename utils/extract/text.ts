/**
 * Plain-text helpers shared by every field: bounded text of an element, whitespace collapsed,
 * and folding for comparisons. Page text is untrusted and may be huge, so every read is capped.
 */

/** No field value is longer than this; summaries are cut further (see summary.ts). */
export const MAX_FIELD_LENGTH = 2_000;

/** Collapse whitespace (incl. non-breaking and zero-width), trim, cap. */
export function cleanText(value: unknown, max = MAX_FIELD_LENGTH): string {
  if (typeof value !== 'string') return '';
  return value
    .slice(0, max * 4)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** Text of an element, read only up to `max` characters of its textContent. */
export function textOf(el: Element | null | undefined, max = MAX_FIELD_LENGTH): string {
  if (!el) return '';
  const raw = el.textContent ?? '';
  return cleanText(raw.length > max * 4 ? raw.slice(0, max * 4) : raw, max);
}

const COMBINING = /[\u0300-\u036f]/g;

/** NFKD, accents dropped, lower case, runs of non-letters/digits as one space. */
export function fold(value: string): string {
  return value
    .slice(0, 10_000)
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded label text: "Auteur(s):" → "auteur s", "Thema's" → "thema s". */
export function labelKey(value: string): string {
  return fold(value.replace(/[:：]\s*$/, ''));
}

export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
