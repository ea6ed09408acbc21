// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel, ImportPanel } from '@/components/ExportImport';
import { setInterfaceLanguage } from '@/utils/i18n';
import { exportFile } from '@/utils/stores/transfer';
import { fakeBackground } from './fake-send';
import { record } from './records';

const records = [
  record({ id: 'url:nsob.nl/publicaties/leren-van-doen', url: 'https://www.nsob.nl/publicaties/leren-van-doen', title: 'Leren van doen', authors: ['Martijn van der Steen'], year: 2020, themes: ['Sturen in netwerken'], tags: ['leesclub'], status: 'reading' }),
  record({ id: 'url:wrr.nl/weerbare-democratie', url: 'https://www.wrr.nl/weerbare-democratie', title: 'Weerbare democratie', year: 2022 }),
];

/** The files the page handed to the browser as downloads, read back from their blobs. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), `blob:test/${blobs.length}`));
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
    expect(options).toEqual(['Leesmap backup (JSON)', 'CSL-JSON (Zotero, Mendeley)', 'BibTeX', 'RIS', 'CSV (spreadsheet)']);
  });

  it('downloads the records it is given as BibTeX, then RIS', async () => {
    const downloads = captureDownloads();
    render(<ExportPanel idPrefix="t" records={() => records.slice(1)} />);
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'bibtex' } });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(screen.getByTestId('export-status').textContent).toBe('Exported 1 publications'));
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'ris' } });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(downloads.names).toHaveLength(2));
    expect(downloads.names.map((n) => n.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual(['leesmap-DATE.bib', 'leesmap-DATE.ris']);
    const [bib, ris] = await downloads.texts();
    expect(bib).toMatch(/^@\w+\{[^]*title = \{Weerbare democratie\}/);
    expect(bib).not.toContain('Leren van doen');
    expect(ris).toContain('TI  - Weerbare democratie');
  });
});

describe('import panel', () => {
  it('accepts BibTeX and RIS files besides JSON', () => {
    render(<ImportPanel send={fakeBackground().send} idPrefix="t" />);
    const accept = (screen.getByLabelText('File to import') as HTMLInputElement).accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.json', '.bib', '.ris']));
  });

  it('sends a RIS file’s records to the background and reports what changed', async () => {
    const background = fakeBackground([], { 'page/import': ({ records }) => ({ added: records.length, updated: 0 }) });
    render(<ImportPanel send={background.send} idPrefix="t" />);
    const content = (await exportFile(records, 'ris')).content;
    const file = new File([content], 'zotero-export.ris', { type: 'application/x-research-info-systems' });
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
    fireEvent.click(screen.getByLabelText('Replace the whole list'));
    fireEvent.click(screen.getByTestId('import-button'));
    expect((await screen.findByText(/^Imported/)).textContent).toBe('Imported from RIS: 2 added, 0 updated');
    const request = background.sent.at(-1)!;
    expect(request.type).toBe('page/import');
    expect((request.payload as { mode: string }).mode).toBe('replace');
    expect((request.payload as { records: Array<{ title: string }> }).records.map((r) => r.title)).toEqual(['Leren van doen', 'Weerbare democratie']);
  });

  it('round-trips a Leesmap backup with the reader’s fields', async () => {
    const background = fakeBackground([], { 'page/import': ({ records }) => ({ added: records.length, updated: 0 }) });
    render(<ImportPanel send={background.send} idPrefix="t" />);
    const file = new File([(await exportFile(records, 'leesmap-json')).content], 'backup.leesmap.json');
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
    fireEvent.click(screen.getByTestId('import-button'));
    await screen.findByText('Imported from Leesmap backup (JSON): 2 added, 0 updated');
    const sent = (background.sent[0].payload as { records: Array<{ status: string; tags: string[] }> }).records;
    expect(sent.map((r) => [r.status, r.tags])).toEqual([['reading', ['leesclub']], ['to-read', []]]);
  });

  it('shows each problem of a refused file as text, and sends nothing', async () => {
    const background = fakeBackground();
    render(<ImportPanel send={background.send} idPrefix="t" />);
    const bib = '@misc{a, title={<img src=x onerror=alert(1)>}, url={https://example.org/a}}\n@misc{b, url={https://example.org/b}}\n';
    fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [new File([bib], 'lijst.bib')] } });
    fireEvent.click(screen.getByTestId('import-button'));
    await screen.findByText('Import refused, nothing was changed. What is wrong in the file:');
    const problems = [...screen.getByTestId('import-problems').querySelectorAll('li')].map((li) => li.textContent);
    expect(problems).toEqual(['Record 2, field title: is missing']);
    expect(background.sent).toEqual([]);
    expect(document.querySelector('img')).toBeNull();
  });

  it('refuses a file of no known format, in the reader’s language', async () => {
    setInterfaceLanguage('nl');
    const background = fakeBackground();
    render(<ImportPanel send={background.send} idPrefix="t" />);
    fireEvent.change(screen.getByLabelText('Bestand om te importeren'), { target: { files: [new File(['Hallo'], 'brief.txt')] } });
    fireEvent.click(screen.getByTestId('import-button'));
    await screen.findByText('Dit bestand is geen Leesmap-back-up, CSL-JSON-, BibTeX- of RIS-bestand.');
    expect(background.sent).toEqual([]);
  });
});
