import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TRAILING_GLUE, withoutTrailingGlue } from '@/utils/extract/authors-glue';
import { hasDigit } from '@/utils/extract/text';

/** Every pattern, run whatever the text holds: what withoutTrailingGlue must give. */
const everyPattern = (text: string) =>
  TRAILING_GLUE.reduce((out, [pattern]) => out.replace(pattern, ''), text);

/** Pieces of bylines: names, the words and marks the patterns look for, digits, other scripts. */
const piece = fc.constantFrom(
  'Jan Jansen',
  'Anna de Vries',
  'Jonas Berg',
  'MacKenzie',
  ' ',
  '  ',
  ':',
  '/',
  'SP-X',
  '-',
  ' — ',
  ' | ',
  '.',
  ',',
  '3',
  '07',
  '2020',
  '2019-04-28',
  '14:27',
  '年',
  'Published',
  'PUBLISHED',
  'Updated',
  'UPDATED',
  'Posted',
  'POSTED',
  'Veröffentlicht',
  'Aktualisiert',
  'Gepubliceerd',
  'Vor',
  'vor',
  'Hace',
  'Stunden',
  'Datum',
  'date',
  'Quelle',
  'source',
  'Mi',
  'Mon',
  'Dezember',
  'mei',
  'am',
  'Samstag',
  'Kommentare',
  'comments',
  'More Posts',
  'NORDSTADT MORNING POST',
  'Fotos',
  'von',
  'é',
  'ß',
  '١٢',
);

/** One byline per pattern, in TRAILING_GLUE's order, that the pattern cuts, and the name left. */
const EXAMPLES: Array<[string, string]> = [
  ['Karl Berg am Samstag, 3. Mai', 'Karl Berg'],
  ['Jan Jansen More Posts', 'Jan Jansen'],
  ['Jan Jansen Datum: 3 mei', 'Jan Jansen'],
  ['Todd Bates Date February 5, 2020', 'Todd Bates'],
  ['Jan Jansen vor 2 Stunden', 'Jan Jansen'],
  ['Dominique — veröffentlicht am 3. Mai', 'Dominique'],
  ['Jan Jansen Fotos von Anna Berg', 'Jan Jansen'],
  ['Jan Jansen - 03.03.2019', 'Jan Jansen'],
  ['Fritz ImhofQuelle: Livenet', 'Fritz Imhof'],
  ['Peter Maahn/SP-X', 'Peter Maahn'],
  ['ZDNet Japan Staff 2019年04月28日', 'ZDNet Japan Staff'],
  ['Li Wei2017-03-01 14:27:02', 'Li Wei'],
  ['Christian Thiele 07 Dezember', 'Christian Thiele'],
  ['Anna de VriesPUBLISHED May 3', 'Anna de Vries'],
  ['Jonas BergMi 8 Apr 2020', 'Jonas Berg'],
  ['Ina LangeNORDSTADT MORNING POST', 'Ina Lange'],
  ['Anna de VriesPublished May 3', 'Anna de Vries'],
  ['José WilsonHace 13 horas', 'José Wilson'],
  ['Kate Berg 5 Kommentare', 'Kate Berg'],
];

describe('withoutTrailingGlue', () => {
  // Each example needs its own pattern (without it the text comes out otherwise), so a pattern
  // wrongly skipped for what it needs shows here, whatever fast-check draws below.
  it('runs each pattern where its byline needs it', () => {
    expect(EXAMPLES).toHaveLength(TRAILING_GLUE.length);
    EXAMPLES.forEach(([text, name], k) => {
      const withoutIt = TRAILING_GLUE.filter((_, i) => i !== k).reduce(
        (out, [pattern]) => out.replace(pattern, ''),
        text,
      );
      expect(withoutIt, text).not.toBe(everyPattern(text));
      expect(withoutTrailingGlue(text), text).toBe(name);
      expect(everyPattern(text), text).toBe(name);
    });
    expect(withoutTrailingGlue('Jan Jansen')).toBe('Jan Jansen');
  });

  // A pattern is skipped where the text lacks what it needs (a digit, a colon, a slash, a word as
  // written): skipping must never change the outcome.
  it('gives what running every pattern gives, for any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(withoutTrailingGlue(text)).toBe(everyPattern(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        expect(withoutTrailingGlue(text)).toBe(everyPattern(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hasDigit', () => {
  it('says what \\d says, with or without the u flag', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(hasDigit(text)).toBe(/\d/.test(text));
        expect(hasDigit(text)).toBe(/\d/u.test(text));
      }),
    );
    expect(hasDigit('Jan Jansen')).toBe(false);
    expect(hasDigit('Jan Jansen 3 mei')).toBe(true);
    // Other scripts' digits are no \d.
    expect(hasDigit('٣ مايو')).toBe(false);
  });
});
