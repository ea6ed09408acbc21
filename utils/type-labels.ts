/**
 * Publication types by name, in the interface language and in both (search finds a report by
 * "rapport" and by "report", whatever language the interface speaks).
 */
import { messageIn, t, type MessageKey } from '@/utils/i18n';

const TYPE_KEYS: Record<string, MessageKey> = {
  essay: 'typeEssay',
  report: 'typeReport',
  article: 'typeArticle',
  'policy-brief': 'typePolicyBrief',
  advice: 'typeAdvice',
  'working-paper': 'typeWorkingPaper',
  book: 'typeBook',
  chapter: 'typeChapter',
  blog: 'typeBlog',
  other: 'typeOther',
};

export const KNOWN_TYPES = Object.keys(TYPE_KEYS);

/** The message key of a known type's name. */
export function typeLabelKey(type: string | undefined): MessageKey | undefined {
  return type && Object.hasOwn(TYPE_KEYS, type) ? TYPE_KEYS[type] : undefined;
}

/** Known types by name; anything else a page said is shown as it is (as text). */
export function typeLabel(type: string | undefined): string {
  if (!type) return '';
  const key = Object.hasOwn(TYPE_KEYS, type) ? TYPE_KEYS[type] : undefined;
  return key ? t(key) : type;
}

/** The type's names in Dutch and English, plus the stored value: what search matches it by. */
export function typeSearchText(type: string | undefined): string {
  if (!type) return '';
  const key = Object.hasOwn(TYPE_KEYS, type) ? TYPE_KEYS[type] : undefined;
  if (!key) return type;
  return [...new Set([type.replace(/-/g, ' '), messageIn('nl', key), messageIn('en', key)])].join(' ; ');
}
