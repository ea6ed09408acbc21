/**
 * Where the Suggestions tab gets its items: the background's incremental suggestions engine
 * ('page/suggestions'), ranked with reasons. Only positive scores are shown: a candidate that
 * dismissals outweigh is not a suggestion.
 */
import type { Send } from './reading-list';
import type { SuggestionView } from './suggestions';

const SUGGESTION_LIMIT = 30;

export function suggestionLoader(send: Send): () => Promise<SuggestionView[]> {
  return async () => (await send('page/suggestions', { limit: SUGGESTION_LIMIT })).filter((s) => s.score > 0);
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
