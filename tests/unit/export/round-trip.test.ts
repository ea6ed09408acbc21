/**
 * Round trips by format: generated records (not yet sanitised) go out in each format and come back
 * through `importText`; every field the format carries (`CARRIED_FIELDS`) must equal the field of
 * the sanitised original (`validateRecords`, the one sanitiser of every import). At least 1,000
 * generated records per format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARRIED_FIELDS,
  exportRecords,
  importText,
  validateRecords,
  type ExportFormat,
} from '@/utils/export';
import { NONCHARACTERS } from '@/utils/export/latex';
import type { SavedPublication } from '@/utils/record';
import { recordArbitrary } from './generators';

const FORMATS = ['leesmap-json', 'csl-json', 'bibtex', 'ris'] as const satisfies readonly ExportFormat[];
const RECORDS_PER_FORMAT = 1_000;

function withoutNoncharacters(record: SavedPublication): SavedPublication {
  return JSON.parse(JSON.stringify(record).replace(NONCHARACTERS, '')) as SavedPublication;
}

/** The carried fields of a record, absent fields left out. */
function carried(record: SavedPublication, format: ExportFormat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of CARRIED_FIELDS[format]) if (record[field] !== undefined) out[field] = record[field];
  return out;
}

describe('export → import gives back every field a format carries', { timeout: 600_000 }, () => {
  it.each(FORMATS)('%s: 1,000+ generated records', async (format) => {
    let seen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(recordArbitrary(), { minLength: 1, maxLength: 3 }), async (raw) => {
        // What the list holds: records that came in through the sanitiser.
        const originals = validateRecords(raw);
        seen += originals.length;
        const file = await exportRecords(originals, format, 1_800_000_000_000);
        const { format: detected, records: back } = await importText(file.content, undefined, 7);
        expect(detected).toBe(format);
        expect(back).toHaveLength(originals.length);
        // BibTeX leaves out Unicode noncharacters (biber refuses a file holding one): the record
        // expected back is the original without them, through the sanitiser again.
        const expected =
          format === 'bibtex' ? validateRecords(originals.map(withoutNoncharacters)) : originals;
        back.forEach((record, i) =>
          expect(carried(record, format), `${format} record ${i}`).toEqual(carried(expected[i], format)),
        );
      }),
      { numRuns: RECORDS_PER_FORMAT },
    );
    expect(seen).toBeGreaterThanOrEqual(RECORDS_PER_FORMAT);
  });

  it('the backup carries every field, reader fields and times included', () => {
    expect(CARRIED_FIELDS['leesmap-json']).toEqual(
      expect.arrayContaining([
        'status',
        'notes',
        'tags',
        'starred',
        'editedFields',
        'savedAt',
        'updatedAt',
        'lastVisitedAt',
        'id',
        'related',
      ]),
    );
  });

  it('citation files carry the notes, never status, tags or starred', () => {
    for (const format of ['csl-json', 'bibtex', 'ris'] as const) {
      expect(CARRIED_FIELDS[format]).toContain('notes');
      for (const field of ['status', 'tags', 'starred', 'editedFields'] as const)
        expect(CARRIED_FIELDS[format]).not.toContain(field);
    }
  });
});
