/** Suggestions as plain data: the UI turns reasons into Dutch or English sentences. */

export type SuggestionReason =
  /**
   * A theme of the candidate (or inferred for it) matches a theme of `savedCount` saved records
   * ("Ook over Klimaat; je bewaarde 2 publicaties over dit thema"). With `currentPage`, `theme` is
   * a theme of the page the reader is on, as the page words it, and `savedCount` may be 0
   * ("Ook over Sturen in netwerken, net als deze pagina").
   */
  | {
      kind: 'theme';
      theme: string;
      savedCount: number;
      candidateTheme: string;
      inferred?: true;
      currentPage?: true;
    }
  /**
   * A page lists the candidate as related ("Staat bij 'Leren van doen' onder Gerelateerde
   * publicaties"): a saved page, or with `currentPage` the page the reader is on (saved or not;
   * `id` is then its saved id, else its address).
   */
  | { kind: 'listedBy'; id: string; title: string; url: string; currentPage?: true }
  | { kind: 'author'; name: string; savedCount: number }
  | { kind: 'publisher'; name: string; savedCount: number }
  | { kind: 'keyword'; keyword: string; savedCount: number }
  /** Title/subtitle/summary close to this saved publication's. */
  | { kind: 'similarText'; id: string; title: string; url?: string; similarity: number };

/** Each part of the score, before weighting; kept for explaining and tuning. */
export interface ScoreParts {
  theme: number;
  text: number;
  coListing: number;
  author: number;
  publisher: number;
  keyword: number;
  freshness: number;
}

/**
 * `page`: "Bij deze pagina", about the page the reader is on (what it lists as related, then what
 * shares its themes), always first; `reader`: from the reader's saves, as without a page.
 */
export type SuggestionGroup = 'page' | 'reader';

export interface Suggestion {
  /** The catalog entry's id (for a publication the page lists that the catalog lacks: the id it would get). */
  id: string;
  group: SuggestionGroup;
  title: string;
  subtitle?: string;
  /** The start of the summary, one line's worth (at most `SUMMARY_LINE_CHARS`, cut at a word). */
  summary?: string;
  url?: string;
  publisher?: string;
  year?: number;
  /** The entry's own themes, or inferred ones (see `themesInferred`) when it has none. */
  themes: string[];
  themesInferred: boolean;
  score: number;
  parts: ScoreParts;
  /** Strongest first. */
  reasons: SuggestionReason[];
}

export const SUMMARY_LINE_CHARS = 200;

/** A weight per score part. */
export type ScoreWeights = Record<keyof ScoreParts, number>;

export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = {
  theme: 1,
  text: 1.5,
  coListing: 1,
  author: 0.5,
  publisher: 0.15,
  keyword: 0.3,
  freshness: 0.1,
};
