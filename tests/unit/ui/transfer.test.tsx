// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportPanel } from '@/components/ExportImport';
import { setInterfaceLanguage } from '@/utils/i18n';
import { exportFile, importFile } from '@/utils/stores/transfer';
import { fakeBackground } from './fake-send';
import { record } from './records';

const records = [
  record({ id: 'url:nsob.nl/publicaties/leren-van-doen', url: 'https://www.nsob.nl/publicaties/leren-van-doen', title: 'Leren van doen', authors: ['Martijn van der Steen'], year: 2020, themes: ['Sturen in netwerken'], tags: ['leesclub'], status: 'reading' }),
  record({ id: 'url:wrr.nl/weerbare-democratie', url: 'https://www.wrr.nl/weerbare-democratie', title: 'Weerbare democratie', year: 2022 }),
];

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  setInterfaceLanguage('auto');
});

describe('export and import from the pages', () => {
  it('round-trips the reading list through a Leesmap backup, reader fields included', () => {
    const file = exportFile(records, 'leesmap-json', Date.UTC(2026, 10, 29));
    expect(file.filename).toBe('leesmap-2026-11-29.leesmap.json');
    const back = importFile(file.content);
    expect(back.map((r) => [r.title, r.status, r.tags])).toEqual([
      ['Leren van doen', 'reading', ['leesclub']],
      ['Weerbare democratie', 'to-read', []],
    ]);
  });

  it('reads CSL-JSON as written by reference managers, and writes CSV', () => {
    const csl = exportFile(records, 'csl-json').content;
    expect(importFile(csl).map((r) => r.title)).toEqual(['Leren van doen', 'Weerbare democratie']);
    const csv = exportFile(records, 'csv');
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.content).toContain('Leren van doen');
  });

  it('refuses files that are not a backup or CSL-JSON, saying why', () => {
    expect(() => importFile('TY  - JOUR\nER  -')).toThrow(/not a Leesmap backup or CSL-JSON/);
    expect(() => importFile('{"format": "leesmap-backup", ')).toThrow(/not valid JSON/);
  });

  it('sends validated records to the background and reports what changed', async () => {
    const background = fakeBackground([], { 'page/import': ({ records }) => ({ added: records.length, updated: 0 }) });
    render(<ImportPanel send={background.send} idPrefix="t" />);
    const content = exportFile(records, 'leesmap-json').content;
    const file = new File([content], 'backup.leesmap.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
    fireEvent.click(screen.getByLabelText('Replace the whole list'));
    fireEvent.click(screen.getByTestId('import-button'));
    expect((await screen.findByText(/^Imported:/)).textContent).toBe('Imported: 2 added, 0 updated');
    const request = background.sent.at(-1)!;
    expect(request.type).toBe('page/import');
    expect((request.payload as { mode: string; records: unknown[] }).mode).toBe('replace');
    expect((request.payload as { records: unknown[] }).records).toHaveLength(2);
  });

  it('reports a broken file without sending anything', async () => {
    const background = fakeBackground();
    render(<ImportPanel send={background.send} idPrefix="t" />);
    const file = new File(['{"format":"leesmap-backup","version":99,"records":[]}'], 'x.json');
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-button'));
    expect((await screen.findByText(/^Import failed/)).textContent).toMatch(/version/);
    expect(background.sent).toEqual([]);
  });
});
