import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromBibtex, fromRis, toBibtex, toRis } from '@/utils/export/bibliographic';
import { exportRecords, importText, ImportError } from '@/utils/export';
import { newSavedPublication, type SavedPublication } from '@/utils/record';
import { storedLine, variedRecord } from './records';

/** A saved record with the reader's fields set (`undefined` in `overrides` removes a field). */
function record(overrides: Partial<SavedPublication> = {}): SavedPublication {
  return newSavedPublication({
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
    status: 'reading',
    notes: 'privé notitie',
    tags: ['werk'],
    starred: true,
    savedAt: 1,
    updatedAt: 2,
    ...overrides,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('BibTeX', () => {
  it('writes one biblatex entry per record and reads back every field it carries', () => {
    const bib = toBibtex([
      record({ doi: '10.1234/NSOB.2023' }),
      record({ id: 'b', url: 'https://wrr.nl/x', title: 'Tweede', subtitle: undefined, authors: [] }),
    ]);
    expect(bib.match(/^@/gm)).toHaveLength(2);
    // An essay of an institute is a report with its type, never an @article without a journal.
    expect(bib).toMatch(/^@report\{vantwist2023leren,$/m);
    expect(bib).toContain('  type = {Essay},\n  institution = {NSOB},');
    expect(bib).toContain('  date = {2023-05-02},');
    expect(bib).not.toMatch(/^\s*month\s*=/m);
    // The reader's notes go out (as `note`); status and tags never do.
    expect(bib).toContain('  note = {privé notitie},');
    expect(bib).not.toContain('werk');
    const [first, second] = fromBibtex(bib, 5);
    // Every field BibTeX carries comes back; the reader's status and tags start afresh.
    const { title, subtitle, authors, published, year, publisher, type, themes, notes, url } = record();
    const carried = { title, subtitle, authors, published, year, publisher, type, themes, notes, url };
    expect(first).toMatchObject({
      ...carried,
      doi: '10.1234/NSOB.2023',
      status: 'to-read',
      tags: [],
      savedAt: 5,
    });
    // No author: biblatex's @report requires one, so the essay is a @misc with its type.
    expect(bib).toMatch(/^@misc\{nsob2023tweede,$/m);
    expect(second).toMatchObject({ title: 'Tweede', type: 'essay', publisher: 'NSOB', authors: [] });
  });

  it('a newline or brace inside a title cannot break the entry', () => {
    const nasty = record({
      title: 'Open { brace\n}\n@misc{injected, title={x}}\n\nand } more {',
      subtitle: undefined,
    });
    const bib = toBibtex([
      nasty,
      record({ id: 'next', url: 'https://wrr.nl/next', title: 'Volgende', subtitle: undefined }),
    ]);
    // Braces inside a value are balanced or escaped: the entries parse back as exactly two records.
    const back = fromBibtex(bib, 1);
    expect(back.map((r) => r.title)).toEqual([
      'Open { brace } @misc{injected, title={x}} and } more {',
      'Volgende',
    ]);
  });

  it('gives every entry a unique citation key', () => {
    const bib = toBibtex(
      Array.from({ length: 30 }, (_, i) => record({ id: `r${i}`, url: `https://a.org/${i}` })),
    );
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
      [
        'Weten is nog geen doen',
        2017,
        'https://www.wrr.nl/publicaties/rapporten/2017/04/24/weten-is-nog-geen-doen',
      ],
      // Known only by its ISBN: its Open Library address (only http(s) addresses are stored;
      // earlier versions stored urn:isbn:…).
      ['Alleen ISBN', 2019, 'https://openlibrary.org/isbn/9789085551234'],
    ]);
    expect(() => fromBibtex('@misc{nourl, title = {Geen adres}}')).toThrow(/record 1, field URL: is missing/);
  });
});

describe('files from other reference managers', () => {
  it('reads BibTeX as JabRef, Zotero and older tools write it: TeX accents, macros, year and month, journal', () => {
    const file = [
      '% exported by JabRef',
      '@string{wrr = "Wetenschappelijke Raad voor het Regeringsbeleid"}',
      '@Article{Mueller2019,',
      '  author    = {M{\\"u}ller, J{\\"o}rg and Garc\\\'{\\i}a, Mar\\\'ia and others},',
      "  title     = {{The} \\emph{Ö}konomie of --- policy: a ``review''},",
      '  journal   = {Journal of Public Policy},',
      '  year      = 2019,',
      '  month     = may,',
      '  doi       = {https://doi.org/10.1017/S0143814X1900012X},',
      '  keywords  = {policy; economics, governance},',
      '  file      = {Full Text PDF:https\\://example.org/a.pdf:application/pdf},',
      '  abstract  = "An {abstract} with a \\% sign",',
      '}',
      '@techreport{wrr2017, author = wrr, title = {Weten is nog geen doen}, institution = wrr # " (WRR)", year = {2017}, type = {techreport}, url = {https://www.wrr.nl/x}}',
      '@comment{jabref-meta: databaseType:biblatex;}',
    ].join('\n');
    const [article, report] = fromBibtex(file, 1);
    expect(article).toMatchObject({
      title: 'The Ökonomie of — policy: a “review”',
      // "and others" is BibTeX's "et al.", not an author.
      authors: ['Jörg Müller', 'María García'],
      published: '2019-05',
      year: 2019,
      publisher: 'Journal of Public Policy',
      type: 'article',
      keywords: ['policy', 'economics', 'governance'],
      summary: 'An abstract with a % sign',
      doi: '10.1017/S0143814X1900012X',
      pdfUrl: 'https://example.org/a.pdf',
      url: 'https://doi.org/10.1017/S0143814X1900012X',
    });
    expect(report).toMatchObject({
      authors: ['Wetenschappelijke Raad voor het Regeringsbeleid'],
      publisher: 'Wetenschappelijke Raad voor het Regeringsbeleid (WRR)',
      type: 'report',
      year: 2017,
    });
    expect(report.published).toBeUndefined();
  });

  it('names an entry it cannot parse, with its line, and refuses the file', () => {
    const file =
      '@article{a, title={ok}, url={https://a.org}}\n@article{b, title={broken, url={https://a.org}\n@article{c, title={ok}, url={https://c.org}}\n';
    expect(() => fromBibtex(file)).toThrow(
      'record 2, field entry: could not be read (@article on line 2) has a value whose braces do not close',
    );
  });

  it('reads old-style RIS: T1, A1, Y1 dates, JO journals, continuation lines', () => {
    const ris =
      'TY  - JOUR\nT1  - Old style title\nA1  - Prins, Corien\nY1  - 2021/03/04/\nJO  - Beleid en Maatschappij\nKW  - a; b\nN1  - line one\nline two\nUR  - https://example.org/j\nER  - \n';
    expect(fromRis(ris, 1)[0]).toMatchObject({
      title: 'Old style title',
      authors: ['Corien Prins'],
      published: '2021-03-04',
      year: 2021,
      publisher: 'Beleid en Maatschappij',
      type: 'article',
      keywords: ['a; b'],
      notes: 'line one\nline two',
    });
  });
});

describe('RIS', () => {
  it('a newline inside a title cannot start a new tag or end the record', () => {
    const nasty = record({
      title: 'Eerste regel\nER  - \nTY  - JOUR\nTI  - ingevoegd',
      subtitle: undefined,
      summary: 'a\r\nAU  - Iemand',
    });
    const ris = toRis([
      nasty,
      record({ id: 'next', url: 'https://wrr.nl/next', title: 'Volgende', subtitle: undefined }),
    ]);
    const lines = ris.split('\r\n').filter(Boolean);
    // Every line is a tag line: nothing from a value starts a line of its own.
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('ER  - '))).toHaveLength(2);
    const back = fromRis(ris, 1);
    expect(back.map((r) => r.title)).toEqual(['Eerste regel ER - TY - JOUR TI - ingevoegd', 'Volgende']);
    expect(back[0].authors).toEqual([
      'Mark van Twist',
      'Martijn van der Steen',
      'Wetenschappelijke Raad voor het Regeringsbeleid',
    ]);
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
    expect(() => fromRis('TY  - RPRT\r\nUR  - https://a.org/x\r\nER  - \r\n')).toThrow(
      /record 1, field title: is missing/,
    );
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
