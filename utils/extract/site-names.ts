/**
 * What a site adds to its titles and how to take it off: the separators between title parts, the
 * names the site goes by, entities a CMS encoded twice. Shared by the title, publisher and author
 * fields (an author slot that holds the site's name is none).
 */
import { publisherForHost } from '@/utils/publishers';
import type { ExtractionContext } from './context';
import { mainValue, namesOf } from './jsonld';
import { firstMeta } from './meta';
import { cleanText, fold, squash } from './text';

/**
 * Separators between title parts, with spaces around ("Title | Site", "Title - Site"), or after
 * Chinese or Japanese text without them ("タイトル：朝日新聞デジタル", "标题｜サイト").
 */
export const SEPARATOR =
  /\s+[|\-–—\\/>»·•]\s+|(?<=[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60])\s*[：｜]\s*(?=\S)/;
/** Title parts as a heading may stand among them: the separators, and "Topic: " before the title. */
export const TITLE_PARTS = new RegExp(`${SEPARATOR.source}|:\\s+`);

export function titleParts(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Words of a text, as separated by spaces (a Chinese or Japanese title without spaces is one). */
export function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Drop parts equal to the site's name ("Leren van doen | Publicaties | NSOB" → "Leren van doen | Publicaties"). */
export function stripSiteName(raw: string, siteNames: string[]): string {
  const title = cleanText(raw, 500);
  // Compared without spaces too: "Adviesraad Internationale Vraagstukken" is adviesraadinternationalevraagstukken.nl.
  const names = new Set(siteNames.map(squash).filter(Boolean));
  // A site name that itself holds a separator ("AOC media - Analyse Opinion Critique"): cut it whole.
  for (const name of siteNames) {
    if (!SEPARATOR.test(name) || name.length < 4) continue;
    const at = title.toLowerCase().lastIndexOf(name.toLowerCase());
    if (
      at > 0 &&
      at + name.length === title.length &&
      SEPARATOR.test(title.slice(Math.max(0, at - 4), at + 1))
    ) {
      return title
        .slice(0, at)
        .replace(/\s+[|\-–—\\/>»·•:]\s*$/, '')
        .trim();
    }
  }
  const parts = titleParts(title);
  if (parts.length < 2 || !names.size) return title;
  const hostWords = siteNames
    .filter((name) => /^[\p{L}\d-]+$/u.test(name) && !/\s/.test(name))
    .flatMap((name) => [
      fold(name)
        .split(' ')
        .filter((word) => word.length >= 4),
    ])
    .filter((words) => words.length > 0);
  const kept = parts.filter(
    (part, i) =>
      !names.has(squash(part)) && !((i === 0 || i === parts.length - 1) && namesHost(part, hostWords)),
  );
  if (kept.length === parts.length) return title;
  // Every part names the site: one of them is the page's title a CMS put in og:site_name too
  // ("Windpark eröffnet | EnBW" with og:site_name "Windpark eröffnet"): the longest.
  if (!kept.length) return parts.reduce((longest, part) => (words(part) > words(longest) ? part : longest));
  // Keep the original separators of the remaining run: cut the title around the kept parts.
  const first = title.indexOf(kept[0]);
  const last = kept[kept.length - 1];
  return title.slice(first, title.lastIndexOf(last) + last.length).trim();
}

/**
 * A title part that spells out the site's address ("Berliner Leichtathletik Verband e.V." on
 * leichtathletik-berlin.example): every word of a hyphenated host label begins a word of the part.
 */
function namesHost(part: string, hostWords: string[][]): boolean {
  const folded = fold(part);
  const words = folded.split(' ');
  return hostWords.some(
    (label) => label.length > 1 && label.every((word) => words.some((w) => w.startsWith(word))),
  );
}

/** Names the site goes by: og:site_name, the JSON-LD publisher, the host and its first label, the known publisher. */
export function siteNames(ctx: ExtractionContext): string[] {
  const names: string[] = [];
  const site = firstMeta(ctx.meta, 'og:site_name', 'application-name', 'citation_publisher', 'dc.publisher');
  if (site) names.push(site);
  names.push(...namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'publisher')));
  if (ctx.host) {
    const host = ctx.host.replace(/^www\./, '');
    // "nsob.nl" → also "NSOB", the name sites put after their titles.
    names.push(ctx.host, host, host.split('.')[0]);
    const known = publisherForHost(ctx.host)?.name;
    if (known) names.push(known);
  }
  return names;
}

/** Entities a CMS encoded twice ("Olive &#038; Herb", "Fisch &amp; Fang"): the characters. */
const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
  bull: '•',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Windows-1252's characters for the bytes 0x80–0x9f, as a page read in that charset shows them. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/**
 * UTF-8 read as Latin-1 or Windows-1252 ("NPCÂ´s", "FÃ¼r", "itâ€™s"), by the marks it shows: Ã or Â
 * before a continuation byte (é, ü, ´, a non-breaking space) or â€ (quotes, dashes). Not any lead
 * byte before a continuation byte: "CAFÉ…" decodes too but is how a title in capitals is written.
 */
const MOJIBAKE = new RegExp(`[\u00c2\u00c3][\u0080-\u00bf${CP1252}]|\u00e2[\u0080-\u00bf${CP1252}]{2}`);

/** The byte a character stands for in Latin-1 or Windows-1252, or -1. */
function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  const at = CP1252.indexOf(char);
  return at < 0 ? -1 : 0x80 + at;
}

/**
 * A title whose UTF-8 bytes a site wrote out as Latin-1 or Windows-1252 characters ("Quests und
 * NPCÂ´s"), read back as UTF-8 ("Quests und NPC´s"); any other text as it is.
 */
export function repairMojibake(text: string): string {
  if (text.length > 2_000 || !MOJIBAKE.test(text)) return text;
  const bytes = Array.from(text, byteOf);
  if (bytes.includes(-1)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}
