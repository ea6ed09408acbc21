/**
 * What the popup and library take from the reader's settings: the interface language, the name
 * tables (applied to the list) and the citation style, kept current as settings change.
 */
import { interfaceLanguage, setInterfaceLanguage } from '@/utils/i18n';
import type { NameTables } from '@/utils/record-view';
import { DEFAULT_SETTINGS, getSettings, onSettingsChanged, type Settings } from '@/utils/settings';
import { createCiter, type Cite } from './cite';
import type { NoticeStore } from './notice';
import type { ReadingListStore } from './reading-list';

export interface SettingsPorts {
  get: () => Promise<Settings>;
  onChange: (listener: (settings: Settings) => void) => void;
}

function tablesOf(settings: Settings): NameTables {
  return { themeAliases: settings.themeAliases, publisherNames: settings.publisherNames };
}

/** Applies settings now and on every change; `current()` answers the latest. */
async function followSettings(
  ports: SettingsPorts,
  apply: (settings: Settings) => void,
): Promise<() => Settings> {
  let latest = await ports.get().catch(() => DEFAULT_SETTINGS);
  const use = (settings: Settings) => {
    latest = settings;
    setInterfaceLanguage(settings.uiLanguage);
    apply(settings);
  };
  use(latest);
  ports.onChange(use);
  return () => latest;
}

/**
 * A page with the reading list (popup, library): the reader's names applied to the list, and the
 * language and `title` to the page, now and on every change; "copy citation" in the chosen style.
 */
export async function followListSettings(
  list: ReadingListStore,
  title: () => string,
  notices: NoticeStore,
): Promise<Cite> {
  const settings = await followSettings({ get: getSettings, onChange: onSettingsChanged }, (s) => {
    list.setTables(tablesOf(s));
    document.documentElement.lang = interfaceLanguage();
    document.title = title();
  });
  return createCiter({
    style: () => settings().citationStyle,
    publisherNames: () => settings().publisherNames,
    writeText: (text) => navigator.clipboard.writeText(text),
    notices,
  });
}
