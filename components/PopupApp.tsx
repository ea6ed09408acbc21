/** The popup: this page on top (one line once saved), then the reading list and suggestions as tabs. */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import type { Cite } from '@/utils/stores/cite';
import type { CurrentPageStore } from '@/utils/stores/current-page';
import type { NoticeStore } from '@/utils/stores/notice';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import type { SuggestionsStore } from '@/utils/stores/suggestions';
import { CurrentPage } from './CurrentPage';
import { useEditDialog } from './EditDialog';
import { FilterControls, ResultCount, SearchBox } from './ListControls';
import { ReadingList } from './ReadingList';
import { SuggestionsPanel } from './SuggestionsPanel';
import { Tabs } from './Tabs';
import { Toast } from './Toast';
import { ZoteroSyncNotice, type SyncNoticePorts } from './ZoteroSyncNotice';

export interface PopupAppProps {
  current: CurrentPageStore;
  list: ReadingListStore;
  suggestions: SuggestionsStore;
  openLibrary: () => void;
  openOptions: () => void;
  /** More actions on this page, under it (Send to Zotero). */
  pageActions?: ComponentChildren;
  notices?: NoticeStore;
  cite?: Cite;
  /** The sync through a Zotero library: a line when its last sync failed or changes wait. */
  syncNotice?: SyncNoticePorts;
}

/** Row height in the popup list (px); ListItem's CSS keeps to it. Five rows fit under the page card. */
export const POPUP_ROW_HEIGHT = 86;

function Header({ openLibrary, openOptions }: Pick<PopupAppProps, 'openLibrary' | 'openOptions'>) {
  return (
    <header class="app-header">
      <h1>{t('appTitle')}</h1>
      <nav class="header-links" aria-label={t('appTitle')}>
        <button type="button" class="link-button" data-testid="open-library" onClick={openLibrary}>
          {t('openLibrary')}
        </button>
        <button type="button" class="link-button" data-testid="open-options" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </nav>
    </header>
  );
}

function ListPanel({
  list,
  onEdit,
  cite,
}: {
  list: ReadingListStore;
  onEdit: (r: SavedPublication) => void;
  cite?: Cite;
}) {
  const [showFilters, setShowFilters] = useState(false);
  const filterCount = Object.keys(list.filters.value).length;
  return (
    <div class="list-panel">
      <div class="list-tools">
        <SearchBox store={list} idPrefix="popup" />
        <button
          type="button"
          class="filter-toggle"
          aria-expanded={showFilters}
          aria-controls="popup-filters"
          data-testid="toggle-filters"
          onClick={() => setShowFilters(!showFilters)}
        >
          {t('filtersLabel')}
          {filterCount > 0 ? ` (${formatNumber(filterCount)})` : ''}
        </button>
      </div>
      <div id="popup-filters" hidden={!showFilters}>
        {showFilters && <FilterControls store={list} idPrefix="popup" />}
      </div>
      <ResultCount store={list} />
      <ReadingList
        store={list}
        rowHeight={POPUP_ROW_HEIGHT}
        fallbackHeight={300}
        onEdit={onEdit}
        onCite={cite && ((record) => void cite(record))}
      />
    </div>
  );
}

export function PopupApp({
  current,
  list,
  suggestions,
  openLibrary,
  openOptions,
  notices,
  cite,
  pageActions,
  syncNotice,
}: PopupAppProps) {
  const tab = useSignal<'list' | 'suggestions'>('list');
  const { edit, dialog } = useEditDialog(list);
  return (
    <div class="popup">
      <Header openLibrary={openLibrary} openOptions={openOptions} />
      <main>
        <CurrentPage store={current} />
        {pageActions}
        {syncNotice && <ZoteroSyncNotice ports={syncNotice} openOptions={openOptions} />}
        <Tabs
          label={t('mainTabs')}
          selected={tab.value}
          onSelect={(id) => {
            tab.value = id;
            if (id === 'suggestions') void suggestions.refresh();
          }}
          tabs={[
            {
              id: 'list',
              label: t('tabList'),
              render: () => <ListPanel list={list} onEdit={edit} cite={cite} />,
            },
            {
              id: 'suggestions',
              label: t('tabSuggestions'),
              render: () => <SuggestionsPanel store={suggestions} notices={notices} />,
            },
          ]}
        />
      </main>
      {notices && <Toast store={notices} />}
      {dialog}
    </div>
  );
}
