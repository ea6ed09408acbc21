/**
 * Interface benchmark, in Chromium with the built extension and 10,000 saved records:
 *  - popup opened to first list paint (target ≤ 150 ms median),
 *  - search response per keystroke, typing into the popup's search box (target ≤ 30 ms median),
 *  - library opened to first list paint (target ≤ 300 ms),
 *  - how many list rows are in the DOM with 10,000 records (the list renders only what is visible).
 *
 * "First list paint" is the page's own User Timing mark (utils/stores/paint-mark.ts), read as ms
 * since navigation start; "to first item visible" is the same seen from outside (Playwright).
 *
 * Usage: npm run bench -- ui   (builds first)   or
 *        npx tsx scripts/bench/ui.ts [--extension-dir=.output/chrome-mv3]
 */
import type { Page } from 'playwright-core';
import type { SavedPublication } from '@/utils/record';
import { BENCH_PUBLISHERS, BENCH_THEMES, printTiming as report, withBenchBrowser } from '../lib/bench';
import { EXTENSION_DIR } from '../lib/browser';
import { toBackupJson } from '@/utils/export/backup';

const LIST_SIZE = 10_000;
const OPEN_RUNS = 9;
const LIBRARY_RUNS = 5;
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

async function main(): Promise<void> {
  const dirArg = process.argv.find((a) => a.startsWith('--extension-dir='));
  const extensionDir = dirArg ? dirArg.slice('--extension-dir='.length) : EXTENSION_DIR;
  await withBenchBrowser(extensionDir, async (browser, chromiumVersion) => {
    const base = `chrome-extension://${browser.extensionId}`;
    console.log(`${chromiumVersion}; ${LIST_SIZE.toLocaleString('en')} saved records`);

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

    // Popup: open to first list paint. The first run warms Chromium's caches and is left out.
    const popupMarks: number[] = [];
    const popupOutside: number[] = [];
    for (let i = 0; i <= OPEN_RUNS; i++) {
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      const [mark, outside] = await openAndTime(popup, `${base}/popup.html`);
      if (i > 0) {
        popupMarks.push(mark);
        popupOutside.push(outside);
      }
      await popup.close();
    }
    report('popup: open to first list paint (page mark)', popupMarks, 150);
    report('popup: open to first item visible (from outside)', popupOutside);

    // Search per keystroke: type queries one character at a time into the popup's search box.
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
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

    const libraryMarks: number[] = [];
    const libraryOutside: number[] = [];
    for (let i = 0; i <= LIBRARY_RUNS; i++) {
      const library = await browser.context.newPage();
      const [mark, outside] = await openAndTime(library, `${base}/library.html`);
      if (i > 0) {
        libraryMarks.push(mark);
        libraryOutside.push(outside);
      }
      await library.close();
    }
    report('library: open to first list paint (page mark)', libraryMarks, 300);
    report('library: open to first item visible (from outside)', libraryOutside);
  });
}

await main();
