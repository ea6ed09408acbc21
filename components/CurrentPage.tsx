/**
 * "This page" in the popup: what Leesmap read from the current tab, Save, and editing. Once the page
 * is saved it folds to one line (saved mark, title, status, a button to unfold), so the reading
 * list below keeps its room. All page-sourced values are rendered as text nodes.
 */
import { useState } from 'preact/hooks';
import type { Resemblance } from '@/utils/record';
import { formatAuthors, t } from '@/utils/i18n';
import type { CurrentPageStore } from '@/utils/stores/current-page';
import { parseYear } from '@/utils/stores/current-page';
import { typeLabel } from './labels';
import { PublicationForm } from './PublicationForm';
import { StatusCycle } from './StatusToggle';

type Store = { store: CurrentPageStore };

/** “Title” (publisher, year): enough to tell which saved record is meant. */
function resemblanceLabel(record: Resemblance): string {
  const detail = [record.publisher, record.year].filter(Boolean).join(', ');
  return `“${record.title}”${detail ? ` (${detail})` : ''}`;
}

function Heading() {
  return (
    <h2 id="current-heading" class="visually-hidden">
      {t('currentHeading')}
    </h2>
  );
}

function Unavailable({ store }: Store) {
  const phase = store.phase.value;
  return (
    <section
      class="current"
      data-testid="current"
      aria-busy={phase === 'loading'}
      aria-labelledby="current-heading"
    >
      <Heading />
      <p class="muted small" data-testid={phase === 'loading' ? undefined : 'current-unavailable'}>
        {phase === 'loading'
          ? t('loading')
          : phase === 'error'
            ? t('errorGeneric', store.error.value ?? '')
            : t('currentUnavailable')}
      </p>
    </section>
  );
}

/** Subtitle, authors, year · publisher · type, themes and summary of the page. */
function PageDetails({ store }: Store) {
  const draft = store.draft.value;
  const year = parseYear(draft.year);
  const meta = [year !== undefined ? String(year) : '', draft.publisher, typeLabel(draft.type)].filter(
    Boolean,
  );
  return (
    <>
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
          {store.detected.value && ' · '}
          {store.detected.value && (
            <span class="pill detected" data-testid="current-detected">
              {t('currentDetected')}
            </span>
          )}
        </p>
      )}
      {draft.themes.length > 0 && (
        <ul class="chips one-line" aria-label={t('fieldThemes')} data-testid="current-themes">
          {draft.themes.map((theme) => (
            <li key={theme} class="chip theme">
              {theme}
            </li>
          ))}
        </ul>
      )}
      {draft.summary && (
        <p class="current-summary" data-testid="current-summary">
          {draft.summary}
        </p>
      )}
    </>
  );
}

function Resembles({ store }: Store) {
  if (store.editing.value || store.resembles.value.length === 0) return null;
  return (
    <ul class="resembles" data-testid="current-resembles">
      {store.resembles.value.map((record) => (
        <li key={record.id}>
          <span>{t('resemblesRecord', resemblanceLabel(record))}</span>
          <button
            type="button"
            data-testid="merge-button"
            disabled={store.busy.value}
            onClick={() => void store.mergeWith(record.id)}
          >
            {t('mergeButton')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Notices({ store }: Store) {
  const held = store.autoSaveHeld.value;
  return (
    <>
      {held && (
        <div class="notice" role="status" data-testid="auto-save-held">
          <p>{t('autoSaveHeld', held.site, held.count)}</p>
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
    </>
  );
}

/** The saved page on one line; unfolds to its details and the edit button. */
function SavedLine({ store, open, setOpen }: Store & { open: boolean; setOpen: (open: boolean) => void }) {
  const saved = store.saved.value!;
  const title = store.draft.value.title;
  return (
    <div class="current-line">
      <span class="saved" data-testid="saved-indicator" role="status" title={t('savedIndicator')}>
        <span aria-hidden="true">✓</span>
        <span class="visually-hidden">{t('savedIndicator')}</span>
      </span>
      <span class={open ? 'current-title open' : 'current-title'} data-testid="current-title" title={title}>
        {title}
      </span>
      <StatusCycle
        status={saved.status}
        title={title}
        onChange={(status) => {
          store.setField('status', status);
          void store.save();
        }}
      />
      <button
        type="button"
        class="icon-button"
        aria-expanded={open}
        aria-controls="current-details"
        aria-label={t('currentMore')}
        data-testid="current-expand"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
    </div>
  );
}

function UnsavedActions({ store }: Store) {
  return (
    <div class="current-actions">
      <button
        type="button"
        class="primary"
        data-testid="save-button"
        disabled={!store.canSave.value}
        onClick={() => void store.save()}
      >
        {store.busy.value ? t('savingButton') : t('saveButton')}
      </button>
      <button type="button" data-testid="edit-button" onClick={() => (store.editing.value = true)}>
        {t('editButton')}
      </button>
      {!store.detected.value && <span class="muted small">{t('currentNotDetected')}</span>}
    </div>
  );
}

function EditForm({ store }: Store) {
  return (
    <PublicationForm
      idPrefix="current"
      draft={store.draft.value}
      onField={store.setField}
      onSubmit={() => void store.save()}
      onCancel={store.cancelEdits}
      busy={store.busy.value}
      submitLabel={store.saved.value ? t('saveChanges') : t('saveButton')}
    />
  );
}

export function CurrentPage({ store }: Store) {
  const [open, setOpen] = useState(false);
  if (store.phase.value !== 'ready') return <Unavailable store={store} />;
  const saved = store.saved.value;
  const editing = store.editing.value;
  return (
    <section
      class={saved && !editing ? 'current compact' : 'current'}
      data-testid="current"
      aria-labelledby="current-heading"
    >
      <Heading />
      {editing ? (
        <EditForm store={store} />
      ) : saved ? (
        <>
          <SavedLine store={store} open={open} setOpen={setOpen} />
          {open && (
            <div id="current-details" class="current-details">
              <PageDetails store={store} />
              <div class="current-actions">
                <button type="button" data-testid="edit-button" onClick={() => (store.editing.value = true)}>
                  {t('editButton')}
                </button>
              </div>
            </div>
          )}
        </>
      ) : (
        <>
          <h3 class="current-title" data-testid="current-title">
            {store.draft.value.title}
          </h3>
          <PageDetails store={store} />
          <UnsavedActions store={store} />
        </>
      )}
      <Resembles store={store} />
      <Notices store={store} />
    </section>
  );
}
