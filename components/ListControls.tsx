/** Search box, filters (theme, status, publisher, year, type, tag) and sort for a reading list. */
import { formatNumber, t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus } from '@/utils/record';
import type { ListSort } from '@/utils/stores/list-view';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import { statusLabel, typeLabel } from './labels';

/** Long facet lists are cut: a select with thousands of options helps nobody. */
const MAX_OPTIONS = 300;

export function SearchBox({
  store,
  idPrefix,
  inputRef,
}: {
  store: ReadingListStore;
  idPrefix: string;
  inputRef?: preact.Ref<HTMLInputElement>;
}) {
  return (
    <div class="search">
      <label for={`${idPrefix}-search`} class="visually-hidden">
        {t('searchLabel')}
      </label>
      <input
        ref={inputRef}
        id={`${idPrefix}-search`}
        type="search"
        data-testid="search"
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        value={store.query.value}
        onInput={(e) => (store.query.value = (e.currentTarget as HTMLInputElement).value)}
        onFocus={() => void store.prepareSearch()}
      />
    </div>
  );
}

type FilterName = 'theme' | 'status' | 'publisher' | 'year' | 'type' | 'tag';
type Option = { value: string; label: string };

function FilterSelect({
  store,
  idPrefix,
  name,
  label,
  options,
  current,
}: {
  store: ReadingListStore;
  idPrefix: string;
  name: FilterName;
  label: string;
  options: Option[];
  current: string | undefined;
}) {
  return (
    <div class="filter">
      <label for={`${idPrefix}-filter-${name}`}>{label}</label>
      <select
        id={`${idPrefix}-filter-${name}`}
        data-testid={`filter-${name}`}
        value={current ?? ''}
        title={options.find((o) => o.value === current)?.label}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value;
          if (name === 'year') store.setFilter('year', value ? Number(value) : undefined);
          else if (name === 'status')
            store.setFilter('status', (value || undefined) as ReadingStatus | undefined);
          else store.setFilter(name, value || undefined);
        }}
      >
        <option value="">{t('filterAny')}</option>
        {options.slice(0, MAX_OPTIONS).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function SortSelect({ store, idPrefix }: { store: ReadingListStore; idPrefix: string }) {
  return (
    <div class="filter">
      <label for={`${idPrefix}-sort`}>{t('sortLabel')}</label>
      <select
        id={`${idPrefix}-sort`}
        data-testid="sort"
        value={store.sort.value}
        onChange={(e) => (store.sort.value = (e.currentTarget as HTMLSelectElement).value as ListSort)}
      >
        <option value="saved">{t('sortSaved')}</option>
        <option value="year">{t('sortYear')}</option>
        <option value="title">{t('sortTitle')}</option>
      </select>
    </div>
  );
}

const withCount = (f: { value: string; count: number }): Option => ({
  value: f.value,
  label: `${f.value} (${formatNumber(f.count)})`,
});

export function FilterControls({ store, idPrefix }: { store: ReadingListStore; idPrefix: string }) {
  const facets = store.facets.value;
  const filters = store.filters.value;
  const select = (name: FilterName, label: string, options: Option[], current: string | undefined) => (
    <FilterSelect
      store={store}
      idPrefix={idPrefix}
      name={name}
      label={label}
      options={options}
      current={current}
    />
  );
  const active = Object.keys(filters).length > 0;
  return (
    <div class="filters" role="group" aria-label={t('filtersLabel')}>
      {select('theme', t('filterTheme'), facets.themes.map(withCount), filters.theme)}
      {select(
        'status',
        t('filterStatus'),
        READING_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
        filters.status,
      )}
      {select('publisher', t('filterPublisher'), facets.publishers.map(withCount), filters.publisher)}
      {select(
        'year',
        t('filterYear'),
        facets.years.map((y) => ({ value: String(y), label: String(y) })),
        filters.year?.toString(),
      )}
      {select(
        'type',
        t('filterType'),
        facets.types.map((v) => ({ value: v, label: typeLabel(v) })),
        filters.type,
      )}
      {select('tag', t('filterTag'), facets.tags.map(withCount), filters.tag)}
      <SortSelect store={store} idPrefix={idPrefix} />
      {active && (
        <button type="button" class="link-button" data-testid="clear-filters" onClick={store.clearFilters}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}

export function ResultCount({ store }: { store: ReadingListStore }) {
  const total = store.records.value.length;
  const shown = store.results.value.length;
  return (
    <p class="count muted small" role="status" aria-live="polite" data-testid="result-count">
      {t('resultCount', formatNumber(shown), formatNumber(total))}
    </p>
  );
}
