/**
 * fast-check generators of varied records, as a file or an older version may hand them over (the
 * sanitiser has not seen them): Unicode, diacritics, right-to-left text, emoji, braces and TeX
 * specials, RIS tag look-alikes, invisible and control characters, organisations and persons
 * (with particles) as authors, years only / year-month / full dates, and every optional field
 * present or absent.
 */
import fc from 'fast-check';
import { identityKeys } from '@/utils/identity';
import {
  READING_STATUSES,
  type RelatedPublication,
  type SavedPublication,
  EDITABLE_FIELDS,
} from '@/utils/record';

const WORDS = [
  'Leren',
  'van',
  'doen',
  'beleid',
  'Sturen',
  'in',
  'netwerken',
  'and',
  'en',
  'others',
  'de',
  'Policy',
  'the',
  'état',
  'Überprüfung',
  'naïve',
  'café',
  'Zoë',
  'ÅÆØ',
  'łódź',
  'ß',
  'İstanbul',
  'ǅ',
];
const FOREIGN = [
  'التعلم بالممارسة',
  'למידה מתוך עשייה',
  '政策研究の方法',
  'Москва',
  'Ελλάδα',
  '📚🇳🇱',
  '👩‍👩‍👧',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'e\u0301',
  'ZWNJ\u200Cx',
];
/** TeX specials and what BibTeX, biblatex and RIS treat specially. */
const SPECIALS = [
  '{',
  '}',
  '{a}',
  '}{',
  '\\',
  '\\par',
  '\\textbf{x}',
  '%',
  '&',
  '#',
  '_',
  '$',
  '$x^2$',
  '~',
  '^',
  '--',
  '---',
  "''",
  '``',
  '"',
  "'",
  '@',
  '@misc{x,',
  '=',
  ',',
  ';',
  ':',
  ' and ',
  '\u00A0',
  'ER  - ',
  'TY  - JOUR',
  '\\ ',
];
/** Characters no way in keeps: bidi controls, zero-width space, soft hyphen, BOM, controls. */
const INVISIBLE = [
  '\u202E',
  '\u202C',
  '\u200F',
  '\u2066',
  '\u2069',
  '\u200B',
  '\u00AD',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\u007F',
  '\u0085',
];
const SPACES = [' ', '  ', '\t', '\n', '\r\n', '\u2028', '\u2003'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...FOREIGN) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** Text with words between varied spacing. */
export const text: fc.Arbitrary<string> = fc
  .array(fc.tuple(piece, fc.constantFrom(...SPACES, '', ' ', ' ')), { minLength: 1, maxLength: 7 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

/** Text that keeps a visible word after cleaning (titles must). */
export const visibleText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...WORDS, ...FOREIGN), text)
  .map(([w, t]) => `${w} ${t}`);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const PERSONS = [
  'Martijn van der Steen',
  'Mark van Twist',
  'Myrthe van Delden',
  'Petra Ophoff',
  'Anne-Marie de Vries-Baaijens',
  'Jean de la Fontaine',
  'Ludwig von Mises',
  'bell hooks',
  "Conan O'Brien",
  'Zoë Ölçer',
  'محمد الأحمد',
  'דוד כהן',
  'Marie Curie Skłodowska',
  'Vincent Van Gogh',
  'J. R. R. Tolkien',
  'Jan {Brace} Jansen',
  'Ann Smith Jr.',
  'Jan and Piet',
];
const ORGANISATIONS = [
  'Wetenschappelijke Raad voor het Regeringsbeleid',
  'Raad voor Cultuur, Onderwijs en Wetenschap',
  'Procter and Gamble',
  'OECD',
  'Planbureau voor de Leefomgeving',
  'Plato',
  'others',
  'Brookings Institution',
];
export const author = fc.oneof(fc.constantFrom(...PERSONS), fc.constantFrom(...ORGANISATIONS), visibleText);

const PUBLISHERS = [
  'NSOB',
  'WRR',
  'Rathenau Instituut',
  'Brookings Institution Press',
  'Chatham House',
  'Raad voor Cultuur and Onderwijs',
  'Adviesraad Internationale Vraagstukken',
];
/** Leesmap's types, and what a file or an edit may bring: other case, unknown words, biblatex keys. */
const TYPES = [
  'essay',
  'report',
  'article',
  'policy-brief',
  'advice',
  'working-paper',
  'book',
  'chapter',
  'blog',
  'other',
];
const ODD_TYPES = [
  'Essay',
  'factsheet',
  'Policy Brief',
  'techreport',
  'policy brief',
  'constructor',
  '__proto__',
];
const LANGUAGES = ['nl', 'en', 'en-GB', 'de', 'fr-CA', 'xx', 'Nederlands', 'nl and en'];

/**
 * Valid ISBN-13s, written with and without hyphens: the check digit computed, the registration
 * group one whose ranges biber accepts whole (978-0, -1, -2, -3, -5, -94; 978-90 has unassigned ranges).
 */
