import { extractPage } from '@/utils/extract';

/**
 * Injected by the background (scripting.executeScript) only into pages that passed the cheap
 * check, or that the reader asked to save. Its return value is the injection's result.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const result = extractPage(document, location.href);
  return { result, ms: performance.now() - started };
});
