import { render } from 'preact';
import '@/components/styles.css';
import { PopupApp } from '@/components/PopupApp';
import { ZoteroSend } from '@/components/ZoteroSend';
import { syncNoticePorts } from '@/utils/zotero/sync-ports';
import { zoteroTurnedOn } from '@/utils/zotero/switch';
import { t } from '@/utils/i18n';
import { createCurrentPageStore } from '@/utils/stores/current-page';
import { databaseSource, onListChanged, popupTabId, send, tabTitle } from '@/utils/stores/extension';
import { prepareWhenIdle } from '@/utils/stores/idle';
import { createNoticeStore } from '@/utils/stores/notice';
import { followListSettings } from '@/utils/stores/page-settings';
import { markFirstListPaint } from '@/utils/stores/paint-mark';
import { createReadingListStore } from '@/utils/stores/reading-list';
import { createSuggestionsStore } from '@/utils/stores/suggestions';
import { suggestionLoader, suggestionSaver } from '@/utils/stores/suggestion-source';

async function start() {
  const current = createCurrentPageStore({ send, tabId: () => popupTabId(), tabTitle });
  const list = createReadingListStore({ source: databaseSource(), send });
  markFirstListPaint(list);
  const suggestions = createSuggestionsStore({
    load: suggestionLoader(send),
    dismiss: async (id) => void (await send('page/dismiss-suggestion', { id })),
    save: suggestionSaver(send),
  });
  const notices = createNoticeStore();

  // The list starts loading at once; settings decide the language, names and citation style.
  const listLoaded = list.load();
  void current.load();
  // The Zotero button only once the reader turned Zotero on (options): it costs the list a row.
  const zoteroOn = zoteroTurnedOn().catch(() => false);
  const cite = await followListSettings(list, () => t('appTitle'), notices);

  onListChanged((ids) => {
    void list.refresh(ids).then(async () => {
      for (const id of ids) current.recordChanged(list.byId.peek().get(id), id);
    });
  });

  const openPage = (path: string) => {
    void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)(path) });
    // A real popup closes; popup.html opened in a tab (tests) stays.
    if (!new URLSearchParams(location.search).has('tabId')) window.close();
  };
  const site = () => {
    const url = current.tab.peek()?.url;
    return url ? `#site=${encodeURIComponent(url)}` : '';
  };
  render(
    <PopupApp
      current={current}
      list={list}
      suggestions={suggestions}
      notices={notices}
      cite={cite}
      openLibrary={() => openPage('/library.html')}
      openOptions={() => openPage(`/options.html${site()}`)}
      syncNotice={syncNoticePorts}
      pageActions={
        (await zoteroOn) && (
          <ZoteroSend
            idPrefix="popup"
            label={() => t('zoteroSend')}
            disabled={() => current.phase.value !== 'ready'}
            pdfUrls={() =>
              [current.saved.value?.pdfUrl ?? current.publication.value?.pdfUrl ?? ''].filter(Boolean)
            }
            request={(origins) => browser.permissions.request({ origins })}
            send={async (attachPdf) =>
              send('page/zotero-send', { tabId: (await popupTabId()) ?? -1, attachPdf })
            }
          />
        )
      }
    />,
    document.getElementById('app')!,
  );
  await prepareWhenIdle(list, listLoaded);
}

void start();
