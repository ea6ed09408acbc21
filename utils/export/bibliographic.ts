/**
 * BibTeX and RIS through citation-js (its BibTeX and RIS plugins), from and to the CSL items of
 * `csl.ts`. citation-js does the format work (escaping, type and name mapping); Leesmap only
 * makes sure nothing in a record can break a file: every value is one line (a newline in a RIS
 * value would start a new tag line, and `ER  - ` on its own line would end the record) and
 * citation keys are unique.
 *
 * Inputs are always parsed with a forced type, so citation-js never treats text as a DOI or URL
 * to fetch: importing a file makes no network request.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { SavedPublication } from '@/utils/publication';
import { foldKey } from '@/utils/identity';
import { fromCslItems, toCslItem, type CslItem } from './csl';
import { ImportError, type ValidationIssue } from './validate';

function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029\t\v\f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Every string in a CSL item (names included) on one line. */
function flatten<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(flatten) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)])) as T;
  }
  return value;
}

/** "vanTwist2023Leren"-style keys: ASCII letters and digits only, made unique with a, b, c... */
function citationKeys(items: CslItem[]): string[] {
  const used = new Map<string, number>();
  return items.map((item) => {
    const first = item.author?.[0];
    const who = foldKey(first?.family ?? first?.literal ?? item.publisher ?? 'anon')
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 24);
    const year = item.issued?.['date-parts']?.[0]?.[0] ?? '';
    const word = foldKey(item.title).split(' ').find((w) => w.length > 3) ?? foldKey(item.title).split(' ')[0] ?? '';
    const base = `${who || 'anon'}${year}${word.replace(/[^a-z0-9]/g, '').slice(0, 16)}`;
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    if (seen === 0) return base;
    // The 27th duplicate and later get a number: keys stay unique however many there are.
    return seen <= 26 ? `${base}${String.fromCharCode(96 + seen)}` : `${base}${seen}`;
  });
}

function citable(records: SavedPublication[]): CslItem[] {
  const items = records.map((record) => flatten(toCslItem(record)));
  const keys = citationKeys(items);
  return items.map((item, i) => ({ ...item, 'citation-key': keys[i] }));
}

export function toBibtex(records: SavedPublication[]): string {
  if (!records.length) return '';
  return new Cite(citable(records)).format('bibtex', { format: 'text' }) as string;
}

/**
 * citation-js maps the fields (as tag objects); the lines are written here because its text
 * writer wraps values at 70 characters, which splits words on reading back and could put a
 * value's `ER  - ` at the start of a line. One tag line per value, CRLF as the RIS spec says.
 */
export function toRis(records: SavedPublication[]): string {
  if (!records.length) return '';
  const entries = new Cite(citable(records)).format('ris', { format: 'object' }) as Array<
    Record<string, string | number | Array<string | number>>
  >;
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`TY  - ${oneLine(String(entry.TY ?? 'GEN'))}`);
    for (const [tag, value] of Object.entries(entry)) {
      if (tag === 'TY' || tag === 'ER' || !/^[A-Z][A-Z0-9]$/.test(tag)) continue;
      for (const item of [value].flat()) lines.push(`${tag}  - ${oneLine(String(item))}`);
    }
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

function parseWith(text: string, type: '@bibtex/text' | '@ris/file', what: string): CslItem[] {
  try {
    return new Cite(text, { forceType: type }).data as CslItem[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError([{ index: -1, field: what, message: `could not be read (${message.slice(0, 200)})` }]);
  }
}

function toRecords(items: CslItem[], expected: number, what: string, now: number): SavedPublication[] {
  const issues: ValidationIssue[] = [];
  if (items.length < expected) {
    issues.push({
      index: -1,
      field: what,
      message: `${expected - items.length} of ${expected} entries could not be read`,
    });
  }
  if (expected === 0) issues.push({ index: -1, field: what, message: 'contains no entries' });
  const { records, problems } = fromCslItems(items, now);
  issues.push(...problems);
  if (issues.length) throw new ImportError(issues);
  return records;
}

/** BibTeX entries as new records; throws an ImportError naming each entry that cannot be used. */
export function fromBibtex(text: string, now: number = Date.now()): SavedPublication[] {
  // Entries, not @comment/@preamble/@string: what the reader expects to see imported.
  const expected = (text.match(/^\s*@(?!comment\b|preamble\b|string\b)[a-z]+\s*[{(]/gim) ?? []).length;
  return toRecords(parseWith(text, '@bibtex/text', 'BibTeX file'), expected, 'BibTeX file', now);
}

/** RIS records as new records; throws an ImportError naming each record that cannot be used. */
export function fromRis(text: string, now: number = Date.now()): SavedPublication[] {
  const expected = (text.match(/^TY {2}- /gm) ?? []).length;
  return toRecords(parseWith(text, '@ris/file', 'RIS file'), expected, 'RIS file', now);
}
