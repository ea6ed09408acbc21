/**
 * Reading an import file into validated records: the format from the content (the name only when
 * the content shows no known start), then parsed and checked; and import ports that run a whole
 * import in the thread they are in. Used in the page's import worker (utils/stores/import-worker.ts)
 * and, in tests, directly. Imports nothing that needs a page.
 */
import type { ImportMode, ImportPreview, ImportResult } from '@/utils/db';
import { detectImportFormat, importText, type ImportFormat } from '@/utils/export';
import type { SavedPublication } from '@/utils/record';

type PageImportFormat = ImportFormat;

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

/** Validated records from an import file, ready to preview and write; throws ImportError naming what is wrong. */
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

/** The database functions the local import ports call. */
export interface ImportDatabase {
  preview(records: SavedPublication[], mode: ImportMode, readerFields: boolean): Promise<ImportPreview>;
  /** Writes the records; `previewed` is what `preview` answered for them (the write may reuse its plan). */
  write(
    records: SavedPublication[],
    mode: ImportMode,
    readerFields: boolean,
    previewed?: ImportPreview,
  ): Promise<ImportResult>;
  undo(): Promise<{ removed: number; restored: number }>;
  lastImport(): Promise<{ at: number } | undefined>;
}

/** Import ports that do everything in this thread, on `db`: for tests. */
export function localImportPorts(db: ImportDatabase): ImportPorts {
  let checked:
    | { records: SavedPublication[]; mode: ImportMode; readerFields: boolean; preview: ImportPreview }
    | undefined;
  return {
    async check(text, name, mode, now) {
      checked = undefined;
      const { format, records } = await importFile(text, name, now);
      const readerFields = format === 'leesmap-json';
      const preview = await db.preview(records, mode, readerFields);
      checked = { records, mode, readerFields, preview };
      return { format, preview };
    },
    async write() {
      if (!checked) throw new Error('There is no checked file to import');
      const { records, mode, readerFields, preview } = checked;
      checked = undefined;
      return db.write(records, mode, readerFields, preview);
    },
    discard() {
      checked = undefined;
    },
    undo: () => db.undo(),
    lastImport: () => db.lastImport(),
    interrupted: async () => false,
  };
}

/**
 * How an import reaches the list: `utils/stores/extension.ts` runs it in a worker on the database
 * (`workerImportPorts`) and tells the background; tests run it here (`localImportPorts`).
 */
export interface ImportPorts {
  /** Reads and checks the file and compares it with the list; writes nothing. Keeps the records for `write`. */
  check(
    text: string,
    name: string,
    mode: ImportMode,
    now: number,
  ): Promise<{ format: PageImportFormat; preview: ImportPreview }>;
  /** Writes what the last `check` read, in its mode: one transaction. */
  write(): Promise<ImportResult>;
  /** Forgets what the last `check` read. */
  discard(): void;
  undo(): Promise<{ removed: number; restored: number }>;
  /** The last import that can be undone, if any. */
  lastImport(): Promise<{ at: number } | undefined>;
  /** An import that began and never ended (the page was closed or crashed while writing). */
  interrupted(): Promise<boolean>;
}
