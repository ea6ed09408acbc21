/**
 * Export and import as the extension pages offer them: every format of utils/export (Leesmap
 * JSON, CSL-JSON, BibTeX, RIS and CSV out; all but CSV in). citation-js, which BibTeX and RIS
 * need, loads only when one of those is used (utils/export imports it on demand).
 *
 * `createExportStore` and `createImportStore` hold the panels' state as signals and do the work
 * in actions, so tests drive them without rendering. An import is read and validated here, then
 * previewed (how many records are new, updated, unchanged or go, and which fields change) and
 * written only when the reader confirms: by the page itself, through utils/db in one transaction
 * under the same merge rules (no message size limit for a 100,000-record backup), and it can be
 * undone once. A bad file writes nothing and the reader sees each problem with its record and
 * field, framed in their language.
 */
import { batch, signal } from '@preact/signals';
import {
  EXPORT_FORMATS,
  exportRecords,
  ImportError,
  type ExportFile,
  type ExportFormat,
  type ImportFormat,
  type ValidationIssue,
} from '@/utils/export';
import type { ImportMode, ImportPreview, ImportResult } from '@/utils/db';
import { CARRIED_FIELDS } from '@/utils/export/fields';
import { formatNumber, t, type MessageKey } from '@/utils/i18n';
import { RECORD_FIELDS, type SavedPublication } from '@/utils/record';
import { UnknownFormatError, type ImportPorts } from './import-file';
import ImportWorker from './import-worker?worker';

export type PageExportFormat = ExportFormat;
export type PageImportFormat = ImportFormat;
export type ExportedFile = ExportFile;
export type { ImportMode } from '@/utils/db';

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

/** An import file larger than this is refused before reading (a 100,000-record backup is ~100 MB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Problems listed one by one; the rest are counted. */
const SHOWN_PROBLEMS = 10;

export function exportFile(
  records: SavedPublication[],
  format: PageExportFormat,
  now: number = Date.now(),
): Promise<ExportedFile> {
  return exportRecords(records, format, now);
}

export { detectFileFormat, importFile, localImportPorts, type ImportPorts } from './import-file';

/** Fields the preview names when a format cannot carry them: all but addresses, title, ids, times and who added it. */
const NOT_NAMED = new Set<string>([
  'url',
  'canonicalUrl',
  'title',
  'year',
  'editedFields',
  'id',
  'savedAt',
  'updatedAt',
  'lastVisitedAt',
  'addedBy',
]);

/** Fields of a Leesmap record that `format` cannot carry, for the preview. */
export function lackingFields(format: PageImportFormat): string[] {
  const carried = new Set<string>(CARRIED_FIELDS[format]);
  return RECORD_FIELDS.filter((field) => !NOT_NAMED.has(field) && !carried.has(field));
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
    if (error.issues.length > SHOWN_PROBLEMS)
      lines.push(t('importIssuesMore', formatNumber(error.issues.length - SHOWN_PROBLEMS)));
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
  ports: ImportPorts;
  now?: () => number;
}

/**
 * Check and write in a Web Worker (utils/stores/import-worker.ts), which opens the database itself:
 * the page's main thread only sends the file's text and shows the answers. One worker per panel.
 */
export function workerImportPorts(
  rest: Pick<ImportPorts, 'undo' | 'lastImport' | 'interrupted'>,
  around: { beforeWrite(): Promise<void>; afterWrite(): Promise<void> },
): ImportPorts {
  let worker: Worker | undefined;
  const ask = <T>(request: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      worker ??= new ImportWorker();
      const current = worker;
      current.onmessage = (event: MessageEvent) => {
        const reply = event.data as {
          ok: boolean;
          issues?: ValidationIssue[];
          unknownFormat?: boolean;
          error?: string;
        };
        if (reply.ok) resolve(reply as T);
        else if (reply.issues) reject(new ImportError(reply.issues));
        else if (reply.unknownFormat) reject(new UnknownFormatError());
        else reject(new Error(reply.error ?? 'the import failed'));
      };
      current.onerror = (event) => {
        worker = undefined;
        current.terminate();
        reject(new Error(event.message || 'the import failed'));
      };
      current.postMessage(request);
    });
  return {
    ...rest,
    check: (text, name, mode, now) => ask({ op: 'check', text, name, mode, now }),
    async write() {
      await around.beforeWrite();
      try {
        return (await ask<{ result: ImportResult }>({ op: 'write' })).result;
      } finally {
        await around.afterWrite();
      }
    },
    discard() {
      worker?.postMessage({ op: 'discard' });
    },
  };
}

/** What the reader confirms: the counts, the fields that change, and what the file's format cannot carry. */
export interface PendingImport extends ImportPreview {
  format: PageImportFormat;
  mode: ImportMode;
  /** Leesmap fields the file's format does not carry: left as they are in the list. */
  lacking: string[];
}

