/**
 * Offline evaluation of Leesmap's suggestions: `npm run eval:suggest`.
 *
 * PROTOCOL (printed with the results)
 * Data: every fixture page `tests/fixtures/<slug>/expected.json` with `detected: true`, and every
 * publication those pages list as related. Publications are merged by identity (address without
 * scheme/www/trailing slash, else folded title), so the three markups of one page are one page.
 *
 * Reading histories (leave one out): for each fixture page P and each publication h on P's
 * related list, one test case. The reader saved P and every other publication on P's list
 * ("basket" R(P) \ {h}); h is held out. The reader is assumed to have visited every fixture page,
 * so the catalog holds every publication of the data set that is not saved; each catalog entry is
 * built the way the database builds it (a visited page's fields, or only what a listing gives:
 * title, subtitle, url, summary, themes), with one 'related' source per fixture page listing it.
 *
 * No leak: the held-out link itself (P lists h) is removed everywhere: P's saved record lists
 * R(P) \ {h}, and h's catalog entry has no source naming P. Its entry is otherwise built exactly
 * like every other candidate's (checked below for each case). Other saved pages that list h
 * (e.g. a saved page from P's list that itself lists h) still count: the reader did save them.
 *
 * Ranking: every candidate is ranked (no cut-off, also those the reader would not be shown for
 * want of a reason); the held-out item's rank gives hit@5 (in the
 * top 5) and MRR (mean of 1/rank). Systems, same cases, same candidates:
 *  - Leesmap: `createSuggestionEngine` with its default weights;
 *  - Leesmap without co-listing: the same with the co-listing weight at 0 (how far text and
 *    themes go alone);
 *  - random: uniform shuffle, mean over 50 seeded shuffles per case;
 *  - most recent: newest publication year first, unknown years last, ties shuffled (seeded);
 *  - theme labels only: candidates scored by how many saved records carry each of their theme
 *    labels exactly (folded case/accents, no stemming), ties shuffled (seeded).
 * Page-context cases (the popup on a page, "Bij deze pagina"): their protocol is printed with
 * their results (scripts/lib/suggest-page-cases.ts).
 * Reads the fixtures in this repository only; nothing leaves the machine.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseUrl } from '@/utils/identity';
import type { CatalogEntry, Publication, RelatedPublication, SavedPublication } from '@/utils/record';
import { createSuggestionEngine } from '@/utils/suggest';
import { DAY_MS } from '@/utils/suggest/profile';
import { seededRandom } from './lib/random';
import { pageTargetMet, printPageCases, runPageCases } from './lib/suggest-page-cases';
import { foldText, toTextLanguage, detectLanguage } from '@/utils/text';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');
const NOW = Date.UTC(2026, 10, 1);
const RANDOM_SHUFFLES = 50;

interface Item {
  key: string;
  /** From a visited fixture page (full record) or only from listings. */
  page?: Publication;
  listing?: RelatedPublication;
}

function identity(title: string, url?: string): string {
  if (url) return `url:${normaliseUrl(url).replace(/^https?:\/\//, '')}`;
  return `title:${foldText(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}`;
}

function loadPages(): Publication[] {
  if (!existsSync(FIXTURES)) {
    console.error(`No fixtures at ${FIXTURES}: nothing to evaluate.`);
    process.exit(1);
  }
  const pages: Publication[] = [];
  for (const slug of readdirSync(FIXTURES).sort()) {
    const file = join(FIXTURES, slug, 'expected.json');
    if (!existsSync(file)) continue;
    const expected = JSON.parse(readFileSync(file, 'utf8')) as {
      detected?: boolean;
      publication?: Publication;
    };
    if (expected.detected === true && expected.publication?.title) pages.push(expected.publication);
  }
  return pages;
}

// --- the data set --------------------------------------------------------------------------------

const items = new Map<string, Item>();
const pageKeys: string[] = [];
/** page key → keys of the items it lists, in order. */
const listings = new Map<string, string[]>();

