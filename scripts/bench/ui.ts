/**
 * Interface benchmark, in Chromium with the built extension and 10,000 saved records:
 *  - popup opened to first list paint (target ≤ 150 ms median),
 *  - search response per keystroke, typing into the popup's search box (target ≤ 30 ms median),
 *  - library opened to first list paint (target ≤ 300 ms),
 *  - theme merge in the library: one theme renamed onto another through the names panel
 *    (components/NamesManager.tsx), from the click until the theme sidebar shows the merged theme
 *    with the sum of both counts and the name table is written to storage (target ≤ 2 s),
 *  - how many list rows are in the DOM with 10,000 records (the list renders only what is visible).
 *
 * "First list paint" is the page's own User Timing mark (utils/stores/paint-mark.ts), read as ms
 * since navigation start; "to first item visible" is the same seen from outside (Playwright).
 *
 * Usage: npm run bench -- ui   (builds first)   or
 *        npx tsx scripts/bench/ui.ts [--extension-dir=.output/chrome-mv3] [--only=library] [--library-runs=N]
 * --only=library fills the list and times only the library's opens (for A/B runs of two builds,
 * interleaved); --library-runs sets how many opens are timed (default 5).
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { SavedPublication } from '@/utils/record';
import { BENCH_PUBLISHERS, BENCH_THEMES, printTiming as report, withBenchBrowser } from '../lib/bench';
import { EXTENSION_DIR, type ExtensionBrowser } from '../lib/browser';
import { toBackupJson } from '@/utils/export/backup';

const LIST_SIZE = 10_000;
const OPEN_RUNS = 9;
const LIBRARY_RUNS = 5;
const MERGE_RUNS = 5;
/** The merge: every record under MERGE_FROM shows under MERGE_INTO (both are themes of the list). */
const MERGE_FROM = 'Housing policy';
const MERGE_INTO = 'Wonen';
const QUERIES = ['samenwerking', 'klimaat energie', 'Auteur 12', 'housing'];
const MARK = 'leesmap:list-painted';

const THEMES = [...BENCH_THEMES, 'Housing policy'];
const WORDS = [
  'samenwerken',
  'samenwerkingen',
  'overheid',
  'gemeenten',
  'netwerken',
  'uitvoering',
  'burgers',
  'regio',
  'klimaatbeleid',
  'energietransitie',
  'woningmarkt',
  'zorgkosten',
  'democratische',
  'rechtsstaat',
  'governance',
  'housing',
  'affordability',
  'workforce',
  'artificial',
  'intelligence',
  'europe',
  'security',
];
const PUBLISHERS = BENCH_PUBLISHERS;

function words(n: number, count: number): string {
  return Array.from({ length: count }, (_, i) => WORDS[(n * 13 + i * 7) % WORDS.length]).join(' ');
}

function benchRecord(n: number, now: number): SavedPublication {
  const publisher = PUBLISHERS[n % PUBLISHERS.length];
  const host = publisher.toLowerCase().replace(/\W+/g, '');
  return {
    id: `url:${host}.example/publicaties/${n}`,
    url: `https://www.${host}.example/publicaties/${n}`,
    title: `${words(n, 3)} ${n}`,
    subtitle: n % 3 ? `Een verkenning van ${words(n + 1, 2)}` : undefined,
    authors: [`Auteur ${n % 97}`, `Tweede Auteur ${n % 31}`].slice(0, 1 + (n % 2)),
    year: 2000 + (n % 26),
    publisher,
    type: ['report', 'essay', 'policy-brief', 'article'][n % 4],
    themes: [...new Set([THEMES[n % THEMES.length], THEMES[(n * 7) % THEMES.length]])],
    keywords: [],
    summary: `${words(n, 12)}.`,
    language: n % 3 ? 'nl' : 'en',
    related: [],
    status: (['to-read', 'reading', 'read'] as const)[n % 3],
    notes: n % 5 ? '' : `Notitie: ${words(n + 3, 10)}`,
    tags: n % 4 ? [] : ['werk'],
    starred: false,
    editedFields: [],
    savedAt: now - (LIST_SIZE - n) * 60_000,
    updatedAt: now - (LIST_SIZE - n) * 60_000,
  } as SavedPublication;
}

/**
 * Opens an extension page `runs + 1` times and returns the first list paint marks and the times
 * to first item visible; the first run warms Chromium's caches and is left out.
 */
