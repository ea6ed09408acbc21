/**
 * The real-page part of `npm run eval`: Leesmap beside metascraper on ../shared/corpora/real/,
 * per collection and field, the false-value rates, and the pages with a `domain_class` apart.
 */
import { performance } from 'node:perf_hooks';
import type { RealPage } from './real';
import {
  falseValue,
  FALSE_VALUES,
  LEESMAP_ONLY,
  REAL_FIELDS,
  scoreRealField,
  type RealField,
} from './score-real';
import type { SystemOutput } from './score';
import { leesmapOutput, runLeesmap, runMetascraper } from './systems';

export interface RealResult {
  page: RealPage;
  leesmap: SystemOutput;
  metascraper?: SystemOutput;
  ms: number;
}

export async function evaluateReal(pages: RealPage[], withMetascraper: boolean): Promise<RealResult[]> {
  const results: RealResult[] = [];
  for (const page of pages) {
    let leesmap: SystemOutput = {};
    const started = performance.now();
    try {
      leesmap = leesmapOutput(runLeesmap(page.html, page.url));
    } catch (error) {
      console.error(`Leesmap failed on ${page.collection}/${page.id}: ${String(error)}`);
    }
    const ms = performance.now() - started;
    let metascraper: SystemOutput | undefined;
    if (withMetascraper) {
      try {
        metascraper = await runMetascraper(page.html, page.url);
      } catch (error) {
        console.error(`metascraper failed on ${page.collection}/${page.id}: ${String(error)}`);
        metascraper = {};
      }
    }
    results.push({ page, leesmap, metascraper, ms });
  }
  return results;
}

function cell(right: number, total: number): string {
  return total ? `${Math.round((100 * right) / total)}% (${right}/${total})` : 'n/a';
}

function tally(
  results: RealResult[],
  judge: (output: SystemOutput, result: RealResult) => boolean | undefined,
  system: 'leesmap' | 'metascraper',
): string {
  let right = 0;
  let total = 0;
  for (const result of results) {
    const output = result[system];
    if (!output) return '–';
    const verdict = judge(output, result);
    if (verdict === undefined) continue;
    total++;
    if (verdict) right++;
  }
  return cell(right, total);
}

const FIELD_LABELS: Record<RealField, string> = {
  title: 'title',
  authors: 'authors',
  published: 'published (day)',
  year: 'year',
  summary: 'summary',
  subtitle: 'subtitle (dek)',
  themes: 'themes = categories',
  keywords: 'keywords = tags',
  topics: 'themes ∪ keywords, any overlap',
};

export function printRealTable(title: string, results: RealResult[]): void {
  const detected = results.filter((r) => r.leesmap.detected).length;
  console.log(`\n## ${title}: ${results.length} pages (Leesmap detects ${detected} as publications)`);
  console.log('| field | Leesmap | metascraper |');
  console.log('| --- | --- | --- |');
  for (const field of REAL_FIELDS) {
    const judge = (output: SystemOutput, r: RealResult) => scoreRealField(field, output, r.page.truth);
    const leesmap = tally(results, judge, 'leesmap');
    if (leesmap === 'n/a') continue;
    const metascraper = LEESMAP_ONLY.has(field) ? 'n/a' : tally(results, judge, 'metascraper');
    console.log(`| ${FIELD_LABELS[field]} | ${leesmap} | ${metascraper} |`);
  }
  for (const kind of FALSE_VALUES) {
    const judge = (output: SystemOutput, r: RealResult) => falseValue(kind, output, r.page.truth);
    const leesmap = tally(results, judge, 'leesmap');
    if (leesmap === 'n/a') continue;
    console.log(
      `| ${kind} returned (lower is better) | ${leesmap} | ${tally(results, judge, 'metascraper')} |`,
    );
  }
  const times = results.map((r) => r.ms).sort((a, b) => a - b);
  if (times.length)
    console.log(
      `\nLeesmap median ${times[Math.floor(times.length / 2)].toFixed(1)} ms per page (parse + extractPage, one run; see npm run bench)`,
    );
}

export function printRealMisses(results: RealResult[], only?: string): void {
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 200);
  for (const { page, leesmap } of results) {
    const name = `${page.collection}/${page.id}`;
    for (const field of REAL_FIELDS) {
      if (only && only !== field) continue;
      if (scoreRealField(field, leesmap, page.truth) !== false) continue;
      const want =
        field === 'published'
          ? page.truth.days
          : field === 'year'
            ? page.truth.years
            : field === 'topics'
              ? [...(page.truth.themes ?? []), ...(page.truth.keywords ?? [])]
              : page.truth[field];
      const got =
        field === 'topics'
          ? [...(leesmap.themes ?? []), ...(leesmap.keywords ?? [])]
          : field === 'year'
            ? leesmap.year
            : leesmap[field];
      console.log(`- ${name} ${field}: want ${show(want)}, got ${show(got)}`);
    }
    if (
      (!only || only === 'authors' || only === 'noauthor') &&
      falseValue('author where none', leesmap, page.truth)
    ) {
      console.log(`- ${name} author where none: got ${show(leesmap.authors)}`);
    }
    if (
      (!only || only === 'published' || only === 'nodate') &&
      falseValue('date where none', leesmap, page.truth)
    ) {
      console.log(`- ${name} date where none: got ${show(leesmap.published)}`);
    }
  }
}
