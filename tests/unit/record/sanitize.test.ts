import { describe, expect, it } from 'vitest';
import {
  validateRecords,
  ImportError,
  cleanNotes,
  cleanText,
  LIMITS,
  sanitizeChanges,
  sanitizeExtraction,
  sanitizeFirstCheck,
  sanitizeForExport,
  sanitizePublication,
  safeHttpUrl,
  type SavedPublication,
} from '@/utils/record';
import { BIDI_CONTROLS } from './characters';

const base = {
  url: 'https://www.nsob.nl/publicaties/leren-van-doen',
  title: 'Leren van doen',
  authors: [],
  themes: [],
  keywords: [],
  related: [],
};

describe('sanitizePublication', () => {
  it('keeps a well-formed record as it is', () => {
    const record = {
      ...base,
      authors: ['Martijn van der Steen'],
      published: '2020',
      year: 2020,
      language: 'nl',
      themes: ['Sturen in netwerken'],
    };
    expect(sanitizePublication(record)).toEqual(record);
  });

  it('refuses records without an http(s) address or a title', () => {
    expect(sanitizePublication({ ...base, url: 'javascript:alert(1)' })).toBeUndefined();
    expect(sanitizePublication({ ...base, title: '   ' })).toBeUndefined();
    expect(sanitizePublication(null)).toBeUndefined();
  });

  it('drops unsafe links and unknown keys', () => {
    const clean = sanitizePublication({
      ...base,
      pdfUrl: 'javascript:alert(1)',
      evil: '<script>',
      related: [{ title: 'X', url: 'data:text/html,hi', themes: [] }],
    });
    expect(clean).not.toHaveProperty('pdfUrl');
    expect(clean).not.toHaveProperty('evil');
    expect(clean?.related[0]).toEqual({ title: 'X', themes: [] });
  });

  it('keeps markup as inert text, collapsed to one line', () => {
    const clean = sanitizePublication({ ...base, title: '<img src=x onerror=alert(1)>\n  Titel' });
    expect(clean?.title).toBe('<img src=x onerror=alert(1)> Titel');
  });

  it('bounds sizes of hostile input', () => {
    const clean = sanitizePublication({
      ...base,
      summary: 'x'.repeat(1_000_000),
      authors: Array.from({ length: 10_000 }, (_, i) => `Author ${i}`),
      related: Array.from({ length: 10_000 }, (_, i) => ({ title: `R ${i}`, themes: [] })),
    });
    expect(clean!.summary).toBe('x'.repeat(LIMITS.summary));
    expect(clean!.authors).toHaveLength(LIMITS.listItems);
    expect(clean!.related).toHaveLength(LIMITS.related);
  });

  it('derives the year from the date and rejects malformed dates and DOIs', () => {
    const clean = sanitizePublication({ ...base, published: '2021-03', year: 'soon', doi: 'doi:nonsense' });
    expect(clean).toMatchObject({ published: '2021-03', year: 2021 });
    expect(clean).not.toHaveProperty('doi');
    expect(sanitizePublication({ ...base, published: 'March 2021' })).not.toHaveProperty('published');
  });
});

describe('sanitizeExtraction', () => {
  it('clamps confidence and keeps signals as short strings', () => {
    const result = sanitizeExtraction({
      detected: true,
      confidence: 7,
      signals: ['citation_title', 42],
      publication: base,
    });
    expect(result).toMatchObject({ detected: true, confidence: 1, signals: ['citation_title'] });
  });
  it('treats anything but a literal true as not detected', () => {
    expect(sanitizeExtraction({ detected: 'yes', confidence: 0.9, signals: [] })?.detected).toBe(false);
  });
});

describe('sanitizeFirstCheck', () => {
  it('keeps a ruling and a bounded list of short signals', () => {
    const many = Array.from({ length: 500 }, (_, i) => `path:${i}`);
    const result = sanitizeFirstCheck({
      ruledOut: true,
      signals: ['home-page', 42, ...many],
      extra: 'dropped',
    });
    expect(result?.ruledOut).toBe(true);
    expect(result?.signals[0]).toBe('home-page');
    expect(result?.signals.length).toBeLessThanOrEqual(40);
    expect(result).not.toHaveProperty('extra');
  });
  it('refuses a message without a ruling', () => {
    expect(sanitizeFirstCheck({ ruledOut: 'yes', signals: [] })).toBeUndefined();
    expect(sanitizeFirstCheck(null)).toBeUndefined();
  });
});

describe('safeHttpUrl', () => {
  it('accepts only absolute http and https addresses', () => {
    expect(safeHttpUrl('https://wrr.nl/a')).toBe('https://wrr.nl/a');
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl('chrome://settings')).toBeUndefined();
  });
});

