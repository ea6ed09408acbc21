/**
 * Where the Suggestions tab gets its items: the background's incremental suggestions engine
 * ('page/suggestions'), ranked with reasons, with the popup's tab so the page the reader is on
 * leads ("Bij deze pagina"). That page's group is always shown; of the rest only positive scores:
 * a candidate that dismissals outweigh is not a suggestion.
 */
import { popupTabId } from './extension';
import type { Send } from './reading-list';
import type { SuggestionView } from './suggestions';

const SUGGESTION_LIMIT = 30;

export function suggestionLoader(
  send: Send,
  tabId: () => Promise<number | undefined> = popupTabId,
): () => Promise<SuggestionView[]> {
  return async () => {
    const ranked = await send('page/suggestions', { limit: SUGGESTION_LIMIT, tabId: await tabId() });
    return ranked.filter((s) => s.group === 'page' || s.score > 0);
  };
}

/**
 * Saves a suggestion by its catalog id: the background reads what the catalog knows of it and
 * saves that, so nothing about the publication travels through this page.
 */
export function suggestionSaver(send: Send): (suggestion: SuggestionView) => Promise<void> {
  return async (suggestion) => {
    await send('page/save-suggestion', { id: suggestion.id });
  };
}
