/**
 * The reader's preferences, kept in `browser.storage.local` (small, synchronous-feeling, readable
 * by every extension context). Publications live in IndexedDB (utils/db.ts), not here.
 *
 * The theme and publisher name tables live here too, not in the records: a rename or merge is one
 * small write, applies to every record saved before and after, and is undone by removing the row.
 */
export type CitationStyle = 'apa' | 'apa-nl';
export const CITATION_STYLES: readonly CitationStyle[] = ['apa', 'apa-nl'];

export interface Settings {
  /** Save detected publications without a click. */
  autoSave: boolean;
  /** Run the first check on every site (needs the optional <all_urls> permission). */
  detectEverywhere: boolean;
  /** Interface language: the browser's, or a fixed one. */
  uiLanguage: 'auto' | 'nl' | 'en';
  /** What "Copy citation" writes: APA 7 in English, or APA 7 with Dutch terms. */
  citationStyle: CitationStyle;
  /** Theme as stored (folded key) → the name the reader wants shown: renames, merges, translations. */
  themeAliases: Record<string, string>;
  /** Publisher as stored (folded key) → the name the reader wants shown, over the built-in table. */
  publisherNames: Record<string, string>;
  /** Hosts the reader added in the options ("add this site"), beyond the built-in publisher list. */
  extraSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  autoSave: false,
  detectEverywhere: false,
  uiLanguage: 'auto',
  citationStyle: 'apa',
  themeAliases: {},
  publisherNames: {},
  extraSites: [],
};

const KEY = 'settings';
/** A table is the reader's own typing; these bounds only keep a corrupted value from hurting. */
const MAX_TABLE_ROWS = 2_000;
const MAX_NAME_CHARS = 200;

/** A string → string table with bounded size; anything else is dropped. */
function normaliseTable(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, name] of Object.entries(value).slice(0, MAX_TABLE_ROWS)) {
    if (typeof name !== 'string' || key === '' || key === '__proto__') continue;
    const clean = name.trim().slice(0, MAX_NAME_CHARS);
    if (clean) out[key.slice(0, MAX_NAME_CHARS)] = clean;
  }
  return out;
}

/** A host name as typed or taken from an address: lower case, no www., no port; '' when not one. */
export function siteHost(input: string): string {
  let host = input.trim().toLowerCase();
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    return '';
  }
  host = host
    .replace(/\/.*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\./, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : '';
}

function normaliseHosts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const hosts = value.filter((v): v is string => typeof v === 'string').map(siteHost);
  return [...new Set(hosts.filter(Boolean))].slice(0, 200);
}

/** Keeps only known keys with values of the right type, so a bad stored value can't break a context. */
export function normaliseSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    autoSave: typeof v.autoSave === 'boolean' ? v.autoSave : DEFAULT_SETTINGS.autoSave,
    detectEverywhere:
      typeof v.detectEverywhere === 'boolean' ? v.detectEverywhere : DEFAULT_SETTINGS.detectEverywhere,
    uiLanguage: v.uiLanguage === 'nl' || v.uiLanguage === 'en' ? v.uiLanguage : 'auto',
    citationStyle: CITATION_STYLES.includes(v.citationStyle as CitationStyle)
      ? (v.citationStyle as CitationStyle)
      : DEFAULT_SETTINGS.citationStyle,
    themeAliases: normaliseTable(v.themeAliases),
    publisherNames: normaliseTable(v.publisherNames),
    extraSites: normaliseHosts(v.extraSites),
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
