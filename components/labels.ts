/** Interface names for reading statuses and publication types. */
import { t, type MessageKey } from '@/utils/i18n';
import type { ReadingStatus } from '@/utils/record';

export { KNOWN_TYPES, typeLabel } from '@/utils/type-labels';

const STATUS_KEYS: Record<ReadingStatus, MessageKey> = {
  'to-read': 'statusToRead',
  reading: 'statusReading',
  read: 'statusRead',
};

export function statusLabel(status: ReadingStatus): string {
  return t(STATUS_KEYS[status] ?? 'statusToRead');
}
