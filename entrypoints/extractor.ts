import { documentHeadMayBeStale } from '@/utils/address';
import { extractPage } from '@/utils/extract';
import { takeDetection } from '@/utils/extract/check';

/**
 * Injected by the background (scripting.executeScript) for the record: where full-check.js found
 * a publication (taking the verdict it left, so the page is not checked twice), and where the
 * reader asks (the popup, the shortcut, the context menu; then it runs the full check itself). Its
 * return value is the injection's result: the full check's verdict and the record, and how long
 * they took in the page.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const result = extractPage(document, location.href, {
    headMayBeStale: documentHeadMayBeStale(),
    detection: takeDetection(globalThis, location.href),
  });
  return { result, ms: performance.now() - started };
});