const BIDI = BIDI_CONTROLS;
const OTHER_FORMAT = ['\u00AD', '\u200B', '\u2060', '\uFEFF', '\u180E', '\u2062', '\u{E0041}'];

describe('text on every way in', () => {
  it('"Rapport \\u202Efdp.exe\\u202C" is stored as "Rapport fdp.exe": from the page, an import and an edit', () => {
    const hostile = 'Rapport \u202Efdp.exe\u202C';
    expect(sanitizePublication({ ...base, title: hostile })?.title).toBe('Rapport fdp.exe');
    const [imported] = validateRecords([{ id: 'x', url: base.url, title: hostile, savedAt: 1 }]);
    expect(imported.title).toBe('Rapport fdp.exe');
    expect(sanitizeChanges({ title: hostile }).title).toBe('Rapport fdp.exe');
  });

  it.each(
    [...BIDI, ...OTHER_FORMAT].map((c) => [c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), c]),
  )('removes format character U+%s', (_hex, char) => {
    expect(cleanText(`a${char}b`, 100)).toBe('ab');
    expect(cleanNotes(`a${char}\nb`)).toBe('a\nb');
  });

  it('keeps ZWJ and ZWNJ (emoji sequences, Persian and Indic scripts)', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const persian = 'می\u200Cخواهم';
    expect(cleanText(`${family} ${persian}`, 100)).toBe(`${family} ${persian}`);
  });

  it('turns C0 and C1 controls into spaces; notes keep line breaks as \\n', () => {
    expect(cleanText('a\u0000b\u0007c\u0085d\u009Fe\tf\r\ng', 100)).toBe('a b c d e f g');
    expect(cleanNotes('regel 1\r\nregel 2\rregel 3\u2028regel 4\u0000\tx')).toBe(
      'regel 1\nregel 2\nregel 3\nregel 4  x',
    );
  });

  it('never cuts a surrogate pair in half', () => {
    const cut = cleanText(`a${'😀'.repeat(10)}`, 4);
    expect(cut).toBe('a😀');
  });

  it('cleans related items, tags and notes too', () => {
    const clean = sanitizePublication({
      ...base,
      related: [{ title: 'R\u202Eel', subtitle: '\u2066x', themes: ['t\u200Bt'], summary: 's\u0000s' }],
    });
    expect(clean?.related[0]).toEqual({ title: 'Rel', subtitle: 'x', themes: ['tt'], summary: 's s' });
    const [imported] = validateRecords([
      {
        id: 'x',
        url: base.url,
        title: 'T',
        savedAt: 1,
        tags: ['a\u202Eb', 'ab', ''],
        notes: 'n\u202E\r\nm',
        related: [{ title: '\u202E' }],
      },
    ]);
    expect(imported).toMatchObject({ tags: ['ab'], notes: 'n\nm', related: [] });
  });
});

describe('addresses on every way in', () => {
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \t\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    'urn:isbn:123',
    'not a url',
    `https://a.org/${'x'.repeat(LIMITS.url)}`,
  ];

  it.each(hostile)('never stores %j from a page', (url) => {
    expect(safeHttpUrl(url)).toBeUndefined();
    expect(sanitizePublication({ ...base, url })).toBeUndefined();
    const clean = sanitizePublication({
      ...base,
      canonicalUrl: url,
      pdfUrl: url,
      related: [{ title: 'R', url, themes: [] }],
    });
    expect(clean).not.toHaveProperty('canonicalUrl');
    expect(clean).not.toHaveProperty('pdfUrl');
    expect(clean?.related[0]).not.toHaveProperty('url');
  });

  it.each(hostile.filter((u) => !u.startsWith('urn:')))(
    'refuses an import whose main address is %j, and says why',
    (url) => {
      const error = (() => {
        try {
          validateRecords([{ id: 'x', url, title: 'T', savedAt: 1 }]);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).issues).toEqual([
        { index: 0, field: 'url', message: expect.stringMatching(/http|longer/) },
      ]);
    },
  );

  it.each(hostile)('drops an optional address %j on import without refusing the record', (url) => {
    const [record] = validateRecords([
      {
        id: 'x',
        url: base.url,
        title: 'T',
        savedAt: 1,
        canonicalUrl: url,
        pdfUrl: url,
        related: [{ title: 'R', url, themes: [] }],
      },
    ]);
    expect(record).not.toHaveProperty('canonicalUrl');
    expect(record).not.toHaveProperty('pdfUrl');
    expect(record.related).toEqual([{ title: 'R', themes: [] }]);
  });

  it("an earlier urn:isbn: address becomes the ISBN's web address on import", () => {
    const [record] = validateRecords([
      { id: 'url:urn:isbn:9789085551234', url: 'urn:isbn:9789085551234', title: 'T', savedAt: 1 },
    ]);
    expect(record.url).toBe('https://openlibrary.org/isbn/9789085551234');
    expect(record.id).toBe('url:urn:isbn:9789085551234');
  });

  it('stores the parsed address: invisible characters in a path are percent-encoded', () => {
    expect(safeHttpUrl('https://a.org/r\u202Eexe')).toBe('https://a.org/r%E2%80%AEexe');
    expect(safeHttpUrl(' https://a.org ')).toBe('https://a.org/');
  });
});

