/**
 * The reader's profile: how much each theme, keyword, author and publisher weighs, from what
 * they saved (recent saves and read or starred records count more) and what they dismissed
 * (counts against). Pure function over plain data.
 */
import type { SavedPublication } from '@/utils/record';
import { foldText } from '@/utils/text';
import { themeKey } from './themes';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** A save loses half its recency bonus every this many days. */
const RECENCY_HALF_LIFE_DAYS = 180;
/** A dismissed suggestion pushes its themes, authors and publisher down by this much. */
export const DISMISSED_WEIGHT = -0.5;
/** A theme inferred from a record's nearest themed neighbours counts this much of a given one. */
export const INFERRED_THEME_FACTOR = 0.5;

export interface ProfileWeight {
  /** Folded, as matched; `label` is the first spelling seen. */
  key: string;
  label: string;
  weight: number;
  /** Saved records carrying it (dismissed ones not counted). */
  savedCount: number;
}

export interface ReaderProfile {
  themes: ProfileWeight[];
  keywords: ProfileWeight[];
  authors: ProfileWeight[];
  publishers: ProfileWeight[];
  /** Sum of the saved records' weights. */
  totalWeight: number;
}

type WeighedRecord = Pick<SavedPublication, 'savedAt' | 'status' | 'starred'>;

/** 0.5..1.5 by age, × 1.25 reading / 1.5 read, × 1.5 starred. */
export function recordWeight(record: WeighedRecord, now: number): number {
  const ageDays = Math.max(0, (now - record.savedAt) / DAY_MS);
  const recency = 0.5 + Math.pow(2, -ageDays / RECENCY_HALF_LIFE_DAYS);
  const status = record.status === 'read' ? 1.5 : record.status === 'reading' ? 1.25 : 1;
  return recency * status * (record.starred ? 1.5 : 1);
}

function authorKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const publisherKey = authorKey;

/** Accumulates weights by key; keeps the first label seen. */
export class WeightTable {
  readonly entries = new Map<string, ProfileWeight>();

  add(key: string, label: string, weight: number, saved: boolean): void {
    if (!key) return;
    const entry = this.entries.get(key);
    if (entry) {
      entry.weight += weight;
      if (saved) entry.savedCount++;
    } else {
      this.entries.set(key, { key, label, weight, savedCount: saved ? 1 : 0 });
    }
  }

  sorted(): ProfileWeight[] {
    return [...this.entries.values()].sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
  }
}

interface ProfileSource {
  themes: readonly string[];
  keywords: readonly string[];
  authors: readonly string[];
  publisher?: string;
}

/** A record's profile labels with their match keys, computed once per record. */
export interface KeyedLabels {
  themes: readonly (readonly [key: string, label: string])[];
  keywords: readonly (readonly [key: string, label: string])[];
  authors: readonly (readonly [key: string, label: string])[];
  publisher?: readonly [key: string, label: string];
}

const keyed = (values: readonly string[], keyOf: (value: string) => string) => {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = keyOf(value);
    if (key && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen].map(([key, label]) => [key, label] as const);
};

export function keyLabels(record: ProfileSource): KeyedLabels {
  const publisher = record.publisher ? publisherKey(record.publisher) : '';
  return {
    themes: keyed(record.themes, themeKey),
    keywords: keyed(record.keywords, themeKey),
    authors: keyed(record.authors, authorKey),
    ...(publisher ? { publisher: [publisher, record.publisher!.trim()] as const } : {}),
  };
}

export interface ProfileTables {
  themes: WeightTable;
  keywords: WeightTable;
  authors: WeightTable;
  publishers: WeightTable;
}

function addToProfile(tables: ProfileTables, labels: KeyedLabels, weight: number, saved: boolean): void {
  for (const [key, label] of labels.themes) tables.themes.add(key, label, weight, saved);
  for (const [key, label] of labels.keywords) tables.keywords.add(key, label, weight, saved);
  for (const [key, label] of labels.authors) tables.authors.add(key, label, weight, saved);
  if (labels.publisher) tables.publishers.add(labels.publisher[0], labels.publisher[1], weight, saved);
}

/** What the profile is weighed from. */
interface ProfileInput {
  saved: Iterable<{ labels: KeyedLabels; record: WeighedRecord }>;
  /** Labels of dismissed catalog entries. */
  dismissed: Iterable<KeyedLabels>;
  /** Themes inferred for saved records that have none (see neighbours.ts). */
  inferred: Iterable<{ record: WeighedRecord; themes: readonly string[] }>;
}

/** The reader's weights as of `now`, as tables by key, and the sum of the saved records' weights. */
export function weighProfile(
  { saved, dismissed, inferred }: ProfileInput,
  now: number,
): { tables: ProfileTables; totalWeight: number } {
  const tables: ProfileTables = {
    themes: new WeightTable(),
    keywords: new WeightTable(),
    authors: new WeightTable(),
    publishers: new WeightTable(),
  };
  let totalWeight = 0;
  for (const { labels, record } of saved) {
    const weight = recordWeight(record, now);
    totalWeight += weight;
    addToProfile(tables, labels, weight, true);
  }
  for (const labels of dismissed) addToProfile(tables, labels, DISMISSED_WEIGHT, false);
  // Saved records without themes lend part of their weight to the themes of their nearest
  // themed neighbours (not counted as saved: reasons only cite themes the reader has).
  for (const { record, themes } of inferred) {
    const weight = INFERRED_THEME_FACTOR * recordWeight(record, now);
    for (const label of themes) tables.themes.add(themeKey(label), label, weight, false);
  }
  return { tables, totalWeight };
}

export function profileFromTables(tables: ProfileTables, totalWeight: number): ReaderProfile {
  return {
    themes: tables.themes.sorted(),
    keywords: tables.keywords.sorted(),
    authors: tables.authors.sorted(),
    publishers: tables.publishers.sorted(),
    totalWeight,
  };
}
