/** Suggestions as plain data: the UI turns reasons into Dutch or English sentences. */

export type SuggestionReason =
  /** A theme of the candidate (or inferred for it) matches a theme of `savedCount` saved records. */
  | { kind: 'theme'; theme: string; savedCount: number; candidateTheme: string; inferred?: true }
  /** A saved publication lists the candidate as related ("Genoemd bij 'Leren van doen'"). */
  | { kind: 'listedBy'; id: string; title: string; url: string }
  | { kind: 'author'; name: string; savedCount: number }
  | { kind: 'publisher'; name: string; savedCount: number }
  | { kind: 'keyword'; keyword: string; savedCount: number }
  /** Title/subtitle/summary close to this saved publication's. */
  | { kind: 'similarText'; id: string; title: string; url?: string; similarity: number };

export type SuggestionReasonKind = SuggestionReason['kind'];

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

export interface Suggestion {
  /** The catalog entry's id. */
  id: string;
  title: string;
  subtitle?: string;
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
