import { documentHeadMayBeStale } from '@/utils/address';
import { extractPage } from '@/utils/extract';

/**
 * Injected by the background (scripting.executeScript) where the reader asks for the record: the
 * popup, the shortcut, the context menu. (After the first check the background injects
 * entrypoints/full-check.ts instead.) Its return value is the injection's result: the full
 * check's verdict and the record, and how long they took in the page.
 */
export default defineUnlistedScript(() => {
  const started = performance.now();
  const result = extractPage(document, location.href, { headMayBeStale: documentHeadMayBeStale() });
  return { result, ms: performance.now() - started };
});
