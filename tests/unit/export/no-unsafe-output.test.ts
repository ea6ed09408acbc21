/**
 * What an export writes never holds a bidi control (or any other invisible format or control
 * character) nor a javascript:, data:, vbscript: or other non-http(s) address, even for records
 * that never passed the sanitiser (a record an older version stored). Generated records go
 * straight to the exporters: Leesmap JSON backup, CSL-JSON, CSV, BibTeX and RIS.
 */
import fc from 'fast-check';
import { schemeAttack } from '../hostile-addresses';
import { describe, expect, it } from 'vitest';
import { exportRecords, type ExportFormat } from '@/utils/export';
import { toBackupJson } from '@/utils/export/backup';
import { toBibtex, toRis } from '@/utils/export/bibliographic';
import { toCslJson } from '@/utils/export/csl';
import { CSV_COLUMNS, parseCsv, toCsv } from '@/utils/export/csv';
import { newSavedPublication, READING_STATUSES, type SavedPublication } from '@/utils/record';
import { BIDI_CONTROLS, CONTROL_CHARS, FORMAT_CHARS } from '../record/characters';

const RUNS = { numRuns: 1_000 };
const SLOW = { timeout: 300_000 };

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Format characters but ZWNJ and ZWJ; control characters but tab, LF and CR (line ends of the formats). */
const FORBIDDEN = /(?![\u200C\u200D])\p{Cf}|[^\P{Cc}\t\n\r]/u;
const UNSAFE_SCHEME = /(?:javascript|vbscript|data)\s*:/i;

const hostileChar = fc.oneof(
  fc.constantFrom(...FORMAT_CHARS),
  fc.constantFrom(...BIDI_CONTROLS),
  fc.constantFrom(...CONTROL_CHARS),
  fc.constantFrom(
    '\u2028',
    '\u2029',
    '\r\n',
    '{',
    '}',
    '\\',
    '%',
    '"',
    ',',
    '=',
    '@',
    'ER  - ',
    '\nTY  - JOUR\n',
  ),
);

