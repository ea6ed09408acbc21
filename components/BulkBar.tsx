/**
 * Bulk actions in the library, each saying what it acts on: the selection ("3 geselecteerde
 * publicaties"); with nothing selected, "Selecteer de 6 getoonde" says that only the rows the
 * search and filters show will be selected.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus } from '@/utils/record';
import { statusLabel } from './labels';
import { Select } from './Select';

export interface BulkBarProps {
  selectedCount: number;
  shownCount: number;
  /** True when search or filters hide part of the list. */
  narrowed: boolean;
  selectShown: () => void;
  clear: () => void;
  setStatus: (status: ReadingStatus) => void;
  addTag: (tag: string) => Promise<void>;
  remove: () => void;
  /** More actions (Send to Zotero). */
  children?: ComponentChildren;
}

export function BulkBar(p: BulkBarProps) {
  const [tag, setTag] = useState('');
  const n = p.selectedCount;
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
          disabled={p.shownCount === 0}
          onClick={p.selectShown}
        >
          {p.narrowed
            ? t('bulkSelectShown', formatNumber(p.shownCount))
            : t('bulkSelectAll', formatNumber(p.shownCount))}
        </button>
      ) : (
        <button type="button" data-testid="bulk-clear" onClick={p.clear}>
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
          if (status) p.setStatus(status as ReadingStatus);
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
        onClick={() => void p.addTag(tag).then(() => setTag(''))}
      >
        {t('bulkAddTag')}
      </button>
      <button type="button" data-testid="bulk-delete" disabled={none} onClick={p.remove}>
        {none ? t('bulkDelete') : t('bulkDeleteCount', formatNumber(n))}
      </button>
      {p.children}
    </div>
  );
}
