/**
 * The shapes every part of Leesmap agrees on (the record's home is `utils/record`). `ExtractionResult` and `Publication` follow
 * `publication.schema.json` (the extractor's contract); `SavedPublication` and `CatalogEntry`
 * are what the database keeps. Plain data only: these cross message boundaries as JSON.
 */

export interface RelatedPublication {
  title: string;
  subtitle?: string;
  url?: string;
  summary?: string;
  themes: string[];
}

/** One publication as read from a page. Absent fields are omitted, never placeholders. */
export interface Publication {
  /** The page as visited. */
  url: string;
  canonicalUrl?: string;
  title: string;
  subtitle?: string;
  authors: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the page states it. */
  published?: string;
  year?: number;
  publisher?: string;
  type?: string;
  themes: string[];
  keywords: string[];
  summary?: string;
  language?: string;
  doi?: string;
  isbn?: string;
  pdfUrl?: string;
  related: RelatedPublication[];
}

/** What the extractor returns for one page. */
export interface ExtractionResult {
  detected: boolean;
  confidence: number;
  signals: string[];
  /** Present whenever a title could be extracted, also when not detected (manual save). */
  publication?: Publication;
}

export type ReadingStatus = 'to-read' | 'reading' | 'read';
export const READING_STATUSES: readonly ReadingStatus[] = ['to-read', 'reading', 'read'];

/** Fields of `Publication` a reader may edit; an edited field is never overwritten by a re-visit. */
export type EditableField =
  | 'title'
  | 'subtitle'
  | 'authors'
  | 'published'
  | 'year'
  | 'publisher'
  | 'type'
  | 'themes'
  | 'keywords'
  | 'summary'
  | 'language';

/** What the reader adds to a record. */
export interface ReaderFields {
  status: ReadingStatus;
  notes: string;
  tags: string[];
  starred: boolean;
  /** Fields the reader changed by hand; re-visits leave them alone. */
  editedFields: EditableField[];
}

/** A record in the reader's list: the extracted publication plus the reader's own fields. */
export interface SavedPublication extends Publication, ReaderFields {
  /** Stable identity key (see utils/identity.ts). */
  id: string;
  /** Epoch milliseconds. */
  savedAt: number;
  updatedAt: number;
  lastVisitedAt?: number;
  /**
   * Who put it in the shared Zotero library it came from, when someone else did (a group member's
   * name, as Zotero gives it: `cleanAddedBy`). Absent for what the reader saved themselves.
   */
  addedBy?: string;
}

/** The reader's changes to one record ('page/update', the reader fields of 'page/save'). */
export type PublicationChanges = Partial<
  Pick<SavedPublication, EditableField | 'status' | 'notes' | 'tags' | 'starred'>
>;

/** A saved record a page resembles but is not linked to (see utils/linking.ts), for the reader. */
export interface Resemblance {
  id: string;
  title: string;
  url: string;
  publisher?: string;
  year?: number;
}

/** How Leesmap came to know an unsaved publication. */
export type CatalogSource =
  { kind: 'visited' } | { kind: 'related'; listedBy: { id: string; title: string; url: string } };

/** A publication Leesmap has seen but the reader has not saved: feeds suggestions. */
export interface CatalogEntry {
  id: string;
  title: string;
  subtitle?: string;
  url?: string;
  summary?: string;
  themes: string[];
  keywords: string[];
  authors: string[];
  publisher?: string;
  year?: number;
  language?: string;
  /** Every page that listed it as related, and whether it was visited itself. */
  sources: CatalogSource[];
  firstSeenAt: number;
  lastSeenAt: number;
  /** When the reader last looked at it (the popup on its page): kept longest when the catalog is full. */
  touchedAt?: number;
}
