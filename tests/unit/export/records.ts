import { identityKeys } from '@/utils/identity';
import type { SavedPublication } from '@/utils/record';

const TITLES = [
  'Leren van doen',
  'Ångström, çedilla & “curly quotes”: naïve café',
  'التعلم بالممارسة في الإدارة العامة', // Arabic, right to left
  'למידה מתוך עשייה', // Hebrew, right to left
  'Mixed \u202Eright-to-left override\u202C and \u200Fmarks\u200E',
  '政策研究の方法 — 日本語',
  'Emoji 📚🇳🇱 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Braces {a} } { and back\\slash, quotes "x" \'y\'',
  'Combining e\u0301 vs é, and a zero width\u200Bspace',
];

/** A deterministic, varied record: Unicode, right-to-left text, very long notes, optional fields. */
export function variedRecord(n: number): SavedPublication {
  const title = `${TITLES[n % TITLES.length]} ${n}`;
  const url = `https://www.example${n % 7}.org/publicaties/${encodeURIComponent(title).slice(0, 80)}-${n}`;
  const record: SavedPublication = {
    id: '',
    url,
    title,
    authors: n % 5 === 0 ? [] : ['Mark van Twist', 'Zoë Ölçer', 'محمد الأحمد'].slice(0, 1 + (n % 3)),
    themes: n % 4 === 0 ? [] : [`Thema ${n % 13}`, 'Sturen in netwerken'],
    keywords: n % 3 === 0 ? ['beleid', 'überprüfung'] : [],
    related:
      n % 6 === 0 ? [{ title: `Gerelateerd ${n}`, url: `https://example.org/r/${n}`, themes: ['x'] }] : [],
    status: (['to-read', 'reading', 'read'] as const)[n % 3],
    notes:
      n % 100 === 0
        ? `Lange notitie ${n}\n`.repeat(20_000) // about 300,000 characters
        : n % 2
          ? `Notitie met\r\nregels, "quotes", tabs\tand ${TITLES[(n + 1) % TITLES.length]}`
          : '',
    tags: n % 2 ? ['werk', `tag-${n % 11}`] : [],
    starred: n % 7 === 0,
    editedFields: n % 9 === 0 ? ['title', 'themes'] : [],
    savedAt: 1_700_000_000_000 + n * 1000,
    updatedAt: 1_700_000_000_000 + n * 2000,
  };
  if (n % 2 === 0) record.subtitle = `Ondertitel ${n}: ‘een verkenning’`;
  if (n % 3 !== 2) {
    record.year = 1990 + (n % 36);
    record.published = n % 2 ? `${record.year}` : `${record.year}-0${1 + (n % 9)}-1${n % 10}`;
  }
  if (n % 4 !== 3) record.publisher = ['NSOB', 'WRR', 'Rathenau Instituut', 'Brookings Institution'][n % 4];
  if (n % 5 === 1) record.doi = `10.${1000 + (n % 9000)}/leesmap.${n}`;
  if (n % 8 === 0) record.isbn = '978-90-8555-123-4';
  if (n % 3 === 1) record.summary = `Samenvatting ${n}. ${TITLES[n % TITLES.length]}`.repeat(3);
  if (n % 2) record.language = n % 4 === 1 ? 'nl' : 'en-GB';
  if (n % 10 === 3) record.canonicalUrl = `https://example.org/c/${n}`;
  if (n % 11 === 0) record.pdfUrl = `https://example.org/pdf/${n}.pdf`;
  if (n % 3 === 0) record.type = ['report', 'essay', 'policy-brief', 'book'][n % 4];
  if (n % 2 === 0) record.lastVisitedAt = record.updatedAt + 5;
  record.id = identityKeys(record)[0];
  return record;
}

/** The invisible characters the fixture's titles carry (bidi overrides and marks, a zero-width space). */
const FIXTURE_INVISIBLES = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line of fixture text as every way in stores it: invisible characters gone, spacing collapsed. */
export function storedLine(text: string): string {
  return text.replace(FIXTURE_INVISIBLES, '').replace(/\s+/g, ' ').trim();
}

/**
 * A fixture record as an import stores it (written out here, independently of utils/sanitize.ts):
 * bidi controls and zero-width spaces removed, single-line text collapsed, notes with `\n` line
 * breaks and tabs as spaces. Everything else is kept exactly.
 */
export function storedRecord(record: SavedPublication): SavedPublication {
  const out: SavedPublication = {
    ...record,
    title: storedLine(record.title),
    authors: record.authors.map(storedLine),
    themes: record.themes.map(storedLine),
    keywords: record.keywords.map(storedLine),
    tags: record.tags.map(storedLine),
    related: record.related.map((r) => ({ ...r, title: storedLine(r.title) })),
    notes: record.notes.replace(/\r\n/g, '\n').replace(/\t/g, ' ').replace(FIXTURE_INVISIBLES, ''),
  };
  if (record.subtitle !== undefined) out.subtitle = storedLine(record.subtitle);
  if (record.summary !== undefined) out.summary = storedLine(record.summary);
  return out;
}
