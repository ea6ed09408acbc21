import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from '@/components/OptionsApp';
import { interfaceLanguage, setInterfaceLanguage, t } from '@/utils/i18n';
import { getSettings, onSettingsChanged, updateSettings } from '@/utils/settings';
import { databaseSource, onListChanged, send } from '@/utils/stores/extension';
import { createReadingListStore } from '@/utils/stores/reading-list';

async function start() {
  const list = createReadingListStore({ source: databaseSource(), send });
  const loaded = list.load();
  onListChanged((ids) => void list.refresh(ids));
  const settings = await getSettings();
  setInterfaceLanguage(settings.uiLanguage);
  const applyLanguage = () => {
    document.documentElement.lang = interfaceLanguage();
    document.title = t('optionsTitle');
  };
  applyLanguage();
  onSettingsChanged((s) => {
    setInterfaceLanguage(s.uiLanguage);
    applyLanguage();
  });
  render(
    <OptionsApp
      settings={settings}
      update={updateSettings}
      requestAllSites={() => browser.permissions.request({ origins: ['<all_urls>'] })}
      records={async () => (await loaded, list.records.peek())}
      send={send}
    />,
    document.getElementById('app')!,
  );
}

void start();
