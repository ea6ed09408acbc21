import { documentHeadMayBeStale } from '@/utils/address';
import { fullCheck, leaveDetection } from '@/utils/extract/check';

/**
 * Injected by the background (scripting.executeScript) into every page the content script's first
 * check did not rule out: the full check only (utils/detect), not the extractor, so a page that is
 * not a publication loads and runs no field rules. Where it finds one, the background injects
 * extractor.js next, which takes the verdict left here instead of checking again. Its return value
 * is the injection's result (the verdict), with how long it took in the page.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const result = fullCheck(document, location.href, { headMayBeStale: documentHeadMayBeStale() });
  leaveDetection(globalThis, location.href, result);
  return { result, ms: performance.now() - started };
});
