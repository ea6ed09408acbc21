import { render } from 'preact';
import '@/components/styles.css';
import { OptionsApp } from '@/components/OptionsApp';
import { ZoteroOptions } from '@/components/ZoteroSend';
import { setZoteroOn, zoteroTurnedOn } from '@/utils/zotero/switch';
import { interfaceLanguage, setInterfaceLanguage, t } from '@/utils/i18n';
import { getSettings, onSettingsChanged, siteHost, updateSettings } from '@/utils/settings';
import { importPorts, send, wholeList } from '@/utils/stores/extension';

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
      // URLSearchParams already decodes: a second decode threw on an address with a bare '%'.
      currentSite={siteHost(new URLSearchParams(location.hash.slice(1)).get('site') ?? '')}
      records={wholeList}
      importPorts={importPorts()}
      sections={
        <ZoteroOptions
          enabled={zoteroTurnedOn}
          request={async (origins) => {
            const granted = await browser.permissions.request({ origins });
            if (granted) await setZoteroOn(true);
            return granted;
          }}
          remove={async (origins) => {
            await setZoteroOn(false);
            await browser.permissions.remove({ origins }).catch(() => false);
            return true;
          }}
          last={async () => (await send('page/zotero-last', {})) ?? undefined}
        />
      }
    />,
    document.getElementById('app')!,
  );
}

void start();
