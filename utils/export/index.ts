/**
 * Export and import of the reading list, for extension pages (library, options). Pure functions
 * over SavedPublication[] (no DOM, no browser API: they run in Node too); writing to the database
 * goes through utils/db's previewImport and importPublications, which the extension pages run in
 * their import worker (utils/stores/import-worker.ts). The BibTeX and RIS code loads only when one
 * of those formats is used. Formats, and which fields each carries (`CARRIED_FIELDS`), are described in
 * utils/export/README.md.
 */
import { type SavedPublication, ImportError, validateRecords } from '@/utils/record';
import { fromBackup, toBackupJson, BACKUP_FORMAT } from './backup';
import { fromCslItems, toCslJson } from './csl';
import { toCsv } from './csv';

import type { ExportFormat } from './fields';

export { ImportError, validateRecords, type ValidationIssue } from '@/utils/record';
export { CARRIED_FIELDS, type ExportFormat } from './fields';
export type ImportFormat = 'leesmap-json' | 'csl-json' | 'bibtex' | 'ris';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['leesmap-json', 'csl-json', 'bibtex', 'ris', 'csv'];

const FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  'leesmap-json': { extension: 'leesmap.json', mimeType: 'application/json' },
  'csl-json': { extension: 'csl.json', mimeType: 'application/vnd.citationstyles.csl+json' },
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
};

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** The list (or a selection) as a file in one format; name like `leesmap-2026-11-29.bib`. */
export async function exportRecords(
  records: SavedPublication[],
  format: ExportFormat,
  now: number = Date.now(),
): Promise<ExportFile> {
  const { extension, mimeType } = FILE_TYPES[format];
  const filename = `leesmap-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
  let content: string;
  switch (format) {
    case 'leesmap-json':
      content = toBackupJson(records, now);
      break;
    case 'csl-json':
      content = toCslJson(records);
      break;
    case 'csv':
      content = toCsv(records);
      break;
    case 'bibtex':
      content = (await import('./bibliographic')).toBibtex(records);
      break;
    case 'ris':
      content = (await import('./bibliographic')).toRis(records);
      break;
  }
  return { filename, mimeType, content };
}

/** Guesses a file's format from its content (the file name is not trusted). */
export function detectImportFormat(text: string): ImportFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    return start.startsWith('{') && start.slice(0, 2000).includes(`"${BACKUP_FORMAT}"`)
      ? 'leesmap-json'
      : 'csl-json';
  }
  if (/^TY {2}- /m.test(start.slice(0, 5000))) return 'ris';
  if (/^\s*@[a-z]+\s*[{(]/im.test(start.slice(0, 5000))) return 'bibtex';
  return undefined;
}

/**
 * Reads an import file into validated records, ready for utils/db's previewImport and importPublications. All or nothing: any
 * problem throws an ImportError naming record and field; nothing is returned half-read.
 */
export async function importText(
  text: string,
  format: ImportFormat | undefined = detectImportFormat(text),
  now: number = Date.now(),
): Promise<{ format: ImportFormat; records: SavedPublication[] }> {
  const body = text.replace(/^\uFEFF/, '');
  if (!format) {
    throw new ImportError([
      { index: -1, field: 'file', message: 'is not a Leesmap backup, CSL-JSON, BibTeX or RIS file' },
    ]);
  }
  let records: SavedPublication[];
  switch (format) {
    case 'leesmap-json':
      records = fromBackup(parseJson(body));
      break;
    case 'csl-json': {
      const data = parseJson(body);
      const items = Array.isArray(data) ? data : [data];
      const { records: converted, problems } = fromCslItems(items, now);
      if (problems.length) throw new ImportError(problems);
      records = validateRecords(converted);
      break;
    }
    case 'bibtex':
      records = validateRecords((await import('./bibliographic')).fromBibtex(body, now));
      break;
    case 'ris':
      records = validateRecords((await import('./bibliographic')).fromRis(body, now));
      break;
  }
  return { format, records };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError([
      {
        index: -1,
        field: 'file',
        message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      },
    ]);
  }
}
