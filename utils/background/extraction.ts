/**
 * Reading a tab: the full check and the extractor run in the page (injected), and what they give
 * back is untrusted until sanitised and tied to the address the browser reported.
 */
import { sanitizeExtraction, type ExtractionResult } from '@/utils/record';
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
}

/**
 * Runs one of our scripts in the tab: `'full-check'` (after the first check) gives the full
 * check's verdict only, `'extractor'` the verdict and the record (after a detection, or where the
 * reader asks). Undefined without access to the tab (browser pages, the web store, no permission)
 * or when the result is not an extraction.
 */
export async function extractInTab(
  inject: (tabId: number, script: InjectedScript) => Promise<unknown>,
  tabId: number,
  script: InjectedScript,
): Promise<Extracted | undefined> {
  try {
    const started = performance.now();
    const output = (await inject(tabId, script)) as { result?: unknown; ms?: unknown } | undefined;
    const roundTripMs = performance.now() - started;
    const extraction = sanitizeExtraction(output?.result);
    const ms = typeof output?.ms === 'number' && output.ms >= 0 && output.ms < 60_000 ? output.ms : undefined;
    return extraction && { extraction, ms, roundTripMs };
  } catch {
    return undefined;
  }
}
