/**
 * Authors between Leesmap's display form ("Martijn van der Steen", "Wetenschappelijke Raad voor het
 * Regeringsbeleid") and the name forms of CSL-JSON, BibTeX and RIS. A person is written family name
 * first ("van der Steen, Martijn"); an organisation, a one-word name and anything with a comma stays
 * whole (CSL `literal`, a braced BibTeX name). Reading joins the parts back into the display form:
 * given name(s), then the family name with its particles, so every name comes back as it went out.
 */
import { decodeTex, encodeTex } from './latex';

/** The subset of CSL-JSON names Leesmap writes and reads. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** Words that start a Dutch or other family name ("Martijn van der Steen" → family "van der Steen"). */
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ten',
  'ter',
  'te',
  'von',
  'zu',
  'du',
  'da',
  'di',
  'la',
  'le',
  'del',
  'della',
  'des',
  'dos',
  'op',
  'in',
  "'s",
  'uit',
]);
/** An author that is an organisation is written as a literal, never split into given/family. */
const ORGANISATION =
  /\b(raad|instituut|institute|institution|bureau|planbureau|centre|center|council|commission|commissie|ministerie|ministry|foundation|stichting|university|universiteit|agency|academy|academie|oecd|association|vereniging|group|groep|office|board|authority|autoriteit|rekenkamer)\b/i;

/** Splits a display name ("First Last", "Mark van Twist") into CSL name parts. */
export function toCslName(name: string): CslName {
  const clean = name.replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  if (words.length < 2 || ORGANISATION.test(clean) || /[,;&]/.test(clean)) return { literal: clean };
  let familyStart = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (PARTICLES.has(words[i].toLowerCase())) {
      familyStart = i;
      break;
    }
  }
  return { given: words.slice(0, familyStart).join(' '), family: words.slice(familyStart).join(' ') };
}

/** Joins CSL name parts back into Leesmap's display form "First Last". */
export function fromCslName(name: CslName): string {
  if (typeof name.literal === 'string' && name.literal.trim()) return name.literal.trim();
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An "and" on its own would split a BibTeX name or list item; "others" would mean "et al.". */
const SPLITS_A_LIST = /(^|\s)and(\s|$)/i;

/** One item of a BibTeX name or literal list, braced whole when it would split or mean "et al.". */
export function bibtexListItem(text: string): string {
  const encoded = encodeTex(text);
  return SPLITS_A_LIST.test(text) || /^others$/i.test(text.trim()) ? `{${encoded}}` : encoded;
}

/** A display name as a BibTeX name: "van der Steen, Martijn", or `{Whole Organisation}`. */
export function toBibtexName(name: string): string {
  const parts = toCslName(name);
  if (parts.literal !== undefined || SPLITS_A_LIST.test(name)) return `{${encodeTex(parts.literal ?? name)}}`;
  return `${encodeTex(parts.family ?? '')}, ${encodeTex(parts.given ?? '')}`;
}

/**
 * Cuts `source` at separators outside braces; BibTeX counts every brace, escaped or not, so this
 * does too. `separatorAt(i, start)` gives the length of a separator starting at `i` (0: none); `start`
 * is where the current part began.
 */
function cutOutsideBraces(source: string, separatorAt: (i: number, start: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0) {
      const length = separatorAt(i, start);
      if (length > 0) {
        parts.push(source.slice(start, i));
        i += length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** Splits a BibTeX list (names, literal lists) at " and " outside braces. */
export function splitBibtexList(source: string): string[] {
  return cutOutsideBraces(source, (i, start) => {
    if (i === start || !/\s/.test(source[i])) return 0;
    return /^\s+and\s+/i.exec(source.slice(i, i + 64))?.[0].length ?? 0;
  })
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Splits at any of `separators` outside braces. */
export function splitTopLevel(source: string, separators: string): string[] {
  return cutOutsideBraces(source, (i) => (separators.includes(source[i]) ? 1 : 0));
}

/** One BibTeX name (TeX source) in display form: "Last, First" and "Last, Jr, First" turn around. */
export function fromBibtexName(source: string): string {
  const parts = splitTopLevel(source, ',').map((part) => decodeTex(part).replace(/\s+/g, ' ').trim());
  if (parts.length === 1) return parts[0];
  const [last, ...rest] = parts;
  const first = rest[rest.length - 1];
  const suffix = rest.length > 1 ? rest.slice(0, -1).join(' ') : '';
  return [first, last, suffix].filter(Boolean).join(' ');
}

/**
 * A display name as a RIS author ("Lastname, Firstname"). An organisation or other whole name is
 * written as it is; one holding a comma gets a trailing comma, so it is not read as "Last, First".
 */
export function toRisName(name: string): string {
  const parts = toCslName(name);
  if (parts.literal !== undefined) return parts.literal.includes(',') ? `${parts.literal},` : parts.literal;
  return `${parts.family}, ${parts.given}`;
}

/** A RIS author in display form: "Last, First" and "Last, First, Suffix" turn around. */
export function fromRisName(value: string): string {
  const text = value.trim();
  if (!text.includes(',')) return text;
  if (text.endsWith(',')) return text.slice(0, -1).trim();
  const [last, first, ...suffix] = text.split(',').map((part) => part.trim());
  return [first, last, ...suffix].filter(Boolean).join(' ');
}
