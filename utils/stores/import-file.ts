/**
 * Reading an import file into validated records: the format from the content (the name only when
 * the content shows no known start), then parsed and checked. Used in the page's import worker
 * (utils/stores/import-worker.ts) and, in tests, directly.
 */
import { detectImportFormat, importText, type ImportFormat } from '@/utils/export';
import type { SavedPublication } from '@/utils/publication';

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
