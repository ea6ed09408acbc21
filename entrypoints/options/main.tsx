import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from '@/components/OptionsApp';
import { interfaceLanguage, setInterfaceLanguage, t } from '@/utils/i18n';
import { getSettings, onSettingsChanged, siteHost, updateSettings } from '@/utils/settings';
import { importPorts, wholeList } from '@/utils/stores/extension';

async function start() {
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
      requestSite={(host) =>
        browser.permissions.request({ origins: [`https://${host}/*`, `https://*.${host}/*`] })
      }
      currentSite={siteHost(
        decodeURIComponent(new URLSearchParams(location.hash.slice(1)).get('site') ?? ''),
      )}
      records={wholeList}
      importPorts={importPorts()}
    />,
    document.getElementById('app')!,
  );
}

void start();
