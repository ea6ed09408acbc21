import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setInterfaceLanguage } from '@/utils/i18n';
import {
  createExportStore,
  createImportStore,
  detectFileFormat,
  exportFile,
  importFile,
  MAX_IMPORT_BYTES,
  type ExportedFile,
  type ImportSource,
} from '@/utils/stores/transfer';
import { fakeBackground } from './fake-send';
import { record } from './records';

const leren = record({
  id: 'url:nsob.nl/publicaties/leren-van-doen',
  url: 'https://www.nsob.nl/publicaties/leren-van-doen',
  title: 'Leren van doen',
  authors: ['Martijn van der Steen', 'Nancy Chin-A-Fat'],
  year: 2020,
  publisher: 'NSOB',
  themes: ['Sturen in netwerken'],
  tags: ['leesclub'],
  notes: 'privé: hoofdstuk 3',
  status: 'reading',
});
const weerbaar = record({ id: 'url:wrr.nl/weerbare-democratie', url: 'https://www.wrr.nl/weerbare-democratie', title: 'Weerbare democratie', year: 2022, publisher: 'WRR' });
/** A title that would end a BibTeX value or a RIS record if written as is. */
const hostileTitle = 'Sturen {met} data}\n@article{x, title={y}}\nER  - \r\nTY  - JOUR';
const hostile = record({ id: 'url:example.org/hostile', url: 'https://example.org/hostile', title: hostileTitle, year: 2024 });

function fileOf(content: string, name: string): ImportSource & { read: number } {
  const source = {
    name,
    size: new TextEncoder().encode(content).length,
    read: 0,
    async text() {
      source.read++;
      return content;
    },
  };
  return source;
}

beforeEach(() => setInterfaceLanguage('en'));
afterEach(() => setInterfaceLanguage('auto'));

describe('BibTeX and RIS files from the list', () => {
  it('writes BibTeX and RIS files named and typed for reference managers, with every title', async () => {
    const now = Date.UTC(2026, 10, 29);
    const bib = await exportFile([leren, weerbaar], 'bibtex', now);
    expect(bib.filename).toBe('leesmap-2026-11-29.bib');
    expect(bib.mimeType).toBe('application/x-bibtex');
    expect(bib.content.match(/^@\w+\{/gm)).toHaveLength(2);
    expect(bib.content).toContain('Leren van doen');
    expect(bib.content).toContain('Weerbare democratie');

    const ris = await exportFile([leren, weerbaar], 'ris', now);
    expect(ris.filename).toBe('leesmap-2026-11-29.ris');
    expect(ris.mimeType).toBe('application/x-research-info-systems');
    expect(ris.content.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris.content).toContain('TI  - Leren van doen');
  });

  it('keeps reader notes and tags out of citation files', async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const { content } = await exportFile([leren], format);
      expect(content, format).not.toContain('privé');
      expect(content, format).not.toContain('leesclub');
    }
  });

  it('reads its own BibTeX and RIS back: titles, authors, years, addresses', async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const { content } = await exportFile([leren, weerbaar], format);
      const back = await importFile(content);
      expect(back.format).toBe(format);
      expect(back.records.map((r) => [r.title, r.authors, r.year, r.url]), format).toEqual([
        ['Leren van doen', ['Martijn van der Steen', 'Nancy Chin-A-Fat'], 2020, 'https://www.nsob.nl/publicaties/leren-van-doen'],
        ['Weerbare democratie', [], 2022, 'https://www.wrr.nl/weerbare-democratie'],
      ]);
    }
  });

  it('a title with braces and line breaks stays inside its record in both formats', async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const { content } = await exportFile([leren, hostile, weerbaar], format);
      const back = await importFile(content);
      expect(back.records, format).toHaveLength(3);
      expect(back.records[1].title, format).toBe('Sturen {met} data} @article{x, title={y}} ER - TY - JOUR');
      expect(back.records[2].title, format).toBe('Weerbare democratie');
    }
  });
});

