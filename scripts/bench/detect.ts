/**
 * Detection benchmark: what detection costs on every page it runs on.
 *
 * Detection runs in two steps (utils/detect/README.md): the content script's first check (head
 * and address) on every matching page, then, where that does not rule the page out, the
 * full check (full-check.js), injected by the background, which decides; where it finds a
 * publication the background injects the extractor (extractor.js) for the record.
 *
 * 1. Node (linkedom): time of `firstCheck` and of the full `isPublicationPage` per page, DOM
 *    parsing excluded; median and 95th percentile over the fixture pages and the Readability
 *    corpus (../shared/corpora/readability).
 * 2. Chromium with the built extension (.output/chrome-mv3, or --extension-dir=DIR): the content
 *    script's size as shipped; then every page served from localhost at its own address, timed with
 *    performance.now() in the page. On the publisher pages (the ones the content script runs on) the
 *    extension's own figures, which the background keeps per tab: the first check in the content
 *    script's isolated world, the full check (full-check.js) the background then ran, if it did,
 *    and the record (extractor.js) it ran where that found a publication: their times in the page
 *    and their round trips seen from the background, apart and summed per page. Then both checks bundled into the page's main world on every page (for
 *    precision and recall), timed first run (cold) and warm on the pages the extension does not run
 *    on, with the full extraction bundled in where they are publications. Both checks are timed as
 *    on a page's first load (`headMayBeStale: false`), as the extension runs them.
 *
 * Usage: npm run bench -- detect   (builds first)   or
 *        npx tsx scripts/bench/detect.ts [--node-only] [--extension-dir=.output/chrome-mv3]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { firstCheck, isPublicationPage } from '@/utils/detect';
import type { Page } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../lib/browser';
import { FIXTURES_DIR, startFixtureServer, type FixtureServer } from '../lib/fixture-server';

/** The extension APIs inside the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const ROOT = new URL('../../', import.meta.url).pathname;
const CORPUS_DIR = join(ROOT, '../shared/corpora/readability');
const WARM_RUNS = 20;
/** Fresh browsers over the publisher pages; each page's figure is the median of its runs. */
const SHIPPED_RUNS = 3;

interface BenchPage {
  name: string;
  url: string;
  html: string;
  /** Whether the page is a publication, where labelled. */
  expected?: boolean;
}

function loadPages(): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const slug of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, slug);
    if (!existsSync(join(dir, 'source.html')) || !existsSync(join(dir, 'expected.json'))) continue;
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
      url: string;
      detected?: boolean;
    };
    pages.push({
      name: `fixtures/${slug}`,
      url: expected.url,
      html: readFileSync(join(dir, 'source.html'), 'utf8'),
      expected: expected.detected,
    });
  }
  if (!existsSync(CORPUS_DIR)) {
    console.log(`Corpus missing: ${CORPUS_DIR} not found; measuring the fixture pages only.`);
    return pages;
  }
  for (const folder of readdirSync(CORPUS_DIR).sort()) {
    const dir = join(CORPUS_DIR, folder);
    if (!existsSync(join(dir, 'source.html'))) continue;
    const metadataFile = join(dir, 'expected-metadata.json');
    const metadata = existsSync(metadataFile)
      ? (JSON.parse(readFileSync(metadataFile, 'utf8')) as { readerable?: boolean })
      : {};
    pages.push({
      name: `readability/${folder}`,
      url: `https://example.com/test/${folder}/`,
      html: readFileSync(join(dir, 'source.html'), 'utf8'),
      expected: typeof metadata.readerable === 'boolean' ? metadata.readerable : undefined,
    });
  }
  return pages;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

function row(label: string, values: number[]): string {
  if (values.length === 0) return `${label.padEnd(46)} no figures`;
  return `${label.padEnd(46)} median ${formatMs(median(values)).padStart(9)}   p95 ${formatMs(percentile(values, 95)).padStart(9)}   max ${formatMs(Math.max(...values)).padStart(9)}`;
}

function agreement(results: Array<{ expected?: boolean; detected: boolean }>): string {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const { expected, detected } of results) {
    if (expected === undefined) continue;
    if (expected && detected) tp++;
    else if (!expected && detected) fp++;
    else if (expected) fn++;
    else tn++;
  }
  const precision = tp + fp ? (100 * tp) / (tp + fp) : 100;
  const recall = tp + fn ? (100 * tp) / (tp + fn) : 100;
  return `detection over ${tp + fp + fn + tn} labelled pages: precision ${precision.toFixed(1)}%, recall ${recall.toFixed(1)}% (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})`;
}

