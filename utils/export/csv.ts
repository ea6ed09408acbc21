/**
 * The reading list as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a
 * comma, quote, CR or LF, quotes doubled. Lists are joined with "; ". Text that a spreadsheet
 * would run as a formula (starting with = + - @ or a tab/CR) is prefixed with an apostrophe:
 * titles and notes come from web pages and must not become formulas when the file is opened.
 */
import { EDITABLE_FIELDS, type SavedPublication, sanitizeForExport } from '@/utils/record';

/** The record's fields (utils/record `RECORD_FIELDS`) in the order a spreadsheet shows them: what the reader can edit first. */
export const CSV_COLUMNS = [
  ...EDITABLE_FIELDS,
  'url',
  'canonicalUrl',
  'doi',
  'isbn',
  'pdfUrl',
  'status',
  'starred',
  'tags',
  'notes',
  'savedAt',
  'updatedAt',
  'lastVisitedAt',
  'id',
] as const satisfies readonly (keyof SavedPublication)[];

const TIME_COLUMNS = new Set(['savedAt', 'updatedAt', 'lastVisitedAt']);

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(record: SavedPublication, column: (typeof CSV_COLUMNS)[number]): string {
  const value = record[column];
  if (value === undefined || value === null) return '';
  if (TIME_COLUMNS.has(column) && typeof value === 'number') return new Date(value).toISOString();
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

export function toCsv(records: SavedPublication[]): string {
  // sanitizeForExport: no bidi control and no non-http address, whatever an older version stored.
  const rows = [
    CSV_COLUMNS.join(','),
    ...records
      .map(sanitizeForExport)
      .map((record) => CSV_COLUMNS.map((c) => csvField(cell(record, c))).join(',')),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/** Parses RFC 4180 text into rows of fields (used by tests and by anyone checking an export). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
