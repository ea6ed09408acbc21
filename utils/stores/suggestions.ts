/**
 * The Suggestions tab's state. Where suggestions come from is a dependency (the background's
 * 'page/suggestions' in the extension, see suggestion-source.ts); while there are none, the tab
 * explains that it fills as the reader reads.
 */
import { signal } from '@preact/signals';
import type { Suggestion } from '@/utils/suggest/types';
import { errorMessage } from '@/utils/i18n';

/**
 * What the tab shows of one suggestion: utils/suggest's Suggestion without its scores; `group`
 * 'page' is about the page the reader is on ("Bij deze pagina"), shown first; without it, the reader's.
 */
export type SuggestionView = Pick<
  Suggestion,
  'id' | 'title' | 'subtitle' | 'summary' | 'url' | 'publisher' | 'year' | 'themes' | 'reasons'
> &
  Partial<Pick<Suggestion, 'group' | 'themesInferred'>>;

export interface SuggestionsStoreOptions {
  load: () => Promise<SuggestionView[]>;
  dismiss: (id: string) => Promise<void>;
  /** Saves a suggestion to the reading list (only those with an http(s) address can be). */
  save?: (suggestion: SuggestionView) => Promise<void>;
}

export function createSuggestionsStore({ load, dismiss, save }: SuggestionsStoreOptions) {
  const phase = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const items = signal<SuggestionView[]>([]);
  const error = signal<string | undefined>(undefined);

  async function refresh(): Promise<void> {
    if (phase.peek() === 'idle') phase.value = 'loading';
    try {
      items.value = await load();
      phase.value = 'ready';
    } catch (e) {
      error.value = errorMessage(e);
      items.value = [];
      phase.value = 'error';
    }
  }

  return {
    phase,
    items,
    error,
    refresh,
    async dismiss(id: string) {
      items.value = items.peek().filter((s) => s.id !== id);
      await dismiss(id);
    },
    canSave: save !== undefined,
    async save(id: string) {
      const suggestion = items.peek().find((s) => s.id === id);
      if (!suggestion || !save) return;
      try {
        await save(suggestion);
        items.value = items.peek().filter((s) => s.id !== id);
      } catch (e) {
        error.value = errorMessage(e);
      }
    },
  };
}

export type SuggestionsStore = ReturnType<typeof createSuggestionsStore>;
