// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel, ImportPanel } from '@/components/ExportImport';
import { setInterfaceLanguage } from '@/utils/i18n';
import type { SavedPublication } from '@/utils/record';
import { exportFile, localImportPorts, type ImportPorts } from '@/utils/stores/transfer';
import { record } from './records';

const records = [
  record({
    id: 'url:nsob.nl/publicaties/leren-van-doen',
    url: 'https://www.nsob.nl/publicaties/leren-van-doen',
    title: 'Leren van doen',
    authors: ['Martijn van der Steen'],
    year: 2020,
    themes: ['Sturen in netwerken'],
    tags: ['leesclub'],
    status: 'reading',
  }),
  record({
    id: 'url:wrr.nl/weerbare-democratie',
    url: 'https://www.wrr.nl/weerbare-democratie',
    title: 'Weerbare democratie',
    year: 2022,
  }),
];

/** The files the page handed to the browser as downloads, read back from their blobs. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(
    (blob) => (blobs.push(blob as Blob), `blob:test/${blobs.length}`),
  );
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, texts: () => Promise.all(blobs.map((b) => b.text())) };
}

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setInterfaceLanguage('auto');
});

describe('export panel', () => {
  it('offers every format, BibTeX and RIS included', () => {
    render(<ExportPanel idPrefix="t" records={() => records} />);
    const options = [...screen.getByLabelText('Format').querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual([
      'Leesmap backup (JSON)',
      'CSL-JSON (Zotero, Mendeley)',
      'BibTeX',
      'RIS',
      'CSV (spreadsheet)',
    ]);
  });

  it('downloads the records it is given as BibTeX, then RIS', async () => {
    const downloads = captureDownloads();
    render(<ExportPanel idPrefix="t" records={() => records.slice(1)} />);
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'bibtex' } });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() =>
      expect(screen.getByTestId('export-status').textContent).toBe('Exported 1 publications'),
    );
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'ris' } });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(downloads.names).toHaveLength(2));
    expect(downloads.names.map((n) => n.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual([
      'leesmap-DATE.bib',
      'leesmap-DATE.ris',
    ]);
    const [bib, ris] = await downloads.texts();
    expect(bib).toMatch(/^@\w+\{[^]*title = \{Weerbare democratie\}/);
    expect(bib).not.toContain('Leren van doen');
    expect(ris).toContain('TI  - Weerbare democratie');
  });
});

/** Import ports over an empty list that record what the panel asked to write. */
function fakePorts() {
  const writes: Array<{ records: SavedPublication[]; mode: string; readerFields: boolean }> = [];
  const ports: ImportPorts = localImportPorts({
    preview: async (records) => ({
      added: records.length,
      updated: 0,
      unchanged: 0,
      removed: 0,
      changedFields: {},
    }),
    write: async (records, mode, readerFields) => {
      writes.push({ records, mode, readerFields });
      return { added: records.length, updated: 0, unchanged: 0, removed: 0 };
    },
    undo: async () => ({ removed: writes.at(-1)?.records.length ?? 0, restored: 0 }),
    lastImport: async () => (writes.length ? { at: 1 } : undefined),
  });
  return { ports, writes };
}

describe('import panel', () => {
  it('accepts BibTeX and RIS files besides JSON', () => {
    render(<ImportPanel ports={fakePorts().ports} idPrefix="t" />);
    const accept = (screen.getByLabelText('File to import') as HTMLInputElement).accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.json', '.bib', '.ris']));
  });

  it('previews a RIS file, writes it when the reader confirms, and reports what changed', async () => {
    const { ports, writes } = fakePorts();
    render(<ImportPanel ports={ports} idPrefix="t" />);
    const content = (await exportFile(records, 'ris')).content;
    const file = new File([content], 'zotero-export.ris', { type: 'application/x-research-info-systems' });
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
    fireEvent.click(screen.getByLabelText('Replace the whole list'));
    fireEvent.click(screen.getByTestId('import-button'));
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain(
      'In this file (RIS): 2 new, 0 updated, 0 unchanged. Nothing has changed yet.',
    );
    expect(preview.textContent).toMatch(/This format does not carry .*Tags/);
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByText(/^Imported/)).textContent).toBe(
      'Imported from RIS: 2 added, 0 updated, 0 unchanged',
    );
    expect(writes.map((w) => [w.mode, w.readerFields, w.records.map((r) => r.title)])).toEqual([
      ['replace', false, ['Leren van doen', 'Weerbare democratie']],
    ]);
    // Then the last import can be undone.
    fireEvent.click(await screen.findByTestId('import-undo'));
    expect((await screen.findByText(/^Last import undone/)).textContent).toBe(
      'Last import undone: 2 removed, 0 restored.',
    );
  });

  it('round-trips a Leesmap backup with the reader’s fields', async () => {
    const { ports, writes } = fakePorts();
    render(<ImportPanel ports={ports} idPrefix="t" />);
    const file = new File([(await exportFile(records, 'leesmap-json')).content], 'backup.leesmap.json');
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-button'));
    fireEvent.click(await screen.findByTestId('import-confirm'));
    await screen.findByText('Imported from Leesmap backup (JSON): 2 added, 0 updated, 0 unchanged');
    expect(writes[0].readerFields).toBe(true);
    expect(writes[0].records.map((r) => [r.status, r.tags])).toEqual([
      ['reading', ['leesclub']],
      ['to-read', []],
    ]);
  });

  it('shows each problem of a refused file as text, and writes nothing', async () => {
    const { ports, writes } = fakePorts();
    render(<ImportPanel ports={ports} idPrefix="t" />);
    const bib =
      '@misc{a, title={<img src=x onerror=alert(1)>}, url={https://example.org/a}}\n@misc{b, url={https://example.org/b}}\n';
    fireEvent.change(screen.getByLabelText('File to import'), {
      target: { files: [new File([bib], 'lijst.bib')] },
    });
    fireEvent.click(screen.getByTestId('import-button'));
    await screen.findByText('Import refused, nothing was changed. What is wrong in the file:');
    const problems = [...screen.getByTestId('import-problems').querySelectorAll('li')].map(
      (li) => li.textContent,
    );
    expect(problems).toEqual(['Record 2, field title: is missing']);
    expect(writes).toEqual([]);
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('refuses a file of no known format, in the reader’s language', async () => {
    setInterfaceLanguage('nl');
    const { ports, writes } = fakePorts();
    render(<ImportPanel ports={ports} idPrefix="t" />);
    fireEvent.change(screen.getByLabelText('Bestand om te importeren'), {
      target: { files: [new File(['Hallo'], 'brief.txt')] },
    });
    fireEvent.click(screen.getByTestId('import-button'));
    await screen.findByText('Dit bestand is geen Leesmap-back-up, CSL-JSON-, BibTeX- of RIS-bestand.');
    expect(writes).toEqual([]);
  });
});