function benchNode(pages: BenchPage[]): void {
  console.log(`Node ${process.version}, linkedom: per page (parsing excluded), ${pages.length} pages`);
  const first: number[] = [];
  const full: number[] = [];
  const warm: number[] = [];
  const results: Array<{ expected?: boolean; detected: boolean }> = [];
  for (const page of pages) {
    const doc = parseHTML(page.html).document as unknown as Document;
    let started = performance.now();
    firstCheck(doc, page.url);
    first.push(performance.now() - started);
    started = performance.now();
    // As full-check.js on a page's first load.
    const detection = isPublicationPage(doc, page.url, { headMayBeStale: false });
    full.push(performance.now() - started);
    started = performance.now();
    for (let i = 0; i < WARM_RUNS; i++) isPublicationPage(doc, page.url, { headMayBeStale: false });
    warm.push((performance.now() - started) / WARM_RUNS);
    results.push({ expected: page.expected, detected: detection.detected });
  }
  console.log(row('first check (head and address)', first));
  console.log(row('full check, first run on the page', full));
  console.log(row(`full check, warm (mean of ${WARM_RUNS} runs)`, warm));
  console.log(agreement(results));
}

/** Code as one script for a page (it defines the globals the measuring code calls). */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    alias: { '@': ROOT.replace(/\/$/, '') },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Hosts the shipped content script runs on by default (the manifest's `https://host/*` patterns). */
function contentScriptHosts(extensionDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ matches?: string[] }>;
  };
  return (manifest.content_scripts ?? [])
    .flatMap((script) => script.matches ?? [])
    .map((pattern) => pattern.replace(/^(?:\*|https?):\/\/(\*\.)?/, '').replace(/\/.*$/, ''));
}

/** What the extension measured on this tab: its first check, and the full check if the background ran it. */
interface TabFigures {
  /** The first page of its site in this run: a fresh renderer process, nothing compiled yet. */
  firstOnSite: boolean;
  checkMs: number;
  ruledOut: boolean;
  /** full-check.js in the page, where the first check let the page through. */
  fullCheckMs?: number;
  /** The same run from the background: injection, loading and compiling the script, messages. */
  fullCheckRoundTripMs?: number;
  /** extractor.js in the page, where the full check found a publication; and its round trip. */
  recordMs?: number;
  recordRoundTripMs?: number;
  detected?: boolean;
}

const TIMINGS = ['fullCheckMs', 'fullCheckRoundTripMs', 'recordMs', 'recordRoundTripMs'] as const;

/** The extension's own figures for this tab, once the background has finished with the page. */
async function tabFigures(
  browser: ExtensionBrowser,
  tab: Page,
): Promise<Omit<TabFigures, 'firstOnSite'> | undefined> {
  const tabId = await browser.tabId(tab);
  const worker = await browser.serviceWorker();
  for (let attempt = 0; attempt < 60; attempt++) {
    const figures = await worker.evaluate(
      async ({ id, url, names }: { id: number; url: string; names: string[] }) => {
        const key = `tab:${id}`;
        const state = (await chrome.storage.session.get(key))[key] as
          | {
              url?: string;
              checkMs?: unknown;
              firstCheck?: { ruledOut?: boolean };
              extraction?: { detected?: boolean };
              timings?: Record<string, unknown>;
            }
          | undefined;
        if (state?.url !== url || typeof state.checkMs !== 'number' || !state.firstCheck) return undefined;
        const ruledOut = state.firstCheck.ruledOut === true;
        // Not ruled out: wait for the full check, and the record where it detects, that the
        // background runs next (it stores the detection first, then the record with its times).
        if (!ruledOut && !state.extraction) return undefined;
        if (state.extraction?.detected && typeof state.timings?.recordRoundTripMs !== 'number')
          return undefined;
        const timings: Record<string, number | undefined> = {};
        for (const name of names) {
          const ms = state.timings?.[name];
          timings[name] = typeof ms === 'number' ? ms : undefined;
        }
        return { checkMs: state.checkMs, ruledOut, ...timings, detected: state.extraction?.detected };
      },
      { id: tabId, url: tab.url(), names: [...TIMINGS] },
    );
    if (figures) return figures;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

function contentScriptSize(extensionDir: string): void {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; matches?: string[] }>;
  };
  for (const script of manifest.content_scripts ?? []) {
    for (const file of script.js ?? []) {
      console.log(
        `content script ${file}: ${fileSize(extensionDir, file)}, on ${script.matches?.length ?? 0} match patterns`,
      );
    }
  }
}

