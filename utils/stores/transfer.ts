/**
 * Export and import as the extension pages offer them: every format of utils/export (Leesmap
 * JSON, CSL-JSON, BibTeX, RIS and CSV out; all but CSV in). citation-js, which BibTeX and RIS
 * need, loads only when one of those is used (utils/export imports it on demand).
 *
 * `createExportStore` and `createImportStore` hold the panels' state as signals and do the work
 * in actions, so tests drive them without rendering. Import is all or nothing: the whole file is read and validated
 * here before one 'page/import' message writes it; a bad file sends nothing and the reader sees
 * each problem with its record and field, framed in their language.
 */
import { batch, signal } from '@preact/signals';
import {
  detectImportFormat,
  EXPORT_FORMATS,
  exportRecords,
  ImportError,
  importText,
  type ExportFile,
  type ExportFormat,
  type ImportFormat,
  type ValidationIssue,
} from '@/utils/export';
import { formatNumber, t, type MessageKey } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/publication';
import type { Send } from './reading-list';

export type PageExportFormat = ExportFormat;
export type PageImportFormat = ImportFormat;
export type ExportedFile = ExportFile;
export type ImportMode = 'merge' | 'replace';

export const PAGE_EXPORT_FORMATS: readonly PageExportFormat[] = EXPORT_FORMATS;

export const FORMAT_LABELS: Record<PageExportFormat, MessageKey> = {
  'leesmap-json': 'formatLeesmapJson',
  'csl-json': 'formatCslJson',
  bibtex: 'formatBibtex',
  ris: 'formatRis',
  csv: 'formatCsv',
};

/** What the file picker offers: the import formats by extension and type (any file can still be chosen). */
export const IMPORT_ACCEPT = [
  '.json',
  '.bib',
  '.bibtex',
  '.ris',
  '.txt',
  'application/json',
  'application/vnd.citationstyles.csl+json',
  'application/x-bibtex',
  'application/x-research-info-systems',
].join(',');

/** An import file larger than this is refused before reading (a 10,000-record backup is ~10 MB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Problems listed one by one; the rest are counted. */
const SHOWN_PROBLEMS = 10;

export function exportFile(records: SavedPublication[], format: PageExportFormat, now: number = Date.now()): Promise<ExportedFile> {
  return exportRecords(records, format, now);
}

const FORMAT_BY_EXTENSION: ReadonlyArray<[RegExp, PageImportFormat]> = [
  [/\.leesmap\.json$/i, 'leesmap-json'],
  [/\.(csl\.)?json$/i, 'csl-json'],
  [/\.(bib|bibtex)$/i, 'bibtex'],
  [/\.ris$/i, 'ris'],
];

/**
 * The format of an import file: its content decides (a name can lie, and reference managers name
 * files freely); the extension is only asked when the content shows no known start.
 */
export function detectFileFormat(text: string, fileName = ''): PageImportFormat | undefined {
  return detectImportFormat(text) ?? FORMAT_BY_EXTENSION.find(([pattern]) => pattern.test(fileName))?.[1];
}

/** Validated records from an import file, ready for 'page/import'; throws ImportError naming what is wrong. */
export async function importFile(
  text: string,
  fileName = '',
  now: number = Date.now(),
): Promise<{ format: PageImportFormat; records: SavedPublication[] }> {
  const format = detectFileFormat(text, fileName);
  if (!format) throw new UnknownFormatError();
  return importText(text, format, now);
}

/** A file that is none of the import formats, by content or by name. */
export class UnknownFormatError extends Error {
  constructor() {
    super('not a Leesmap backup, CSL-JSON, BibTeX or RIS file');
    this.name = 'UnknownFormatError';
  }
}

/** One problem as the reader reads it: "Record 3, field year: must be a whole number…". */
export function describeIssue(issue: ValidationIssue): string {
  return issue.index < 0
    ? t('importIssueFile', issue.field, issue.message)
    : t('importIssueRecord', formatNumber(issue.index + 1), issue.field, issue.message);
}

