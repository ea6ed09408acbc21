/**
 * Properties of the one sanitiser, on each way into the reading list: the page
 * (`sanitizeExtraction`), import (`validateRecords`) and the reader's edits (`sanitizeChanges`).
 * Generated input carries hostile values in every text field (bidi and every other format
 * character, C0/C1 controls, markup, huge strings, wrong types, `__proto__` and `constructor` keys)
 * and hostile addresses in every address field. Whatever comes out must be clean; the checks
 * below are written independently of utils/sanitize.ts.
 */
import fc from 'fast-check';
import { schemeAttack } from '../hostile-addresses';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ImportError,
  validateRecords,
  READING_STATUSES,
  type SavedPublication,
  EDITABLE_FIELDS,
  LIMITS,
  sanitizeChanges,
  sanitizeExtraction,
} from '@/utils/record';
import { BIDI_CONTROLS, CONTROL_CHARS, FORMAT_CHARS } from './characters';

const RUNS = { numRuns: 1_000 };
/** 1,000 runs over records with megabyte strings take seconds. */
const SLOW = { timeout: 300_000 };

// ---- Characters -------------------------------------------------------------------------------

const BIDI = BIDI_CONTROLS;
const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  'prototype',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
  'می\u200Cخواهم',
  'التعلم بالممارسة',
];
/** Shared, so generating it costs nothing; over every cap (notes: 1,000,000). */
const HUGE = `${`Lange tekst ${'x'.repeat(86)}\u202E\n`.repeat(11_000)}`;

/** A forbidden character anywhere: format characters but ZWNJ/ZWJ, lone surrogates. */
const FORBIDDEN_FORMAT = /(?![\u200C\u200D])\p{Cf}/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LF = /[^\P{Cc}\n]/u;

const hostileChar = fc.oneof(
  fc.constantFrom(...FORMAT_CHARS),
  fc.constantFrom(...BIDI),
  fc.constantFrom(...CONTROL_CHARS),
  fc.constantFrom('\u2028', '\u2029', '\r\n', '\u00A0', '\u3000', '\uD800', '\uDC00'),
);

const hostileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 18,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          hostileChar,
          fc.constantFrom(...MARKUP),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileChar, fc.integer({ min: 1, max: 3_000 })).map(([c, n]) => `x${c}`.repeat(n)),
  },
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ toString: () => 'javascript:alert(1)' }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

const hostileValue = fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType });

const badAddress: fc.Arbitrary<string> = fc.oneof(
  schemeAttack,
  fc.constantFrom(
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '//evil.example/x',
    '/relative',
    '../up',
    '?q=1',
    '#frag',
    'evil.example',
    'mailto:a@b.c',
    'chrome://settings',
    'blob:https://a.org/x',
    'http://',
    'https://',
    '',
    ' ',
  ),
  fc.constant(`https://a.org/${'x'.repeat(LIMITS.url)}`),
  hostileText,
);

const goodAddress: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS', ' https'),
    fc.constantFrom('a.org', 'www.nsob.nl', 'xn--bcher-kva.example', 'bücher.example', '127.0.0.1:8080'),
    fc.string({ unit: 'binary', maxLength: 20 }),
    hostileChar,
  )
  .map(([scheme, host, path, char]) => `${scheme}://${host}/${encodeURIComponent(path)}${char}`);

const address = fc.oneof(
  { weight: 2, arbitrary: goodAddress },
  { weight: 2, arbitrary: badAddress },
  { weight: 1, arbitrary: wrongType },
);

const hostileList = fc.oneof(
  { weight: 4, arbitrary: fc.array(hostileValue, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 5_000 }, (_, i) => `item ${i}\u202E`)) },
  { weight: 1, arbitrary: wrongType },
);

/** Adds own `__proto__` and `constructor` keys, as JSON.parse makes them. */
function withHostileKeys<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return {
    ...JSON.parse(
      '{"__proto__":{"polluted":1,"title":"from the prototype"},"constructor":{"prototype":{"polluted":1}}}',
    ),
    ...value,
  };
}

