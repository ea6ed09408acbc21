/**
 * Options: where detection runs (with the sites Leesmap knows, and adding one), automatic saving,
 * interface language, citation style, export and import. Detection on every site, or on an added
 * site, needs a host permission, which the browser only grants from a user gesture: the request is
 * the first thing the change handler does.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import type { Settings } from '@/utils/settings';
import type { ImportPorts } from '@/utils/stores/transfer';
import { CoveredSites } from './CoveredSites';
import { ExportPanel, ImportPanel } from './ExportImport';
import { LabeledSelect, type Choice } from './Select';

export interface OptionsAppProps {
  settings: Settings;
  update: (changes: Partial<Settings>) => Promise<Settings>;
  requestAllSites: () => Promise<boolean>;
  /** Asks the browser for one more site (https, with its subdomains). */
  requestSite?: (host: string) => Promise<boolean>;
  /** The site of the tab the options were opened from, offered for "add this site". */
  currentSite?: string;
  /** The whole list from the database: what the export writes. */
  records: () => Promise<SavedPublication[]>;
  /** How an import reaches the list (utils/stores/extension.ts `importPorts`). */
  importPorts: ImportPorts;
  /** More sections before the backup (Zotero). */
  sections?: ComponentChildren;
}

type Apply = (changes: Partial<Settings>) => Promise<void>;

function Detection({
  settings,
  apply,
  requestAllSites,
  say,
}: {
  settings: Settings;
  apply: Apply;
  requestAllSites: () => Promise<boolean>;
  say: (m: string) => void;
}) {
  return (
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
            void asking.then((granted) =>
              granted ? apply({ detectEverywhere: true }) : say(t('optionsPermissionDenied')),
            );
          }}
        />
        {t('optionsDetectEverywhere')}
      </label>
    </fieldset>
  );
}

function AutoSave({ settings, apply }: { settings: Settings; apply: Apply }) {
  return (
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
  );
}

/** The choices that are a pick from a list: interface language and citation style. */
function Choices({ settings, apply }: { settings: Settings; apply: Apply }) {
  const choices: Array<{ field: 'uiLanguage' | 'citationStyle'; id: string; label: string; of: Choice[] }> = [
    {
      field: 'uiLanguage',
      id: 'ui-language',
      label: t('optionsLanguage'),
      of: [
        { value: 'auto', label: t('optionsLanguageAuto') },
        { value: 'nl', label: t('optionsLanguageNl'), lang: 'nl' },
        { value: 'en', label: t('optionsLanguageEn'), lang: 'en' },
      ],
    },
    {
      field: 'citationStyle',
      id: 'citation-style',
      label: t('optionsCitationStyle'),
      of: [
        { value: 'apa', label: t('citationApa') },
        { value: 'apa-nl', label: t('citationApaNl') },
      ],
    },
  ];
  return (
    <div class="choices">
      {choices.map(({ field, id, label, of }) => (
        <LabeledSelect
          key={id}
          row="inline-row"
          id={id}
          data-testid={id}
          label={label}
          value={settings[field]}
          choices={of}
          // normaliseSettings (utils/settings.ts) keeps only the known values.
          onChoose={(value) => void apply({ [field]: value } as Partial<Settings>)}
        />
      ))}
    </div>
  );
}

export function OptionsApp(props: OptionsAppProps) {
  const [settings, setSettings] = useState(props.settings);
  const [message, setMessage] = useState('');
  const apply = async (changes: Partial<Settings>) => {
    setSettings(await props.update(changes));
    setMessage(t('optionsSaved'));
  };
  return (
    <div class="page options">
      <h1>{t('optionsTitle')}</h1>
      <section class="panel">
        <Detection
          settings={settings}
          apply={apply}
          requestAllSites={props.requestAllSites}
          say={setMessage}
        />
        <CoveredSites
          settings={settings}
          apply={apply}
          requestSite={props.requestSite}
          currentSite={props.currentSite}
          say={setMessage}
        />
      </section>
      <section class="panel">
        <AutoSave settings={settings} apply={apply} />
      </section>
      <section class="panel">
        <Choices settings={settings} apply={apply} />
      </section>
      <p role="status" class="muted" data-testid="options-status">
        {message}
      </p>
      {props.sections}
      <h2>{t('optionsBackup')}</h2>
      <ExportPanel idPrefix="options" records={props.records} label={t('exportScopeAll')} />
      <ImportPanel idPrefix="options" ports={props.importPorts} />
      <p class="muted small">{t('optionsPrivacy')}</p>
    </div>
  );
}
