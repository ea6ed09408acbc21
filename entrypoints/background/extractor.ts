import type { ExtractionResult } from '@/utils/publication';
import { sanitizeExtraction } from '@/utils/sanitize';

/**
 * Runs the full extractor in the tab (an unlisted script, injected only where needed so the
 * content script that loads on every page stays small). Needs host access: the publisher list,
 * the opted-in <all_urls>, or activeTab after the reader opened the popup or used the menu.
 */
export async function extractInTab(tabId: number): Promise<{ extraction: ExtractionResult; ms?: number } | undefined> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/extractor.js'],
    });
    const output = injection?.result as { result?: unknown; ms?: unknown } | undefined;
    const extraction = sanitizeExtraction(output?.result);
    const ms = typeof output?.ms === 'number' && output.ms >= 0 && output.ms < 60_000 ? output.ms : undefined;
    return extraction && { extraction, ms };
  } catch {
    // No access to this tab (browser pages, the web store, no permission): nothing to extract.
    return undefined;
  }
}
