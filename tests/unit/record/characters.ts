/** The characters the sanitiser and the export formats must strip or keep, for the tests of both. */

/** Every code point (surrogates excepted) whose character matches `pattern`. */
function codePoints(pattern: RegExp): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (pattern.test(char)) out.push(char);
  }
  return out;
}

/** Every Unicode format character (Cf), ZWNJ and ZWJ included (they must stay, the rest must go). */
export const FORMAT_CHARS = codePoints(/^\p{Cf}$/u);
/** C0, DEL and C1. */
export const CONTROL_CHARS = codePoints(/^\p{Cc}$/u);
/** The bidirectional controls: marks, embeddings, overrides and isolates. */
export const BIDI_CONTROLS = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