describe('recognising an import file', () => {
  it('goes by the content first, whatever the file is called', () => {
    expect(detectFileFormat('TY  - JOUR\r\nTI  - x\r\nER  - \r\n', 'export.bib')).toBe('ris');
    expect(detectFileFormat('@article{k, title={x}}', 'export.txt')).toBe('bibtex');
    expect(detectFileFormat('[{"title":"x"}]', 'export.ris')).toBe('csl-json');
    expect(detectFileFormat('{"format":"leesmap-backup","version":1}', 'x')).toBe('leesmap-json');
  });

  it('asks the file name only when the content shows nothing known', () => {
    expect(detectFileFormat('% only a comment', 'zotero.bib')).toBe('bibtex');
    expect(detectFileFormat('', 'endnote.RIS')).toBe('ris');
    expect(detectFileFormat('hello', 'notes.txt')).toBeUndefined();
  });
});

describe('export store', () => {
  it('exports the records it is given in the chosen format and says how many', async () => {
    const files: ExportedFile[] = [];
    let selection = [leren, weerbaar];
    const store = createExportStore({ records: () => selection, download: (f) => files.push(f) });
    store.format.value = 'bibtex';
    await store.exportNow();
    expect(store.message.value).toBe('Exported 2 publications');
    expect(store.failed.value).toBe(false);

    selection = [weerbaar];
    store.format.value = 'ris';
    await store.exportNow();
    expect(store.message.value).toBe('Exported 1 publications');
    expect(files.map((f) => f.filename.split('.').at(-1))).toEqual(['bib', 'ris']);
    expect(files[1].content).toContain('Weerbare democratie');
    expect(files[1].content).not.toContain('Leren van doen');
    expect(store.busy.value).toBe(false);
  });

  it('makes no empty file when nothing is in the list', async () => {
    const download = vi.fn();
    const store = createExportStore({ records: async () => [], download });
    await store.exportNow();
    expect(download).not.toHaveBeenCalled();
    expect(store.message.value).toBe('Nothing to export: no publications in this list');
    expect(store.failed.value).toBe(true);
  });
});

