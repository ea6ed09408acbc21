/**
 * Case-insensitive regular expressions that compile fast. V8 compiles a `u` + `i` pattern with
 * long alternations and optional parts before them slowly (a date pattern of the month names in
 * six languages: about 3.5 ms on its first use, in every page the extractor runs in), and the
 * same pattern with each letter written as its class of case variants ([sSſ]) under `u` alone
 * compiles in a third of that. `caseless` writes a pattern that way; it matches exactly what the
 * `iu` pattern matches (simple case folding, as the `i` flag under `u` does), or throws on a
 * pattern it cannot rewrite exactly (so it fails at build and test time, never differently).
 */

/** Letters that case-fold to these under `iu` besides their upper and lower case (CaseFolding.txt, simple). */
const EXTRA_VARIANTS: Record<string, string> = { k: '\u212a', s: '\u017f', å: '\u212b' };
/** Word characters for `\b` under `iu`: [A-Za-z0-9_] and the two letters that fold into them. */
const WORD = String.raw`[\w\u017f\u212a]`;
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
/** Escapes that mean the same under `iu` and `u`. */
const PLAIN_ESCAPES = 'dDsS./\\-()[]{}|?*+^$,:';
/** Property escapes whose sets are closed under case folding: the same under `iu` and `u`. */
const CLOSED_PROPERTIES = ['p{L}', 'p{N}', 'P{L}', 'P{N}'];

// Plain string and character-code tests, no regular expressions: this runs when the extractor
// loads, on patterns of a thousand characters, and is there to save compiling.
function cased(ch: string): boolean {
  return ch.toLowerCase() !== ch || ch.toUpperCase() !== ch;
}

/** ASCII and Latin-1 letters, whose case variants are their upper and lower case and EXTRA_VARIANTS. */
function latinLetter(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xc0 && code <= 0xfe && code !== 0xd7 && code !== 0xf7 && code !== 0xdf)
  );
}

const known = new Map<string, string>();

/**
 * The characters a pattern character stands for under `iu`: a letter's case variants, any other
 * character itself. Throws for cased characters outside ASCII and Latin-1 (Greek, Turkish ı, ß …).
 */
function variants(ch: string): string {
  let found = known.get(ch);
  if (found === undefined) {
    if (!cased(ch)) found = ch;
    else if (ch.length === 1 && latinLetter(ch.charCodeAt(0))) {
      const lower = ch.toLowerCase();
      found = `${lower}${lower.toUpperCase()}${EXTRA_VARIANTS[lower] ?? ''}`;
    } else throw new Error(`caseless: no exact case class for ${JSON.stringify(ch)}`);
    known.set(ch, found);
  }
  return found;
}

/** What one character outside a class becomes: itself, or the class of its case variants. */
function single(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    // Most of a pattern: the ASCII table, made once.
    if (!ascii) ascii = Array.from({ length: 128 }, (_, c) => wrapped(String.fromCharCode(c)));
    return ascii[code];
  }
  return wrapped(ch);
}

let ascii: string[] | undefined;

function wrapped(ch: string): string {
  const chars = variants(ch);
  return chars.length > 1 ? `[${chars}]` : chars;
}

/**
 * A character class: its letters with their case variants ([ds] → [dDsSſ]). Not a negated class,
 * a range of letters, `\w` or a property escape inside one (their `iu` sets differ).
 */
function caselessClass(body: string): string {
  const inner = body.slice(1, -1);
  if (!body.endsWith(']') || inner.startsWith('^'))
    throw new Error(`caseless: class ${body} is not supported`);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\') {
      const next = inner[i + 1] ?? '';
      if (!PLAIN_ESCAPES.includes(next) || !next) throw new Error(`caseless: class ${body} is not supported`);
      out += ch + next;
      i++;
    } else if (ch === '-' && i > 0 && i < inner.length - 1 && (cased(inner[i - 1]) || cased(inner[i + 1]))) {
      throw new Error(`caseless: class ${body} is not supported`);
    } else out += variants(ch);
  }
  return `[${out}]`;
}

/**
 * The pattern source of a `u` + `i` regular expression, rewritten for `u` alone. Supports what
 * the date patterns use: letters, digits, groups, lookarounds, quantifiers, `\d \s \S \D \.`-style
 * escapes, `\b`, `\p{L}` and `\p{N}`, and character classes without ranges of letters or `\w`.
 *
 * As a tag, each part and each interpolated value (a whole pattern part: a group, an alternation)
 * is rewritten on its own, a value once however often it is used: caseless`\\b(\\d+)${MONTH}`.
 */
export function caseless(pattern: string | TemplateStringsArray, ...values: string[]): string {
  if (typeof pattern === 'string') return rewrite(pattern);
  let out = rewrite(pattern[0]);
  values.forEach((value, i) => {
    let done = rewritten.get(value);
    if (done === undefined) rewritten.set(value, (done = rewrite(value)));
    out += done + rewrite(pattern[i + 1]);
  });
  return out;
}

const rewritten = new Map<string, string>();

function rewrite(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      const property = CLOSED_PROPERTIES.find((name) => pattern.startsWith(name, i + 1));
      if (next === 'b') out += BOUNDARY;
      else if (property) {
        out += `\\${property}`;
        i += property.length;
        continue;
      } else if (next && PLAIN_ESCAPES.includes(next)) out += ch + next;
      else throw new Error(`caseless: escape \\${next} is not supported`);
      i++;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      out += caselessClass(end < 0 ? pattern.slice(i) : pattern.slice(i, end + 1));
      if (end < 0) break;
      i = end;
    } else if (ch === '(' && pattern.startsWith('?<', i + 1) && !'=!'.includes(pattern[i + 3] ?? '=')) {
      throw new Error('caseless: named groups are not supported');
    } else out += single(ch);
  }
  return out;
}
