/**
 * Options: where detection runs, automatic saving, interface language, export and import.
 * Detection on every site needs the optional <all_urls> permission, which the browser only grants
 * from a user gesture: the request is the first thing the change handler does.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/publication';
import type { Settings } from '@/utils/settings';
import type { ImportPorts } from '@/utils/stores/transfer';
import { ExportPanel, ImportPanel } from './ExportImport';

export interface OptionsAppProps {
  settings: Settings;
  update: (changes: Partial<Settings>) => Promise<Settings>;
  requestAllSites: () => Promise<boolean>;
  /** The whole list, once loaded. */
  /** The whole list from the database: what the export writes. */
  records: () => Promise<SavedPublication[]>;
  /** How an import reaches the list (utils/stores/extension.ts `importPorts`). */
  importPorts: ImportPorts;
  /** More sections before the backup (Zotero). */
  sections?: ComponentChildren;
}

export function OptionsApp({
  settings: initial,
  update,
  requestAllSites,
  records,
  importPorts,
  sections,
}: OptionsAppProps) {
  const [settings, setSettings] = useState(initial);
  const [message, setMessage] = useState('');
  const apply = async (changes: Partial<Settings>) => {
    setSettings(await update(changes));
    setMessage(t('optionsSaved'));
  };
  return (
    <div class="page options">
      <h1>{t('optionsTitle')}</h1>
      <section class="panel">
        <fieldset>
          <legend>{t('optionsDetection')}</legend>
          <label class="option">
            <input
              type="radio"
              name="detection"
              data-testid="detect-publishers"
              checked={!settings.detectEverywhere}
              onChange={() => void apply({ detectEverywhere: false })}
            />
            {t('optionsDetectPublishers')}
          </label>
          <label class="option">
            <input
              type="radio"
              name="detection"
              data-testid="detect-everywhere"
              checked={settings.detectEverywhere}
              onChange={(e) => {
                // The permission prompt must come straight from the click.
                const asking = requestAllSites();
                (e.currentTarget as HTMLInputElement).checked = settings.detectEverywhere;
                void asking.then((granted) => {
                  if (granted) void apply({ detectEverywhere: true });
                  else setMessage(t('optionsPermissionDenied'));
                });
              }}
            />
            {t('optionsDetectEverywhere')}
          </label>
        </fieldset>
      </section>
      <section class="panel">
        <label class="option">
          <input
            type="checkbox"
            data-testid="auto-save"
            checked={settings.autoSave}
            aria-describedby="auto-save-hint"
            onChange={(e) => void apply({ autoSave: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>
            {t('optionsAutoSave')}
            <br />
            <span id="auto-save-hint" class="hint">
              {t('optionsAutoSaveHint')}
            </span>
          </span>
        </label>
      </section>
      <section class="panel">
        <div class="inline-row">
          <label for="ui-language">{t('optionsLanguage')}</label>
          <select
            id="ui-language"
            data-testid="ui-language"
            value={settings.uiLanguage}
            onChange={(e) =>
              void apply({
                uiLanguage: (e.currentTarget as HTMLSelectElement).value as Settings['uiLanguage'],
              })
            }
          >
            <option value="auto">{t('optionsLanguageAuto')}</option>
            <option value="nl" lang="nl">
              {t('optionsLanguageNl')}
            </option>
            <option value="en" lang="en">
              {t('optionsLanguageEn')}
            </option>
          </select>
        </div>
      </section>
      <p role="status" class="muted" data-testid="options-status">
        {message}
      </p>
      {sections}
      <h2>{t('optionsBackup')}</h2>
      <ExportPanel idPrefix="options" records={records} label={t('exportScopeAll')} />
      <ImportPanel idPrefix="options" ports={importPorts} />
      <p class="muted small">{t('optionsPrivacy')}</p>
    </div>
  );
}
