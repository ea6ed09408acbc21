/**
 * Text ⇄ the TeX that BibTeX field values hold. `encodeTex` writes any text so that BibTeX, biber and
 * Better BibTeX's parser read it as one balanced value and `decodeTex` gives back exactly that text;
 * `decodeTex` also reads what other reference managers write (accents such as `{\"o}`, `\textit{…}`,
 * `--`). Pure string work, no TeX engine.
 *
 * Writing:
 * - `\ { } % & # _ $ ~ ^` are escaped (`\textbackslash{}`, `\{`, `\%`, …, `\textasciitilde{}`);
 *   braces are written `\{ \}` when they balance in the text, else `\textbraceleft{}` and
 *   `\textbraceright{}` (BibTeX counts every brace, escaped or not, to find a value's end);
 * - `--`, `''` and two backquotes are split with `{}` so TeX and parsers never join them into
 *   dashes or quotes;
 * - a line break is `\par{}`; a space that is not a single space between two other characters
 *   (leading, trailing, doubled) is written in its own group, `{ }`, so spacing survives TeX's
 *   collapsing (Better BibTeX's parser knows no control space `\ `);
 * - everything else, Unicode included, is written as is (biber and biblatex read UTF-8), but
 *   Unicode noncharacters, which biber refuses (the whole file), are left out.
 */

/** Characters written as a one-character control symbol, e.g. `\%`. */
const SYMBOLS = new Set(['%', '&', '#', '_', '$']);

/** True when the braces of `text` close in order and all close. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function isBlank(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\n';
}

/** One character of text as TeX (`next` decides ligature breaks). */
function encodeChar(char: string, next: string | undefined, plainBraces: boolean): string {
  switch (char) {
    case '\\':
      return '\\textbackslash{}';
    case '{':
      return plainBraces ? '\\{' : '\\textbraceleft{}';
    case '}':
      return plainBraces ? '\\}' : '\\textbraceright{}';
    case '~':
      return '\\textasciitilde{}';
    case '^':
      return '\\textasciicircum{}';
    case '\n':
      return '\\par{}';
    case '-':
    case "'":
    case '`':
      return next === char ? `${char}{}` : char;
    default:
      return SYMBOLS.has(char) ? `\\${char}` : char;
  }
}

/**
 * Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane): "not for
 * interchange", and biber refuses a whole file that holds one. Left out of BibTeX files.
 */
export const NONCHARACTERS =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/** Any text as the inside of a braced BibTeX value (see the module comment). */
export function encodeTex(value: string): string {
  const text = value.replace(NONCHARACTERS, '');
  const plainBraces = balanced(text);
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (char === ' ') {
      out += isBlank(chars[i - 1]) || isBlank(chars[i + 1]) ? '{ }' : ' ';
    } else {
      out += encodeChar(char, chars[i + 1], plainBraces);
    }
  }
  return out;
}

/**
 * A verbatim value (url, doi, file, verba): no TeX escapes are read there, so only the braces
 * matter. Balanced braces are written as they are; otherwise braces and backslashes are
 * percent-encoded (`%7B`, `%7D`, `%5C`), which names the same web address.
 */
