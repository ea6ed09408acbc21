/**
 * The reader's profile: how much each theme, keyword, author and publisher weighs, from what
 * they saved (recent saves and read or starred records count more) and what they dismissed
 * (counts against). Pure function over plain data.
 */
import type { CatalogEntry, SavedPublication } from '@/utils/publication';
import { foldText } from '@/utils/text';
import { themeKey } from './themes';

const DAY_MS = 86_400_000;
/** A save loses half its recency bonus every this many days. */
export const RECENCY_HALF_LIFE_DAYS = 180;
/** A dismissed suggestion pushes its themes, authors and publisher down by this much. */
export const DISMISSED_WEIGHT = -0.5;

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

export function authorKey(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const publisherKey = authorKey;

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

export function addToProfile(
  tables: ProfileTables,
  labels: KeyedLabels,
  weight: number,
  saved: boolean,
): void {
  for (const [key, label] of labels.themes) tables.themes.add(key, label, weight, saved);
  for (const [key, label] of labels.keywords) tables.keywords.add(key, label, weight, saved);
  for (const [key, label] of labels.authors) tables.authors.add(key, label, weight, saved);
  if (labels.publisher) tables.publishers.add(labels.publisher[0], labels.publisher[1], weight, saved);
}

export function emptyProfileTables(): ProfileTables {
  return {
    themes: new WeightTable(),
    keywords: new WeightTable(),
    authors: new WeightTable(),
    publishers: new WeightTable(),
  };
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

/** The reader's weights from saved records and dismissed catalog entries, as of `now`. */
export function buildProfile(
  saved: readonly SavedPublication[],
  dismissed: readonly CatalogEntry[],
  now: number,
): ReaderProfile {
  const tables = emptyProfileTables();
  let totalWeight = 0;
  for (const record of saved) {
    const weight = recordWeight(record, now);
    totalWeight += weight;
    addToProfile(tables, keyLabels(record), weight, true);
  }
  for (const entry of dismissed) addToProfile(tables, keyLabels(entry), DISMISSED_WEIGHT, false);
  return profileFromTables(tables, totalWeight);
}