/** The busy flag, the message and the problems of a panel, and its one way of running a step. */
function createPanelSteps() {
  const busy = signal(false);
  const message = signal('');
  /** Each problem of a refused file, as text; empty when the last import went well. */
  const problems = signal<string[]>([]);

  function fail(e: unknown): void {
    const refused = e instanceof ImportError || e instanceof UnknownFormatError;
    batch(() => {
      // A refused file changed nothing; a failed write changed nothing either (one transaction).
      message.value = refused ? t('importRefused') : t('importFailed', errorMessage(e));
      problems.value = refused ? describeImportProblems(e) : [];
    });
  }

  /** Runs one step with the panel busy; a failure is said (`fail`) and makes it false. */
  async function step(starting: string, work: () => Promise<void>): Promise<boolean> {
    if (busy.peek()) return false;
    batch(() => {
      busy.value = true;
      message.value = starting;
      problems.value = [];
    });
    try {
      await work();
      return true;
    } catch (e) {
      fail(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, message, problems, step };
}

/** Reads the file and has the ports compare it with the list: what the reader is asked to confirm. */
async function readAndPreview(
  ports: ImportPorts,
  chosen: ImportSource,
  mode: ImportMode,
  now: number,
): Promise<PendingImport> {
  if (chosen.size > MAX_IMPORT_BYTES) {
    throw new ImportError([
      { index: -1, field: chosen.name, message: `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` },
    ]);
  }
  const { format, preview } = await ports.check(await chosen.text(), chosen.name, mode, now);
  return { ...preview, format, mode, lacking: lackingFields(format) };
}

/** Whether the last import can be undone, and undoing it. */
function createUndo(
  ports: ImportPorts,
  step: ReturnType<typeof createPanelSteps>['step'],
  message: ReturnType<typeof createPanelSteps>['message'],
) {
  const canUndo = signal(false);

  async function refreshUndo(): Promise<void> {
    canUndo.value = (await ports.lastImport().catch(() => undefined)) !== undefined;
  }

  /** Puts the list back as it was before the last import. */
  function undo(): Promise<boolean> {
    return step('', async () => {
      const { removed, restored } = await ports.undo();
      message.value = t('importUndone', formatNumber(removed), formatNumber(restored));
      await refreshUndo();
    });
  }

  return { canUndo, refreshUndo, undo };
}

export function createImportStore({ ports, now = Date.now }: ImportStoreOptions) {
  const file = signal<ImportSource | undefined>(undefined);
  const mode = signal<ImportMode>('merge');
  const { busy, message, problems, step } = createPanelSteps();
  const pending = signal<PendingImport | undefined>(undefined);
  const { canUndo, refreshUndo, undo } = createUndo(ports, step, message);

  function chooseFile(next: ImportSource | undefined): void {
    batch(() => {
      file.value = next;
      message.value = '';
      problems.value = [];
      pending.value = undefined;
    });
  }

  /** On opening the panel: whether an import was cut off, and whether one can be undone. */
  async function start(): Promise<void> {
    if (await ports.interrupted().catch(() => false)) message.value = t('importInterrupted');
    await refreshUndo();
  }

  /** Reads and validates the chosen file and shows what importing it would change; writes nothing. */
  function check(): Promise<boolean> {
    const chosen = file.peek();
    if (!chosen) return Promise.resolve(false);
    return step(t('importWorking'), async () => {
      pending.value = undefined;
      const next = await readAndPreview(ports, chosen, mode.peek(), now());
      batch(() => {
        pending.value = next;
        message.value = '';
      });
    });
  }

  /** Writes the previewed import; true when the list was changed. */
  function confirm(): Promise<boolean> {
    const plan = pending.peek();
    if (!plan) return Promise.resolve(false);
    return step(t('importWriting'), async () => {
      const result = await ports.write();
      batch(() => {
        message.value = importDoneMessage(plan, result);
        pending.value = undefined;
      });
      await refreshUndo();
    });
  }

  function cancel(): void {
    ports.discard();
    batch(() => {
      pending.value = undefined;
      message.value = t('importCancelled');
    });
  }

  return {
    file,
    mode,
    busy,
    message,
    problems,
    pending,
    canUndo,
    chooseFile,
    start,
    check,
    confirm,
    cancel,
    undo,
  };
}

function importDoneMessage(plan: PendingImport, result: ImportResult): string {
  return t(
    'importDoneFrom',
    t(FORMAT_LABELS[plan.format]),
    formatNumber(result.added),
    formatNumber(result.updated),
    formatNumber(result.unchanged),
  );
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type ImportStore = ReturnType<typeof createImportStore>;
