/**
 * Suggestions: publications Leesmap has seen but the reader has not saved, each with its reasons.
 * Until there are any, it explains that the tab fills as the reader reads.
 */
import { t } from '@/utils/i18n';
import { safeHttpUrl } from '@/utils/sanitize';
import type { SuggestionsStore, SuggestionView } from '@/utils/stores/suggestions';

function reasonText(reason: SuggestionView['reasons'][number]): string {
  switch (reason.kind) {
    case 'theme':
      return t('reasonTheme', reason.theme, reason.savedCount);
    case 'listedBy':
      return t('reasonListedBy', reason.title);
    case 'author':
      return t('reasonAuthor', reason.name, reason.savedCount);
    case 'publisher':
      return t('reasonPublisher', reason.name);
    case 'keyword':
      return t('reasonKeyword', reason.keyword);
    case 'similarText':
      return t('reasonSimilar', reason.title);
  }
}

export function SuggestionsPanel({ store }: { store: SuggestionsStore }) {
  const items = store.items.value;
  if (store.phase.value === 'loading') return <p class="muted">{t('loading')}</p>;
  const failure = store.error.value && (
    <p class="error" role="alert">
      {t('errorGeneric', store.error.value)}
    </p>
  );
  if (items.length === 0) {
    return (
      <>
        {failure}
        <p class="muted empty" data-testid="suggestions-empty">
          {t('suggestionsEmpty')}
        </p>
      </>
    );
  }
  return (
    <>
      {failure}
      <ul class="suggestions" data-testid="suggestions">
        {items.map((s) => {
          const href = safeHttpUrl(s.url);
          return (
            <li key={s.id} class="suggestion" data-testid="suggestion">
              <h3 class="item-title">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}
              </h3>
              <p class="item-meta">
                {[s.publisher, s.year !== undefined ? String(s.year) : ''].filter(Boolean).join(' · ')}
              </p>
              <ul class="reasons">
                {s.reasons.slice(0, 3).map((r, i) => (
                  <li key={i}>{reasonText(r)}</li>
                ))}
              </ul>
              <div class="suggestion-actions">
                {store.canSave && href && (
                  <button
                    type="button"
                    aria-label={t('suggestionSaveLabel', s.title)}
                    data-testid="suggestion-save"
                    onClick={() => void store.save(s.id)}
                  >
                    {t('suggestionSave')}
                  </button>
                )}
                <button
                  type="button"
                  class="link-button"
                  aria-label={t('suggestionDismissLabel', s.title)}
                  onClick={() => void store.dismiss(s.id)}
                >
                  {t('suggestionDismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