/** The lines shown under "Import refused": each problem (bounded), then how many more. */
export function describeImportProblems(error: unknown): string[] {
  if (error instanceof ImportError) {
    const lines = error.issues.slice(0, SHOWN_PROBLEMS).map(describeIssue);
    if (error.issues.length > SHOWN_PROBLEMS) lines.push(t('importIssuesMore', formatNumber(error.issues.length - SHOWN_PROBLEMS)));
    return lines;
  }
  if (error instanceof UnknownFormatError) return [t('importUnknownFormat')];
  return [error instanceof Error ? error.message : String(error)];
}

/** What an import panel needs of a chosen file (a DOM File fits). */
export interface ImportSource {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface ExportStoreOptions {
  /** The records an export takes: the whole list, or the selection where the page has one. */
  records: () => SavedPublication[] | Promise<SavedPublication[]>;
  /** Hands the file to the reader (the page makes a download). */
  download: (file: ExportedFile) => void;
  now?: () => number;
}

export function createExportStore({ records, download, now = Date.now }: ExportStoreOptions) {
  const format = signal<PageExportFormat>('leesmap-json');
  const busy = signal(false);
  const message = signal('');
  const failed = signal(false);

  function report(text: string, isFailure: boolean) {
    batch(() => {
      message.value = text;
      failed.value = isFailure;
    });
  }

  /** Makes the file in the chosen format and hands it over; says how many records it holds. */
  async function exportNow(): Promise<void> {
    if (busy.peek()) return;
    busy.value = true;
    message.value = t('exportWorking');
    try {
      const list = await records();
      if (list.length === 0) return report(t('exportNothing'), true);
      download(await exportFile(list, format.peek(), now()));
      report(t('exportDone', formatNumber(list.length)), false);
    } catch (e) {
      report(t('errorGeneric', e instanceof Error ? e.message : String(e)), true);
    } finally {
      busy.value = false;
    }
  }

  return { format, busy, message, failed, exportNow };
}

export interface ImportStoreOptions {
  send: Send;
  now?: () => number;
}

export function createImportStore({ send, now = Date.now }: ImportStoreOptions) {
  const file = signal<ImportSource | undefined>(undefined);
  const mode = signal<ImportMode>('merge');
  const busy = signal(false);
  const message = signal('');
  /** Each problem of a refused file, as text; empty when the last import went well. */
  const problems = signal<string[]>([]);

  function chooseFile(next: ImportSource | undefined): void {
    batch(() => {
      file.value = next;
      message.value = '';
      problems.value = [];
    });
  }

  /** Reads, validates and sends the chosen file; true when the list was changed. */
  async function importNow(): Promise<boolean> {
    const chosen = file.peek();
    if (!chosen || busy.peek()) return false;
    batch(() => {
      busy.value = true;
      message.value = t('importWorking');
      problems.value = [];
    });
    try {
      if (chosen.size > MAX_IMPORT_BYTES) {
        throw new ImportError([
          { index: -1, field: chosen.name, message: `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
        ]);
      }
      const { format, records } = await importFile(await chosen.text(), chosen.name, now());
      const { added, updated } = await send('page/import', { records, mode: mode.peek() });
      message.value = t('importDoneFrom', t(FORMAT_LABELS[format]), formatNumber(added), formatNumber(updated));
      return true;
    } catch (e) {
      const refused = e instanceof ImportError || e instanceof UnknownFormatError;
      batch(() => {
        // A refused file changed nothing; anything else (the background failing) is said as is.
        message.value = refused ? t('importRefused') : t('importFailed', e instanceof Error ? e.message : String(e));
        problems.value = refused ? describeImportProblems(e) : [];
      });
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { file, mode, busy, message, problems, chooseFile, importNow };
}

export type ExportStore = ReturnType<typeof createExportStore>;
export type ImportStore = ReturnType<typeof createImportStore>;