/** The site a page belongs to: its host without www. (Chromium groups by registrable domain; the same for these pages.) */
function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

function fileSize(extensionDir: string, file: string): string {
  const bytes = readFileSync(join(extensionDir, file));
  return `${bytes.length} bytes minified as shipped (${gzipSync(bytes).length} gzipped)`;
}

/** Serves and opens each page in turn; `measure` runs on every page Chromium loaded. */
async function visit(
  browser: ExtensionBrowser,
  server: FixtureServer,
  pages: BenchPage[],
  measure: (tab: Page, page: BenchPage) => Promise<void>,
): Promise<string[]> {
  const notServed: string[] = [];
  let tab = await browser.context.newPage();
  for (const page of pages) {
    const address = server.addPage(page.url, page.html);
    try {
      await tab.goto(address, { waitUntil: 'load', timeout: 15_000 });
    } catch (error) {
      // A page Chromium would not load (e.g. an https-only host the fixture server cannot answer for).
      if (process.env.DEBUG) console.log(address, String(error).split('\n')[0]);
      notServed.push(new URL(address).hostname);
      // The failed tab is left on an error page; measure the next page in a fresh one.
      await tab.close();
      tab = await browser.context.newPage();
      continue;
    }
    await measure(tab, page);
  }
  return notServed;
}

/**
 * The extension's own figures on the publisher pages (the ones its content script runs on), in a
 * fresh browser, site by site as a reader browses: the first page of a site gets a fresh renderer
 * process; further pages of that site reuse it, and V8 has the scripts compiled already.
 */
async function measureShipped(
  server: FixtureServer,
  pages: BenchPage[],
  extensionDir: string,
): Promise<{ figures: Map<string, TabFigures>; missing: string[] }> {
  const hosts = contentScriptHosts(extensionDir);
  const onPublisherSite = pages.filter((page) => {
    const host = new URL(page.url).hostname;
    return hosts.some((h) => host === h || host.endsWith(`.${h}`));
  });
  const bySite = onPublisherSite.sort((a, b) => siteOf(a.url).localeCompare(siteOf(b.url)));
  const figures = new Map<string, TabFigures>();
  const missing: string[] = [];
  const sitesSeen = new Set<string>();
  const browser = await launchWithExtension({ port: server.port, extensionDir });
  try {
    await visit(browser, server, bySite, async (tab, page) => {
      const firstOnSite = !sitesSeen.has(siteOf(page.url));
      sitesSeen.add(siteOf(page.url));
      const measured = await tabFigures(browser, tab);
      if (measured) figures.set(page.name, { ...measured, firstOnSite });
      else missing.push(page.name);
    });
  } finally {
    await browser.close().catch(() => undefined);
  }
  return { figures, missing };
}

/** Per page, the median over the runs that measured it: one figure per page, scheduler spikes damped. */
function perPageMedians(runs: Array<Map<string, TabFigures>>): TabFigures[] {
  const names = new Set(runs.flatMap((run) => [...run.keys()]));
  return [...names].map((name) => {
    const seen = runs.map((run) => run.get(name)).filter((f): f is TabFigures => f !== undefined);
    const figures: TabFigures = {
      firstOnSite: seen[0].firstOnSite,
      ruledOut: seen[0].ruledOut,
      detected: seen[0].detected,
      checkMs: median(seen.map((f) => f.checkMs)),
    };
    for (const name of TIMINGS) {
      const values = seen.map((f) => f[name]).filter((ms): ms is number => ms !== undefined);
      if (values.length) figures[name] = median(values);
    }
    return figures;
  });
}

