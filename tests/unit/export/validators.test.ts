/**
 * BibTeX exports checked by the tools that read them: Better BibTeX's parser
 * (@retorquere/bibtex-parser, called as Better BibTeX's import calls it) and biber's data-model
 * validation (`biber --tool --validate-datamodel`, the check biblatex users run). The NSOB reference
 * record and 1,000 generated records must give no error and no warning from either.
 *
 * biber is a system tool (Debian: `apt-get install -y biber`; .ci/run installs it when missing).
 * Without it this test fails: it never skips.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAsync } from '@retorquere/bibtex-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { toBibtex } from '@/utils/export/bibliographic';
import { validateRecords } from '@/utils/export';
import { recordArbitrary } from './generators';
import { nsobRecord } from './nsob';

const seed = Date.now() % 2 ** 31;
const generated = validateRecords(fc.sample(recordArbitrary({ validOnly: true }), { numRuns: 1_000, seed }));
const records = [nsobRecord(), ...generated];
const bib = toBibtex(records);
const dir = mkdtempSync(join(tmpdir(), 'leesmap-biber-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`BibTeX of the NSOB record and 1,000 generated records (seed ${seed})`, { timeout: 300_000 }, () => {
  it('Better BibTeX’s parser reads every entry with no error', async () => {
    // As Better BibTeX imports: case protection as needed, sentence-casing of English titles (its
    // defaults), and no handler for unknown commands, so any command it does not know is an error.
    const library = await parseAsync(bib, {
      caseProtection: 'as-needed',
      sentenceCase: { guess: true, preserveQuoted: true },
    });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(records.length);
    expect(library.entries[0]).toMatchObject({ type: 'report', key: 'vandersteen2020leren' });
    expect(library.entries[0].fields).toMatchObject({
      title: 'Leren van doen',
      subtitle: 'Ervaringen met samenwerken in het IBP',
      type: 'Essay',
      institution: ['NSOB'],
    });
  });

  it('biber --tool --validate-datamodel reports no error and no warning', () => {
    const file = join(dir, 'leesmap.bib');
    writeFileSync(file, bib);
    const run = spawnSync('biber', ['--tool', '--validate-datamodel', 'leesmap.bib'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) {
      throw new Error(`biber could not be run (${run.error.message}). Install it: apt-get install -y biber`);
    }
    const output = `${run.stdout}\n${run.stderr}`;
    const complaints = output.split('\n').filter((line) => line.trim() && !/^INFO - /.test(line));
    expect(complaints, `biber says:\n${complaints.slice(0, 20).join('\n')}`).toEqual([]);
    expect(run.status).toBe(0);
    // biber counts its warnings and errors in its summary line when there are any.
    expect(output).not.toMatch(/WARNINGS: \d+|ERRORS: \d+/);
    expect(output).toMatch(/INFO - Datamodel validation complete/);
    // It read every entry: its own output holds them all.
    const written = readFileSync(join(dir, 'leesmap_bibertool.bib'), 'utf8');
    expect(written.match(/^@/gm)).toHaveLength(records.length);
  });
});
