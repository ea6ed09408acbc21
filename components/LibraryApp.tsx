/**
 * The library tab: the same list with room to work. Theme overview, filters, bulk status / tag /
 * delete, export and import, an edit dialog, and keyboard navigation over the list:
 * "/" search · ↑/↓ (j/k) move · Enter open · Space select · 1/2/3 status · e edit · Delete remove.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus, type SavedPublication } from '@/utils/publication';
import { safeHttpUrl } from '@/utils/sanitize';
import type { ReadingListStore, Send } from '@/utils/stores/reading-list';
import type { ImportPorts } from '@/utils/stores/transfer';
import { EditDialog } from './EditDialog';
import { ExportPanel, ImportPanel } from './ExportImport';
import { statusLabel } from './labels';
import { FilterControls, ResultCount, SearchBox } from './ListControls';
import { ReadingList } from './ReadingList';
import { ThemeOverview } from './ThemeOverview';

export const LIBRARY_ROW_HEIGHT = 76;

export interface LibraryAppProps {
  store: ReadingListStore;
  send: Send;
  /** How an import reaches the list (utils/stores/extension.ts `importPorts`). */
  importPorts: ImportPorts;
  /** The whole list from the database: what an export without a selection writes. */
  wholeList: () => Promise<SavedPublication[]>;
  /** Opens a publication's address (only http/https ever reach this). */
  open: (url: string) => void;
  confirm: (question: string) => boolean;
  /** More actions on the selection (none selected: the whole list), in the bulk bar (Send to Zotero). */
  bulkActions?: (ids: string[]) => ComponentChildren;
}

export function LibraryApp({ store, send, importPorts, wholeList, open, confirm, ...more }: LibraryAppProps) {
  const selected = useSignal<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<SavedPublication | undefined>();
  const [tag, setTag] = useState('');
  const [notice, setNotice] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const results = store.results.value;
  const selectedIds = [...selected.value].filter((id) => store.byId.value.has(id));

  // Keep the active row inside the result set as it changes.
  useEffect(() => {
    if (active >= results.length) setActive(Math.max(0, results.length - 1));
  }, [results.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const focusRow = (index: number) => {
    setActive(index);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`li[aria-posinset="${index + 1}"] [data-testid="list-item"]`)
        ?.focus(),
    );
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected.peek());
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  };

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      setNotice(t('errorGeneric', e instanceof Error ? e.message : String(e)));
    }
  };

  const removeIds = (ids: string[]) =>
    run(async () => {
      if (ids.length === 0) return;
      if (!confirm(ids.length === 1 ? t('deleteConfirm') : t('bulkDeleteConfirm', formatNumber(ids.length))))
        return;
      await store.remove(ids);
      selected.value = new Set([...selected.peek()].filter((id) => !ids.includes(id)));
    });

  const onListKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('button, a, input, select, textarea')) return;
    const record = results[active];
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        focusRow(Math.min(results.length - 1, active + 1));
        break;
      case 'ArrowUp':
      case 'k':
        focusRow(Math.max(0, active - 1));
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(results.length - 1);
        break;
      case 'PageDown':
        focusRow(Math.min(results.length - 1, active + 10));
        break;
      case 'PageUp':
        focusRow(Math.max(0, active - 10));
        break;
      case 'Enter': {
        const href = record && safeHttpUrl(record.url);
        if (href) open(href);
        break;
      }
      case ' ':
        if (record) toggle(record.id, !selected.peek().has(record.id));
        break;
      case '1':
      case '2':
      case '3':
        if (record) void run(() => store.setStatus(record.id, READING_STATUSES[Number(e.key) - 1]));
        break;
      case 'e':
        if (record) setEditing(record);
        break;
      case 'Delete':
        if (record) void removeIds([record.id]);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div class="page library">
      <header class="inline-row" style={{ justifyContent: 'space-between' }}>
        <h1>{t('libraryTitle')}</h1>
        <ResultCount store={store} />
      </header>
      <div class="library-layout">
        <ThemeOverview store={store} />
        <main>
          <SearchBox store={store} idPrefix="library" inputRef={search} />
          <FilterControls store={store} idPrefix="library" />
          <div
            class="bulk"
            role="group"
            aria-label={t('bulkSelected', formatNumber(selectedIds.length))}
            data-testid="bulk-bar"
          >
            <span data-testid="bulk-count">{t('bulkSelected', formatNumber(selectedIds.length))}</span>
            <button
              type="button"
              data-testid="bulk-select-all"
              onClick={() => (selected.value = new Set(results.map((r) => r.id)))}
            >
              {t('bulkSelectAll')}
            </button>
            <button
              type="button"
              disabled={selectedIds.length === 0}
              onClick={() => (selected.value = new Set())}
            >
              {t('bulkClear')}
            </button>
            <label for="bulk-status" class="visually-hidden">
              {t('bulkSetStatus')}
            </label>
            <select
              id="bulk-status"
              data-testid="bulk-status"
              disabled={selectedIds.length === 0}
              value=""
              onChange={(e) => {
                const status = (e.currentTarget as HTMLSelectElement).value as ReadingStatus;
                if (status) void run(() => store.updateMany(selectedIds, { status }));
              }}
            >
              <option value="">{t('bulkSetStatus')}</option>
              {READING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
            <label for="bulk-tag" class="visually-hidden">
              {t('bulkTagInput')}
            </label>
            <input
              id="bulk-tag"
              type="text"
              data-testid="bulk-tag"
              placeholder={t('bulkTagInput')}
              value={tag}
              onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)}
            />
            <button
              type="button"
              data-testid="bulk-add-tag"
              disabled={selectedIds.length === 0 || tag.trim() === ''}
              onClick={() => void run(async () => (await store.addTag(selectedIds, tag), setTag('')))}
            >
              {t('bulkAddTag')}
            </button>
            <button
              type="button"
              data-testid="bulk-delete"
              disabled={selectedIds.length === 0}
              onClick={() => void removeIds(selectedIds)}
            >
              {t('bulkDelete')}
            </button>
            {more.bulkActions?.(selectedIds)}
          </div>
          {notice && (
            <p class="error" role="alert">
              {notice}
            </p>
          )}
          <p class="muted small">{t('keyboardHelp')}</p>
          <ReadingList
            store={store}
            rowHeight={LIBRARY_ROW_HEIGHT}
            fallbackHeight={600}
            activeIndex={active}
            selected={selected.value}
            onSelect={toggle}
            onEdit={setEditing}
            onKeyDown={onListKey}
            showSavedDate
          />
          <div class="library-panels">
            <ExportPanel
              idPrefix="library"
              records={() =>
                selectedIds.length ? results.filter((r) => selected.peek().has(r.id)) : wholeList()
              }
            />
            <ImportPanel idPrefix="library" ports={importPorts} />
          </div>
        </main>
      </div>
      {editing && (
        <EditDialog
          record={store.byId.value.get(editing.id) ?? editing}
          store={store}
          onClose={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}
