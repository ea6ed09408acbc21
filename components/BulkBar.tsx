/**
 * Bulk actions in the library, each saying what it acts on: the selection ("3 geselecteerde
 * publicaties"); with nothing selected, "Selecteer de 6 getoonde" says that only the rows the
 * search and filters show will be selected.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus } from '@/utils/record';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import { statusLabel } from './labels';
import { Select } from './Select';

export interface BulkBarProps {
  store: ReadingListStore;
  /** The selected records (those still in the list) and how to select others. */
  selection: { ids: string[]; set: (ids: ReadonlySet<string>) => void };
  /** Runs an action, showing its error where the page shows errors. */
  run: (action: () => Promise<unknown>) => Promise<unknown>;
  /** Deletes the selected records (after asking). */
  remove: () => void;
  /** More actions (Send to Zotero). */
  children?: ComponentChildren;
}

export function BulkBar({ store, selection, run, remove, children }: BulkBarProps) {
  const [tag, setTag] = useState('');
  const { ids } = selection;
  const results = store.results.value;
  const n = ids.length;
  const none = n === 0;
  const scope = t('bulkScope', formatNumber(n));
  return (
    <div class="bulk" role="group" aria-label={t('bulkLabel')} data-testid="bulk-bar">
      <span data-testid="bulk-count" class="bulk-count">
        {none ? t('bulkNoneSelected') : scope}
      </span>
      {none ? (
        <button
          type="button"
          data-testid="bulk-select-all"
          disabled={results.length === 0}
          onClick={() => selection.set(new Set(results.map((r) => r.id)))}
        >
          {results.length !== store.records.value.length
            ? t('bulkSelectShown', formatNumber(results.length))
            : t('bulkSelectAll', formatNumber(results.length))}
        </button>
      ) : (
        <button type="button" data-testid="bulk-clear" onClick={() => selection.set(new Set())}>
          {t('bulkClear')}
        </button>
      )}
      <Select
        aria-label={t('bulkSetStatusFor', scope)}
        data-testid="bulk-status"
        disabled={none}
        value=""
        empty={t('bulkSetStatus')}
        choices={READING_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        onChoose={(status) => {
          if (status) void run(() => store.updateMany(ids, { status: status as ReadingStatus }));
        }}
      />
      <input
        type="text"
        aria-label={t('bulkTagInput')}
        data-testid="bulk-tag"
        placeholder={t('bulkTagInput')}
        value={tag}
        onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)}
      />
      <button
        type="button"
        data-testid="bulk-add-tag"
        disabled={none || tag.trim() === ''}
        onClick={() => void run(() => store.addTag(ids, tag)).then(() => setTag(''))}
      >
        {t('bulkAddTag')}
      </button>
      <button type="button" data-testid="bulk-delete" disabled={none} onClick={remove}>
        {none ? t('bulkDelete') : t('bulkDeleteCount', formatNumber(n))}
      </button>
      {children}
    </div>
  );
}
