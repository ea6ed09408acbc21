/**
 * Suggestion speed in Node: rank 20,000 synthetic catalog candidates for a profile of 2,000 saved
 * records (target ≤ 50 ms median), and update the engine after one save (target ≤ 10 ms median).
 * Synthetic data is seeded: titles, subtitles and ~40-word summaries drawn from a 4,000-word
 * pseudo-Dutch/English vocabulary, 60 themes (15% of records without), 300 authors, 40
 * publishers, each candidate listed by 0–3 saved records.
 * Run alone: `npx tsx scripts/bench/suggest.ts`; `npm run bench` runs it with the others.
 */
import { performance } from 'node:perf_hooks';
import type { CatalogEntry, SavedPublication } from '@/utils/record';
import { createSuggestionEngine } from '@/utils/suggest';
import { DAY_MS } from '@/utils/suggest/profile';
import { seededRandom } from '../lib/random';

const SAVED = 2_000;
const CANDIDATES = 20_000;
const RANK_RUNS = 21;
const SAVE_RUNS = 51;
const NOW = Date.UTC(2026, 10, 1);

const random = seededRandom(20261101);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const syllables = [
  'be',
  'leid',
  'over',
  'heid',
  'sa',
  'men',
  'wer',
  'king',
  'stra',
  'te',
  'gie',
  'toe',
  'komst',
  'de',
  'mo',
  'cra',
  'tie',
  'kli',
  'maat',
  'ener',
  'gy',
  'hou',
  'sing',
  'go',
  'vern',
  'ance',
  'net',
  'work',
  'pu',
  'bliek',
  'zorg',
  'wo',
  'nen',
  'regio',
  'data',
  'digi',
  'taal',
  'recht',
  'staat',
  'eco',
  'no',
  'mie',
];
const vocabulary = Array.from({ length: 4_000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
);
const stopWords = ['de', 'het', 'een', 'van', 'en', 'in', 'the', 'of', 'and', 'for'];
const words = (count: number) =>
  Array.from({ length: count }, () => (random() < 0.25 ? pick(stopWords) : pick(vocabulary))).join(' ');
const themes = Array.from(
  { length: 60 },
  () => `${pick(vocabulary)} ${pick(['en', 'in', 'and'])} ${pick(vocabulary)}`,
);
const authors = Array.from({ length: 300 }, () => `${pick(vocabulary)} ${pick(vocabulary)}`);
const publishers = Array.from({ length: 40 }, () => pick(vocabulary).toUpperCase());
const someThemes = () =>
  random() < 0.15 ? [] : Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(themes));

function savedRecord(index: number): SavedPublication {
  const savedAt = NOW - Math.floor(random() * 1_000) * DAY_MS;
  return {
    id: `saved-${index}`,
    url: `https://example.org/p/saved-${index}`,
    title: words(6),
    subtitle: words(6),
    summary: words(40),
    authors: [pick(authors)],
    publisher: pick(publishers),
    year: 2000 + Math.floor(random() * 27),
    themes: someThemes(),
    keywords: [],
    related: [],
    status: pick(['to-read', 'reading', 'read'] as const),
    notes: '',
    tags: [],
    starred: random() < 0.1,
    editedFields: [],
    savedAt,
    updatedAt: savedAt,
  };
}

const saved = Array.from({ length: SAVED }, (_, index) => savedRecord(index));
const catalog: CatalogEntry[] = Array.from({ length: CANDIDATES }, (_, index) => ({
  id: `candidate-${index}`,
  url: `https://example.org/p/candidate-${index}`,
  title: words(6),
  subtitle: words(6),
  summary: words(40),
  themes: someThemes(),
  keywords: [],
  authors: random() < 0.5 ? [pick(authors)] : [],
  ...(random() < 0.5 ? { publisher: pick(publishers), year: 2000 + Math.floor(random() * 27) } : {}),
  sources: Array.from({ length: Math.floor(random() * 4) }, () => {
    const lister = pick(saved);
    return { kind: 'related' as const, listedBy: { id: lister.id, title: lister.title, url: lister.url } };
  }),
  firstSeenAt: NOW - DAY_MS,
  lastSeenAt: NOW - DAY_MS,
}));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(2)} ms`;

let started = performance.now();
const engine = createSuggestionEngine({ saved, catalog });
const buildTime = performance.now() - started;

started = performance.now();
engine.rank({ now: NOW });
const firstRank = performance.now() - started;

const rankTimes: number[] = [];
for (let run = 0; run < RANK_RUNS; run++) {
  started = performance.now();
  engine.rank({ now: NOW });
  rankTimes.push(performance.now() - started);
}

// One save: the reader saves a suggested candidate; it leaves the catalog and joins the profile.
const updateTimes: number[] = [];
const rankAfterSaveTimes: number[] = [];
for (let run = 0; run < SAVE_RUNS; run++) {
  const entry = catalog[run];
  const record: SavedPublication = {
    ...savedRecord(SAVED + run),
    id: entry.id,
    url: entry.url!,
    title: entry.title,
    themes: entry.themes,
    savedAt: NOW,
  };
  started = performance.now();
  engine.addSaved(record);
  engine.removeCatalogEntry(entry.id);
  updateTimes.push(performance.now() - started);
  started = performance.now();
  engine.rank({ now: NOW });
  rankAfterSaveTimes.push(performance.now() - started);
}

const rankMedian = median(rankTimes);
const updateMedian = median(updateTimes);
console.log(
  `Suggestions (Node ${process.version}): ${SAVED.toLocaleString('en')} saved records, ${CANDIDATES.toLocaleString('en')} catalog candidates`,
);
console.log(`  build the index once:              ${ms(buildTime)}`);
console.log(`  first rank (cold caches):          ${ms(firstRank)}`);
console.log(
  `  rank, median of ${RANK_RUNS}:                ${ms(rankMedian)}   (target ≤ 50 ms) ${rankMedian <= 50 ? 'ok' : 'OVER'}`,
);
console.log(
  `  update after one save, median of ${SAVE_RUNS}: ${ms(updateMedian)}   (target ≤ 10 ms) ${updateMedian <= 10 ? 'ok' : 'OVER'}`,
);
console.log(`  rank right after a save, median:   ${ms(median(rankAfterSaveTimes))}`);
