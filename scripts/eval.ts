/**
 * npm run eval [-- --misses [FIELD]] [--set corpus|real|fixtures] [--collection NAME] [--no-metascraper]
 * Scores Leesmap, metascraper and @mozilla/readability on the same pages in the same run, with
 * the rules of ../shared/corpora/README.md (scripts/lib/score.ts, scripts/lib/score-real.ts).
 * Pages: Readability's test pages in ../shared/corpora/readability/ (URL
 * https://example.com/test/<folder>/), the annotated real pages in ../shared/corpora/real/ (each
 * read by its declared charset; Leesmap beside metascraper, per collection, the false-value rates
 * and the pages with a domain_class apart), when present, and tests/fixtures/. `--misses` lists
 * every page and field Leesmap got wrong (only FIELD's when given; `noauthor`, `nodate` for the
 * false values); `--no-metascraper` skips metascraper on the real pages (quicker, for work in
 * progress: the figures to report come from a full run).
 */
import { corpusPages, CORPUS_DIR, fixturePages, type EvalPage } from './lib/pages';
import {
  CORPUS_FIELDS,
  detectionScore,
  FIXTURE_FIELDS,
  scoreField,
  type ScoredField,
  type SystemOutput,
} from './lib/score';
import { firstCheck } from '@/utils/detect';
import { parseDocument } from './lib/leesmap';
import { leesmapOutput, runLeesmap, runMetascraper, runReadability } from './lib/systems';
import { realCollections, realPages, REAL_DIR } from './lib/real';
import { evaluateReal, printRealMisses, printRealTable, type RealResult } from './lib/eval-real';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const missesArg = showMisses ? args[args.indexOf('--misses') + 1] : undefined;
const missField = missesArg && !missesArg.startsWith('--') ? missesArg : undefined;
const onlySet = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const onlyCollection = args.includes('--collection') ? args[args.indexOf('--collection') + 1] : undefined;
const withMetascraper = !args.includes('--no-metascraper');

type SystemName = 'Leesmap' | 'metascraper' | 'readability';
const SYSTEMS: SystemName[] = ['Leesmap', 'metascraper', 'readability'];

interface PageResult {
  page: EvalPage;
  outputs: Record<SystemName, SystemOutput>;
  /** Leesmap's first check (the content script's) ruled this page out: the extractor never runs there. */
  ruledOut: boolean;
}

async function evaluate(pages: EvalPage[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    let leesmap: SystemOutput = {};
    let ruledOut = false;
    try {
      // As in the browser: the first check, then the extractor (whose full check decides).
      ruledOut = firstCheck(parseDocument(page.html), page.url).ruledOut;
      leesmap = leesmapOutput(runLeesmap(page.html, page.url));
      if (ruledOut) leesmap.detected = false;
    } catch (error) {
      console.error(`Leesmap failed on ${page.name}: ${String(error)}`);
    }
    let metascraper: SystemOutput = {};
    try {
      metascraper = await runMetascraper(page.html, page.url);
    } catch (error) {
      console.error(`metascraper failed on ${page.name}: ${String(error)}`);
    }
    let readability: SystemOutput = {};
    try {
      readability = runReadability(page.html, page.url);
    } catch (error) {
      console.error(`readability failed on ${page.name}: ${String(error)}`);
    }
    results.push({ page, outputs: { Leesmap: leesmap, metascraper, readability }, ruledOut });
  }
  return results;
}

function percent(right: number, total: number): string {
  return total ? `${Math.round((100 * right) / total)}%` : 'n/a';
}

