/** The library's theme overview: every theme with its count; choosing one filters the list. */
import { formatNumber, t } from '@/utils/i18n';
import type { ReadingListStore } from '@/utils/stores/reading-list';

/** A list of thousands of one-off themes helps nobody; the rest stay reachable through search. */
const MAX_THEMES = 200;

export function ThemeOverview({ store }: { store: ReadingListStore }) {
  const themes = store.facets.value.themes;
  const current = store.filters.value.theme;
  return (
    <nav class="theme-overview" aria-labelledby="themes-heading" data-testid="theme-overview">
      <h2 id="themes-heading">{t('themeOverview')}</h2>
      {themes.length === 0 ? (
        <p class="muted">{t('noThemes')}</p>
      ) : (
        <ul>
          <li>
            <button
              type="button"
              aria-pressed={current === undefined}
              onClick={() => store.setFilter('theme', undefined)}
            >
              <span>{t('themeAll')}</span>
              <span>{formatNumber(store.records.value.length)}</span>
            </button>
          </li>
          {themes.slice(0, MAX_THEMES).map(({ value, count }) => (
            <li key={value}>
              <button
                type="button"
                data-testid="theme-entry"
                aria-pressed={current === value}
                onClick={() => store.setFilter('theme', current === value ? undefined : value)}
              >
                <span>{value}</span>
                <span>{formatNumber(count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
