/**
 * What the popup and library take from the reader's settings: the interface language, the name
 * tables (applied to the list) and the citation style, kept current as settings change.
 */
import { setInterfaceLanguage } from '@/utils/i18n';
import type { NameTables } from '@/utils/record-view';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

export interface SettingsPorts {
  get: () => Promise<Settings>;
  onChange: (listener: (settings: Settings) => void) => void;
}

export function tablesOf(settings: Settings): NameTables {
  return { themeAliases: settings.themeAliases, publisherNames: settings.publisherNames };
}

/** Applies settings now and on every change; `current()` answers the latest. */
export async function followSettings(
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
