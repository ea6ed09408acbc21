import { documentHeadMayBeStale } from '@/utils/address';
import { extractPage } from '@/utils/extract';

/**
 * Injected by the background (scripting.executeScript) into every page the content script's first
 * check did not rule out: the full check, and the record only where that finds a publication, so
 * a page that is not one costs no field extraction. (entrypoints/extractor.ts always reads the
 * record, for the reader who asks to save a page.) Its return value is the injection's result,
 * with how long it took in the page.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const result = extractPage(document, location.href, {
    recordOnlyIfDetected: true,
    headMayBeStale: documentHeadMayBeStale(),
  });
  return { result, ms: performance.now() - started };
});
