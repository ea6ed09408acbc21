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
  localImportPorts,
  type ImportPorts,
  type ImportSource,
} from '@/utils/stores/transfer';

/** Import ports over a real (fake-indexeddb) database, as the extension's worker runs them, counting writes. */
function dbPorts(db: LeesmapDatabase): ImportPorts & { writes: number } {
  const counted = { writes: 0 };
  const ports = localImportPorts({
    preview: (records, mode, readerFields) => previewImport(db, records, mode, { readerFields }),
    write: (records, mode, readerFields) => {
      counted.writes++;
      return importPublications(db, records, mode, { readerFields });
    },
    undo: () => undoLastImport(db),
    lastImport: () => lastImport(db),
  });
  return Object.assign(ports, {
    get writes() {
      return counted.writes;
    },
  });
}
import {
  importPublications,
  lastImport,
  listPublications,
  openLeesmapDB,
  previewImport,
  undoLastImport,
  type LeesmapDatabase,
} from '@/utils/db';
import { freshIndexedDB } from '../db/helpers';
import { record } from '../ui/records';

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
const weerbaar = record({
  id: 'url:wrr.nl/weerbare-democratie',
  url: 'https://www.wrr.nl/weerbare-democratie',
  title: 'Weerbare democratie',
  year: 2022,
  publisher: 'WRR',
});
/** A title that would end a BibTeX value or a RIS record if written as is. */
const hostileTitle = 'Sturen {met} data}\n@article{x, title={y}}\nER  - \r\nTY  - JOUR';
const hostile = record({
  id: 'url:example.org/hostile',
  url: 'https://example.org/hostile',
  title: hostileTitle,
  year: 2024,
});

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

  it("writes the reader's notes into citation files (BibTeX note, RIS N1) but keeps their tags and status out", async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const { content } = await exportFile([leren], format);
      expect(content, format).toContain('privé: hoofdstuk 3');
      expect(content, format).not.toContain('leesclub');
      expect(content, format).not.toMatch(/reading/);
    }
  });

  it('reads its own BibTeX and RIS back: titles, authors, years, addresses', async () => {
    for (const format of ['bibtex', 'ris'] as const) {
      const { content } = await exportFile([leren, weerbaar], format);
      const back = await importFile(content);
      expect(back.format).toBe(format);
      expect(
        back.records.map((r) => [r.title, r.authors, r.year, r.url]),
        format,
      ).toEqual([
        [
          'Leren van doen',
          ['Martijn van der Steen', 'Nancy Chin-A-Fat'],
          2020,
          'https://www.nsob.nl/publicaties/leren-van-doen',
        ],
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
  let db: LeesmapDatabase;
  let ports: ImportPorts & { writes: number };
  beforeEach(async () => {
    db = await openLeesmapDB(freshIndexedDB());
    ports = dbPorts(db);
    return () => db.close();
  });

  /** Check, then confirm: what a reader does with a file they mean to import. */
  async function importNow(store: ReturnType<typeof createImportStore>): Promise<boolean> {
    return (await store.check()) && store.confirm();
  }

  /** An import store over the test database with the file `name` chosen. */
  function storeWithFile(name: string, content: string) {
    const store = createImportStore({ ports });
    store.chooseFile(fileOf(content, name));
    return store;
  }

  it('imports a BibTeX file in the chosen mode and names the format it recognised', async () => {
    const store = createImportStore({ ports });
    const { content } = await exportFile([leren, weerbaar], 'bibtex');
    store.chooseFile(fileOf(content, 'from-zotero.txt'));
    store.mode.value = 'replace';
    expect(await importNow(store)).toBe(true);
    expect(store.message.value).toBe('Imported from BibTeX: 2 added, 0 updated, 0 unchanged');
    expect(store.problems.value).toEqual([]);
    expect((await listPublications(db)).map((r) => r.title).sort()).toEqual([
      'Leren van doen',
      'Weerbare democratie',
    ]);
  });

  it('shows what an import would change and writes nothing until the reader confirms', async () => {
    await importPublications(db, [leren], 'merge', { readerFields: true });
    const store = createImportStore({ ports });
    const changed = { ...leren, summary: 'Een nieuwe samenvatting', updatedAt: leren.updatedAt + 1 };
    store.chooseFile(fileOf((await exportFile([changed, weerbaar], 'leesmap-json')).content, 'backup.json'));
    expect(await store.check()).toBe(true);
    expect(store.pending.value).toMatchObject({
      format: 'leesmap-json',
      added: 1,
      updated: 1,
      unchanged: 0,
      changedFields: { summary: 1 },
      lacking: [],
    });
    expect(ports.writes).toBe(0);
    expect(await listPublications(db)).toHaveLength(1);
    store.cancel();
    expect(store.message.value).toBe('Import cancelled, nothing was changed.');
    expect(await listPublications(db)).toHaveLength(1);
  });

  it("a BibTeX re-import says which fields the format lacks and keeps the reader's status, notes and tags", async () => {
    await importPublications(db, [leren], 'merge', { readerFields: true });
    const store = createImportStore({ ports });
    store.chooseFile(fileOf((await exportFile([leren], 'bibtex')).content, 'lijst.bib'));
    await store.check();
    expect(store.pending.value?.lacking).toEqual(expect.arrayContaining(['status', 'tags']));
    await store.confirm();
    expect((await listPublications(db))[0]).toMatchObject({
      status: 'reading',
      notes: 'privé: hoofdstuk 3',
      tags: ['leesclub'],
      themes: ['Sturen in netwerken'],
    });
  });

  it('undoes the last import once', async () => {
    const store = createImportStore({ ports });
    await store.start();
    expect(store.canUndo.value).toBe(false);
    store.chooseFile(fileOf((await exportFile([leren, weerbaar], 'leesmap-json')).content, 'backup.json'));
    await importNow(store);
    expect(store.canUndo.value).toBe(true);
    expect(await store.undo()).toBe(true);
    expect(store.message.value).toBe('Last import undone: 2 removed, 0 restored.');
    expect(await listPublications(db)).toEqual([]);
    expect(store.canUndo.value).toBe(false);
  });

  it('says so when the last import was cut off, and that nothing changed', async () => {
    const store = createImportStore({ ports: { ...ports, interrupted: async () => true } });
    await store.start();
    expect(store.message.value).toBe(
      'The last import did not finish (the page was closed); nothing was changed.',
    );
  });

  it('imports RIS as written by reference managers', async () => {
    const ris = [
      'TY  - RPRT',
      'TI  - Opgave AI',
      'AU  - Prins, Corien',
      'PY  - 2021',
      'UR  - https://www.wrr.nl/opgave-ai',
      'ER  - ',
      '',
      'TY  - JOUR',
      'TI  - Weerbare democratie',
      'DO  - 10.1234/wrr.2022',
      'ER  - ',
      '',
    ].join('\n');
    const store = storeWithFile('export.ris', ris);
    expect(await importNow(store)).toBe(true);
    expect(store.message.value).toBe('Imported from RIS: 2 added, 0 updated, 0 unchanged');
    const records = (await listPublications(db)).sort((a, b) => a.title.localeCompare(b.title));
    expect(records.map((r) => [r.title, r.authors, r.url])).toEqual([
      ['Opgave AI', ['Corien Prins'], 'https://www.wrr.nl/opgave-ai'],
      ['Weerbare democratie', [], 'https://doi.org/10.1234/wrr.2022'],
    ]);
  });

  it('refuses a file with one bad entry as a whole, naming record and field, and writes nothing', async () => {
    const store = storeWithFile(
      'lijst.bib',
      `@report{a, title={Leren van doen}, year={2020}, url={https://www.nsob.nl/publicaties/leren-van-doen}}
@report{b, year={2021}, url={https://www.wrr.nl/zonder-titel}}
@report{c, title={Geen adres}, year={2022}}`,
    );
    expect(await store.check()).toBe(false);
    expect(store.pending.value).toBeUndefined();
    expect(ports.writes).toBe(0);
    expect(store.message.value).toBe('Import refused, nothing was changed. What is wrong in the file:');
    expect(store.problems.value).toEqual([
      'Record 2, field title: is missing',
      'Record 3, field URL: is missing (and there is no DOI or ISBN)',
    ]);
  });

  it('frames the problems in Dutch for a Dutch reader', async () => {
    setInterfaceLanguage('nl');
    const store = storeWithFile(
      'csl.json',
      '[{"title":"Leren van doen","URL":"https://www.nsob.nl/x"},{"URL":"https://www.wrr.nl/y"}]',
    );
    await store.check();
    expect(store.message.value).toBe(
      'Import geweigerd, er is niets veranderd. Wat er mis is in het bestand:',
    );
    expect(store.problems.value).toEqual(['Record 2, veld title: is missing']);

    store.chooseFile(fileOf('Dit is een boodschappenlijst', 'lijst.txt'));
    await store.check();
    expect(store.problems.value).toEqual([
      'Dit bestand is geen Leesmap-back-up, CSL-JSON-, BibTeX- of RIS-bestand.',
    ]);
  });

  it('lists at most ten problems and counts the rest', async () => {
    const store = createImportStore({ ports });
    const entries = Array.from(
      { length: 14 },
      (_, i) => `@misc{k${i}, year={2020}, url={https://example.org/${i}}}`,
    ).join('\n');
    store.chooseFile(fileOf(entries, 'many.bib'));
    await store.check();
    expect(store.problems.value).toHaveLength(11);
    expect(store.problems.value[0]).toBe('Record 1, field title: is missing');
    expect(store.problems.value[10]).toBe('… and 4 more problems');
  });

  it('says where a broken file breaks: unreadable JSON, a cut-short backup', async () => {
    const store = createImportStore({ ports });
    store.chooseFile(fileOf('{"format": "leesmap-backup", ', 'backup.leesmap.json'));
    await store.check();
    expect(store.problems.value.join('\n')).toMatch(/^file: is not valid JSON/);

    store.chooseFile(
      fileOf('{"format":"leesmap-backup","version":1,"count":2,"records":[]}', 'backup.leesmap.json'),
    );
    await store.check();
    expect(store.problems.value.join('\n')).toMatch(/count/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const store = createImportStore({ ports });
    const huge = { ...fileOf('[]', 'huge.json'), size: MAX_IMPORT_BYTES + 1 };
    store.chooseFile(huge);
    expect(await store.check()).toBe(false);
    expect(huge.read).toBe(0);
    expect(store.problems.value).toEqual(['huge.json: is larger than 512 MB']);
    expect(ports.writes).toBe(0);
  });

  it('tells the reader when the list could not be written, and that nothing changed', async () => {
    const store = createImportStore({
      ports: {
        ...ports,
        write: () => {
          throw new Error('quota exceeded');
        },
      },
    });
    store.chooseFile(fileOf((await exportFile([leren], 'ris')).content, 'x.ris'));
    expect(await importNow(store)).toBe(false);
    expect(store.message.value).toBe('Import failed: quota exceeded');
    expect(store.problems.value).toEqual([]);
    expect(store.busy.value).toBe(false);
    expect(await listPublications(db)).toEqual([]);
  });

  it('does nothing until a file is chosen, and a new choice clears the last report', async () => {
    const store = createImportStore({ ports });
    expect(await store.check()).toBe(false);
    store.chooseFile(fileOf('nonsense', 'x'));
    await store.check();
    expect(store.problems.value).not.toEqual([]);
    store.chooseFile(fileOf('[]', 'y.json'));
    expect(store.problems.value).toEqual([]);
    expect(store.message.value).toBe('');
    expect(ports.writes).toBe(0);
  });
});
