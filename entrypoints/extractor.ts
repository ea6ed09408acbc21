import { documentHeadMayBeStale } from '@/utils/address';
import { extractPage } from '@/utils/extract';
import { takeDetection } from '@/utils/extract/check';

/**
 * Injected by the background (scripting.executeScript) for the record: where full-check.js found
 * a publication (taking the verdict it left, so the page is not checked twice), and where the
 * reader asks (the popup, the shortcut, the context menu; then it runs the full check itself). Its
 * return value is the injection's result: the full check's verdict and the record, how long they
 * took in the page, the address it ran at, and whether it took full-check.js's verdict.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const url = location.href;
  const detection = takeDetection(globalThis, url, started);
  // The head's staleness matters to the check alone: not asked (the navigation entries read)
  // where full-check.js's verdict is taken. A browser's selector engine is native: where the page
  // is checked here, the check asks it (extractPage's askDom).
  const headMayBeStale = detection ? undefined : documentHeadMayBeStale();
  const result = extractPage(document, url, { headMayBeStale, detection, askDom: true });
  return { result, ms: performance.now() - started, url, handedOff: detection !== undefined };
});
