/** Interface names for reading statuses and publication types. */
import { t, type MessageKey } from '@/utils/i18n';
import type { ReadingStatus } from '@/utils/publication';

const STATUS_KEYS: Record<ReadingStatus, MessageKey> = {
  'to-read': 'statusToRead',
  reading: 'statusReading',
  read: 'statusRead',
};

export function statusLabel(status: ReadingStatus): string {
  return t(STATUS_KEYS[status] ?? 'statusToRead');
}

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

/** Known types by name; anything else a page said is shown as it is (as text). */
export function typeLabel(type: string | undefined): string {
  if (!type) return '';
  const key = TYPE_KEYS[type];
  return key ? t(key) : type;
}
