/**
 * Extraction speed in Node, DOM parsing included: Leesmap (linkedom + extractPage) beside
 * metascraper (cheerio + its author, date, description, lang, publisher and title rules) on the
 * same pages in the same run. Each page is run RUNS times after a warm-up pass; a page's time is
 * its median run, and the table gives the median and 95th percentile over pages.
 * Pages: ../shared/corpora/readability/ (said plainly when missing) and tests/fixtures/.
 * Target (issue 3): Leesmap's median at most one third of metascraper's.
 * Run alone: `npx tsx scripts/bench/extract.ts`; `npm run bench` runs it with the others.
 */
import { performance } from 'node:perf_hooks';
import { corpusPages, CORPUS_DIR, fixturePages, type EvalPage } from '../lib/pages';
import { extractPublication } from '@/utils/extract';
import { parseDocument, runLeesmap } from '../lib/leesmap';
import { runMetascraper } from '../lib/systems';

const RUNS = 5;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return quantile(sorted, 0.5);
}

async function timePages(pages: EvalPage[], run: (page: EvalPage) => unknown): Promise<number[]> {
  for (const page of pages) await run(page); // warm-up: JIT, module caches
  const perPage: number[] = [];
  for (const page of pages) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await run(page);
      runs.push(performance.now() - started);
    }
    perPage.push(median(runs));
  }
  return perPage.sort((a, b) => a - b);
}

function row(name: string, times: number[]): string {
  return `| ${name} | ${quantile(times, 0.5).toFixed(2)} ms | ${quantile(times, 0.95).toFixed(2)} ms | ${times[times.length - 1].toFixed(2)} ms |`;
}

async function bench(title: string, pages: EvalPage[]): Promise<void> {
  const leesmap = await timePages(pages, (page) => runLeesmap(page.html, page.url));
  const metascraper = await timePages(pages, (page) => runMetascraper(page.html, page.url));
  // Where Leesmap's time goes: the DOM parse alone, and parse + record without the detection check.
  const parseOnly = await timePages(pages, (page) => parseDocument(page.html));
  const withoutDetection = await timePages(pages, (page) => extractPublication(parseDocument(page.html), page.url));
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

async function main(): Promise<void> {
  const corpus = corpusPages();
  if (!corpus) console.log(`Corpus not found at ${CORPUS_DIR}; timing the fixtures only.`);
  else await bench('Readability corpus', corpus);
  const fixtures = fixturePages();
  if (fixtures.length) await bench('Leesmap fixtures', fixtures);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