export function encodeVerbatim(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(NONCHARACTERS, '');
  return balanced(flat) && !flat.includes('\\')
    ? flat
    : flat.replace(/[{}\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Control words that stand for one character. */
const WORDS: Record<string, string> = {
  textbackslash: '\\',
  textbraceleft: '{',
  textbraceright: '}',
  textasciitilde: '~',
  textasciicircum: '^',
  textunderscore: '_',
  textdollar: '$',
  textpercent: '%',
  textampersand: '&',
  textquotedbl: '"',
  textless: '<',
  textgreater: '>',
  textbar: '|',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  guillemotleft: '«',
  guillemotright: '»',
  guillemetleft: '«',
  guillemetright: '»',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textbullet: '•',
  textregistered: '®',
  texttrademark: '™',
  copyright: '©',
  textcopyright: '©',
  texteuro: '€',
  euro: '€',
  pounds: '£',
  textsterling: '£',
  S: '§',
  P: '¶',
  textsection: '§',
  textdegree: '°',
  ss: 'ß',
  SS: 'SS',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  par: '\n',
  newline: '\n',
  linebreak: '\n',
  textnbsp: '\u00A0',
  nobreakspace: '\u00A0',
  quad: ' ',
  qquad: ' ',
  enspace: ' ',
  thinspace: ' ',
};

/** Accent commands and the combining mark each adds to the following letter. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  d: '\u0323',
  b: '\u0331',
  k: '\u0328',
  r: '\u030A',
  t: '\u0361',
};

/** Commands whose one argument is the text itself (formatting and protection). */
const PASS_THROUGH = new Set([
  'textit',
  'textbf',
  'emph',
  'textsc',
  'texttt',
  'textrm',
  'textsf',
  'textup',
  'textsl',
  'textmd',
  'textnormal',
  'mkbibquote',
  'enquote',
  'mkbibemph',
  'mkbibitalic',
  'mkbibbold',
  'NoCaseChange',
  'nocase',
  'url',
  'mbox',
  'text',
  'textsuperscript',
  'textsubscript',
  'uppercase',
  'lowercase',
]);

/** Control symbols that are no character of their own (thin space, hyphenation hints). */
const SYMBOL_WORDS: Record<string, string> = {
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '-': '',
  '/': '',
  '@': '',
};

const ASCII_SPACE = /[ \t\r\n\f\v]/;

function own(table: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** Reads TeX source for the decoder; positions are UTF-16 offsets into `source`. */
class TexReader {
  pos = 0;
  constructor(readonly source: string) {}

  get done(): boolean {
    return this.pos >= this.source.length;
  }

  /** The next argument of a command: a braced group's decoded text, or one character. */
  argument(): string {
    while (!this.done && ASCII_SPACE.test(this.source[this.pos])) this.pos++;
    if (this.done) return '';
    if (this.source[this.pos] === '{') {
      const end = groupEnd(this.source, this.pos);
      const inner = this.source.slice(this.pos + 1, end);
      this.pos = Math.min(end + 1, this.source.length);
      return decodeTex(inner);
    }
    if (this.source[this.pos] === '\\') return this.command();
    const cp = this.source.codePointAt(this.pos) ?? 0;
    const char = String.fromCodePoint(cp);
    this.pos += char.length;
    return char;
  }

  /** A command at `pos` (which holds a backslash), as the text it stands for. */
  command(): string {
    const src = this.source;
    this.pos++;
    if (this.done) return '\\';
    const first = src[this.pos];
    if (!/[A-Za-z]/.test(first)) {
      this.pos++;
      if (own(ACCENTS, first)) return accent(this.argument(), ACCENTS[first]);
      if (first === '\\') return '\n';
      if (own(SYMBOL_WORDS, first)) return SYMBOL_WORDS[first];
      return ASCII_SPACE.test(first) ? ' ' : first;
    }
    let end = this.pos;
    while (end < src.length && /[A-Za-z]/.test(src[end])) end++;
    const name = src.slice(this.pos, end);
    this.pos = end;
    // TeX skips the spaces after a control word.
    while (!this.done && ASCII_SPACE.test(src[this.pos])) this.pos++;
    if (own(WORDS, name)) return WORDS[name];
    if (own(ACCENTS, name)) return accent(this.argument(), ACCENTS[name]);
    if (PASS_THROUGH.has(name)) return this.argument();
    if (name === 'href') {
      this.argument();
      return this.argument();
    }
    // An unknown command: its name is dropped, a following group is read as text.
    return '';
  }
}

/** The letter with a combining mark, composed where Unicode has one character for it. */
function accent(letter: string, mark: string): string {
  if (!letter) return mark;
  const chars = Array.from(letter);
  const base = chars[0] === 'ı' ? 'i' : chars[0] === 'ȷ' ? 'j' : chars[0];
  return `${base}${mark}`.normalize('NFC') + chars.slice(1).join('');
}

/** The position of the brace that closes the group opening at `start` (or the end of the text). */
export function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return source.length;
}

/**
 * TeX source of a BibTeX value as text: groups lose their braces, commands become the characters
 * they stand for, runs of spaces and line ends become one space (a blank line: a line break),
 * `~` is a no-break space, `--` and `---` are dashes.
 */
export function decodeTex(source: string): string {
  const reader = new TexReader(source);
  let out = '';
  while (!reader.done) {
    const char = source[reader.pos];
    if (char === '\\') {
      out += reader.command();
    } else if (char === '{' || char === '}' || char === '$') {
      reader.pos++;
    } else if (ASCII_SPACE.test(char)) {
      let end = reader.pos;
      let breaks = 0;
      while (end < source.length && ASCII_SPACE.test(source[end])) if (source[end++] === '\n') breaks++;
      out += breaks >= 2 ? '\n' : ' ';
      reader.pos = end;
    } else if (char === '~') {
      out += '\u00A0';
      reader.pos++;
    } else {
      out += ligature(source, reader);
    }
  }
  return out;
}

/** Dashes and TeX quotes written as ligatures; any other character as it is. */
function ligature(source: string, reader: TexReader): string {
  const at = reader.pos;
  if (source.startsWith('---', at)) return advance(reader, 3, '—');
  if (source.startsWith('--', at)) return advance(reader, 2, '–');
  if (source.startsWith("''", at)) return advance(reader, 2, '”');
  if (source.startsWith('``', at)) return advance(reader, 2, '“');
  const cp = source.codePointAt(at) ?? 0;
  const char = String.fromCodePoint(cp);
  return advance(reader, char.length, char);
}

function advance(reader: TexReader, by: number, text: string): string {
  reader.pos += by;
  return text;
}
