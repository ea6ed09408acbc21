/**
 * Where the Suggestions tab gets its items: the background's incremental suggestions engine
 * ('page/suggestions'), ranked with reasons. Only positive scores are shown: a candidate that
 * dismissals outweigh is not a suggestion.
 */
import { newPublication, safeHttpUrl } from '@/utils/record';
import type { Send } from './reading-list';
import type { SuggestionView } from './suggestions';

const SUGGESTION_LIMIT = 30;

export function suggestionLoader(send: Send): () => Promise<SuggestionView[]> {
  return async () => (await send('page/suggestions', { limit: SUGGESTION_LIMIT })).filter((s) => s.score > 0);
}

/** Saves a suggestion as a publication from what the catalog knows of it. */
export function suggestionSaver(send: Send): (suggestion: SuggestionView) => Promise<void> {
  return async (suggestion) => {
    const url = safeHttpUrl(suggestion.url);
    if (!url) throw new Error('no web address');
    const publication = newPublication({
      url,
      title: suggestion.title,
      themes: suggestion.themesInferred ? [] : suggestion.themes,
      subtitle: suggestion.subtitle || undefined,
      publisher: suggestion.publisher || undefined,
      year: suggestion.year,
    });
    await send('page/save', { publication });
  };
}