export const isbn = fc
  .tuple(
    fc.constantFrom('9780', '9781', '9782', '9783', '9785', '97894'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
    fc.boolean(),
  )
  .map(([prefix, digits, hyphens]) => {
    const body = `${prefix}${digits.join('')}`.slice(0, 12);
    const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
    const full = `${body}${(10 - (sum % 10)) % 10}`;
    return hyphens
      ? `${full.slice(0, 3)}-${full.slice(3, 5)}-${full.slice(5, 9)}-${full.slice(9, 12)}-${full.slice(12)}`
      : full;
  });

export const doi = fc
  .tuple(
    fc.integer({ min: 1000, max: 999_999_999 }),
    fc.array(fc.constantFrom('a', 'B', '7', '.', '-', '_', '(', ')', '<', '>', ';', ':', '/', 'x'), {
      minLength: 1,
      maxLength: 12,
    }),
  )
  .map(([prefix, suffix]) => `10.${prefix}/${suffix.join('')}`);

const segment = fc
  .array(
    fc.constantFrom('a', 'B', '0', '-', '_', '.', '~', 'é', ' ', '%', 'ü', '(', ')', "'", '&', '=', '+'),
    { minLength: 1, maxLength: 10 },
  )
  .map((s) => s.join(''));
export const address = fc
  .tuple(
    fc.constantFrom(
      'https://www.nsob.nl',
      'http://example.org',
      'https://bücher.example',
      'https://a.org:8080',
    ),
    fc.array(segment, { maxLength: 3 }),
    fc.option(fc.tuple(segment, segment), { nil: undefined }),
  )
  .map(
    ([host, path, query]) =>
      `${host}/${path.map(encodeURIComponent).join('/')}${query ? `?${encodeURIComponent(query[0])}=${encodeURIComponent(query[1])}` : ''}`,
  );

/** A date as the extractor stores it: published and its year, the year alone, or none. */
export function dates(validOnly: boolean) {
  const year = fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 1000, max: 2100 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }) },
  );
  const day = validOnly ? fc.integer({ min: 1, max: 28 }) : fc.integer({ min: 1, max: 31 });
  const pad = (n: number, size = 2) => String(n).padStart(size, '0');
  const dated = fc.oneof(
    year.map((y) => ({ published: pad(y, 4), year: y })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => ({ published: `${pad(y, 4)}-${pad(m)}`, year: y })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }), day)
      .map(([y, m, d]) => ({ published: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, year: y })),
    year.map((y) => ({ published: undefined, year: y })),
  );
  return validOnly
    ? dated
    : fc.oneof(
        { weight: 5, arbitrary: dated },
        { weight: 1, arbitrary: fc.constant({ published: undefined, year: undefined }) },
      );
}

/** Notes: several lines, odd spacing, lines that look like RIS tags or start with a backslash. */
export const notes = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.array(
          fc.oneof(
            text,
            fc.constantFrom('ER  - ', '  TY  - JOUR', '\\start', '', '   ', 'N1  - x', '@article{x,', '}'),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([lines, end]) => lines.join(end)),
  },
);

const related: fc.Arbitrary<RelatedPublication> = fc.record(
  {
    title: visibleText,
    subtitle: optional(text),
    url: optional(address),
    summary: optional(text),
    themes: fc.array(text, { maxLength: 2 }),
  },
  { requiredKeys: ['title', 'themes'] },
);

/** A stored record: right types, any content. `validOnly`: only what biblatex accepts as valid data. */
export function recordArbitrary({ validOnly = false } = {}): fc.Arbitrary<SavedPublication> {
  return fc
    .record({
      url: address,
      canonical: fc.constantFrom('none', 'same', 'other'),
      canonicalUrl: address,
      title: visibleText,
      subtitle: optional(visibleText),
      authors: fc.array(author, { maxLength: 4 }),
      date: dates(validOnly),
      publisher: optional(fc.oneof(fc.constantFrom(...PUBLISHERS), visibleText)),
      type: fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 6, arbitrary: fc.constantFrom(...TYPES) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_TYPES) },
        { weight: 1, arbitrary: visibleText },
      ),
      themes: fc.array(
        fc.oneof(fc.constantFrom('Sturen in netwerken', 'Leren en experimenteren', 'Klimaat, energie'), text),
        { maxLength: 3 },
      ),
      keywords: fc.array(fc.oneof(fc.constantFrom('beleid', 'a, b', 'c; d', 'and', 'Zoë'), text), {
        maxLength: 4,
      }),
      summary: optional(text),
      language: optional(fc.constantFrom(...LANGUAGES)),
      doi: optional(doi),
      isbn: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: validOnly ? isbn : fc.oneof(isbn, fc.constantFrom('978-90-8555-123-4', 'ISBN 90 123')),
        },
      ),
      pdfUrl: optional(address.map((u) => `${u}.pdf`)),
      related: fc.array(related, { maxLength: 2 }),
      status: fc.constantFrom(...READING_STATUSES),
      notes,
      tags: fc.array(text, { maxLength: 2 }),
      starred: fc.boolean(),
      editedFields: fc.subarray([...EDITABLE_FIELDS]),
      savedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      updatedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      lastVisitedAt: optional(fc.integer({ min: 0, max: 4_102_444_800_000 })),
    })
    .map(({ canonical, canonicalUrl, date, ...fields }) => {
      const record = { ...fields, ...date, id: '' } as SavedPublication;
      if (canonical === 'same') record.canonicalUrl = record.url;
      if (canonical === 'other') record.canonicalUrl = canonicalUrl;
      for (const key of Object.keys(record) as (keyof SavedPublication)[])
        if (record[key] === undefined) delete record[key];
      record.id = identityKeys(record)[0] ?? `title:${record.title}`;
      return record;
    });
}
