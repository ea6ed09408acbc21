/**
 * The library tab: the same list with room to work. Theme overview, names (themes and publishers),
 * filters, bulk status / tag / delete, export and import, an edit dialog, and keyboard navigation
 * over the list (components/library-keys.ts). Each row has two Tab stops: its title and its
 * actions toolbar.
 */
import { useSignal, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import type { NameTables } from '@/utils/record-view';
import type { Cite } from '@/utils/stores/cite';
import type { NoticeStore } from '@/utils/stores/notice';
import type { ReadingListStore, Send } from '@/utils/stores/reading-list';
import type { ImportPorts } from '@/utils/stores/transfer';
import { BulkBar } from './BulkBar';
import { useEditDialog } from './EditDialog';
import { ExportPanel, ImportPanel } from './ExportImport';
import { listKeyHandler } from './library-keys';
import { FilterControls, ResultCount, SearchBox } from './ListControls';
import { NamesManager } from './NamesManager';
import { ReadingList } from './ReadingList';
import { ThemeOverview } from './ThemeOverview';
import { Toast } from './Toast';

export const LIBRARY_ROW_HEIGHT = 132;

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
  /** Saves the reader's theme and publisher names (settings). */
  saveNames?: (tables: NameTables) => Promise<void>;
  cite?: Cite;
  notices?: NoticeStore;
  /** More actions on the selection (none selected: the whole list), in the bulk bar (Send to Zotero). */
  bulkActions?: (ids: string[]) => ComponentChildren;
  /**
   * False while the list is on its way to the screen: the names panel, the export and import
   * panels and `bulkActions` wait for it, so they do not delay its first frame. Not given: all at once.
   */
  secondaryReady?: ReadonlySignal<boolean>;
}

function Panels(p: LibraryAppProps & { selectedIds: string[]; isSelected: (id: string) => boolean }) {
  const results = p.store.results.value;
  return (
    <div class="library-panels">
      <ExportPanel
        idPrefix="library"
        listSize={p.store.records.value.length}
        records={() => (p.selectedIds.length ? results.filter((r) => p.isSelected(r.id)) : p.wholeList())}
      />
      <ImportPanel idPrefix="library" ports={p.importPorts} />
    </div>
  );
}

function Sidebar({
  store,
  saveNames,
  secondary,
}: Pick<LibraryAppProps, 'store' | 'saveNames'> & { secondary: boolean }) {
  return (
    <aside class="library-side">
      <ThemeOverview store={store} />
      {secondary && saveNames && <NamesManager store={store} save={saveNames} />}
      <p class="muted small">{t('keyboardHelp')}</p>
    </aside>
  );
}

/** The row the keyboard is on, kept inside the result set as it changes. */
function useActiveRow(count: number): [number, (index: number) => void] {
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [count]);
  return [active, setActive];
}

/** "/" focuses the search box from anywhere but a field. */
function useSlashToSearch(search: { current: HTMLInputElement | null }) {
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
}

function useSelection(store: ReadingListStore) {
  const selected = useSignal<ReadonlySet<string>>(new Set());
  const ids = [...selected.value].filter((id) => store.byId.value.has(id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected.peek());
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  };
  return { selected, ids, toggle };
}

/** Running an action with its error shown, deleting with a question first, and the list keys. */
function useLibraryActions(
  props: LibraryAppProps,
  { selected, toggle }: Pick<ReturnType<typeof useSelection>, 'selected' | 'toggle'>,
  active: number,
  setActive: (index: number) => void,
  setEditing: (record: SavedPublication) => void,
  setNotice: (text: string) => void,
) {
  const { store, confirm } = props;
  const results = store.results.value;
  const run = (action: () => Promise<unknown>) =>
    action().catch((e: unknown) => setNotice(t('errorGeneric', e instanceof Error ? e.message : String(e))));
  const removeIds = (ids: string[]) =>
    run(async () => {
      const question =
        ids.length === 1 ? t('deleteConfirm') : t('bulkDeleteConfirm', formatNumber(ids.length));
      if (ids.length === 0 || !confirm(question)) return;
      await store.remove(ids);
      selected.value = new Set([...selected.peek()].filter((id) => !ids.includes(id)));
    });
  const focusRow = (index: number) => {
    setActive(index);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`li[aria-posinset="${index + 1}"] [data-testid="list-item"]`)
        ?.focus(),
    );
  };
  const onListKey = listKeyHandler(() => ({
    results,
    active,
    focusRow,
    open: props.open,
    toggle: (id) => toggle(id, !selected.peek().has(id)),
    setStatus: (id, status) => void run(() => store.setStatus(id, status)),
    edit: setEditing,
    cite: props.cite && ((record) => void props.cite!(record)),
    remove: (id) => void removeIds([id]),
  }));
  return { run, removeIds, onListKey };
}

export function LibraryApp(props: LibraryAppProps) {
  const { store } = props;
  const { selected, ids: selectedIds, toggle } = useSelection(store);
  const { edit, dialog } = useEditDialog(store);
  const [notice, setNotice] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const results = store.results.value;
  const secondary = props.secondaryReady?.value ?? true;
  useSlashToSearch(search);
  const [active, setActive] = useActiveRow(results.length);

  const { run, removeIds, onListKey } = useLibraryActions(
    props,
    { selected, toggle },
    active,
    setActive,
    edit,
    setNotice,
  );

  return (
    <div class="page library">
      <header class="library-header">
        <h1>{t('libraryTitle')}</h1>
        <ResultCount store={store} />
      </header>
      <div class="library-layout">
        <Sidebar store={store} saveNames={props.saveNames} secondary={secondary} />
        <main>
          <SearchBox store={store} idPrefix="library" inputRef={search} />
          <FilterControls store={store} idPrefix="library" />
          <BulkBar
            store={store}
            selection={{ ids: selectedIds, set: (ids) => (selected.value = ids) }}
            run={run}
            remove={() => void removeIds(selectedIds)}
          >
            {secondary && props.bulkActions?.(selectedIds)}
          </BulkBar>
          {notice && (
            <p class="error" role="alert">
              {notice}
            </p>
          )}
          <div
            class="library-list"
            style={{ '--list-height': `${Math.max(1, results.length) * LIBRARY_ROW_HEIGHT + 2}px` }}
          >
            <ReadingList
              store={store}
              rowHeight={LIBRARY_ROW_HEIGHT}
              fallbackHeight={600}
              activeIndex={active}
              selected={selected.value}
              onSelect={toggle}
              onEdit={edit}
              onCite={props.cite && ((record) => void props.cite!(record))}
              onKeyDown={onListKey}
              detailed
            />
          </div>
          {secondary && (
            <Panels {...props} selectedIds={selectedIds} isSelected={(id) => selected.peek().has(id)} />
          )}
        </main>
      </div>
      {props.notices && <Toast store={props.notices} />}
      {dialog}
    </div>
  );
}