describe("sanitizeChanges (the reader's edits)", () => {
  it('keeps editable fields and reader fields, cleaned; drops everything else', () => {
    const changes = sanitizeChanges({
      title: ' Nieuwe\u202E titel ',
      authors: ['A\u200B', 'A', 42],
      status: 'read',
      notes: 'regel\r\nregel\u202E',
      tags: ['werk', 'werk', '\u2066'],
      starred: true,
      year: 2020,
      published: '2020-05',
      id: 'other',
      editedFields: ['title'],
      identity: ['x'],
      url: 'javascript:alert(1)',
    });
    expect(changes).toStrictEqual({
      title: 'Nieuwe titel',
      authors: ['A'],
      status: 'read',
      notes: 'regel\nregel',
      tags: ['werk'],
      starred: true,
      year: 2020,
      published: '2020-05',
    });
  });

  it('keeps "clear this field": \'\', null and undefined stay a clear, as does text that cleans to nothing', () => {
    const changes = sanitizeChanges({
      subtitle: '',
      publisher: null,
      summary: undefined,
      type: '\u202E',
      year: null,
      published: '',
      themes: null,
      notes: null,
    });
    expect(changes).toStrictEqual({
      subtitle: '',
      publisher: '',
      summary: '',
      type: '',
      year: undefined,
      published: '',
      themes: [],
      notes: '',
    });
    expect('year' in changes).toBe(true);
  });

  it('never clears the title, and ignores values of the wrong type', () => {
    expect(sanitizeChanges({ title: '' })).toStrictEqual({});
    expect(
      sanitizeChanges({
        title: 42,
        status: 'gelezen',
        starred: 'yes',
        year: 2020.5,
        published: 'soon',
        tags: 'werk',
        notes: {},
      }),
    ).toStrictEqual({});
    expect(sanitizeChanges(null)).toStrictEqual({});
    expect(sanitizeChanges(['title'])).toStrictEqual({});
  });

  it('bounds notes, tags and summary by the one table', () => {
    const changes = sanitizeChanges({
      notes: 'n'.repeat(LIMITS.notes + 10),
      tags: Array.from({ length: 1_000 }, (_, i) => `t${i}`),
      summary: 's'.repeat(LIMITS.summary + 10),
    });
    expect(changes.notes).toHaveLength(LIMITS.notes);
    expect(changes.tags).toHaveLength(LIMITS.listItems);
    expect(changes.summary).toHaveLength(LIMITS.summary);
  });

  it('reads only own keys: nothing comes from a polluted prototype', () => {
    const changes = sanitizeChanges(JSON.parse('{"__proto__":{"title":"injected","polluted":1}}'));
    expect(changes).toStrictEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sanitizeForExport (records an older version stored)', () => {
  const stored: SavedPublication = {
    id: 'url:urn:isbn:9789085551234',
    url: 'urn:isbn:9789085551234',
    title: 'Rapport \u202Efdp.exe\u202C',
    authors: ['A\u200Fb'],
    themes: [],
    keywords: [],
    related: [{ title: 'R', url: 'javascript:alert(1)', themes: [] }],
    status: 'read',
    notes: 'a\r\nb\u2067',
    tags: [],
    starred: false,
    editedFields: [],
    savedAt: 1,
    updatedAt: 1,
    pdfUrl: 'data:application/pdf,x',
    canonicalUrl: 'https://a.org/c',
  };

  it('removes bidi controls, keeps line breaks for the exporters, and keeps only http(s) addresses', () => {
    const out = sanitizeForExport(stored);
    expect(out).toMatchObject({
      title: 'Rapport fdp.exe',
      authors: ['Ab'],
      notes: 'a\r\nb',
      canonicalUrl: 'https://a.org/c',
    });
    expect(out.url).toBe('https://openlibrary.org/isbn/9789085551234');
    expect(out).not.toHaveProperty('pdfUrl');
    expect(out.related).toEqual([{ title: 'R', themes: [] }]);
  });

  it("falls back to the DOI's address, else leaves the address out", () => {
    expect(sanitizeForExport({ ...stored, url: 'javascript:x', doi: '10.1234/abc' }).url).toBe(
      'https://doi.org/10.1234/abc',
    );
    expect(sanitizeForExport({ ...stored, url: 'javascript:x' })).not.toHaveProperty('url');
  });
});
