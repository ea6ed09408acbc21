/**
 * The one table of caps: the stored size of every field, on every way in (page, import, the
 * reader's edits, the popup's draft). Text longer than its cap is cut; lists keep their first
 * items. Generous for real records, tight enough that no page can fill the database.
 */
export const LIMITS = {
  /** Record id (an identity key). */
  id: 4_096,
  /** url, canonicalUrl, pdfUrl, related[].url (after normalisation). */
  url: 4_096,
  title: 1_000,
  subtitle: 1_000,
  publisher: 500,
  type: 100,
  language: 64,
  doi: 300,
  isbn: 64,
  /** A record's summary, and a related publication's. */
  summary: 10_000,
  /** The reader's notes (several lines). */
  notes: 1_000_000,
  /** One author, theme, keyword or tag. */
  listItem: 500,
  /** Authors, themes, keywords and tags of one record. */
  listItems: 200,
  /** Related publications of one record. */
  related: 100,
  /** Themes of one related publication. */
  relatedThemes: 20,
  /** Detection signals (not stored; sent to the popup). */
  signal: 300,
  signals: 40,
  /** Who added a record to a shared Zotero library (a member's name). */
  addedBy: 200,
  /** Records in one import file. */
  records: 100_000,
} as const;

/** The optional single-line text fields a reader edits, with their caps. */
export const EDITABLE_TEXT_CAPS = [
  ['subtitle', LIMITS.subtitle],
  ['publisher', LIMITS.publisher],
  ['type', LIMITS.type],
  ['summary', LIMITS.summary],
  ['language', LIMITS.language],
] as const;