/** Hostile text that is no address in disguise (no scheme word once invisible characters and spaces go). */
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      hostileChar,
      fc.constantFrom(
        '<img src=x onerror=alert(1)>',
        '__proto__',
        'constructor',
        'Rapport \u202Efdp.exe\u202C',
        '\u{1F468}\u200D\u{1F469}',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  .filter((s) => !/javascript|vbscript|data/i.test(s.replace(/[\p{C}\s]/gu, '')));

const address: fc.Arbitrary<string> = fc.oneof(
  schemeAttack,
  fc.constantFrom(
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative',
    'urn:isbn:9789085551234',
    'chrome://settings',
    'java\tscript:alert(1)',
    '',
  ),
  fc
    .tuple(
      fc.constantFrom('http', 'https'),
      fc.constantFrom('a.org', 'www.nsob.nl', 'bücher.example'),
      fc.string({ unit: 'binary', maxLength: 12 }),
      hostileChar,
    )
    .map(([scheme, host, path, char]) => `${scheme}://${host}/${path}${char}`)
    .filter((s) => !/javascript|vbscript|data/i.test(s)),
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A stored record as an older version may have left it: right types, anything in them. */
const storedRecord: fc.Arbitrary<SavedPublication> = fc.record({
  id: text,
  url: address,
  canonicalUrl: optional(address),
  pdfUrl: optional(address),
  title: text,
  subtitle: optional(text),
  authors: fc.array(text, { maxLength: 3 }),
  published: optional(fc.constantFrom('2020', '2020-05', '2020-05-17')),
  year: optional(fc.integer({ min: 1000, max: 2100 })),
  publisher: optional(text),
  type: optional(
    fc.oneof(
      fc.constantFrom(
        'report',
        'essay',
        'policy-brief',
        'book',
        'blog',
        'constructor',
        '__proto__',
        'toString',
      ),
      text,
    ),
  ),
  themes: fc.array(text, { maxLength: 3 }),
  keywords: fc.array(text, { maxLength: 3 }),
  summary: optional(text),
  language: optional(text),
  doi: optional(fc.oneof(fc.constant('10.1234/abc'), text)),
  isbn: optional(text),
  related: fc.array(
    fc.record({
      title: text,
      url: optional(address),
      summary: optional(text),
      themes: fc.array(text, { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
  status: fc.constantFrom(...READING_STATUSES),
  notes: text,
  tags: fc.array(text, { maxLength: 3 }),
  starred: fc.boolean(),
  editedFields: fc.constant([]),
  savedAt: fc.nat(),
  updatedAt: fc.nat(),
});

function isHttp(value: string): boolean {
  return /^https?:\/\//.test(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/** Every address each format writes, at the places an address goes. */
function addressesIn(format: ExportFormat, content: string): string[] {
  switch (format) {
    case 'leesmap-json': {
      const { records } = JSON.parse(content) as { records: SavedPublication[] };
      return records
        .flatMap((r) => [r.url, r.canonicalUrl, r.pdfUrl, ...r.related.map((x) => x.url)])
        .filter((u): u is string => u !== undefined);
    }
    case 'csl-json':
      return (JSON.parse(content) as Array<{ URL?: string }>)
        .map((item) => item.URL)
        .filter((u): u is string => u !== undefined);
    case 'csv': {
      const [header, ...rows] = parseCsv(content);
      const columns = ['url', 'canonicalUrl', 'pdfUrl'].map((c) => header.indexOf(c));
      return rows.flatMap((row) => columns.map((i) => row[i])).filter(Boolean);
    }
    case 'bibtex': {
      const urls = [...content.matchAll(/^\s*(?:url|verba)\s*=\s*\{(.*)\},?\s*$/gim)].map((m) => m[1]);
      // file = {:https\://…:PDF} (JabRef's form: description, path, type; ":" escaped).
      const files = [...content.matchAll(/^\s*file\s*=\s*\{:(.*):PDF\},?\s*$/gim)].map((m) =>
        m[1].replace(/\\([\\:;])/g, '$1'),
      );
      return [...urls, ...files];
    }
    case 'ris':
      return [...content.matchAll(/^(?:UR|L1|L2|L3|L4|LK) {2}- (.*)$/gm)].map((m) => m[1].replace(/\r$/, ''));
  }
}

function writeAll(records: SavedPublication[]): Array<[ExportFormat, string]> {
  return [
    ['leesmap-json', toBackupJson(records, 0)],
    ['csl-json', toCslJson(records)],
    ['csv', toCsv(records)],
    ['bibtex', toBibtex(records)],
    ['ris', toRis(records)],
  ];
}

describe('exports of records that bypassed the sanitiser', SLOW, () => {
  it('hold no bidi, format or control character and no javascript:, data: or vbscript: address', () => {
    let addresses = 0;
    fc.assert(
      fc.property(fc.array(storedRecord, { minLength: 1, maxLength: 3 }), (records) => {
        for (const [format, content] of writeAll(records)) {
          expect(BIDI.test(content), `${format}: bidi control`).toBe(false);
          expect(FORBIDDEN.exec(content)?.[0], `${format}: format or control character`).toBeUndefined();
          expect(UNSAFE_SCHEME.exec(content)?.[0], `${format}: unsafe scheme`).toBeUndefined();
          expect(content.toLowerCase(), format).not.toContain('file:');
          for (const url of addressesIn(format, content)) {
            addresses++;
            expect(isHttp(url), `${format}: ${JSON.stringify(url)}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
    // The property saw addresses written, not only addresses left out.
    expect(addresses).toBeGreaterThan(1_000);
  });

  it('treats "__proto__" or "constructor" types as any unknown type: text, never a table look-up', () => {
    fc.assert(
      fc.property(
        storedRecord,
        fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty'),
        (record, type) => {
          const csl = JSON.parse(toCslJson([{ ...record, type }])) as Array<{
            type: unknown;
            genre?: unknown;
            custom: { leesmap: { type: unknown } };
          }>;
          // An unknown type is a report (grey literature) whose genre is the type as written.
          expect(csl[0].type).toBe('report');
          expect(csl[0].genre).toBe(type);
          expect(csl[0].custom.leesmap.type).toBe(type);
          expect(toBibtex([{ ...record, type }])).toContain(`{${type.replace(/_/g, '\\_')}}`);
          expect(toRis([{ ...record, type }])).toMatch(/^TY {2}- RPRT\r$/m);
        },
      ),
      RUNS,
    );
  });
});

describe('examples', () => {
  // Hostile text in every field a page or a file can fill; newSavedPublication copies it as given.
  const record = newSavedPublication({
    id: 'url:wrr.nl/rapport',
    url: 'https://www.wrr.nl/rapport',
    title: 'Rapport \u202Efdp.exe\u202C',
    savedAt: 1,
    authors: ['Mark van\u200F Twist'],
    themes: ['Thema\u2066'],
    related: [{ title: 'Ander \u202Erapport', url: 'javascript:alert(1)', themes: [] }],
    status: 'read',
    notes: 'Notitie\u202E met\r\nregels',
    tags: ['werk\u200B'],
    pdfUrl: 'data:application/pdf;base64,JVBERi0=',
    canonicalUrl: ' JaVaScRiPt:alert(1)',
  });

  it.each(['leesmap-json', 'csl-json', 'csv', 'bibtex', 'ris'] as const)(
    '"Rapport \\u202Efdp.exe\\u202C" is exported as "Rapport fdp.exe" (%s)',
    async (format) => {
      const { content } = await exportRecords([record], format);
      expect(content).toContain('Rapport fdp.exe');
      expect(content).not.toMatch(BIDI);
      expect(content).not.toMatch(UNSAFE_SCHEME);
      expect(content).toContain('https://www.wrr.nl/rapport');
    },
  );

  it("the backup keeps the reader's line breaks and drops unsafe addresses", () => {
    const [back] = (JSON.parse(toBackupJson([record], 0)) as { records: SavedPublication[] }).records;
    expect(back).toMatchObject({
      title: 'Rapport fdp.exe',
      notes: 'Notitie met\r\nregels',
      tags: ['werk'],
      url: 'https://www.wrr.nl/rapport',
    });
    expect(back).not.toHaveProperty('pdfUrl');
    expect(back).not.toHaveProperty('canonicalUrl');
    expect(back.related).toEqual([{ title: 'Ander rapport', themes: [] }]);
  });

  it('CSV: an unsafe address leaves an empty cell', () => {
    const [, row] = parseCsv(toCsv([{ ...record, url: 'vbscript:msgbox(1)' }]));
    expect(row[CSV_COLUMNS.indexOf('url')]).toBe('');
    expect(row[CSV_COLUMNS.indexOf('pdfUrl')]).toBe('');
    expect(row[CSV_COLUMNS.indexOf('title')]).toBe('Rapport fdp.exe');
  });

  it("a legacy urn:isbn: address is written as the ISBN's web address", async () => {
    const { content } = await exportRecords([{ ...record, url: 'urn:isbn:9789085551234' }], 'ris');
    expect(content).toContain('UR  - https://openlibrary.org/isbn/9789085551234');
    expect(content).not.toContain('urn:isbn');
  });
});
