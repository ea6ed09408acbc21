import { render } from 'preact';
import '@/components/styles.css';
import { LibraryApp } from '@/components/LibraryApp';
import { ZoteroSend } from '@/components/ZoteroSend';
import { t } from '@/utils/i18n';
import { updateSettings } from '@/utils/settings';
import { databaseSource, importPorts, onListChanged, send, wholeList } from '@/utils/stores/extension';
import { prepareWhenIdle } from '@/utils/stores/idle';
import { createNoticeStore } from '@/utils/stores/notice';
import { followListSettings } from '@/utils/stores/page-settings';
import { afterFirstListFrame, firstScreenIn, markFirstListPaint } from '@/utils/stores/paint-mark';
import { createReadingListStore } from '@/utils/stores/reading-list';

/**
 * Records read before the first paint: the rows of a window 2,400 px tall (132 px each) and the
 * list's overscan. Each one is a step of the database cursor; the rest come in one read after.
 */
const FIRST_SCREEN = 20;
/** How long the page waits for those records before it shows itself with "Loading…" instead. */
const FIRST_SCREEN_WAIT = 150;

async function start() {
  const list = createReadingListStore({ source: databaseSource(), send, firstScreenSize: FIRST_SCREEN });
  markFirstListPaint(list);
  // The names panel, export and import and "Send to Zotero" follow the list's first frame.
  const listShown = afterFirstListFrame(list);
  const loaded = list.load();
  const notices = createNoticeStore();
  const cite = await followListSettings(list, () => t('libraryTitle'), notices);
  onListChanged((ids) => void list.refresh(ids));
  // One render with the first records, not an empty page first (a slow database: "Loading…").
  await firstScreenIn(list, FIRST_SCREEN_WAIT);
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
        // The write starts first and the list shows the names at once; the settings change
        // notice follows with the same tables.
        const stored = updateSettings(tables);
        list.setTables(tables);
        await stored;
      }}
      cite={cite}
      notices={notices}
      secondaryReady={listShown}
    />,
    document.getElementById('app')!,
  );
  await prepareWhenIdle(list, loaded);
}

void start();