function printTable(title: string, results: PageResult[], fields: readonly ScoredField[]): void {
  const publications = results.filter((r) => r.page.truth.isPublication);
  console.log(`\n## ${title}: ${results.length} pages, ${publications.length} publication pages`);
  const header = ['system', ...fields, 'detection P / R'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const system of SYSTEMS) {
    const cells: string[] = [system];
    for (const field of fields) {
      let right = 0;
      let total = 0;
      for (const { page, outputs } of publications) {
        const verdict = scoreField(field, outputs[system], page.truth);
        if (verdict === undefined) continue;
        total++;
        if (verdict) right++;
      }
      const leesmapOnly = !(CORPUS_FIELDS as readonly string[]).includes(field);
      cells.push(leesmapOnly && system !== 'Leesmap' ? '–' : `${percent(right, total)} (${right}/${total})`);
    }
    const detection = detectionScore(
      results.map(({ page, outputs }) => ({ output: outputs[system].detected, truth: page.truth.detected })),
    );
    cells.push(`${Math.round(detection.precision * 100)}% / ${Math.round(detection.recall * 100)}%`);
    console.log(`| ${cells.join(' | ')} |`);
  }
  const ruledOut = results.filter((r) => r.ruledOut);
  console.log(
    `\nLeesmap's first check (content script, head and address) ruled out ${ruledOut.length} of ${results.length} pages ` +
      `(${ruledOut.filter((r) => r.page.truth.detected === false).length} labelled not a publication, ` +
      `${ruledOut.filter((r) => r.page.truth.detected === true).length} labelled a publication); the full check decided the rest.`,
  );
}

function printMisses(results: PageResult[], fields: readonly ScoredField[]): void {
  for (const { page, outputs } of results) {
    const out = outputs.Leesmap;
    if (page.truth.detected !== undefined && out.detected !== page.truth.detected) {
      console.log(
        `- ${page.set}/${page.name} detection: expected ${page.truth.detected}, got ${out.detected}`,
      );
    }
    if (!page.truth.isPublication) continue;
    for (const field of fields) {
      if (missField && missField !== field) continue;
      if (scoreField(field, out, page.truth) !== false) continue;
      const show = (value: unknown) => JSON.stringify(value)?.slice(0, 160);
      console.log(
        `- ${page.set}/${page.name} ${field}: expected ${show(page.truth[field])}, got ${show(out[field])}`,
      );
    }
  }
}

async function evaluateRealCorpus(): Promise<void> {
  const collections = realCollections().filter((name) => !onlyCollection || name === onlyCollection);
  if (!collections.length) {
    console.log(
      `\nReal-page corpus not found at ${REAL_DIR} (expected ../shared/corpora/real/ beside the repository); not scored.`,
    );
    return;
  }
  const all: RealResult[] = [];
  for (const collection of collections) {
    const results = await evaluateReal(realPages(collection), withMetascraper);
    printRealTable(`Real pages: ${collection} (../shared/corpora/real)`, results);
    all.push(...results);
    if (showMisses) {
      console.log(`\n### Leesmap misses (${collection})`);
      printRealMisses(results, missField);
    }
  }
  const classed = all.filter((r) => r.page.domainClass);
  if (classed.length)
    printRealTable(
      'Real pages with a domain_class (government, policy/thinktank/NGO/opinion, scholarly), all collections',
      classed,
    );
}

async function main(): Promise<void> {
  if (!onlySet || onlySet === 'real') await evaluateRealCorpus();
  if (onlySet === 'real') return;
  const corpus = onlySet === 'fixtures' ? [] : corpusPages();
  if (corpus === undefined) {
    console.log(
      `Corpus not found at ${CORPUS_DIR} (expected ../shared/corpora/readability/ beside the repository); scoring fixtures only.`,
    );
  }
  const fixtures = onlySet === 'corpus' ? [] : fixturePages();
  if (corpus?.length) {
    const results = await evaluate(corpus);
    printTable('Readability corpus (../shared/corpora/readability)', results, CORPUS_FIELDS);
    if (showMisses) {
      console.log('\n### Leesmap misses (corpus)');
      printMisses(results, CORPUS_FIELDS);
    }
  }
  if (fixtures.length) {
    const results = await evaluate(fixtures);
    printTable('Leesmap fixtures (tests/fixtures)', results, FIXTURE_FIELDS);
    if (showMisses) {
      console.log('\n### Leesmap misses (fixtures)');
      printMisses(results, FIXTURE_FIELDS);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
