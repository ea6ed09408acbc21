/**
 * caseless (utils/extract/caseless.ts) rewrites a `u` + `i` pattern for `u` alone, so V8 compiles
 * it faster; it must match exactly what the `iu` pattern matches, and refuse what it cannot rewrite.
 */
import { describe, expect, it } from 'vitest';
import { caseless } from '@/utils/extract/caseless';

/** Every character of the Basic Multilingual Plane, but the surrogates. */
const BMP = Array.from({ length: 0x10000 }, (_, code) => code)
  .filter((code) => code < 0xd800 || code >= 0xe000)
  .map((code) => String.fromCharCode(code));

describe('caseless', () => {
  it('gives each letter the characters the i flag under u matches with it, no more, no fewer', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyzäéûåàç') {
      const folded = new RegExp(`^${letter}$`, 'iu');
      const rewritten = new RegExp(`^${caseless(letter)}$`, 'u');
      const differ = BMP.filter((ch) => folded.test(ch) !== rewritten.test(ch));
      expect(differ, letter).toEqual([]);
    }
  });

  it('matches as the iu pattern does, captures included, on dates written every which way', () => {
    const month = '(januari|jänner|février|août|sept|sep|okt|mai|déc)\\.?';
    const patterns = [
      `\\b(\\d{1,2})(?:st|nd|rd|th|e|er)?\\.?\\s*(?:de\\s+)?${month}\\s*,?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`,
      `(?<!\\p{L})${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
      `(?<!\\p{L})(?:update[ds]?|mise? à jour)(?!\\p{L})|更新`,
    ];
    const texts = [
      '12 JANUARI 2020',
      '3rd Sept. 2021',
      '1ER MAI 2019',
      '30 DE DÉC DE 2018',
      'ſept 3, 2020',
      '\u212aOKT 12 2020',
      '12 O\u212aT 2020',
      'x12 août 2020',
      'ſ12 août 2020',
      '_12 août 2020',
      'Jänner 4, 2022',
      'UPDATED today',
      'Mise À Jour',
      'ſtand 更新',
      'FÉVRIER 2020 12 FÉVRIER 2020',
    ];
    for (const pattern of patterns) {
      const folded = new RegExp(pattern, 'iu');
      const rewritten = new RegExp(caseless(pattern), 'u');
      for (const text of texts)
        expect(rewritten.exec(text), `${pattern} on ${text}`).toEqual(folded.exec(text));
    }
  });

  it('as a tag, rewrites the parts and the values as the whole pattern', () => {
    const month = '(januar|févr|août)\\.?';
    expect(caseless`\\b(\\d{1,2})\\s*${month}\\s+(\\d{4})`).toBe(
      caseless(`\\b(\\d{1,2})\\s*${month}\\s+(\\d{4})`),
    );
  });

  it('refuses what it cannot rewrite exactly', () => {
    for (const pattern of ['\\w+', '[a-z]', '[^ab]', '(?<name>x)', '\\p{Lu}', 'ı', 'ß', '\\1'])
      expect(() => caseless(pattern), pattern).toThrow();
  });
});