async function timeOpens(
  browser: ExtensionBrowser,
  url: string,
  runs: number,
  viewport?: { width: number; height: number },
): Promise<{ marks: number[]; outside: number[] }> {
  const marks: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const page = await browser.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    const [mark, seen] = await openAndTime(page, url);
    if (i > 0) {
      marks.push(mark);
      outside.push(seen);
    }
    await page.close();
  }
  return { marks, outside };
}

/** Opens an extension page and returns [first list paint mark, first item visible from outside]. */
async function openAndTime(page: Page, url: string): Promise<[number, number]> {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByTestId('list-item').first().waitFor({ timeout: 30_000 });
  const outside = Date.now() - start;
  const mark = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, MARK, {
    timeout: 30_000,
  });
  return [(await mark.jsonValue()) as number, outside];
}

interface MergeTimes {
  shown: number[];
  stored: number[];
  done: number[];
}

/**
 * Merges MERGE_FROM into MERGE_INTO through the library's names panel, MERGE_RUNS times (undone
 * after each, untimed). Timed inside the page from the click: until the theme sidebar shows
 * MERGE_INTO with `expected` records and no MERGE_FROM, and until storage says the name table
 * is written (the settings change notice).
 */
async function timeThemeMerges(library: Page, expected: number): Promise<MergeTimes> {
  // The search index is in, as when a reader has searched once: a merge re-indexes what it touches.
  await library.getByTestId('search').fill(MERGE_INTO);
  await library
    .getByTestId('result-count')
    .filter({ hasNotText: `${LIST_SIZE.toLocaleString('en')} of` })
    .waitFor();
  await library.getByTestId('search').fill('');
  await library.getByTestId('names-manager').locator('summary').click();
  await library.evaluate('globalThis.__name = (f) => f');
  const times: MergeTimes = { shown: [], stored: [], done: [] };
  for (let i = 0; i < MERGE_RUNS; i++) {
    await library.getByTestId('theme-rename-from').selectOption(MERGE_FROM);
    await library.getByTestId('theme-rename-to').fill(MERGE_INTO);
    const [shown, stored] = await library.evaluate(clickAndTimeMerge, {
      from: MERGE_FROM,
      into: MERGE_INTO,
      expected,
    });
    times.shown.push(shown);
    times.stored.push(stored);
    times.done.push(Math.max(shown, stored));
    await library.getByTestId('theme-names').getByRole('button').first().click();
    await library.getByTestId('theme-entry').filter({ hasText: MERGE_FROM }).waitFor();
    // The undo is stored before the next merge, so their writes don't cross.
    await library.waitForFunction(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const { settings } = await (globalThis as any).chrome.storage.local.get('settings');
      return Object.keys(settings?.themeAliases ?? {}).length === 0;
    });
  }
  return times;
}

