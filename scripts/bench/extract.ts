/**
 * Extraction speed in Node, DOM parsing included: Leesmap (linkedom + extractPage) beside
 * metascraper (cheerio + its author, date, description, lang, publisher and title rules) on the
 * same pages in the same run. Each page is run RUNS times after a warm-up pass, the systems taking
 * turns; a page's time is its median run, and the table gives the median and 95th percentile over pages.
 * Pages: ../shared/corpora/readability/ and ../shared/corpora/real/ (each read by its declared
 * charset; said plainly when missing) and tests/fixtures/. On the 730 real pages each page runs
 * REAL_RUNS times and only the two systems, so the run stays within a few minutes.
 * Target (issues 3 and 13): Leesmap's median at most one third of metascraper's.
 * Run alone: `npx tsx scripts/bench/extract.ts [--real-only]`; `npm run bench` runs it with the others.
 */
import { performance } from 'node:perf_hooks';
import { corpusPages, CORPUS_DIR, fixturePages, type EvalPage } from '../lib/pages';
import { extractPublication } from '@/utils/extract';
import { parseDocument, runLeesmap } from '../lib/leesmap';
import { realCollections, realPages, REAL_DIR } from '../lib/real';
import { runMetascraper } from '../lib/systems';

const RUNS = 5;
const REAL_RUNS = 3;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return quantile(sorted, 0.5);
}

type System = (page: EvalPage) => unknown;

/**
 * Per page, the systems take turns run by run, so a busy moment on this shared machine falls on
 * all of them alike rather than on whichever block was running. A page's time is its median run.
 */
async function timePages(pages: EvalPage[], systems: System[], runCount = RUNS): Promise<number[][]> {
  for (const page of pages) for (const run of systems) await run(page); // warm-up: JIT, module caches
  const perSystem: number[][] = systems.map(() => []);
  for (const page of pages) {
    const runs: number[][] = systems.map(() => []);
    for (let i = 0; i < runCount; i++) {
      for (const [s, run] of systems.entries()) {
        const started = performance.now();
        await run(page);
        runs[s].push(performance.now() - started);
      }
    }
    runs.forEach((times, s) => perSystem[s].push(median(times)));
  }
  return perSystem.map((times) => times.sort((a, b) => a - b));
}

function row(name: string, times: number[]): string {
  return `| ${name} | ${quantile(times, 0.5).toFixed(2)} ms | ${quantile(times, 0.95).toFixed(2)} ms | ${times[times.length - 1].toFixed(2)} ms |`;
}

async function bench(title: string, pages: EvalPage[]): Promise<void> {
  // Where Leesmap's time goes: the DOM parse alone, and parse + record without the detection check.
  const [leesmap, metascraper, parseOnly, withoutDetection] = await timePages(pages, [
    (page) => runLeesmap(page.html, page.url),
    (page) => runMetascraper(page.html, page.url),
    (page) => parseDocument(page.html),
    (page) => extractPublication(parseDocument(page.html), page.url),
  ]);
  console.log(`\n${title}: ${pages.length} pages, median of ${RUNS} runs per page`);
  console.log('| system | median | p95 | max |');
  console.log('| --- | --- | --- | --- |');
  console.log(row('Leesmap (linkedom + extractPage)', leesmap));
  console.log(row('metascraper (6 rule sets)', metascraper));
  console.log(row('  of which: linkedom parse only', parseOnly));
  console.log(row('  parse + extractPublication (no detection)', withoutDetection));
  const ratio = quantile(leesmap, 0.5) / quantile(metascraper, 0.5);
  console.log(`Leesmap median / metascraper median: ${ratio.toFixed(2)} (target ≤ 0.33)`);
}

/** The real pages: Leesmap and metascraper only, REAL_RUNS runs per page. */
async function benchReal(): Promise<void> {
  const collections = realCollections();
  if (!collections.length) {
    console.log(`Real-page corpus not found at ${REAL_DIR}; not timed.`);
    return;
  }
  const pages: EvalPage[] = collections.flatMap((collection) =>
    realPages(collection).map((page) => ({
      set: 'corpus' as const,
      name: `${collection}/${page.id}`,
      file: page.file,
      url: page.url,
      html: page.html,
      truth: { isPublication: true },
    })),
  );
  const [leesmap, metascraper] = await timePages(
    pages,
    [
      (page) => runLeesmap(page.html, page.url),
      // metascraper refuses a few addresses (INVALID_URL): that page's time is its refusal.
      (page) => runMetascraper(page.html, page.url).catch(() => undefined),
    ],
    REAL_RUNS,
  );
  console.log(
    `\nReal pages (${collections.join(', ')}): ${pages.length} pages, median of ${REAL_RUNS} runs per page`,
  );
  console.log('| system | median | p95 | max |');
  console.log('| --- | --- | --- | --- |');
  console.log(row('Leesmap (linkedom + extractPage)', leesmap));
  console.log(row('metascraper (6 rule sets)', metascraper));
  const ratio = quantile(leesmap, 0.5) / quantile(metascraper, 0.5);
  console.log(`Leesmap median / metascraper median: ${ratio.toFixed(2)} (target ≤ 0.33)`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--real-only')) return benchReal();
  const corpus = corpusPages();
  if (!corpus) console.log(`Corpus not found at ${CORPUS_DIR}; timing the fixtures only.`);
  else await bench('Readability corpus', corpus);
  await benchReal();
  const fixtures = fixturePages();
  if (fixtures.length) await bench('Leesmap fixtures', fixtures);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
