/**
 * The reader's preferences, kept in `browser.storage.local` (small, synchronous-feeling, readable
 * by every extension context). Publications live in IndexedDB (utils/db.ts), not here.
 */
export interface Settings {
  /** Save detected publications without a click. */
  autoSave: boolean;
  /** Run the first check on every site (needs the optional <all_urls> permission). */
  detectEverywhere: boolean;
  /** Interface language: the browser's, or a fixed one. */
  uiLanguage: 'auto' | 'nl' | 'en';
}

export const DEFAULT_SETTINGS: Settings = { autoSave: false, detectEverywhere: false, uiLanguage: 'auto' };

const KEY = 'settings';

/** Keeps only known keys with values of the right type, so a bad stored value can't break a context. */
export function normaliseSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    autoSave: typeof v.autoSave === 'boolean' ? v.autoSave : DEFAULT_SETTINGS.autoSave,
    detectEverywhere:
      typeof v.detectEverywhere === 'boolean' ? v.detectEverywhere : DEFAULT_SETTINGS.detectEverywhere,
    uiLanguage: v.uiLanguage === 'nl' || v.uiLanguage === 'en' ? v.uiLanguage : 'auto',
  };
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normaliseSettings(stored[KEY]);
}

export async function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = normaliseSettings({ ...(await getSettings()), ...changes });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(normaliseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
