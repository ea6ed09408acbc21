/** Leesmap's extractor over linkedom, as the CLI, eval, bench and tests run it in Node. */
import { parseHTML } from 'linkedom';
import { extractPage } from '@/utils/extract';
import type { ExtractionResult } from '@/utils/record';

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * Parse and extract: the time a page costs includes its DOM parsing. A page read from a file is a
 * document's first load, as the extension sees a page it opens: its head is its own.
 */
export function runLeesmap(html: string, url: string): ExtractionResult {
  return extractPage(parseDocument(html), url, { headMayBeStale: false });
}
