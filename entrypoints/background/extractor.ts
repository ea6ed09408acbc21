import type { ExtractionResult } from '@/utils/publication';
import { sanitizeExtraction } from '@/utils/sanitize';

/**
 * Runs the full extractor in the tab (an unlisted script, injected only where needed so the
 * content script that loads on every page stays small). Needs host access: the publisher list,
 * the opted-in <all_urls>, or activeTab after the reader opened the popup or used the menu.
 */
export async function extractInTab(tabId: number): Promise<ExtractionResult | undefined> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/extractor.js'],
    });
    const output = injection?.result as { result?: unknown } | undefined;
    return sanitizeExtraction(output?.result);
  } catch {
    // No access to this tab (browser pages, the web store, no permission): nothing to extract.
    return undefined;
  }
}