for (const page of loadPages()) {
  const key = identity(page.title, page.canonicalUrl ?? page.url);
  if (listings.has(key)) continue; // the same page in another markup
  pageKeys.push(key);
  const item = items.get(key) ?? { key };
  item.page = page;
  items.set(key, item);
  const listed: string[] = [];
  for (const related of page.related ?? []) {
    const relatedKey = identity(related.title, related.url);
    if (relatedKey === key || listed.includes(relatedKey)) continue;
    listed.push(relatedKey);
    const relatedItem = items.get(relatedKey) ?? { key: relatedKey };
    relatedItem.listing ??= related;
    items.set(relatedKey, relatedItem);
  }
  listings.set(key, listed);
}

function titleOf(item: Item): string {
  return item.page?.title ?? item.listing!.title;
}

function themesOf(item: Item): string[] {
  return item.page?.themes ?? item.listing?.themes ?? [];
}

function urlOf(item: Item): string {
  return (
    item.page?.canonicalUrl ??
    item.page?.url ??
    item.listing?.url ??
    `https://leesmap.invalid/${encodeURIComponent(item.key)}`
  );
}

function savedRecord(item: Item, savedAt: number, withoutListed?: ReadonlySet<string>): SavedPublication {
  const base: Publication = item.page
    ? {
        ...item.page,
        related: (item.page.related ?? []).filter(
          (related) => !withoutListed?.has(identity(related.title, related.url)),
        ),
      }
    : {
        url: urlOf(item),
        title: item.listing!.title,
        ...(item.listing!.subtitle ? { subtitle: item.listing!.subtitle } : {}),
        ...(item.listing!.summary ? { summary: item.listing!.summary } : {}),
        authors: [],
        themes: [...(item.listing!.themes ?? [])],
        keywords: [],
        related: [],
      };
  return {
    ...base,
    id: item.key,
    status: 'to-read',
    notes: '',
    tags: [],
    starred: false,
    editedFields: [],
    savedAt,
    updatedAt: savedAt,
  };
}

/** Built like the database builds catalog entries; `skip` says which listings (page, item) are held out. */
function catalogEntry(item: Item, skip?: (pageKey: string, itemKey: string) => boolean): CatalogEntry {
  const sources: CatalogEntry['sources'] = [];
  if (item.page) sources.push({ kind: 'visited' });
  for (const pageKey of pageKeys) {
    if (!listings.get(pageKey)!.includes(item.key)) continue;
    if (skip?.(pageKey, item.key)) continue;
    const page = items.get(pageKey)!;
    sources.push({ kind: 'related', listedBy: { id: pageKey, title: titleOf(page), url: urlOf(page) } });
  }
  const page = item.page;
  const listing = item.listing;
  return {
    id: item.key,
    title: titleOf(item),
    url: urlOf(item),
    ...((page?.subtitle ?? listing?.subtitle) ? { subtitle: page?.subtitle ?? listing?.subtitle } : {}),
    ...((page?.summary ?? listing?.summary) ? { summary: page?.summary ?? listing?.summary } : {}),
    themes: [...themesOf(item)],
    keywords: [...(page?.keywords ?? [])],
    authors: [...(page?.authors ?? [])],
    ...(page?.publisher ? { publisher: page.publisher } : {}),
    ...(typeof page?.year === 'number' ? { year: page.year } : {}),
    ...(page?.language ? { language: page.language } : {}),
    sources,
    firstSeenAt: NOW - 30 * DAY_MS,
    lastSeenAt: NOW - 30 * DAY_MS,
  };
}

// --- baselines -----------------------------------------------------------------------------------

/** Sorts by score descending, ties in a seeded random order. */
function rankByScore(
  candidates: CatalogEntry[],
  score: (entry: CatalogEntry) => number,
  seed: number,
): string[] {
  const random = seededRandom(seed);
  return candidates
    .map((entry) => ({ id: entry.id, score: score(entry), tie: random() }))
    .sort((a, b) => b.score - a.score || a.tie - b.tie)
    .map((item) => item.id);
}

const foldLabel = (label: string) =>
  foldText(label)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

