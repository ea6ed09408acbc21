import { extractPage } from '@/utils/extract';

/**
 * Injected by the background (scripting.executeScript) only into pages the content script's first
 * check did not rule out, or that the reader asked to save. Its return value is the injection's
 * result: the full check's verdict and the record, and how long they took in the page.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const result = extractPage(document, location.href);
  return { result, ms: performance.now() - started };
});
