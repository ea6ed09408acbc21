/**
 * Theme and publisher names in the library: rename a theme, merge it into another (one name over
 * the other), map it across languages (Geopolitics = Geopolitiek), and give a publisher the name
 * you know it by. The names are a table in settings, applied wherever records are shown, searched
 * and filtered, for records saved before and after; undo removes the row.
 */
import { useState } from 'preact/hooks';
import { formatNumber, t } from '@/utils/i18n';
import type { NameTables } from '@/utils/record-view';
import type { ReadingListStore } from '@/utils/stores/reading-list';
import { renameTheme, themeMergeCandidates, themeSources, undoThemeName } from '@/utils/themes/aliases';
import { nameKey } from '@/utils/themes/key';
import { viewRecord } from '@/utils/record-view';

export interface NamesManagerProps {
  store: ReadingListStore;
  save: (tables: NameTables) => Promise<void>;
}

function RenameForm({
  idPrefix,
  options,
  label,
  onRename,
}: {
  idPrefix: string;
  options: string[];
  label: string;
  onRename: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <form
      class="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (from && to.trim()) onRename(from, to.trim());
        setTo('');
      }}
    >
      <label for={`${idPrefix}-from`}>{label}</label>
      <select
        id={`${idPrefix}-from`}
        data-testid={`${idPrefix}-from`}
        value={from}
        onChange={(e) => setFrom((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{t('namesChoose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-to`}>{t('namesNewName')}</label>
      <input
        id={`${idPrefix}-to`}
        data-testid={`${idPrefix}-to`}
        type="text"
        list={`${idPrefix}-names`}
        value={to}
        onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
      />
      <datalist id={`${idPrefix}-names`}>
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <button type="submit" data-testid={`${idPrefix}-apply`} disabled={!from || !to.trim()}>
        {t('namesApply')}
      </button>
    </form>
  );
}

function ThemeNames({ store, save }: NamesManagerProps) {
  const tables = store.tables.value;
  const themes = store.facets.value.themes.map((f) => f.value);
  const aliases = tables.themeAliases;
  const merged = themes.filter((theme) => themeSources(theme, aliases).length > 0);
  const apply = (next: Record<string, string>) => void save({ ...tables, themeAliases: next });
  return (
    <section aria-labelledby="theme-names-heading">
      <h3 id="theme-names-heading">{t('themeNamesHeading')}</h3>
      <p class="hint">{t('themeNamesHint')}</p>
      <RenameForm
        idPrefix="theme-rename"
        label={t('filterTheme')}
        options={themes}
        onRename={(from, to) => apply(renameTheme(aliases, from, to))}
      />
      {themeMergeCandidates(themes)
        .slice(0, 8)
        .map(({ from, to }) => (
          <p key={`${from}>${to}`} class="merge-candidate" data-testid="theme-candidate">
            {t('themeCandidate', from, to)}{' '}
            <button type="button" onClick={() => apply(renameTheme(aliases, from, to))}>
              {t('mergeButton')}
            </button>
          </p>
        ))}
      {merged.length > 0 && (
        <ul class="names-list" data-testid="theme-names">
          {merged.map((theme) => (
            <li key={theme}>
              {t('themeMergedFrom', theme, themeSources(theme, aliases).join(', '))}{' '}
              <button type="button" class="link-button" onClick={() => apply(undoThemeName(aliases, theme))}>
                {t('undoButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PublisherNames({ store, save }: NamesManagerProps) {
  const tables = store.tables.value;
  const labels = store.facets.value.publishers.map((f) => f.value);
  const rename = (label: string, to: string) => {
    const stored = new Set<string>();
    for (const r of store.records.peek())
      if (r.publisher && viewRecord(r, tables).publisher?.label === label) stored.add(nameKey(r.publisher));
    const next = { ...tables.publisherNames };
    for (const key of stored) next[key] = to;
    void save({ ...tables, publisherNames: next });
  };
  const own = Object.entries(tables.publisherNames);
  return (
    <section aria-labelledby="publisher-names-heading">
      <h3 id="publisher-names-heading">{t('publisherNamesHeading')}</h3>
      <RenameForm
        idPrefix="publisher-rename"
        label={t('filterPublisher')}
        options={labels}
        onRename={rename}
      />
      {own.length > 0 && (
        <p class="hint">
          {t('publisherOwnNames', formatNumber(own.length))}{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => void save({ ...tables, publisherNames: {} })}
          >
            {t('undoButton')}
          </button>
        </p>
      )}
    </section>
  );
}

export function NamesManager(props: NamesManagerProps) {
  return (
    <details class="names-manager panel" data-testid="names-manager">
      <summary>{t('namesHeading')}</summary>
      <ThemeNames {...props} />
      <PublisherNames {...props} />
    </details>
  );
}
