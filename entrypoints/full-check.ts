import { documentHeadMayBeStale } from '@/utils/address';
import { fullCheck, leaveDetection } from '@/utils/extract/check';

/**
 * Injected by the background (scripting.executeScript) into every page the first check did not
 * rule out: the full check only (utils/detect), not the extractor, so a page that is not a
 * publication loads and runs no field rules. Where it finds one, the background injects
 * extractor.js next, which takes the verdict left here instead of checking again. Its return value
 * is the injection's result: the verdict, how long it took in the page, and the address it ran at
 * (the tab may show the next page before its content script says so).
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const url = location.href;
  const result = fullCheck(document, url, { headMayBeStale: documentHeadMayBeStale() });
  leaveDetection(globalThis, url, result, performance.now());
  return { result, ms: performance.now() - started, url };
});
