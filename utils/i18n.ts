/**
 * Interface text in Dutch and English. `t(key, ...subs)` asks `browser.i18n.getMessage` (the
 * browser's language decides), unless the reader chose a fixed language in the options: then the
 * same `_locales` files, bundled into the page at build time (no fetch), answer instead.
 *
 * The chosen language lives in a signal, so components that call `t` re-render when it changes.
 */
import { signal } from '@preact/signals';
import en from '@/public/_locales/en/messages.json';
import nl from '@/public/_locales/nl/messages.json';
import type { Settings } from '@/utils/settings';

export type InterfaceLanguage = 'nl' | 'en';
export type MessageKey = keyof typeof en;

interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type LocaleMessages = Record<string, LocaleMessage>;

const BUNDLED: Record<InterfaceLanguage, LocaleMessages> = { en, nl };

/** The reader's override; undefined follows the browser. */
export const languageOverride = signal<InterfaceLanguage | undefined>(undefined);

export function setInterfaceLanguage(choice: Settings['uiLanguage']): void {
  languageOverride.value = choice === 'nl' || choice === 'en' ? choice : undefined;
}

function browserI18n(): typeof browser.i18n | undefined {
  try {
    return typeof browser !== 'undefined' ? browser.i18n : undefined;
  } catch {
    return undefined;
  }
}

/** The language the interface speaks right now. */
export function interfaceLanguage(): InterfaceLanguage {
  const chosen = languageOverride.value;
  if (chosen) return chosen;
  const ui =
    browserI18n()?.getUILanguage?.() ?? (typeof navigator !== 'undefined' ? navigator.language : 'en');
  return ui.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** BCP 47 tag for Intl formatting and the document's `lang`. */
export function interfaceLocale(): string {
  return interfaceLanguage() === 'nl' ? 'nl-NL' : 'en-GB';
}

/** Same substitution rules as Chrome's i18n: named `$NAME$` placeholders, then `$1`..`$9`, `$$`. */
export function formatMessage(entry: LocaleMessage | undefined, subs: readonly string[]): string {
  if (!entry) return '';
  const placeholders = entry.placeholders ?? {};
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
    );
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$/g, (match, name: string | undefined) => {
    if (!name) return '$';
    const placeholder = placeholders[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : match;
  });
}

/** Interface text for `key` in the current language; substitutions are plain text. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  const chosen = languageOverride.value;
  if (!chosen) {
    // Untyped on purpose: WXT's generated key list lags behind the locale files until it regenerates.
    const i18n = browserI18n() as { getMessage?: (name: string, subs: string[]) => string } | undefined;
    const fromBrowser = i18n?.getMessage?.(key, strings);
    if (fromBrowser) return fromBrowser;
  }
  return formatMessage(BUNDLED[chosen ?? interfaceLanguage()][key], strings) || key;
}

/** A message in a given language, whatever the interface speaks (search matches both). */
export function messageIn(language: InterfaceLanguage, key: MessageKey, ...subs: string[]): string {
  return formatMessage(BUNDLED[language][key], subs);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A day such as "29 nov. 2026" / "29 Nov 2026". */
export function formatDate(epochMs: number): string {
  const locale = interfaceLocale();
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
    dateFormats.set(locale, format);
  }
  return Number.isFinite(epochMs) ? format.format(new Date(epochMs)) : '';
}

/** A count such as "10.000" / "10,000". */
export function formatNumber(value: number): string {
  const locale = interfaceLocale();
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** "A", "A and B", "A, B and C", or "A et al." past `max` names. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  const names = authors.filter((a) => typeof a === 'string' && a.trim() !== '');
  if (names.length === 0) return '';
  if (names.length === 1) return names[0];
  if (names.length > max) return t('authorsEtAl', names[0]);
  return t('authorsAnd', names.slice(0, -1).join(', '), names[names.length - 1]);
}

/** Storage and protocol failures arrive with a reason code (StorageError, Reply.code). */
const ERROR_KEYS: Record<string, MessageKey> = {
  quota: 'errorQuota',
  blocked: 'errorBlocked',
  version: 'errorVersion',
  'open-failed': 'errorOpenFailed',
  'not-found': 'errorNotFound',
  invalid: 'errorInvalid',
  forbidden: 'errorForbidden',
};

/** What to tell the reader about a failure: a translated sentence for known reasons, else its message. */
export function errorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in ERROR_KEYS) return t(ERROR_KEYS[code]);
  return error instanceof Error ? error.message : String(error);
}
