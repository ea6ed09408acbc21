/** Cleaner: URLs resolved to absolute http(s), without fragment or tracking parameters. */

const TRACKING =
  /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ref_src|oly_\w+|vero_\w+|__s|_hsenc|_hsmi|hsctatracking)$/i;

/**
 * Longest address kept, as resolved (the record's limit, utils/sanitize.ts): percent-encoding
 * makes a short href long ("é" becomes "%C3%A9"), so the written length alone does not bound it.
 */
export const MAX_URL_LENGTH = 2_048;

export function absoluteUrl(raw: unknown, base: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  if (!value || value.length > 2_000 || /^(?:javascript|data|mailto|tel):/i.test(value)) return undefined;
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.href.length > MAX_URL_LENGTH) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Absolute, no fragment, no tracking parameters (utm_ family, fbclid, gclid, ...). */
export function cleanUrl(raw: unknown, base: string): string | undefined {
  const href = absoluteUrl(raw, base);
  if (!href) return undefined;
  const url = new URL(href);
  url.hash = '';
  // forEach, not keys(): in a Firefox content script the URLSearchParams iterator is not iterable
  // (an Xray), which threw here and cost every related publication on the page.
  const tracking: string[] = [];
  url.searchParams.forEach((_value, key) => {
    if (TRACKING.test(key)) tracking.push(key);
  });
  for (const key of tracking) url.searchParams.delete(key);
  // URLSearchParams re-encodes; keep the original query when nothing was removed.
  const clean = url.href.replace(/\?$/, '');
  // Re-encoding can lengthen what is left ("(" becomes "%28").
  return clean.length <= MAX_URL_LENGTH ? clean : undefined;
}
