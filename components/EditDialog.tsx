/** Editing a saved record from the library: the same form as the popup, in a modal dialog. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import { draftFrom, publicationChanges, type Draft, type DraftField } from '@/utils/stores/current-page';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import { PublicationForm } from './PublicationForm';

export function EditDialog({
  record,
  store,
  onClose,
}: {
  record: SavedPublication;
  store: ReadingListStore;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(record));
  const [edited, setEdited] = useState<ReadonlySet<DraftField>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div class="modal-backdrop">
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby="edit-dialog-title"
        class="modal"
        data-testid="edit-dialog"
      >
        <h2 id="edit-dialog-title">{t('editPublication', record.title)}</h2>
        <PublicationForm
          idPrefix="library-edit"
          draft={draft}
          busy={busy}
          submitLabel={t('saveChanges')}
          onField={(field, value) => {
            setDraft((d) => ({ ...d, [field]: value }));
            setEdited((e) => new Set([...e, field]));
          }}
          onCancel={onClose}
          onSubmit={async () => {
            setBusy(true);
            try {
              await store.update(record.id, publicationChanges(draft, edited, record.published));
              onClose();
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            } finally {
              setBusy(false);
            }
          }}
        />
        {error && (
          <p class="error" role="alert">
            {t('errorGeneric', error)}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * Editing from a list (popup, library): `edit(record)` opens the dialog over the page; it shows the
 * record as it is in the list now, and closes itself when saved or cancelled.
 */
export function useEditDialog(store: ReadingListStore) {
  const [editing, setEditing] = useState<SavedPublication | undefined>();
  const dialog = editing && (
    <EditDialog
      record={store.byId.value.get(editing.id) ?? editing}
      store={store}
      onClose={() => setEditing(undefined)}
    />
  );
  return { edit: setEditing as (record: SavedPublication) => void, dialog };
}
