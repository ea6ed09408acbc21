import { describe, expect, it } from 'vitest';
import type { Suggestion } from '@/utils/suggest';
import { suggestionLoader, suggestionSaver } from '@/utils/stores/suggestion-source';
import { createSuggestionsStore } from '@/utils/stores/suggestions';
import { fakeBackground } from '../ui/fake-send';
import { record } from '../ui/records';

const parts = { theme: 0, text: 0, coListing: 0, author: 0, publisher: 0, keyword: 0, freshness: 0 };

function suggestion(id: string, score: number, group: Suggestion['group'] = 'reader'): Suggestion {
  return {
    id,
    group,
    title: `Titel ${id}`,
    url: `https://www.nsob.nl/${id}`,
    themes: ['Sturen in netwerken'],
    themesInferred: true,
    score,
    parts,
    reasons: [],
  };
}

describe('suggestion source', () => {
  it('shows only suggestions with a positive score, but all of the page’s own group', async () => {
    const background = fakeBackground([], {
      'page/suggestions': () => [
        suggestion('p', 0, 'page'),
        suggestion('a', 0.4),
        suggestion('b', 0),
        suggestion('c', -0.2),
      ],
    });
    expect((await suggestionLoader(background.send, async () => 7)()).map((s) => s.id)).toEqual(['p', 'a']);
    expect(background.sent).toEqual([{ type: 'page/suggestions', payload: { limit: 30, tabId: 7 } }]);
  });

  it('saves a suggestion by its catalog id alone: the background reads the catalog entry', async () => {
    const background = fakeBackground([], {
      'page/suggestions': () => [suggestion('a', 0.4)],
      'page/save-suggestion': ({ id }) =>
        record({ id: 'saved', title: 'Titel a', url: `https://www.nsob.nl/${id}` }),
    });
    const store = createSuggestionsStore({
      load: suggestionLoader(background.send, async () => undefined),
      dismiss: async () => {},
      save: suggestionSaver(background.send),
    });
    await store.refresh();
    await store.save('a');
    expect(background.sent.at(-1)).toEqual({ type: 'page/save-suggestion', payload: { id: 'a' } });
    expect(store.items.value).toEqual([]);
  });
});