function printShipped(label: string, figures: TabFigures[]): void {
  const checked = figures.filter((f) => f.fullCheckMs !== undefined);
  const recorded = checked.filter((f) => f.recordMs !== undefined);
  const split = (what: string, all: TabFigures[], value: (f: TabFigures) => number) => {
    console.log(row(`${what} (${all.length} pages)`, all.map(value)));
    const first = all.filter((f) => f.firstOnSite);
    const further = all.filter((f) => !f.firstOnSite);
    if (first.length) console.log(row(`  on the first page of a site (${first.length})`, first.map(value)));
    if (further.length)
      console.log(row(`  on further pages of that site (${further.length})`, further.map(value)));
  };
  const roundTrips = (what: string, values: Array<number | undefined>) => {
    const measured = values.filter((ms): ms is number => ms !== undefined);
    console.log(row(`  seen from the background: ${what} (${measured.length})`, measured));
  };
  console.log(label);
  split('first check, shipped content script', figures, (f) => f.checkMs);
  console.log(
    `  then: ruled out on ${figures.filter((f) => f.ruledOut).length} pages; full check run by the background on ${checked.length} ` +
      `(detected ${checked.filter((f) => f.detected).length}, not ${checked.filter((f) => f.detected === false).length}); ` +
      `record read on ${recorded.length}`,
  );
  if (checked.length) {
    split('full check alone, full-check.js', checked, (f) => f.fullCheckMs!);
    roundTrips(
      'inject, load, compile, run',
      checked.map((f) => f.fullCheckRoundTripMs),
    );
  }
  if (recorded.length) {
    split('record where detected, extractor.js', recorded, (f) => f.recordMs!);
    roundTrips(
      'inject, load, compile, run',
      recorded.map((f) => f.recordRoundTripMs),
    );
  }
  if (checked.length) {
    split(
      'full check (+ record if detected), both scripts',
      checked,
      (f) => f.fullCheckMs! + (f.recordMs ?? 0),
    );
    roundTrips(
      'both injections, summed',
      checked.map((f) =>
        f.fullCheckRoundTripMs === undefined
          ? undefined
          : f.fullCheckRoundTripMs + (f.recordRoundTripMs ?? 0),
      ),
    );
  }
  console.log(
    row(
      `both steps (+ record if detected), per page (${figures.length} pages)`,
      figures.map((f) => f.checkMs + (f.fullCheckMs ?? 0) + (f.recordMs ?? 0)),
    ),
  );
}