/** In the library page: clicks "Apply" and returns [ms to sidebar shows the merge, ms to stored]. */
async function clickAndTimeMerge({
  from,
  into,
  expected,
}: {
  from: string;
  into: string;
  expected: number;
}): Promise<[number, number]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const storage = (globalThis as any).chrome.storage;
  const start = performance.now();
  const stored = new Promise<number>((resolve) => {
    const listener = (changes: Record<string, { newValue?: { themeAliases?: object } }>) => {
      if (Object.keys(changes.settings?.newValue?.themeAliases ?? {}).length === 0) return;
      storage.onChanged.removeListener(listener);
      resolve(performance.now() - start);
    };
    storage.onChanged.addListener(listener);
  });
  const showsMerge = () => {
    const entries = [...document.querySelectorAll('[data-testid="theme-entry"]')].map((b) => [
      b.firstElementChild?.textContent,
      b.lastElementChild?.textContent?.replace(/\D/g, ''),
    ]);
    return (
      !entries.some(([name]) => name === from) &&
      entries.some(([name, count]) => name === into && count === String(expected))
    );
  };
  const shown = new Promise<number>((resolve) => {
    const check = () => (showsMerge() ? resolve(performance.now() - start) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
  document.querySelector<HTMLButtonElement>('[data-testid="theme-rename-apply"]')!.click();
  return Promise.all([shown, stored]);
}

/** The machine's 1, 5 and 15 minute load averages (shared machine: timings depend on them). */
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The value of a `--name=value` argument, if given. */
const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function main(): Promise<void> {
  const extensionDir = option('extension-dir') ?? EXTENSION_DIR;
  const libraryOnly = option('only') === 'library';
  const libraryRuns = Number(option('library-runs') ?? LIBRARY_RUNS);
  await withBenchBrowser(extensionDir, async (browser, chromiumVersion) => {
    const base = `chrome-extension://${browser.extensionId}`;
    const size = `${LIST_SIZE.toLocaleString('en')} saved records`;
    console.log(`${chromiumVersion}; ${size}; load average ${loadAverage()}`);

    const setup = await browser.context.newPage();
    await setup.goto(`${base}/options.html`);
    const now = Date.now();
    const records = Array.from({ length: LIST_SIZE }, (_, n) => benchRecord(n, now));
    // Filled as a reader restores a backup: the options page's import panel, preview, confirm.
    await setup.getByTestId('import-file').setInputFiles({
      name: 'bench.leesmap.json',
      mimeType: 'application/json',
      buffer: Buffer.from(toBackupJson(records)),
    });
    await setup.getByTestId('import-mode-replace').check();
    await setup.getByTestId('import-button').click();
    await setup.getByTestId('import-confirm').click({ timeout: 120_000 });
    await setup.getByTestId('import-preview').waitFor({ state: 'detached', timeout: 120_000 });
    const status = (await setup.getByTestId('import-status').textContent()) ?? '';
    if (!/^Imported|^Geïmporteerd/.test(status)) throw new Error(`import failed: ${status}`);
    await setup.close();

    if (libraryOnly) {
      const opens = await timeOpens(browser, `${base}/library.html`, libraryRuns);
      report('library: open to first list paint (page mark)', opens.marks, 300);
      report('library: open to first item visible (from outside)', opens.outside);
      console.log(`load average at the end: ${loadAverage()}`);
      return;
    }

    const popupSize = { width: 400, height: 600 };
    const popupOpens = await timeOpens(browser, `${base}/popup.html`, OPEN_RUNS, popupSize);
    report('popup: open to first list paint (page mark)', popupOpens.marks, 150);
    report('popup: open to first item visible (from outside)', popupOpens.outside);

    // Search per keystroke: type queries one character at a time into the popup's search box.
    const popup = await browser.context.newPage();
    await popup.setViewportSize(popupSize);
    await openAndTime(popup, `${base}/popup.html`);
    await popup.waitForFunction(
      (n) => document.querySelector('[data-testid="result-count"]')?.textContent?.includes(n),
      (10_000).toLocaleString('en'),
    );
    const rows = await popup.locator('[data-testid="list-item"]').count();
    console.log(
      `${'popup: list rows in the DOM with 10,000 records'.padEnd(54)} ${String(rows).padStart(14)}`,
    );
    // Let the idle-time index build finish, as it does while a reader looks at the popup.
    await popup.waitForTimeout(1_500);
    // tsx keeps function names through a helper the page doesn't have.
    await popup.evaluate('globalThis.__name = (f) => f');
    const keystrokes = await popup.evaluate(async (queries: string[]) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
      const afterRender = () =>
        new Promise<void>((resolve) => {
          // A macrotask runs after Preact's microtask render; then the frame is laid out.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(0);
        });
      const samples: number[] = [];
      for (const query of queries) {
        for (let i = 1; i <= query.length; i++) {
          const start = performance.now();
          input.value = query.slice(0, i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await afterRender();
          document.body.getBoundingClientRect();
          samples.push(performance.now() - start);
        }
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await afterRender();
      }
      return samples;
    }, QUERIES);
    report(`popup: search response per keystroke (${QUERIES.length} queries)`, keystrokes, 30);
    await popup.getByTestId('search').fill('samenwerking');
    const all = (10_000).toLocaleString('en');
    const counted = await popup.waitForFunction((all) => {
      const text = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
      return !text.startsWith(`${all} of`) && text;
    }, all);
    const hits = await counted.jsonValue();
    console.log(`${'popup: "samenwerking" finds'.padEnd(54)} ${hits}`);
    await popup.close();

    const libraryOpens = await timeOpens(browser, `${base}/library.html`, libraryRuns);
    report('library: open to first list paint (page mark)', libraryOpens.marks, 300);
    report('library: open to first item visible (from outside)', libraryOpens.outside);

    const merged = records.filter((r) => r.themes.includes(MERGE_FROM) || r.themes.includes(MERGE_INTO));
    const library = await browser.context.newPage();
    await openAndTime(library, `${base}/library.html`);
    const merges = await timeThemeMerges(library, merged.length);
    report(`library: theme merge (${merged.length.toLocaleString('en')} records), to sidebar`, merges.shown);
    report('library: theme merge, to name table stored', merges.stored);
    report('library: theme merge, click to both done', merges.done, 2_000);
    await library.close();
    console.log(`load average at the end: ${loadAverage()}`);
  });
}

await main();
