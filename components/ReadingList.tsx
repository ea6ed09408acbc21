/** The saved publications as a virtualised list, with empty and no-match states. */
import { t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import { ListItem } from './ListItem';
import { VirtualList } from './VirtualList';

export interface ReadingListProps {
  store: ReadingListStore;
  rowHeight: number;
  onEdit?: (record: SavedPublication) => void;
  activeIndex?: number;
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, selected: boolean) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  fallbackHeight?: number;
  /** The library's rows: saved date, notes, keywords, related. */
  detailed?: boolean;
  onCite?: (record: SavedPublication) => void;
}

export function ReadingList({
  store,
  rowHeight,
  onEdit,
  activeIndex,
  selected,
  onSelect,
  onKeyDown,
  fallbackHeight,
  detailed,
  onCite,
}: ReadingListProps) {
  const phase = store.phase.value;
  const results = store.results.value;
  if (phase === 'loading')
    return (
      <p class="muted" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (phase === 'error')
    return (
      <p class="error" role="alert">
        {t('errorGeneric', store.error.value ?? '')}
      </p>
    );
  if (store.records.value.length === 0)
    return (
      <p class="muted empty" data-testid="list-empty">
        {t('listEmpty')}
      </p>
    );
  if (results.length === 0 && store.searchLoading.value)
    return (
      <p class="muted" aria-busy="true">
        {t('loading')}
      </p>
    );
  if (results.length === 0)
    return (
      <p class="muted empty" data-testid="list-no-match">
        {t('listNoMatch')}
      </p>
    );
  return (
    <VirtualList
      testId="reading-list"
      label={t('tabList')}
      items={results}
      rowHeight={rowHeight}
      itemKey={(r) => r.id}
      activeIndex={activeIndex}
      onKeyDown={onKeyDown}
      fallbackHeight={fallbackHeight}
      renderRow={(record, i) => (
        <ListItem
          record={record}
          active={activeIndex === undefined ? undefined : i === activeIndex}
          onStatus={(status) =>
            void store.setStatus(record.id, status).catch((e: unknown) => (store.error.value = String(e)))
          }
          onEdit={onEdit && (() => onEdit(record))}
          selected={selected?.has(record.id)}
          onSelect={onSelect && ((value) => onSelect(record.id, value))}
          onCite={onCite && (() => onCite(record))}
          detailed={detailed}
          tables={store.tables.value}
          highlighter={store.highlighter.value}
        />
      )}
    />
  );
}