const related = fc
  .record(
    { title: hostileValue, subtitle: hostileValue, url: address, summary: hostileValue, themes: hostileList },
    { requiredKeys: [] },
  )
  .map(withHostileKeys);

const publication = fc
  .record(
    {
      url: address,
      canonicalUrl: address,
      pdfUrl: address,
      title: hostileValue,
      subtitle: hostileValue,
      authors: hostileList,
      published: fc.oneof(fc.constantFrom('2020', '2021-03', '2021-03-04', '20201', 'soon'), hostileValue),
      year: fc.oneof(fc.integer({ min: -5, max: 10_000 }), wrongType),
      publisher: hostileValue,
      type: hostileValue,
      themes: hostileList,
      keywords: hostileList,
      summary: hostileValue,
      language: fc.oneof(fc.constantFrom('nl', 'en-GB', 'x-\u202E'), hostileValue),
      doi: fc.oneof(
        fc
          .tuple(hostileChar, fc.string({ unit: 'binary', maxLength: 10 }))
          .map(([c, s]) => `10.1234/a${c}${s}`),
        hostileValue,
      ),
      isbn: hostileValue,
      related: fc.oneof(
        { weight: 4, arbitrary: fc.array(related, { maxLength: 4 }) },
        { weight: 1, arbitrary: wrongType },
      ),
      evil: hostileValue,
    },
    { requiredKeys: [] },
  )
  .map(withHostileKeys);

/** A publication that the page path lets through often: good address and visible title. */
const likelyPublication = fc
  .tuple(
    publication,
    goodAddress,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `T${s}`),
    hostileText,
  )
  .map(([p, url, title, noise]) => ({ ...p, url, title: `${title}${noise}` }));

// ---- Checks (independent of the implementation) --------------------------------------------------

const TEXT_CAPS: Record<string, number> = {
  id: LIMITS.id,
  title: LIMITS.title,
  subtitle: LIMITS.subtitle,
  publisher: LIMITS.publisher,
  type: LIMITS.type,
  language: LIMITS.language,
  doi: LIMITS.doi,
  isbn: LIMITS.isbn,
  summary: LIMITS.summary,
  notes: LIMITS.notes,
  published: 10,
  status: 10,
  authors: LIMITS.listItem,
  themes: LIMITS.listItem,
  keywords: LIMITS.listItem,
  tags: LIMITS.listItem,
  editedFields: 20,
  signals: LIMITS.signal,
};
const LIST_CAPS: Record<string, number> = {
  authors: LIMITS.listItems,
  themes: LIMITS.listItems,
  keywords: LIMITS.listItems,
  tags: LIMITS.listItems,
  related: LIMITS.related,
  signals: LIMITS.signals,
  editedFields: EDITABLE_FIELDS.length,
};
const ADDRESS_FIELDS = new Set(['url', 'canonicalUrl', 'pdfUrl']);

function isHttpAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      value === url.href &&
      value.length <= LIMITS.url
    );
  } catch {
    return false;
  }
}

