import { render } from 'preact';
import '@/components/styles.css';
import { LibraryApp } from '@/components/LibraryApp';
import { ZoteroSend } from '@/components/ZoteroSend';
import { interfaceLanguage, t } from '@/utils/i18n';
import { getSettings, onSettingsChanged, updateSettings } from '@/utils/settings';
import { createCiter, preloadCitations } from '@/utils/stores/cite';
import { databaseSource, importPorts, onListChanged, send, wholeList } from '@/utils/stores/extension';
import { createNoticeStore } from '@/utils/stores/notice';
import { followSettings, tablesOf } from '@/utils/stores/page-settings';
import { markFirstListPaint } from '@/utils/stores/paint-mark';
import { createReadingListStore } from '@/utils/stores/reading-list';

async function start() {
  const list = createReadingListStore({ source: databaseSource(), send, firstScreenSize: 40 });
  markFirstListPaint(list);
  const loaded = list.load();
  const notices = createNoticeStore();
  const settings = await followSettings({ get: getSettings, onChange: onSettingsChanged }, (s) => {
    list.setTables(tablesOf(s));
    document.documentElement.lang = interfaceLanguage();
    document.title = t('libraryTitle');
  });
  const cite = createCiter({
    style: () => settings().citationStyle,
    publisherNames: () => settings().publisherNames,
    writeText: (text) => navigator.clipboard.writeText(text),
    notices,
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
            (ids.length ? ids.map((id) => list.byId.peek().get(id)) : list.records.peek())
              .map((r) => r?.pdfUrl ?? '')
              .filter(Boolean)
          }
          request={(origins) => browser.permissions.request({ origins })}
          send={(attachPdf) =>
            send('page/zotero-send', ids.length ? { ids, attachPdf } : { all: true, attachPdf })
          }
        />
      )}
      saveNames={async (tables) => {
        // Shown at once; the settings change notice follows with the same tables.
        list.setTables(tables);
        await updateSettings(tables);
      }}
      cite={cite}
      notices={notices}
    />,
    document.getElementById('app')!,
  );
  await loaded;
  const idle =
    (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ??
    ((cb) => setTimeout(cb, 50));
  idle(() => void list.prepareSearch().then(preloadCitations));
}

void start();
