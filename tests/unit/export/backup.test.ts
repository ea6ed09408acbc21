import { describe, expect, it } from 'vitest';
import { fromBackupJson, toBackupJson } from '@/utils/export/backup';
import { exportRecords, importText, ImportError } from '@/utils/export';
import { LIMITS } from '@/utils/record';
import { storedRecord, variedRecord } from './records';

describe('Leesmap JSON backup', () => {
  // Bidi controls and zero-width spaces in the fixture do not survive (no way in stores them); notes
  // keep their line breaks as \n. Everything else comes back exactly.
  it('round-trips 10,000 varied records (Unicode, right-to-left, very long notes); invisible controls go', async () => {
    const records = Array.from({ length: 10_000 }, (_, n) => variedRecord(n));
    expect(records.some((r) => r.notes.length > 200_000)).toBe(true);
    const file = await exportRecords(records, 'leesmap-json', Date.UTC(2026, 10, 29));
    expect(file.filename).toBe('leesmap-2026-11-29.leesmap.json');
    const { format, records: back } = await importText(file.content);
    expect(format).toBe('leesmap-json');
    expect(back).toEqual(records.map(storedRecord));
  }, 60_000);

  it('keeps reader fields', () => {
    const record = {
      ...variedRecord(7),
      status: 'read' as const,
      notes: 'mijn notitie',
      tags: ['a'],
      starred: true,
    };
    expect(fromBackupJson(toBackupJson([record]))[0]).toMatchObject({
      status: 'read',
      notes: 'mijn notitie',
      tags: ['a'],
      starred: true,
    });
  });

  it.each([
    ['not json', '{"format":', /not valid JSON/],
    ['another format', '{"format":"pocket","version":1,"records":[]}', /format: must be "leesmap-backup"/],
    [
      'a future version',
      '{"format":"leesmap-backup","version":2,"records":[]}',
      /version: 2 is not supported/,
    ],
    [
      'a cut-short file',
      '{"format":"leesmap-backup","version":1,"count":3,"records":[]}',
      /count: says 3 records/,
    ],
  ])('refuses %s and says why', (_what, text, message) => {
    expect(() => fromBackupJson(text)).toThrow(message);
  });

  it('refuses a file with one bad record, naming every bad record and field', () => {
    const good = variedRecord(1);
    const records = [
      good,
      { ...variedRecord(2), status: 'gelezen' },
      { ...variedRecord(3), title: 42, year: 2020.5 },
    ];
    const error = (() => {
      try {
        fromBackupJson(toBackupJson(records as never));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues).toEqual([
      { index: 1, field: 'status', message: expect.stringContaining('to-read, reading, read') },
      { index: 2, field: 'title', message: 'must be text' },
      { index: 2, field: 'year', message: expect.stringContaining('whole number') },
    ]);
    expect((error as Error).message).toContain('record 2, field status');
  });

  it('drops unknown fields and cuts oversized text to its cap, as a page record is cut', () => {
    const record = { ...variedRecord(1), injected: '<script>', identity: ['x'] };
    const [back] = fromBackupJson(toBackupJson([record as never]));
    expect(back).not.toHaveProperty('injected');
    expect(back).not.toHaveProperty('identity');
    const [long] = fromBackupJson(
      toBackupJson([{ ...variedRecord(1), title: 'x'.repeat(3000), notes: 'n'.repeat(2_000_000) }]),
    );
    expect(long.title).toBe('x'.repeat(LIMITS.title));
    expect(long.notes).toBe('n'.repeat(LIMITS.notes));
  });
});
