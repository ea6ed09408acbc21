import { type ExtractionResult, sanitizeExtraction } from '@/utils/record';

/**
 * Runs the full check in the tab, with the record: `'full-check'` (after the first check) reads
 * the record only where the page is a publication, `'extractor'` (the reader asks) always. Both
 * are unlisted scripts, injected only where needed so the content script that loads on every page
 * stays small. Needs host access: the publisher list, the opted-in <all_urls>, or activeTab after
 * the reader opened the popup or used the menu.
 */
export async function extractInTab(
  tabId: number,
  script: 'full-check' | 'extractor',
): Promise<{ extraction: ExtractionResult; ms?: number; roundTripMs: number } | undefined> {
  try {
    const started = performance.now();
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: [`/${script}.js`],
    });
    const output = injection?.result as { result?: unknown; ms?: unknown } | undefined;
    // From the background's side: loading and compiling the script and the messages too.
    const roundTripMs = performance.now() - started;
    const extraction = sanitizeExtraction(output?.result);
    const ms = typeof output?.ms === 'number' && output.ms >= 0 && output.ms < 60_000 ? output.ms : undefined;
    return extraction && { extraction, ms, roundTripMs };
  } catch {
    // No access to this tab (browser pages, the web store, no permission): nothing to extract.
    return undefined;
  }
}
