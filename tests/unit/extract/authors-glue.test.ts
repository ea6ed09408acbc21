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
  'Veröffentlicht',
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

describe('withoutTrailingGlue', () => {
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