describe('import store', () => {
  it('imports a BibTeX file in the chosen mode and names the format it recognised', async () => {
    const background = fakeBackground([], { 'page/import': ({ records }) => ({ added: records.length, updated: 0 }) });
    const store = createImportStore({ send: background.send });
    const { content } = await exportFile([leren, weerbaar], 'bibtex');
    store.chooseFile(fileOf(content, 'from-zotero.txt'));
    store.mode.value = 'replace';
    expect(await store.importNow()).toBe(true);
    expect(store.message.value).toBe('Imported from BibTeX: 2 added, 0 updated');
    expect(store.problems.value).toEqual([]);
    expect(background.sent).toHaveLength(1);
    const payload = background.sent[0].payload as { mode: string; records: Array<{ title: string }> };
    expect(background.sent[0].type).toBe('page/import');
    expect(payload.mode).toBe('replace');
    expect(payload.records.map((r) => r.title)).toEqual(['Leren van doen', 'Weerbare democratie']);
  });

  it('imports RIS as written by reference managers', async () => {
    const background = fakeBackground([], { 'page/import': ({ records }) => ({ added: records.length - 1, updated: 1 }) });
    const store = createImportStore({ send: background.send });
    const ris = ['TY  - RPRT', 'TI  - Opgave AI', 'AU  - Prins, Corien', 'PY  - 2021', 'UR  - https://www.wrr.nl/opgave-ai', 'ER  - ', '',
      'TY  - JOUR', 'TI  - Weerbare democratie', 'DO  - 10.1234/wrr.2022', 'ER  - ', ''].join('\n');
    store.chooseFile(fileOf(ris, 'export.ris'));
    expect(await store.importNow()).toBe(true);
    expect(store.message.value).toBe('Imported from RIS: 1 added, 1 updated');
    const { records } = background.sent[0].payload as { records: Array<{ title: string; authors: string[]; url: string }> };
    expect(records.map((r) => [r.title, r.authors, r.url])).toEqual([
      ['Opgave AI', ['Corien Prins'], 'https://www.wrr.nl/opgave-ai'],
      ['Weerbare democratie', [], 'https://doi.org/10.1234/wrr.2022'],
    ]);
  });

  it('refuses a file with one bad entry as a whole, naming record and field, and sends nothing', async () => {
    const background = fakeBackground();
    const store = createImportStore({ send: background.send });
    const bib = [
      '@report{a, title={Leren van doen}, year={2020}, url={https://www.nsob.nl/publicaties/leren-van-doen}}',
      '@report{b, year={2021}, url={https://www.wrr.nl/zonder-titel}}',
      '@report{c, title={Geen adres}, year={2022}}',
    ].join('\n');
    store.chooseFile(fileOf(bib, 'lijst.bib'));
    expect(await store.importNow()).toBe(false);
    expect(background.sent).toEqual([]);
    expect(store.message.value).toBe('Import refused, nothing was changed. What is wrong in the file:');
    expect(store.problems.value).toEqual([
      'Record 2, field title: is missing',
      'Record 3, field URL: is missing (and there is no DOI or ISBN)',
    ]);
  });

  it('frames the problems in Dutch for a Dutch reader', async () => {
    setInterfaceLanguage('nl');
    const store = createImportStore({ send: fakeBackground().send });
    store.chooseFile(fileOf('[{"title":"Leren van doen","URL":"https://www.nsob.nl/x"},{"URL":"https://www.wrr.nl/y"}]', 'csl.json'));
    await store.importNow();
    expect(store.message.value).toBe('Import geweigerd, er is niets veranderd. Wat er mis is in het bestand:');
    expect(store.problems.value).toEqual(['Record 2, veld title: is missing']);

    store.chooseFile(fileOf('Dit is een boodschappenlijst', 'lijst.txt'));
    await store.importNow();
    expect(store.problems.value).toEqual(['Dit bestand is geen Leesmap-back-up, CSL-JSON-, BibTeX- of RIS-bestand.']);
  });

  it('lists at most ten problems and counts the rest', async () => {
    const store = createImportStore({ send: fakeBackground().send });
    const entries = Array.from({ length: 14 }, (_, i) => `@misc{k${i}, year={2020}, url={https://example.org/${i}}}`).join('\n');
    store.chooseFile(fileOf(entries, 'many.bib'));
    await store.importNow();
    expect(store.problems.value).toHaveLength(11);
    expect(store.problems.value[0]).toBe('Record 1, field title: is missing');
    expect(store.problems.value[10]).toBe('… and 4 more problems');
  });

  it('says where a broken file breaks: unreadable JSON, a cut-short backup', async () => {
    const store = createImportStore({ send: fakeBackground().send });
    store.chooseFile(fileOf('{"format": "leesmap-backup", ', 'backup.leesmap.json'));
    await store.importNow();
    expect(store.problems.value.join('\n')).toMatch(/^file: is not valid JSON/);

    store.chooseFile(fileOf('{"format":"leesmap-backup","version":1,"count":2,"records":[]}', 'backup.leesmap.json'));
    await store.importNow();
    expect(store.problems.value.join('\n')).toMatch(/count/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const background = fakeBackground();
    const store = createImportStore({ send: background.send });
    const huge = { ...fileOf('[]', 'huge.json'), size: MAX_IMPORT_BYTES + 1 };
    store.chooseFile(huge);
    expect(await store.importNow()).toBe(false);
    expect(huge.read).toBe(0);
    expect(store.problems.value).toEqual(['huge.json: is larger than 100 MB']);
    expect(background.sent).toEqual([]);
  });

  it('tells the reader when the background could not write the import', async () => {
    const background = fakeBackground([], {
      'page/import': () => {
        throw new Error('quota exceeded');
      },
    });
    const store = createImportStore({ send: background.send });
    store.chooseFile(fileOf((await exportFile([leren], 'ris')).content, 'x.ris'));
    expect(await store.importNow()).toBe(false);
    expect(store.message.value).toBe('Import failed: quota exceeded');
    expect(store.problems.value).toEqual([]);
    expect(store.busy.value).toBe(false);
  });

  it('does nothing until a file is chosen, and a new choice clears the last report', async () => {
    const background = fakeBackground();
    const store = createImportStore({ send: background.send });
    expect(await store.importNow()).toBe(false);
    store.chooseFile(fileOf('nonsense', 'x'));
    await store.importNow();
    expect(store.problems.value).not.toEqual([]);
    store.chooseFile(fileOf('[]', 'y.json'));
    expect(store.problems.value).toEqual([]);
    expect(store.message.value).toBe('');
    expect(background.sent).toEqual([]);
  });
});
