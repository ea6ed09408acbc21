import { describe, expect, it } from 'vitest';
import { exportRecords, importText, ImportError, detectImportFormat } from '@/utils/export';
import { fromCslName, toCslItem, toCslName } from '@/utils/export/csl';
import { CSV_COLUMNS, parseCsv, toCsv } from '@/utils/export/csv';
import { storedLine, variedRecord } from './records';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks so every record is one row that parses back', () => {
    const records = Array.from({ length: 50 }, (_, n) => variedRecord(n + 1)).map((r, i) =>
      i === 0 ? { ...r, title: 'Komma, "aanhalingstekens"\r\nen regels', notes: 'a\nb' } : r,
    );
    const csv = toCsv(records);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(51);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    const title = CSV_COLUMNS.indexOf('title');
    const notes = CSV_COLUMNS.indexOf('notes');
    expect(rows[1][title]).toBe('Komma, "aanhalingstekens"\r\nen regels');
    expect(rows[1][notes]).toBe('a\nb');
    rows.slice(1).forEach((row, i) => {
      expect(row[CSV_COLUMNS.indexOf('id')]).toBe(records[i].id);
      expect(row[CSV_COLUMNS.indexOf('tags')]).toBe(records[i].tags.join('; '));
    });
  });

  it('keeps page text from running as a spreadsheet formula', () => {
    const rows = parseCsv(
      toCsv([{ ...variedRecord(1), title: '=HYPERLINK("http://evil.example")', notes: '@SUM(A1)' }]),
    );
    expect(rows[1][CSV_COLUMNS.indexOf('title')]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(rows[1][CSV_COLUMNS.indexOf('notes')]).toBe(`'@SUM(A1)`);
  });
});

describe('CSL-JSON', () => {
  it('splits Dutch names with particles and keeps organisations whole', () => {
    expect(toCslName('Martijn van der Steen')).toEqual({ given: 'Martijn', family: 'van der Steen' });
    expect(toCslName('Anne-Marie de Vries-Baaijens')).toEqual({
      given: 'Anne-Marie',
      family: 'de Vries-Baaijens',
    });
    expect(toCslName('Wetenschappelijke Raad voor het Regeringsbeleid')).toEqual({
      literal: 'Wetenschappelijke Raad voor het Regeringsbeleid',
    });
    expect(toCslName('Plato')).toEqual({ literal: 'Plato' });
    expect(fromCslName({ given: 'Mark', 'non-dropping-particle': 'van', family: 'Twist' })).toBe(
      'Mark van Twist',
    );
  });

  it('maps type, date, publisher, DOI and keywords', () => {
    const item = toCslItem({ ...variedRecord(1), type: 'policy-brief', published: '2024-03-07', year: 2024 });
    expect(item).toMatchObject({
      type: 'report',
      genre: 'Policy brief',
      issued: { 'date-parts': [[2024, 3, 7]] },
      DOI: variedRecord(1).doi,
      keyword: 'Thema 1, Sturen in netwerken',
    });
    expect(item.custom?.leesmap).toMatchObject({
      type: 'policy-brief',
      published: '2024-03-07',
      year: 2024,
      themes: ['Thema 1', 'Sturen in netwerken'],
    });
  });

  it('round-trips the bibliographic fields through a CSL-JSON file', async () => {
    const records = Array.from({ length: 200 }, (_, n) => variedRecord(n));
    const file = await exportRecords(records, 'csl-json');
    expect(detectImportFormat(file.content)).toBe('csl-json');
    const { records: back } = await importText(file.content, undefined, 42);
    expect(back).toHaveLength(200);
    back.forEach((r, i) => {
      const original = records[i];
      // Both addresses come back: the saved one and the canonical one (custom.leesmap).
      expect(r.url).toBe(original.url);
      expect(r.canonicalUrl).toBe(original.canonicalUrl);
      // Bidi controls and zero-width spaces never reach the list.
      expect(r.title).toBe(storedLine(original.title));
      expect(r.subtitle).toBe(original.subtitle && storedLine(original.subtitle));
      expect(r.authors).toEqual(original.authors);
      expect(r.year).toBe(original.year);
      expect(r.published).toBe(original.published);
      expect(r.publisher).toBe(original.publisher);
      expect(r.doi).toBe(original.doi);
      expect(r.savedAt).toBe(42);
    });
  });

  it('refuses items without a title or address, naming each', async () => {
    const file = JSON.stringify([
      { type: 'report', title: 'Goed', URL: 'https://a.org/1' },
      { type: 'report' },
      7,
    ]);
    const error = await importText(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues.map((i) => [i.index, i.field])).toEqual([
      [1, 'title'],
      [1, 'URL'],
      [2, '(item)'],
    ]);
  });

  it('refuses a file in no known format', async () => {
    await expect(importText('hallo')).rejects.toThrow(/not a Leesmap backup, CSL-JSON, BibTeX or RIS file/);
  });
});
