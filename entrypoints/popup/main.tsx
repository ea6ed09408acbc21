import { render } from 'preact';
import '@/components/styles.css';
import { PopupApp } from '@/components/PopupApp';
import { ZoteroSend } from '@/components/ZoteroSend';
import { interfaceLanguage, setInterfaceLanguage, t } from '@/utils/i18n';
import { getSettings, onSettingsChanged } from '@/utils/settings';
import { createCurrentPageStore } from '@/utils/stores/current-page';
import { databaseSource, onListChanged, popupTabId, send, tabTitle } from '@/utils/stores/extension';
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

  // The list starts loading at once; settings only decide the language.
  const listLoaded = list.load();
  void current.load();
  setInterfaceLanguage((await getSettings().catch(() => undefined))?.uiLanguage ?? 'auto');
  onSettingsChanged((s) => setInterfaceLanguage(s.uiLanguage));
  document.documentElement.lang = interfaceLanguage();
  document.title = t('appTitle');

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
  render(
    <PopupApp
      current={current}
      list={list}
      suggestions={suggestions}
      openLibrary={() => openPage('/library.html')}
      openOptions={() => openPage('/options.html')}
      pageActions={
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
      }
    />,
    document.getElementById('app')!,
  );
  await listLoaded;
  // Build the search index while the reader looks, not on their first keystroke.
  const idle =
    (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ??
    ((cb) => setTimeout(cb, 50));
  idle(() => list.prepareSearch());
}

void start();
