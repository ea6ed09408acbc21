/** Search box, filters (theme, status, publisher, year, type, tag) and sort for a reading list. */
import { formatNumber, t } from '@/utils/i18n';
import { READING_STATUSES, type ReadingStatus } from '@/utils/record';
import type { ListSort } from '@/utils/stores/list-view';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import { statusLabel, typeLabel } from './labels';
import { LabeledSelect, type Choice } from './Select';

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

interface Filter {
  name: FilterName;
  label: string;
  choices: Choice[];
  current: string | undefined;
}

function setFilter(store: ReadingListStore, name: FilterName, value: string) {
  if (name === 'year') store.setFilter('year', value ? Number(value) : undefined);
  else if (name === 'status') store.setFilter('status', (value || undefined) as ReadingStatus | undefined);
  else store.setFilter(name, value || undefined);
}

const withCount = (f: { value: string; count: number }): Choice => ({
  value: f.value,
  label: `${f.value} (${formatNumber(f.count)})`,
});

/** The filters over the list's facets, in the order they are shown. */
function filtersOf(store: ReadingListStore): Filter[] {
  const facets = store.facets.value;
  const filters = store.filters.value;
  return [
    { name: 'theme', label: t('filterTheme'), choices: facets.themes.map(withCount), current: filters.theme },
    {
      name: 'status',
      label: t('filterStatus'),
      choices: READING_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
      current: filters.status,
    },
    {
      name: 'publisher',
      label: t('filterPublisher'),
      choices: facets.publishers.map(withCount),
      current: filters.publisher,
    },
    {
      name: 'year',
      label: t('filterYear'),
      choices: facets.years.map((y) => ({ value: String(y), label: String(y) })),
      current: filters.year?.toString(),
    },
    {
      name: 'type',
      label: t('filterType'),
      choices: facets.types.map((v) => ({ value: v, label: typeLabel(v) })),
      current: filters.type,
    },
    { name: 'tag', label: t('filterTag'), choices: facets.tags.map(withCount), current: filters.tag },
  ];
}

export function FilterControls({ store, idPrefix }: { store: ReadingListStore; idPrefix: string }) {
  const active = Object.keys(store.filters.value).length > 0;
  return (
    <div class="filters" role="group" aria-label={t('filtersLabel')}>
      {filtersOf(store).map(({ name, label, choices, current }) => (
        <LabeledSelect
          key={name}
          row="filter"
          id={`${idPrefix}-filter-${name}`}
          data-testid={`filter-${name}`}
          label={label}
          value={current ?? ''}
          title={choices.find((c) => c.value === current)?.label}
          empty={t('filterAny')}
          choices={choices.slice(0, MAX_OPTIONS)}
          onChoose={(value) => setFilter(store, name, value)}
        />
      ))}
      <LabeledSelect
        row="filter"
        id={`${idPrefix}-sort`}
        data-testid="sort"
        label={t('sortLabel')}
        value={store.sort.value}
        choices={[
          { value: 'saved', label: t('sortSaved') },
          { value: 'year', label: t('sortYear') },
          { value: 'title', label: t('sortTitle') },
        ]}
        onChoose={(value) => (store.sort.value = value as ListSort)}
      />
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
