/**
 * "This page" in the popup: what Leesmap read from the current tab, Save / Saved, and editing.
 * All page-sourced values are rendered as text nodes.
 */
import type { Resemblance } from '@/utils/record';
import { formatAuthors, t } from '@/utils/i18n';
import type { CurrentPageStore } from '@/utils/stores/current-page';
import { parseYear } from '@/utils/stores/current-page';
import { typeLabel } from './labels';
import { PublicationForm } from './PublicationForm';
import { StatusToggle } from './StatusToggle';

/** “Title” (publisher, year): enough to tell which saved record is meant. */
function resemblanceLabel(record: Resemblance): string {
  const detail = [record.publisher, record.year].filter(Boolean).join(', ');
  return `“${record.title}”${detail ? ` (${detail})` : ''}`;
}

export function CurrentPage({ store }: { store: CurrentPageStore }) {
  const phase = store.phase.value;
  const draft = store.draft.value;
  const saved = store.saved.value;
  const busy = store.busy.value;

  if (phase === 'loading') {
    return (
      <section class="current" data-testid="current" aria-busy="true" aria-labelledby="current-heading">
        <h2 id="current-heading" class="section-heading">
          {t('currentHeading')}
        </h2>
        <p class="muted">{t('loading')}</p>
      </section>
    );
  }
  if (phase !== 'ready') {
    return (
      <section class="current" data-testid="current" aria-labelledby="current-heading">
        <h2 id="current-heading" class="section-heading">
          {t('currentHeading')}
        </h2>
        <p class="muted" data-testid="current-unavailable">
          {phase === 'error' ? t('errorGeneric', store.error.value ?? '') : t('currentUnavailable')}
        </p>
      </section>
    );
  }

  const year = parseYear(draft.year);
  const meta = [year !== undefined ? String(year) : '', draft.publisher, typeLabel(draft.type)].filter(
    Boolean,
  );

  return (
    <section class="current" data-testid="current" aria-labelledby="current-heading">
      <div class="current-top">
        <h2 id="current-heading" class="section-heading">
          {t('currentHeading')}
        </h2>
        <span class={store.detected.value ? 'pill detected' : 'pill'} data-testid="current-detected">
          {store.detected.value ? t('currentDetected') : ''}
        </span>
      </div>
      {store.editing.value ? (
        <PublicationForm
          idPrefix="current"
          draft={draft}
          onField={store.setField}
          onSubmit={() => void store.save()}
          onCancel={store.cancelEdits}
          busy={busy}
          submitLabel={saved ? t('saveChanges') : t('saveButton')}
        />
      ) : (
        <>
          <h3 class="current-title" data-testid="current-title">
            {draft.title}
          </h3>
          {draft.subtitle && (
            <p class="current-subtitle" data-testid="current-subtitle">
              {draft.subtitle}
            </p>
          )}
          {draft.authors.length > 0 && (
            <p class="current-authors" data-testid="current-authors">
              {formatAuthors(draft.authors, 6)}
            </p>
          )}
          {meta.length > 0 && (
            <p class="current-meta" data-testid="current-meta">
              {meta.join(' · ')}
            </p>
          )}
          {draft.themes.length > 0 && (
            <ul class="chips" aria-label={t('fieldThemes')} data-testid="current-themes">
              {draft.themes.map((theme) => (
                <li key={theme}>{theme}</li>
              ))}
            </ul>
          )}
          {draft.summary && (
            <p class="current-summary" data-testid="current-summary">
              {draft.summary}
            </p>
          )}
          {!store.detected.value && !saved && <p class="muted small">{t('currentNotDetected')}</p>}
          <div class="current-actions">
            {saved ? (
              <>
                <span class="saved" data-testid="saved-indicator" role="status">
                  ✓ {t('savedIndicator')}
                </span>
                <StatusToggle
                  status={saved.status}
                  title={draft.title}
                  disabled={busy}
                  onChange={(status) => {
                    store.setField('status', status);
                    void store.save();
                  }}
                />
              </>
            ) : (
              <button
                type="button"
                class="primary"
                data-testid="save-button"
                disabled={!store.canSave.value}
                onClick={() => void store.save()}
              >
                {busy ? t('savingButton') : t('saveButton')}
              </button>
            )}
            <button type="button" data-testid="edit-button" onClick={() => (store.editing.value = true)}>
              {t('editButton')}
            </button>
          </div>
        </>
      )}
      {!store.editing.value && store.resembles.value.length > 0 && (
        <ul class="resembles" data-testid="current-resembles">
          {store.resembles.value.map((record) => (
            <li key={record.id}>
              <span>{t('resemblesRecord', resemblanceLabel(record))}</span>
              <button
                type="button"
                data-testid="merge-button"
                disabled={busy}
                onClick={() => void store.mergeWith(record.id)}
              >
                {t('mergeButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {store.autoSaveHeld.value && (
        <div class="notice" role="status" data-testid="auto-save-held">
          <p>{t('autoSaveHeld', store.autoSaveHeld.value.site, store.autoSaveHeld.value.count)}</p>
          <button type="button" onClick={() => void store.dismissAutoSaveNotice()}>
            {t('closeButton')}
          </button>
        </div>
      )}
      {store.error.value && (
        <p class="error" role="alert" data-testid="current-error">
          {t('errorGeneric', store.error.value)}
        </p>
      )}
    </section>
  );
}
