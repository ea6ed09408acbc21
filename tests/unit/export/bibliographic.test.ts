import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBibtex, fromRis, toBibtex, toRis } from '@/utils/export/bibliographic';
import { exportRecords, importText, ImportError } from '@/utils/export';
import type { SavedPublication } from '@/utils/publication';
import { storedLine, variedRecord } from './records';

function record(overrides: Partial<SavedPublication> = {}): SavedPublication {
  return {
    id: 'url:nsob.nl/publicaties/leren-van-doen',
    url: 'https://www.nsob.nl/publicaties/leren-van-doen',
    title: 'Leren van doen',
    subtitle: 'Over experimenteren in het openbaar bestuur',
    authors: ['Mark van Twist', 'Martijn van der Steen', 'Wetenschappelijke Raad voor het Regeringsbeleid'],
    published: '2023-05-02',
    year: 2023,
    publisher: 'NSOB',
    type: 'essay',
    themes: ['Leren en experimenteren'],
    keywords: [],
    related: [],
    status: 'reading',
    notes: 'privé notitie',
    tags: ['werk'],
    starred: true,
    editedFields: [],
    savedAt: 1,
    updatedAt: 2,
    ...overrides,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('BibTeX', () => {
  it('writes one entry per record and reads back title, authors, year, publisher, URL and DOI', () => {
    const bib = toBibtex([record({ doi: '10.1234/nsob.2023' }), record({ id: 'b', url: 'https://wrr.nl/x', title: 'Tweede', subtitle: undefined, authors: [] })]);
    expect(bib.match(/^@/gm)).toHaveLength(2);
    expect(bib).not.toContain('privé notitie'); // reader notes stay out of citation files
    const [first, second] = fromBibtex(bib, 5);
    expect(first).toMatchObject({
      // BibTeX has no subtitle field: it comes back as part of the title.
      title: 'Leren van doen: Over experimenteren in het openbaar bestuur',
      authors: ['Mark van Twist', 'Martijn van der Steen', 'Wetenschappelijke Raad voor het Regeringsbeleid'],
      year: 2023,
      publisher: 'NSOB',
      url: 'https://www.nsob.nl/publicaties/leren-van-doen',
      doi: '10.1234/nsob.2023',
      savedAt: 5,
    });
    expect(second.title).toBe('Tweede');
  });

  it('a newline or brace inside a title cannot break the entry', () => {
    const nasty = record({ title: 'Open { brace\n}\n@misc{injected, title={x}}\n\nand } more {', subtitle: undefined });
    const bib = toBibtex([nasty, record({ id: 'next', url: 'https://wrr.nl/next', title: 'Volgende', subtitle: undefined })]);
    // Braces inside a value are balanced or escaped: the entries parse back as exactly two records.
    const back = fromBibtex(bib, 1);
    expect(back.map((r) => r.title)).toEqual(['Open { brace } @misc{injected, title={x}} and } more {', 'Volgende']);
  });

  it('gives every entry a unique citation key', () => {
    const bib = toBibtex(Array.from({ length: 30 }, (_, i) => record({ id: `r${i}`, url: `https://a.org/${i}` })));
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
  });

  it('reads a BibTeX file from elsewhere, and refuses entries it cannot use, naming them', () => {
    const file = `@comment{exported by a reference manager}
@techreport{wrr2017,
  author = {Wetenschappelijke Raad voor het Regeringsbeleid},
  title = {Weten is nog geen doen},
  institution = {WRR},
  year = {2017},
  url = {https://www.wrr.nl/publicaties/rapporten/2017/04/24/weten-is-nog-geen-doen}
}
@book{isbnonly, title = {Alleen ISBN}, year = 2019, isbn = {978-90-8555-123-4}}
`;
    const records = fromBibtex(file, 9);
    expect(records.map((r) => [r.title, r.year, r.url])).toEqual([
      ['Weten is nog geen doen', 2017, 'https://www.wrr.nl/publicaties/rapporten/2017/04/24/weten-is-nog-geen-doen'],
      // Known only by its ISBN: its Open Library address (only http(s) addresses are stored;
      // earlier versions stored urn:isbn:…).
      ['Alleen ISBN', 2019, 'https://openlibrary.org/isbn/9789085551234'],
    ]);
    expect(() => fromBibtex('@misc{nourl, title = {Geen adres}}')).toThrow(/record 1, field URL: is missing/);
  });
});

describe('RIS', () => {
  it('a newline inside a title cannot start a new tag or end the record', () => {
    const nasty = record({
      title: 'Eerste regel\nER  - \nTY  - JOUR\nTI  - ingevoegd',
      subtitle: undefined,
      summary: 'a\r\nAU  - Iemand',
    });
    const ris = toRis([nasty, record({ id: 'next', url: 'https://wrr.nl/next', title: 'Volgende', subtitle: undefined })]);
    const lines = ris.split('\r\n').filter(Boolean);
    // Every line is a tag line: nothing from a value starts a line of its own.
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(2);
    const back = fromRis(ris, 1);
    expect(back.map((r) => r.title)).toEqual(['Eerste regel ER - TY - JOUR TI - ingevoegd', 'Volgende']);
    expect(back[0].authors).toEqual(['Mark van Twist', 'Martijn van der Steen', 'Wetenschappelijke Raad voor het Regeringsbeleid']);
  });

  it('round-trips varied records: Unicode and right-to-left titles survive, bidi controls do not', () => {
    const records = Array.from({ length: 40 }, (_, n) => variedRecord(n));
    const back = fromRis(toRis(records), 1);
    expect(back).toHaveLength(40);
    back.forEach((r, i) => {
      const expected = records[i].subtitle ? `${records[i].title}: ${records[i].subtitle}` : records[i].title;
      expect(`${r.title}${r.subtitle ? `: ${r.subtitle}` : ''}`).toBe(storedLine(expected));
      expect(r.year).toBe(records[i].year);
    });
  });

  it('refuses a RIS file whose record has no title, naming it', () => {
    expect(() => fromRis('TY  - RPRT\r\nUR  - https://a.org/x\r\nER  - \r\n')).toThrow(/record 1, field title: is missing/);
  });
});

describe('import never touches the network', () => {
  it('parses BibTeX and RIS holding DOIs and URLs without fetching anything', async () => {
    const fetch = vi.fn(() => {
      throw new Error('network');
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('XMLHttpRequest', fetch);
    const records = [record({ doi: '10.1234/x' })];
    for (const format of ['bibtex', 'ris'] as const) {
      const file = await exportRecords(records, format);
      const { records: back } = await importText(file.content);
      expect(back[0].doi).toBe('10.1234/x');
    }
    await expect(importText('10.1234/just-a-doi')).rejects.toBeInstanceOf(ImportError);
    expect(fetch).not.toHaveBeenCalled();
  });
});
