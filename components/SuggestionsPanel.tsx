/**
 * Suggestions: publications Leesmap has seen but the reader has not saved, each with its reasons
 * in a full sentence. "Niet interessant" hides one at once and offers Undo for a few seconds.
 * Until there are any, it explains that the tab fills as the reader reads.
 */
import { Fragment } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { safeHttpUrl } from '@/utils/record';
import { createDismissUndo } from '@/utils/stores/dismiss-undo';
import type { NoticeStore } from '@/utils/stores/notice';
import type { SuggestionsStore, SuggestionView } from '@/utils/stores/suggestions';

type Reason = SuggestionView['reasons'][number];

/** "…; you saved 1 publication …" or "…; you saved N publications …": the message for the count. */
function savedSentence([one, many]: [MessageKey, MessageKey], name: string, count: number): string {
  return count === 1 ? t(one, name) : t(many, name, count);
}

/** One reason as a sentence ("Ook over Klimaat; je bewaarde 2 publicaties over dit thema"). */
export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'theme':
      if (reason.currentPage && reason.savedCount === 0) return t('reasonThemePage', reason.theme);
      return savedSentence(['reasonThemeOne', 'reasonTheme'], reason.theme, reason.savedCount);
    case 'listedBy':
      return t('reasonListedBy', reason.title);
    case 'author':
      return savedSentence(['reasonAuthorOne', 'reasonAuthor'], reason.name, reason.savedCount);
    case 'publisher':
      return t('reasonPublisher', reason.name);
    case 'keyword':
      return t('reasonKeyword', reason.keyword);
    case 'similarText':
      return t('reasonSimilar', reason.title);
  }
}

function SuggestionItem({
  s,
  store,
  onHide,
}: {
  s: SuggestionView;
  store: SuggestionsStore;
  onHide: () => void;
}) {
  const href = safeHttpUrl(s.url);
  return (
    <li class="suggestion" data-testid="suggestion">
      <h3 class="item-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {s.title}
          </a>
        ) : (
          s.title
        )}
      </h3>
      {s.subtitle && <p class="suggestion-subtitle">{s.subtitle}</p>}
      {s.summary && <p class="suggestion-summary">{s.summary}</p>}
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
          data-testid="suggestion-dismiss"
          aria-label={t('suggestionDismissLabel', s.title)}
          onClick={onHide}
        >
          {t('suggestionDismiss')}
        </button>
      </div>
    </li>
  );
}

export function SuggestionsPanel({ store, notices }: { store: SuggestionsStore; notices?: NoticeStore }) {
  const undo = useMemo(() => createDismissUndo((id) => store.dismiss(id)), [store]);
  // A dismissal still waiting for its undo window is sent when the popup closes. One listener per
  // mounted panel: the tabs mount the panel again on every switch.
  useEffect(() => {
    const flush = () => undo.flush();
    globalThis.addEventListener?.('pagehide', flush);
    return () => globalThis.removeEventListener?.('pagehide', flush);
  }, [undo]);
  const hidden = undo.pending.value;
  const items = store.items.value.filter((s) => !hidden.has(s.id));
  if (store.phase.value === 'loading') return <p class="muted">{t('loading')}</p>;
  const failure = store.error.value && (
    <p class="error" role="alert">
      {t('errorGeneric', store.error.value)}
    </p>
  );
  const hide = (s: SuggestionView) => {
    undo.hide(s.id);
    notices?.show({
      text: t('suggestionHidden', s.title),
      kind: 'ok',
      action: { label: t('undoButton'), run: () => undo.undo(s.id) },
    });
  };
  return (
    <>
      {failure}
      {items.length === 0 ? (
        <p class="muted empty" data-testid="suggestions-empty">
          {t('suggestionsEmpty')}
        </p>
      ) : (
        <ul class="suggestions" data-testid="suggestions">
          {items.map((s, i) => (
            <Fragment key={s.id}>
              {s.group === 'page' && items.findIndex((o) => o.group === 'page') === i && (
                <li class="suggestions-heading" data-testid="suggestions-on-page">
                  <h2>{t('suggestionsOnThisPage')}</h2>
                </li>
              )}
              <SuggestionItem s={s} store={store} onHide={() => hide(s)} />
            </Fragment>
          ))}
        </ul>
      )}
    </>
  );
}
