import { render } from 'preact';
import '@/components/styles.css';
import { LibraryApp } from '@/components/LibraryApp';
import { ZoteroSend } from '@/components/ZoteroSend';
import { interfaceLanguage, setInterfaceLanguage, t } from '@/utils/i18n';
import { getSettings, onSettingsChanged } from '@/utils/settings';
import { databaseSource, importPorts, onListChanged, send, wholeList } from '@/utils/stores/extension';
import { markFirstListPaint } from '@/utils/stores/paint-mark';
import { createReadingListStore } from '@/utils/stores/reading-list';

async function start() {
  const list = createReadingListStore({ source: databaseSource(), send, firstScreenSize: 40 });
  markFirstListPaint(list);
  const loaded = list.load();
  setInterfaceLanguage((await getSettings().catch(() => undefined))?.uiLanguage ?? 'auto');
  const applyLanguage = () => {
    document.documentElement.lang = interfaceLanguage();
    document.title = t('libraryTitle');
  };
  applyLanguage();
  onSettingsChanged((s) => {
    setInterfaceLanguage(s.uiLanguage);
    applyLanguage();
  });
  onListChanged((ids) => void list.refresh(ids));
  render(
    <LibraryApp
      store={list}
      send={send}
      importPorts={importPorts()}
      wholeList={wholeList}
      open={(url) => void browser.tabs.create({ url })}
      confirm={(question) => window.confirm(question)}
      bulkActions={(ids) => (
        <ZoteroSend
          idPrefix="library"
          label={() => (ids.length ? t('zoteroSendSelection', ids.length) : t('zoteroSendAll'))}
          pdfUrls={() =>
            (ids.length ? ids.map((id) => list.byId.peek().get(id)) : list.results.peek())
              .map((r) => r?.pdfUrl ?? '')
              .filter(Boolean)
          }
          request={(origins) => browser.permissions.request({ origins })}
          send={(attachPdf) =>
            send('page/zotero-send', ids.length ? { ids, attachPdf } : { all: true, attachPdf })
          }
        />
      )}
    />,
    document.getElementById('app')!,
  );
  await loaded;
  const idle =
    (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ??
    ((cb) => setTimeout(cb, 50));
  idle(() => list.prepareSearch());
}

void start();
