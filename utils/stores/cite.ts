/**
 * "Copy citation" for a row: formats the record in the reader's style (utils/citation, loaded on
 * first use) and writes it to the clipboard, then says so. The clipboard is a dependency so tests
 * can read what was written.
 */
import { t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import type { CitationStyle } from '@/utils/settings';
import type { NoticeStore } from './notice';

export interface CiteOptions {
  style: () => CitationStyle;
  publisherNames: () => Readonly<Record<string, string>>;
  writeText: (text: string) => Promise<void>;
  notices: NoticeStore;
}

/** Loads citation-js ahead of the first click (call when idle), so the copy follows the click closely. */
export function preloadCitations(): Promise<unknown> {
  return import('@/utils/citation').then((m) => m.loadCitationJs());
}

export function createCiter({ style, publisherNames, writeText, notices }: CiteOptions) {
  return async function cite(record: SavedPublication): Promise<string | undefined> {
    try {
      const { formatCitation } = await import('@/utils/citation');
      const text = await formatCitation(record, style(), publisherNames());
      await writeText(text);
      notices.show({ text: t('citationCopied', text), kind: 'ok' });
      return text;
    } catch (e) {
      notices.show({ text: t('citationFailed', e instanceof Error ? e.message : String(e)), kind: 'error' });
      return undefined;
    }
  };
}

export type Cite = ReturnType<typeof createCiter>;
