/**
 * parseDate on any text: it returns, with a date in one of its forms or nothing. Words outside
 * the Basic Multilingual Plane (mathematical letters, CJK extension B) before a year once made the
 * month search step into the middle of a letter and find the same word again, forever.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate } from '@/utils/extract/dates';

const FORM = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Pieces of date lines, with letters of two UTF-16 units among them. */
const piece = fc.constantFrom(
  '𝐁𝐞𝐬𝐭',
  '𝐢𝐧',
  '𝐀',
  '𠮷',
  '田',
  '野家',
  'Rückblick',
  'Verwaltungsgerichtshof',
  'mei',
  'May',
  'Sept.',
  'de',
  'er',
  '1st',
  '5',
  '12',
  '2020',
  '2021',
  ' ',
  ',',
  '.',
  '-',
  '/',
);

/**
 * Texts with such words and what parseDate reads from each; the last two: a word passed over,
 * and the month after it still read.
 */
const OUTSIDE_THE_BMP: Record<string, string | undefined> = {
  '𝐁𝐞𝐬𝐭 𝐨𝐟 2020': '2020',
  'Rückblick 𝐢𝐧 2020': '2020',
  '𠮷田 2020': '2020',
  '𠮷野家 2020': '2020',
  '𝐀 2020': '2020',
  '𠮷田 5, 2020': undefined,
  '𝐌𝐚𝐲 3, 2021 — 12 mei 2020': '2020-05-12',
  '𝐀𝐁 2019, May 2020': '2020-05',
  '𠮷野家 2019, 3 mei 2020': '2020-05-03',
};

describe('parseDate on any text', () => {
  it('reads the year after words of letters outside the BMP', () => {
    for (const [text, date] of Object.entries(OUTSIDE_THE_BMP)) expect(parseDate(text), text).toBe(date);
  });

  it('returns a date in one of its forms, or nothing, for any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const date = parseDate(pieces.join(''));
        expect(date === undefined || FORM.test(date)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const date = parseDate(text);
        expect(date === undefined || FORM.test(date)).toBe(true);
      }),
    );
  });
});
