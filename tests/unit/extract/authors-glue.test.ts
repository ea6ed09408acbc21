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

/** One byline per pattern, in TRAILING_GLUE's order, that the pattern cuts. */
const EXAMPLES = [
  'Karl Berg am Samstag, 3. Mai',
  'Jan Jansen More Posts',
  'Jan Jansen Datum: 3 mei',
  'Todd Bates Date February 5, 2020',
  'Jan Jansen vor 2 Stunden',
  'Dominique — veröffentlicht am 3. Mai',
  'Jan Jansen Fotos von Anna Berg',
  'Jan Jansen - 03.03.2019',
  'Fritz ImhofQuelle: Livenet',
  'Peter Maahn/SP-X',
  'ZDNet Japan Staff 2019年04月28日',
  'Li Wei2017-03-01 14:27:02',
  'Christian Thiele 07 Dezember',
  'Anna de VriesPUBLISHED May 3',
  'Jonas BergMi 8 Apr 2020',
  'Ina LangeNORDSTADT MORNING POST',
  'Anna de VriesPublished May 3',
  'José WilsonHace 13 horas',
  'Kate Berg 5 Kommentare',
];

describe('withoutTrailingGlue', () => {
  // Each example needs its own pattern (without it the text comes out otherwise), so a pattern
  // wrongly skipped for what it needs shows here, whatever fast-check draws below.
  it('runs each pattern where its byline needs it', () => {
    expect(EXAMPLES).toHaveLength(TRAILING_GLUE.length);
    EXAMPLES.forEach((text, k) => {
      const withoutIt = TRAILING_GLUE.filter((_, i) => i !== k).reduce(
        (out, [pattern]) => out.replace(pattern, ''),
        text,
      );
      expect(withoutIt, text).not.toBe(everyPattern(text));
      expect(withoutTrailingGlue(text), text).toBe(everyPattern(text));
    });
  });

  it('cuts the date, the source or the count after a name', () => {
    expect(withoutTrailingGlue('Jan Jansen - 03.03.2019')).toBe('Jan Jansen');
    expect(withoutTrailingGlue('Peter Maahn/SP-X')).toBe('Peter Maahn');
    expect(withoutTrailingGlue('Fritz ImhofQuelle: Livenet')).toBe('Fritz Imhof');
    expect(withoutTrailingGlue('Anna de VriesPublished May 3')).toBe('Anna de Vries');
    expect(withoutTrailingGlue('Kate Berg 5 Kommentare')).toBe('Kate Berg');
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