// --- the run -------------------------------------------------------------------------------------

interface Tally {
  hits: number;
  reciprocal: number;
  cases: number;
}
const systems = [
  'Leesmap',
  'Leesmap without co-listing',
  'random',
  'most recent',
  'theme labels only',
] as const;
type System = (typeof systems)[number];
const tallies = new Map<System, Tally>(systems.map((name) => [name, { hits: 0, reciprocal: 0, cases: 0 }]));
const byLanguage = new Map<string, Map<System, Tally>>();

function record(system: System, ranking: string[], heldOut: string, language: string): void {
  const rank = ranking.indexOf(heldOut) + 1;
  if (rank === 0) throw new Error(`${system}: held-out item missing from the ranking`);
  for (const table of [tallies, byLanguage.get(language)!]) {
    const tally = table.get(system)!;
    tally.cases++;
    tally.reciprocal += 1 / rank;
    if (rank <= 5) tally.hits++;
  }
}

function recordMean(system: System, ranks: number[], language: string): void {
  const reciprocal = ranks.reduce((sum, rank) => sum + 1 / rank, 0) / ranks.length;
  const hits = ranks.filter((rank) => rank <= 5).length / ranks.length;
  for (const table of [tallies, byLanguage.get(language)!]) {
    const tally = table.get(system)!;
    tally.cases++;
    tally.reciprocal += reciprocal;
    tally.hits += hits;
  }
}

let caseCount = 0;
let candidateTotal = 0;
for (const pageKey of pageKeys) {
  const basket = listings.get(pageKey)!;
  const page = items.get(pageKey)!;
  const language =
    toTextLanguage(page.page?.language) ??
    detectLanguage(`${page.page?.title} ${page.page?.summary ?? ''}`) ??
    'unknown';
  if (!byLanguage.has(language))
    byLanguage.set(language, new Map(systems.map((name) => [name, { hits: 0, reciprocal: 0, cases: 0 }])));
  for (const heldOut of basket) {
    const savedItems = [pageKey, ...basket.filter((key) => key !== heldOut)];
    const saved = savedItems.map((key, index) =>
      savedRecord(
        items.get(key)!,
        NOW - (10 - index) * DAY_MS,
        key === pageKey ? new Set([heldOut]) : undefined,
      ),
    );
    const savedSet = new Set(savedItems);
    const skip = (listing: string, item: string) => listing === pageKey && item === heldOut;
    const candidates = [...items.values()]
      .filter((item) => !savedSet.has(item.key))
      .map((item) => catalogEntry(item, skip));

    // Leak checks: the held-out link appears nowhere; the held-out entry is built like any other.
    const heldOutEntry = candidates.find((entry) => entry.id === heldOut)!;
    if (heldOutEntry.sources.some((source) => source.kind === 'related' && source.listedBy.id === pageKey)) {
      throw new Error('leak: the held-out entry still names the page that listed it');
    }
    if (saved[0].related.some((related) => identity(related.title, related.url) === heldOut)) {
      throw new Error('leak: the saved page still lists the held-out item');
    }
    const rebuilt = catalogEntry(items.get(heldOut)!, skip);
    if (JSON.stringify(rebuilt) !== JSON.stringify(heldOutEntry))
      throw new Error('held-out entry built differently');

    caseCount++;
    candidateTotal += candidates.length;
    const seed = caseCount * 7919;

    const all = { now: NOW, limit: candidates.length, includeUnexplained: true };
    const leesmap = createSuggestionEngine({ saved, catalog: candidates }).rank(all);
    record(
      'Leesmap',
      leesmap.map((s) => s.id),
      heldOut,
      language,
    );
    const textAndThemes = createSuggestionEngine({
      saved,
      catalog: candidates,
      weights: { coListing: 0 },
    }).rank(all);
    record(
      'Leesmap without co-listing',
      textAndThemes.map((s) => s.id),
      heldOut,
      language,
    );

    const randomRanks: number[] = [];
    for (let shuffle = 0; shuffle < RANDOM_SHUFFLES; shuffle++) {
      randomRanks.push(rankByScore(candidates, () => 0, seed + shuffle).indexOf(heldOut) + 1);
    }
    recordMean('random', randomRanks, language);

    record(
      'most recent',
      rankByScore(candidates, (entry) => entry.year ?? -Infinity, seed),
      heldOut,
      language,
    );

    const labelCounts = new Map<string, number>();
    for (const savedRecordItem of saved) {
      for (const label of new Set(savedRecordItem.themes.map(foldLabel)))
        labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
    }
    const themeScore = (entry: CatalogEntry) =>
      [...new Set(entry.themes.map(foldLabel))].reduce(
        (sum, label) => sum + (labelCounts.get(label) ?? 0),
        0,
      );
    record('theme labels only', rankByScore(candidates, themeScore, seed), heldOut, language);
  }
}

