/**
 * Citation keys (BibTeX) and reference ids (RIS `ID`): "vandersteen2020leren" — first author's
 * family name (else the publisher), year and the first word of the title of more than three letters,
 * folded to ASCII letters and digits. Stable: a key depends on its record alone, unless records in
 * the same file share it; then each of those gets a suffix from a hash of its Leesmap id
 * ("vandersteen2020leren-k3f9"), the whole hash where four characters are not enough. Unique
 * within a file however many records share a publisher, year and title word.
 */
import { foldKey } from '@/utils/identity';
import type { SavedPublication } from '@/utils/record';
import { toCslName } from './names';

/** The readable part of a record's key. */
function baseKey(record: SavedPublication): string {
  const first = record.authors?.[0];
  const name = first ? toCslName(first) : undefined;
  const who = foldKey(name?.family ?? name?.literal ?? record.publisher ?? '')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 24);
  const year = typeof record.year === 'number' ? String(record.year) : (record.published?.slice(0, 4) ?? '');
  const words = foldKey(record.title).split(' ');
  const word = (words.find((w) => w.length > 3) ?? words[0] ?? '').replace(/[^a-z0-9]/g, '').slice(0, 16);
  return `${who || 'anon'}${year}${word}`;
}

/** FNV-1a over the text, twice with different seeds: 64 bits as base 36. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x2545f491) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

/** One key per record, in order: unique within the list, and the same whatever the order. */
export function citationKeys(records: SavedPublication[]): string[] {
  const bases = records.map(baseKey);
  const count = (keys: string[]) =>
    keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const baseCount = count(bases);
  const hashes = records.map((record, i) => hash(String(record.id ?? record.url ?? i)));
  // Records that share a base get 4 characters of their hash; those that then still share a key,
  // all of them, the whole hash.
  const short = bases.map((base, i) =>
    (baseCount.get(base) ?? 0) > 1 ? `${base}-${hashes[i].slice(0, 4)}` : base,
  );
  const shortCount = count(short);
  const keys = short.map((key, i) => ((shortCount.get(key) ?? 0) > 1 ? `${bases[i]}-${hashes[i]}` : key));
  // Only records with the same id share a whole hash: number them in order.
  const used = new Set<string>();
  return keys.map((key) => {
    let unique = key;
    for (let n = 2; used.has(unique); n++) unique = `${key}-${n}`;
    used.add(unique);
    return unique;
  });
}