async function benchChromium(pages: BenchPage[], extensionDir: string): Promise<void> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.log(
      `\nChromium: not measured, no built extension at ${extensionDir} (run "npm run build" first).`,
    );
    return;
  }
  const chromiumVersion = execFileSync(chromiumPath(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  console.log(`\n${chromiumVersion}, built extension at ${extensionDir}`);
  contentScriptSize(extensionDir);
  if (existsSync(join(extensionDir, 'full-check.js'))) {
    console.log(
      `full check full-check.js: ${fileSize(extensionDir, 'full-check.js')}, injected only where the first check does not rule the page out`,
    );
  }
  if (existsSync(join(extensionDir, 'extractor.js'))) {
    console.log(
      `extractor extractor.js: ${fileSize(extensionDir, 'extractor.js')}, injected only where the full check finds a publication (or the reader asks)`,
    );
  }

  // Both checks bundled into the page's main world, for every page (also those the extension does not run on).
  const checks = await bundle(
    `import { firstCheck, isPublicationPage } from '@/utils/detect'; (globalThis as any).__leesmapBenchFirst = firstCheck; (globalThis as any).__leesmapBenchDetect = isPublicationPage;`,
  );
  let bundledExtractor: string | undefined;
  if (existsSync(join(ROOT, 'utils/extract/index.ts'))) {
    const definition = await bundle(
      `import { extractPage } from '@/utils/extract'; (globalThis as any).__leesmapBenchExtract = extractPage;`,
    );
    // As extractor.js runs it (entrypoints/extractor.ts): the DOM answers the selector queries.
    bundledExtractor = `${definition};(() => { const started = performance.now(); const result = globalThis.__leesmapBenchExtract(document, location.href, { headMayBeStale: false, askDom: true }); return { result, ms: performance.now() - started }; })()`;
  }

  const server = await startFixtureServer();
  try {
    const loadBefore = loadavg()[0];
    const runs: Array<Map<string, TabFigures>> = [];
    const missing: string[] = [];
    for (let run = 0; run < SHIPPED_RUNS; run++) {
      const measured = await measureShipped(server, pages, extensionDir);
      runs.push(measured.figures);
      missing.push(...measured.missing);
    }
    const measuring =
      `performance.now() inside the page (100 µs resolution without cross-origin isolation); ` +
      `load average ${loadBefore.toFixed(2)} before and ${loadavg()[0].toFixed(2)} after, on ${availableParallelism()} CPUs`;
    printShipped(
      `The extension's own figures, ${SHIPPED_RUNS} runs of a fresh browser over the publisher pages, site by site; per page the median of its runs; ${measuring}:`,
      perPageMedians(runs),
    );
    console.log(
      row(
        `first check, every single run pooled (${runs.reduce((n, r) => n + r.size, 0)} page loads)`,
        runs.flatMap((r) => [...r.values()].map((f) => f.checkMs)),
      ),
    );
    if (missing.length)
      console.log(
        `no figures from the extension (not loaded, or no result within 3 s) on ${missing.length} page loads: ${[...new Set(missing)].join(', ')}`,
      );

    const browser = await launchWithExtension({ port: server.port, extensionDir });
    try {
      const firstInPage: number[] = [];
      const fullInPage: number[] = [];
      const warm: number[] = [];
      const extractionBundled: number[] = [];
      const results: Array<{ expected?: boolean; detected: boolean }> = [];
      let extractionErrors = 0;
      const hosts = contentScriptHosts(extensionDir);
      const notServed = await visit(browser, server, pages, async (tab, page) => {
        await tab.evaluate(checks);
        const timing = await tab.evaluate((runs: number) => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const scope = globalThis as any;
          const first = scope.__leesmapBenchFirst as (doc: Document, url: string) => unknown;
          const detect = scope.__leesmapBenchDetect as (
            doc: Document,
            url: string,
            options: { headMayBeStale: boolean },
          ) => { detected: boolean };
          let started = performance.now();
          first(document, location.href);
          const firstMs = performance.now() - started;
          started = performance.now();
          const detection = detect(document, location.href, { headMayBeStale: false });
          const fullMs = performance.now() - started;
          started = performance.now();
          for (let i = 0; i < runs; i++) detect(document, location.href, { headMayBeStale: false });
          return {
            firstMs,
            fullMs,
            warmMs: (performance.now() - started) / runs,
            detected: detection.detected,
          };
        }, WARM_RUNS);
        results.push({ expected: page.expected, detected: timing.detected });
        const host = new URL(page.url).hostname;
        const onPublisherSite = hosts.some((h) => host === h || host.endsWith(`.${h}`));
        // Timed only where the extension does not run: on publisher pages its own scripts have just
        // read the page (the document's selector cache is shared), so nothing there is cold.
        if (!onPublisherSite) {
          firstInPage.push(timing.firstMs);
          fullInPage.push(timing.fullMs);
          warm.push(timing.warmMs);
        }
        if (!onPublisherSite && bundledExtractor && (timing.detected || page.expected)) {
          // Where the extension does not run, the same extractor bundled into the page.
          const outcome = (await tab.evaluate(bundledExtractor).catch(() => undefined)) as
            { ms?: number } | undefined;
          if (typeof outcome?.ms === 'number') extractionBundled.push(outcome.ms);
          else extractionErrors++;
        }
      });
      console.log(
        `\nBundled into the page's main world, ${results.length} pages in slug order, each served from localhost at its own address; ` +
          `timed on the ${firstInPage.length} the extension does not run on:`,
      );
      if (notServed.length)
        console.log(`not measured (Chromium did not load them): ${[...new Set(notServed)].join(', ')}`);
      console.log(row('first check (cold)', firstInPage));
      console.log(row('full check (cold)', fullInPage));
      console.log(row(`full check, warm (mean of ${WARM_RUNS} runs)`, warm));
      console.log(agreement(results));
      if (extractionBundled.length)
        console.log(
          row(
            `full extraction, utils/extract in page (${extractionBundled.length} other pages)`,
            extractionBundled,
          ),
        );
      if (extractionErrors) console.log(`full extraction gave no timing on ${extractionErrors} pages`);
    } finally {
      // A failure above is the one to report, not a browser that already went away.
      await browser.close().catch(() => undefined);
    }
  } finally {
    await server.close();
  }
}

const nodeOnly = process.argv.includes('--node-only');
const extensionDir =
  process.argv.find((arg) => arg.startsWith('--extension-dir='))?.slice('--extension-dir='.length) ??
  EXTENSION_DIR;
const pages = loadPages();
benchNode(pages);
if (!nodeOnly) await benchChromium(pages, extensionDir);
