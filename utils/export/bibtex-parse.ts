/**
 * The structure of a BibTeX file: entries with their type, key and fields, each field's value as
 * TeX source (braces and quotes removed, `#` concatenations and `@string` macros resolved). Values
 * are not decoded here (see latex.ts): verbatim fields (url, doi, file) are used as they are.
 *
 * As BibTeX itself: text between entries is a comment, `@comment` is skipped, field names and entry
 * types are case-insensitive, braces are counted whether escaped or not. One pass over the text,
 * linear in its length. An entry that cannot be read is reported with its position among the
 * entries and the line it starts on, and reading goes on at the next line starting with `@`.
 */

export interface RawEntry {
  type: string;
  key: string;
  /** Field name (lower case) → TeX source of the value. */
  fields: Map<string, string>;
}

export interface RawProblem {
  /** Position among the entries (0-based). */
  index: number;
  message: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** BibTeX's predefined macros: the months (`month = may`). */
function defaultStrings(): Map<string, string> {
  return new Map(MONTHS.map((name, i) => [name.slice(0, 3), String(i + 1)]));
}

class SyntaxProblem extends Error {}

/** Entry types that hold no publication. */
const NOT_ENTRIES = new Set(['comment', 'preamble', 'string', 'set', 'xdata']);

class BibtexScanner {
  pos = 0;
  readonly strings = defaultStrings();
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new SyntaxProblem(message);
  }

  skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || (c >= 9 && c <= 13)) this.pos++;
      else if (c === 37 /* % */) {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? text.length : end + 1;
      } else break;
    }
  }

  /** An identifier: entry type, field name, macro name, or key characters. */
  name(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !/[\s{}(),=#"%]/.test(this.text[this.pos])) this.pos++;
    if (this.pos === start) this.fail(`expected a name at "${this.text.slice(start, start + 20)}"`);
    return this.text.slice(start, this.pos);
  }

  /** `{…}` with balanced braces; the position is on the opening brace. */
  braced(): string {
    let depth = 0;
    const start = this.pos;
    const text = this.text;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 123) depth++;
      else if (c === 125 && --depth === 0) {
        this.pos = i + 1;
        return text.slice(start + 1, i);
      }
    }
    this.fail('has a value whose braces do not close');
  }

  /** `"…"`; braces inside must balance, a quote inside braces does not end the value. */
  quoted(): string {
    let depth = 0;
    const start = this.pos;
    for (let i = start + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) {
        this.pos = i + 1;
        return this.text.slice(start + 1, i);
      }
    }
    this.fail('has a quoted value that does not end');
  }

  /** A value: parts joined by `#`, each braced, quoted, a number or a macro. */
  value(): string {
    let out = '';
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '{') out += this.braced();
      else if (c === '"') out += this.quoted();
      else {
        const word = this.name();
        out += /^\d+$/.test(word) ? word : (this.strings.get(word.toLowerCase()) ?? '');
      }
      this.skipSpace();
      if (this.text[this.pos] !== '#') return out;
      this.pos++;
    }
  }

  /** `name = value` pairs separated by commas, up to the closing delimiter. */
  fields(close: string): Map<string, string> {
    const fields = new Map<string, string>();
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) break;
      const field = this.name().toLowerCase();
      this.skipSpace();
      if (this.text[this.pos] !== '=') this.fail(`field ${field} has no "="`);
      this.pos++;
      const value = this.value();
      if (!fields.has(field)) fields.set(field, value);
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) this.fail(`expected "," or "${close}" after field ${field}`);
    }
    this.pos++;
    return fields;
  }

  /** The entry after `@type`; the position is just after the type. */
  entry(type: string): RawEntry | undefined {
    this.skipSpace();
    const open = this.text[this.pos];
    if (open !== '{' && open !== '(') this.fail(`@${type} is not followed by "{"`);
    const close = open === '{' ? '}' : ')';
    if (type === 'comment') {
      if (open === '{') this.braced();
      return undefined;
    }
    this.pos++;
    this.skipSpace();
    if (type === 'preamble') {
      this.value();
      this.skipSpace();
      this.pos++;
      return undefined;
    }
    if (type === 'string') {
      const fields = this.fields(close);
      for (const [name, value] of fields) this.strings.set(name, value);
      return undefined;
    }
    const key = this.text[this.pos] === ',' ? '' : this.name();
    this.skipSpace();
    if (this.text[this.pos] === ',') this.pos++;
    return { type, key, fields: this.fields(close) };
  }
}

/** The position of the next line that starts with `@`, after `from`. */
function nextEntryLine(text: string, from: number): number {
  const match = /\n[ \t]*@/g;
  match.lastIndex = from;
  const found = match.exec(text);
  return found ? found.index + 1 : text.length;
}

/** Line numbers of positions given in increasing order, counted once over the text. */
function lineCounter(text: string): (pos: number) => number {
  let at = 0;
  let line = 1;
  return (pos) => {
    for (let i = text.indexOf('\n', at); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}

/** Every entry of a BibTeX file, and the entries that could not be read. */
export function parseBibtex(text: string): { entries: RawEntry[]; problems: RawProblem[] } {
  const scanner = new BibtexScanner(text);
  const entries: RawEntry[] = [];
  const problems: RawProblem[] = [];
  const lineOf = lineCounter(text);
  let index = 0;
  for (;;) {
    const at = text.indexOf('@', scanner.pos);
    if (at < 0) break;
    // "@type" then "{" or "(": anything else (an e-mail address in a comment) is comment text.
    const head = /^@([A-Za-z][\w:-]*)\s*[{(]/.exec(text.slice(at, at + 80));
    if (!head) {
      scanner.pos = at + 1;
      continue;
    }
    const type = head[1].toLowerCase();
    scanner.pos = at + 1 + head[1].length;
    const isEntry = !NOT_ENTRIES.has(type);
    try {
      const entry = scanner.entry(type);
      if (entry && isEntry) entries.push(entry);
    } catch (error) {
      if (!(error instanceof SyntaxProblem)) throw error;
      if (isEntry) problems.push({ index, message: `(@${type} on line ${lineOf(at)}) ${error.message}` });
      scanner.pos = nextEntryLine(text, at + 1);
    }
    if (isEntry) index++;
  }
  return { entries, problems };
}
