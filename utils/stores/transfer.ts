/**
 * Export and import as the extension pages offer them. These use utils/export's format modules
 * directly rather than its index: the index reaches BibTeX/RIS through citation-js, whose
 * @citation-js/core imports node-fetch and sync-fetch, which do not bundle for the browser (the
 * build fails on node:http). Until that is shimmed, the pages offer the formats that need no
 * citation-js: Leesmap JSON, CSL-JSON and CSV out; Leesmap JSON and CSL-JSON in.
 */
import { BACKUP_FORMAT, fromBackup, toBackupJson } from '@/utils/export/backup';
import { fromCslItems, toCslJson } from '@/utils/export/csl';
import { toCsv } from '@/utils/export/csv';
import { ImportError, validateRecords } from '@/utils/export/validate';
import type { SavedPublication } from '@/utils/publication';

export type PageExportFormat = 'leesmap-json' | 'csl-json' | 'csv';
export const PAGE_EXPORT_FORMATS: readonly PageExportFormat[] = ['leesmap-json', 'csl-json', 'csv'];

const FILE_TYPES: Record<PageExportFormat, { extension: string; mimeType: string }> = {
  'leesmap-json': { extension: 'leesmap.json', mimeType: 'application/json' },
  'csl-json': { extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
};

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

export function exportFile(records: SavedPublication[], format: PageExportFormat, now: number = Date.now()): ExportedFile {
  const { extension, mimeType } = FILE_TYPES[format];
  const content =
    format === 'leesmap-json' ? toBackupJson(records, now) : format === 'csl-json' ? toCslJson(records) : toCsv(records);
  return { filename: `leesmap-${new Date(now).toISOString().slice(0, 10)}.${extension}`, mimeType, content };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError([
      { index: -1, field: 'file', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` },
    ]);
  }
}

/** Validated records from a Leesmap backup or CSL-JSON file (the format is read from the content). */
export function importFile(text: string, now: number = Date.now()): SavedPublication[] {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) {
    throw new ImportError([{ index: -1, field: 'file', message: 'is not a Leesmap backup or CSL-JSON file' }]);
  }
  const data = parseJson(body);
  if (!Array.isArray(data) && typeof data === 'object' && data !== null && (data as { format?: unknown }).format === BACKUP_FORMAT) {
    return fromBackup(data);
  }
  const { records, problems } = fromCslItems(Array.isArray(data) ? data : [data], now);
  if (problems.length) throw new ImportError(problems);
  return validateRecords(records);
}