/** Walks every value; throws (with its path) at the first one that breaks a rule. */
function assertClean(value: unknown, path: string[] = []): void {
  const where = path.join('.') || '(root)';
  const field = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  const inRelated = path[0] === 'related' || path.includes('related');
  if (typeof value === 'string') {
    if (FORBIDDEN_FORMAT.test(value))
      throw new Error(`${where}: format character in ${JSON.stringify(value.slice(0, 80))}`);
    if (!value.isWellFormed()) throw new Error(`${where}: lone surrogate`);
    if (field === 'notes' ? CONTROL_BUT_LF.test(value) : CONTROL.test(value))
      throw new Error(`${where}: control character`);
    if (ADDRESS_FIELDS.has(field)) {
      if (!isHttpAddress(value))
        throw new Error(`${where}: not an http(s) address: ${JSON.stringify(value.slice(0, 80))}`);
      return;
    }
    const cap =
      inRelated && field === 'summary'
        ? LIMITS.summary
        : inRelated && field === 'title'
          ? LIMITS.title
          : TEXT_CAPS[field];
    if (cap === undefined) throw new Error(`${where}: unexpected text field`);
    if (value.length > cap) throw new Error(`${where}: ${value.length} characters, cap ${cap}`);
    if (field !== 'notes' && (value !== value.trim() || /\s{2}|[^\S ]/.test(value)))
      throw new Error(`${where}: whitespace not collapsed`);
    if (field === 'status' && !READING_STATUSES.includes(value as never))
      throw new Error(`${where}: unknown status`);
    return;
  }
  if (Array.isArray(value)) {
    const cap = inRelated && field === 'themes' ? LIMITS.relatedThemes : LIST_CAPS[field];
    if (cap === undefined) throw new Error(`${where}: unexpected list`);
    if (value.length > cap) throw new Error(`${where}: ${value.length} items, cap ${cap}`);
    value.forEach((item, i) => assertClean(item, [...path, String(i)]));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`${where}: not a plain object`);
    for (const key of Object.keys(value)) {
      if (key === '__proto__' || key === 'constructor' || key === 'evil' || key === 'identity')
        throw new Error(`${where}: key ${key}`);
      assertClean((value as Record<string, unknown>)[key], [...path, key]);
    }
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${where}: not a finite number`);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new Error(`${where}: ${typeof value}`);
}

afterEach(() => {
  // No sanitiser may ever write through a "__proto__" key.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('title');
});

// ---- The page -----------------------------------------------------------------------------------

/** Cleaning what was cleaned changes nothing, for any input of `inputs`. */
function assertIdempotent<T, R>(inputs: fc.Arbitrary<T>, clean: (value: T | R) => R): void {
  fc.assert(
    fc.property(inputs, (input) => {
      const once = clean(input);
      expect(clean(once)).toStrictEqual(once);
    }),
    RUNS,
  );
}

describe('the page: sanitizeExtraction', SLOW, () => {
  const extraction = fc
    .record(
      {
        detected: fc.oneof(fc.boolean(), wrongType),
        confidence: fc.oneof(fc.double(), wrongType),
        signals: hostileList,
        publication: fc.oneof(
          { weight: 3, arbitrary: likelyPublication },
          { weight: 1, arbitrary: publication },
          { weight: 1, arbitrary: wrongType },
        ),
      },
      { requiredKeys: [] },
    )
    .map(withHostileKeys);

  it('every string is clean and within its cap; every address is http(s)', () => {
    let kept = 0;
    fc.assert(
      fc.property(extraction, (input) => {
        const result = sanitizeExtraction(input);
        expect(result).toBeDefined();
        assertClean(result);
        expect(result!.confidence).toBeGreaterThanOrEqual(0);
        expect(result!.confidence).toBeLessThanOrEqual(1);
        if (result!.publication) kept++;
      }),
      RUNS,
    );
    // The property looked at real records, not only refusals.
    expect(kept).toBeGreaterThan(300);
  });

  it('is idempotent: sanitising a sanitised extraction changes nothing', () => {
    assertIdempotent(extraction, sanitizeExtraction);
  });

  it('never keeps a record whose address is not http(s)', () => {
    fc.assert(
      fc.property(likelyPublication, badAddress, (p, url) => {
        expect(
          sanitizeExtraction({ detected: true, confidence: 1, signals: [], publication: { ...p, url } })
            ?.publication,
        ).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('one sanitiser: a page record passes import and the edit path unchanged', () => {
    fc.assert(
      fc.property(likelyPublication, (input) => {
        const page = sanitizeExtraction({ publication: input })?.publication;
        fc.pre(page !== undefined);
        const [imported] = validateRecords([{ ...page, id: 'x', savedAt: 1 }]);
        const {
          id: _id,
          savedAt: _s,
          updatedAt: _u,
          status: _st,
          notes: _n,
          tags: _t,
          starred: _star,
          editedFields: _e,
          ...publicationPart
        } = imported;
        expect(publicationPart).toStrictEqual(page);
        const editable = Object.fromEntries(
          EDITABLE_FIELDS.filter((f) => f in page!).map((f) => [f, page![f]]),
        );
        expect(sanitizeChanges(editable)).toStrictEqual(editable);
      }),
      RUNS,
    );
  });
});

// ---- Import -------------------------------------------------------------------------------------

const backupRecord = fc
  .tuple(
    publication,
    fc.record(
      {
        id: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => `url:${s}`),
          },
          { weight: 1, arbitrary: hostileValue },
        ),
        status: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...READING_STATUSES) },
          { weight: 1, arbitrary: hostileValue },
        ),
        notes: fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType }),
        tags: hostileList,
        starred: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType }),
        editedFields: fc.oneof(
          { weight: 4, arbitrary: fc.subarray([...EDITABLE_FIELDS]) },
          { weight: 1, arbitrary: hostileList },
        ),
        savedAt: fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: wrongType }),
        updatedAt: fc.oneof(fc.nat(), wrongType),
        lastVisitedAt: fc.oneof(fc.nat(), wrongType),
        identity: fc.constant(['url:injected']),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([p, reader]) => withHostileKeys({ ...p, ...reader }));

/** A record structurally right (types), hostile in content: the import must clean it, not refuse it. */
const wellTypedRecord = fc
  .record({
    id: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `title:x${s}`),
    url: goodAddress,
    canonicalUrl: fc.oneof(goodAddress, badAddress),
    pdfUrl: fc.oneof(goodAddress, badAddress),
    title: fc
      .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), hostileText)
      .map(([a, b]) => `T${a}${b}`),
    subtitle: hostileText,
    summary: hostileText,
    publisher: hostileText,
    type: hostileText,
    language: hostileText,
    isbn: hostileText,
    authors: fc.array(hostileText, { maxLength: 5 }),
    themes: fc.array(hostileText, { maxLength: 5 }),
    keywords: fc.array(hostileText, { maxLength: 5 }),
    tags: fc.array(hostileText, { maxLength: 5 }),
    notes: hostileText,
    related: fc.array(
      fc.record({
        title: hostileText,
        url: fc.oneof(goodAddress, badAddress),
        summary: hostileText,
        themes: fc.array(hostileText, { maxLength: 3 }),
      }),
      { maxLength: 3 },
    ),
    status: fc.constantFrom(...READING_STATUSES),
    starred: fc.boolean(),
    savedAt: fc.nat(),
  })
  .map(withHostileKeys);

function importOrRefuse(records: unknown): SavedPublication[] | undefined {
  try {
    return validateRecords(records);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues.length).toBeGreaterThan(0);
    return undefined;
  }
}

/** One to three records of a backup, well typed or not. */
const someRecords = fc.array(fc.oneof(backupRecord, wellTypedRecord), { minLength: 1, maxLength: 3 });

describe('import: validateRecords', SLOW, () => {
  it('either refuses the file or every stored field is clean, within its cap, every address http(s)', () => {
    let imported = 0;
    fc.assert(
      fc.property(someRecords, (records) => {
        const out = importOrRefuse(records);
        if (!out) return;
        imported++;
        expect(out).toHaveLength(records.length);
        out.forEach((record) => assertClean(record));
      }),
      RUNS,
    );
    expect(imported).toBeGreaterThan(100);
  });

  it('cleans, never refuses, a record whose types are right however hostile its text and optional addresses', () => {
    fc.assert(
      fc.property(wellTypedRecord, (record) => {
        const [out] = validateRecords([record]);
        assertClean(out);
      }),
      RUNS,
    );
  });

  it('refuses a record whose main address is not http(s)', () => {
    fc.assert(
      fc.property(wellTypedRecord, badAddress, (record, url) => {
        fc.pre(!/^\s*urn:isbn:/i.test(url));
        expect(importOrRefuse([{ ...record, url }])).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('is idempotent: importing what an import stored changes nothing', () => {
    fc.assert(
      fc.property(someRecords, (records) => {
        const once = importOrRefuse(records);
        if (!once) return;
        expect(validateRecords(JSON.parse(JSON.stringify(once)))).toStrictEqual(once);
        expect(validateRecords(once)).toStrictEqual(once);
      }),
      RUNS,
    );
  });
});

// ---- The reader's edits -------------------------------------------------------------------------

const changes = fc
  .record(
    {
      title: hostileValue,
      subtitle: hostileValue,
      authors: hostileList,
      published: fc.oneof(fc.constantFrom('2020', '2020-01', '', 'soon'), hostileValue),
      year: fc.oneof(fc.integer({ min: -5, max: 10_001 }), wrongType),
      publisher: hostileValue,
      type: hostileValue,
      themes: hostileList,
      keywords: hostileList,
      summary: hostileValue,
      language: hostileValue,
      status: fc.oneof(fc.constantFrom(...READING_STATUSES), hostileValue),
      notes: hostileValue,
      tags: hostileList,
      starred: fc.oneof(fc.boolean(), wrongType),
      url: address,
      id: hostileValue,
      editedFields: hostileList,
      identity: hostileList,
    },
    { requiredKeys: [] },
  )
  .map(withHostileKeys);

const CHANGE_KEYS = new Set<string>([...EDITABLE_FIELDS, 'status', 'notes', 'tags', 'starred']);

describe("the reader's edits: sanitizeChanges", SLOW, () => {
  it('only editable and reader fields come out, each clean and within its cap', () => {
    fc.assert(
      fc.property(changes, (input) => {
        const out = sanitizeChanges(input);
        for (const key of Object.keys(out)) expect(CHANGE_KEYS.has(key)).toBe(true);
        const { year, starred, ...rest } = out;
        if (year !== undefined) expect(Number.isInteger(year) && year >= 0 && year <= 9999).toBe(true);
        if (starred !== undefined) expect(typeof starred).toBe('boolean');
        // '' (a cleared field) is the one empty text allowed.
        assertClean(JSON.parse(JSON.stringify(rest, (_k, v) => (v === '' ? undefined : v))));
      }),
      RUNS,
    );
  });

  it('a cleared field stays cleared: "", null and undefined come out as a clear', () => {
    fc.assert(
      fc.property(
        changes,
        fc.constantFrom('', null, undefined),
        fc.constantFrom('subtitle', 'publisher', 'type', 'summary', 'language', 'published', 'notes'),
        (input, empty, field) => {
          const out = sanitizeChanges({ ...input, [field]: empty });
          expect(Object.prototype.hasOwnProperty.call(out, field)).toBe(true);
          expect(out[field as keyof typeof out]).toBe('');
          const cleared = sanitizeChanges({ year: empty, tags: empty, authors: empty });
          expect(cleared).toStrictEqual({ year: undefined, tags: [], authors: [] });
        },
      ),
      RUNS,
    );
  });

  it('is idempotent', () => {
    assertIdempotent(changes, sanitizeChanges);
  });
});

describe('no prototype pollution on any way in', SLOW, () => {
  it.each([
    [
      'page',
      () =>
        sanitizeExtraction(
          JSON.parse(
            '{"__proto__":{"polluted":1},"publication":{"__proto__":{"polluted":1},"url":"https://a.org/","title":"T","related":[{"__proto__":{"polluted":1},"title":"R"}]}}',
          ),
        ),
    ],
    [
      'import',
      () =>
        validateRecords(
          JSON.parse(
            '[{"__proto__":{"polluted":1},"id":"x","url":"https://a.org/","title":"T","savedAt":1,"related":[{"__proto__":{"polluted":1},"title":"R"}]}]',
          ),
        )[0],
    ],
    [
      'edit',
      () =>
        sanitizeChanges(
          JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"title":"T"}'),
        ),
    ],
  ])('%s', (_way, run) => {
    const out = run();
    assertClean(out);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('polluted');
  });
});
