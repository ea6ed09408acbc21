/**
 * Import time grows linearly with the file: RIS (Leesmap's own line reader) and BibTeX (its own
 * scanner), 5,000 and 20,000 entries. The times are printed; the assertions compare the two sizes
 * (20,000 entries may take at most 8 times as long as 5,000, where linear is 4) so that a slow
 * machine does not fail them, and bound 20,000 entries generously.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '@/utils/export';
import { toBibtex } from '@/utils/export/bibliographic';
import { toRis } from '@/utils/export/ris';
import type { SavedPublication } from '@/utils/record';
import { variedRecord } from './records';

function records(count: number): SavedPublication[] {
  // Notes of a few lines each (the fixture's 300,000-character notes would measure string copying).
  return Array.from({ length: count }, (_, n) => ({
    ...variedRecord(n),
    notes: n % 2 ? `Notitie ${n}\nregel twee\n\nER  - nee` : '',
  }));
}

async function timeImport(text: string, expected: number): Promise<number> {
  const start = performance.now();
  const { records: back } = await importText(text, undefined, 1);
  const elapsed = performance.now() - start;
  expect(back).toHaveLength(expected);
  return elapsed;
}

describe('import scales linearly with the size of the file', { timeout: 300_000 }, () => {
  it.each([
    ['RIS', toRis],
    ['BibTeX', toBibtex],
  ] as const)('%s: 5,000 and 20,000 entries', async (name, write) => {
    const small = write(records(5_000));
    const large = write(records(20_000));
    // Warm up (JIT), then take the better of two runs of each size.
    await timeImport(small, 5_000);
    const t5 = Math.min(await timeImport(small, 5_000), await timeImport(small, 5_000));
    const t20 = Math.min(await timeImport(large, 20_000), await timeImport(large, 20_000));
    console.log(
      `${name} import (parse, convert, validate): 5,000 entries ${t5.toFixed(0)} ms, 20,000 entries ${t20.toFixed(0)} ms (${(t20 / t5).toFixed(1)}×)`,
    );
    expect(t20 / t5).toBeLessThan(8);
    expect(t20).toBeLessThan(30_000);
  });
});
