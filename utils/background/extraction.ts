/**
 * Reading a tab: the full check and the extractor run in the page (injected), and what they give
 * back is untrusted until sanitised and tied to the address the browser reported.
 */
import { isNewPageAddress } from '@/utils/address';
import { safeHttpUrl, sanitizeExtraction, type ExtractionResult } from '@/utils/record';
import type { InjectedScript } from './ports';

export function sameOrigin(a: string | undefined, b: string | undefined): boolean {
  try {
    return a !== undefined && b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * The extraction as the page at `url` gave it: its publication's address is the one the browser
 * reported, never what the page's own script saw, and an extraction of another origin (the tab
 * moved on) is none.
 */
export function ownedBy(url: string, extraction: ExtractionResult | undefined): ExtractionResult | undefined {
  const publication = extraction?.publication;
  if (!extraction || !publication) return extraction;
  if (!sameOrigin(publication.url, url)) {
    const { publication: _dropped, ...rest } = extraction;
    return rest;
  }
  return { ...extraction, publication: { ...publication, url } };
}

export interface Extracted {
  extraction: ExtractionResult;
  /** Time the script took in the page, as it reported it. */
  ms?: number;
  /** From the background's side: injecting, loading, compiling and running it, and the messages. */
  roundTripMs: number;
  /** The address the script ran at (its `location.href`), where it gave a web address. */
  url?: string;
  /** extractor.js took the verdict full-check.js left (utils/extract/check.ts) instead of checking again. */
  handedOff: boolean;
}

/**
 * Whether the script ran on the page at `url`, ignoring the `#fragment`. Not when the tab showed
 * the next page already (a link followed, a single-page app's next view) before its content script
 * said so: what the script read is that page's, and must not be filed under `url`.
 */
export function ranAt(extracted: Pick<Extracted, 'url'>, url: string): boolean {
  const seen = safeHttpUrl(extracted.url);
  const own = safeHttpUrl(url);
  return seen !== undefined && own !== undefined && !isNewPageAddress(seen, own);
}

/**
 * Runs one of our scripts in the tab: `'full-check'` (after the first check) gives the full
 * check's verdict only, `'extractor'` the verdict and the record (after a detection, or where the
 * reader asks). Undefined without access to the tab (browser pages, the web store, no permission)
 * or when the result is not an extraction. The caller checks `ranAt` before it files the result.
 */
export async function extractInTab(
  inject: (tabId: number, script: InjectedScript) => Promise<unknown>,
  tabId: number,
  script: InjectedScript,
): Promise<Extracted | undefined> {
  try {
    const started = performance.now();
    const output = (await inject(tabId, script)) as
      { result?: unknown; ms?: unknown; url?: unknown; handedOff?: unknown } | undefined;
    const roundTripMs = performance.now() - started;
    const extraction = sanitizeExtraction(output?.result);
    const ms = typeof output?.ms === 'number' && output.ms >= 0 && output.ms < 60_000 ? output.ms : undefined;
    const url = safeHttpUrl(output?.url);
    return extraction && { extraction, ms, roundTripMs, url, handedOff: output?.handedOff === true };
  } catch {
    return undefined;
  }
}
