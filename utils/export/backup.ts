/**
 * The Leesmap backup: everything in the reading list, reader fields included, as one JSON file
 * that a later Leesmap restores losslessly. Format (version 1):
 *
 *   {
 *     "format": "leesmap-backup",
 *     "version": 1,
 *     "exportedAt": "2026-11-29T04:00:00.000Z",   // ISO 8601
 *     "count": 2,                                // number of records, checked on restore
 *     "records": [ SavedPublication, ... ]       // see utils/record/shapes.ts
 *   }
 *
 * A record is a SavedPublication: the extracted publication (url, title, authors, themes, ...) plus
 * the reader's fields (status, notes, tags, starred, editedFields) and times in epoch milliseconds
 * (savedAt, updatedAt, lastVisitedAt). A later format version gets a new number and a converter
 * from this one; this one is never changed.
 */
import { type SavedPublication, ImportError, validateRecords, sanitizeForExport } from '@/utils/record';

export const BACKUP_FORMAT = 'leesmap-backup';
export const BACKUP_VERSION = 1;

export interface LeesmapBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  count: number;
  records: SavedPublication[];
}

export function toBackup(records: SavedPublication[], now: number = Date.now()): LeesmapBackup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    count: records.length,
    // Whatever an older version stored: no bidi control and no non-http address leaves in a file.
    records: records.map(sanitizeForExport),
  };
}

export function toBackupJson(records: SavedPublication[], now: number = Date.now()): string {
  return `${JSON.stringify(toBackup(records, now), null, 1)}\n`;
}

function refuse(field: string, message: string): never {
  throw new ImportError([{ index: -1, field, message }]);
}

/** Reads a backup file; throws an ImportError saying what is wrong and where. Nothing is trusted. */
export function fromBackupJson(text: string): SavedPublication[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    refuse('file', `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return fromBackup(data);
}

export function fromBackup(data: unknown): SavedPublication[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    refuse('file', 'is not a Leesmap backup');
  const backup = data as Record<string, unknown>;
  if (backup.format !== BACKUP_FORMAT) refuse('format', `must be "${BACKUP_FORMAT}"`);
  if (backup.version !== BACKUP_VERSION) {
    refuse(
      'version',
      `${String(backup.version)} is not supported (this Leesmap reads version ${BACKUP_VERSION})`,
    );
  }
  if (!Array.isArray(backup.records)) refuse('records', 'must be a list');
  if (backup.count !== undefined && backup.count !== backup.records.length) {
    refuse(
      'count',
      `says ${String(backup.count)} records but the file holds ${backup.records.length} (cut short?)`,
    );
  }
  return validateRecords(backup.records);
}