// --- report --------------------------------------------------------------------------------------

const allThemes = new Set([...items.values()].flatMap((item) => themesOf(item).map(foldLabel)));
const languages = new Map<string, number>();
for (const key of pageKeys) {
  const language = toTextLanguage(items.get(key)!.page?.language) ?? 'unknown';
  languages.set(language, (languages.get(language) ?? 0) + 1);
}

const protocol = readFileSync(new URL(import.meta.url), 'utf8').match(/\/\*\*([\s\S]*?)\*\//)![1];
console.log('Leesmap suggestions: offline evaluation');
console.log(protocol.replace(/^ \* ?/gm, '  ').trimEnd());
console.log();
console.log(
  `Data: ${pageKeys.length} fixture pages (${[...languages].map(([l, n]) => `${n} ${l}`).join(', ')}), ` +
    `${items.size} publications, ${allThemes.size} distinct theme labels; ` +
    `${caseCount} cases, ${(candidateTotal / Math.max(1, caseCount)).toFixed(1)} candidates per case on average.`,
);
if (items.size < 40 || allThemes.size < 6 || !languages.has('nl') || !languages.has('en')) {
  console.log('NOTE: fewer than 40 publications, 6 themes or one of NL/EN missing: figures are thin.');
}
console.log();

function table(title: string, rows: Map<System, Tally>): void {
  console.log(title);
  console.log('  system                        hit@5    MRR     cases');
  for (const system of systems) {
    const tally = rows.get(system)!;
    if (tally.cases === 0) continue;
    console.log(
      `  ${system.padEnd(28)}  ${((100 * tally.hits) / tally.cases).toFixed(1).padStart(5)}%  ${(
        tally.reciprocal / tally.cases
      )
        .toFixed(3)
        .padStart(6)}  ${String(tally.cases).padStart(5)}`,
    );
  }
}

table('All cases', tallies);
for (const [language, rows] of [...byLanguage].sort()) {
  console.log();
  table(`Cases from ${language} pages`, rows);
}

const mrr = (system: System) => tallies.get(system)!.reciprocal / tallies.get(system)!.cases;
const hit5 = (system: System) => tallies.get(system)!.hits / tallies.get(system)!.cases;
const baselines: System[] = ['random', 'most recent', 'theme labels only'];
const beatsAll = baselines.every(
  (baseline) => mrr('Leesmap') > mrr(baseline) && hit5('Leesmap') > hit5(baseline),
);
console.log();
console.log(
  beatsAll
    ? 'Leesmap beats all three baselines on hit@5 and MRR.'
    : 'Leesmap does NOT beat every baseline on both measures.',
);

const pageResults = runPageCases({
  pageKeys,
  listings,
  page: (key) => items.get(key)!.page!,
  savedRecord: (key, savedAt, withoutListed) => savedRecord(items.get(key)!, savedAt, withoutListed),
  catalogEntry: (key, skip) => catalogEntry(items.get(key)!, skip),
  allKeys: () => [...items.keys()],
  random: seededRandom,
  now: NOW,
});
console.log();
printPageCases(pageResults);
process.exitCode = beatsAll && pageTargetMet(pageResults) ? 0 : 1;
