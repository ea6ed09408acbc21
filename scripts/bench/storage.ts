/**
 * Storage benchmark: time to save one record, to import 10,000 records as a reader does (the
 * preview, then the write after confirming; replace into an empty list, then a merge-import of
 * 10,000 changed records), to load the first screen of a 10,000-record list, and to compute theme
 * counts over it. Under each import figure: where the import worker spent the time (read, plan,
 * write) and the longest task of the page meanwhile (the page must answer input: none over 200 ms).
 *
 * 1. In Chromium, with the built extension (.output/chrome-mv3): from an extension page, through
 *    the background's messages, as the popup and library use them (message round trip included).
 * 2. In Node with fake-indexeddb, calling utils/db directly: shows the cost of the storage code
 *    itself, but fake-indexeddb is far slower than a browser's IndexedDB; compare runs, not browsers.
 *
 * Usage: npm run bench -- storage   (builds first)   or
 *        npx tsx scripts/bench/storage.ts [--node-only] [--extension-dir=.output/chrome-mv3]
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import {
  countPublications,
  importPublications,
  listPublications,
  listPublicationsPage,
  openLeesmapDB,
  savePublication,
  themeCounts,
} from '@/utils/db';
import { toBackupJson } from '@/utils/export/backup';
import type { Publication, SavedPublication } from '@/utils/record';
import { BENCH_PUBLISHERS, BENCH_THEMES, printTiming, withBenchBrowser } from '../lib/bench';
import { EXTENSION_DIR } from '../lib/browser';

const LIST_SIZE = 10_000;
const FIRST_SCREEN = 50;
const SAVE_RUNS = 30;
const READ_RUNS = 7;

const THEMES = [...BENCH_THEMES, 'Economic growth'];

/** A realistic list: varied titles (some Unicode and right-to-left), 1–4 themes, some notes and tags. */
function benchRecord(n: number, now: number): SavedPublication {
  const publisher = BENCH_PUBLISHERS[n % BENCH_PUBLISHERS.length];
  const title =
    n % 50 === 0 ? `التعلم بالممارسة ${n}` : `Rapport ${n} over ${THEMES[n % THEMES.length].toLowerCase()}`;
  const themes = Array.from({ length: 1 + (n % 4) }, (_, i) => THEMES[(n * 7 + i * 3) % THEMES.length]);
  return {
    id: `url:${publisher.toLowerCase().replace(/\W+/g, '')}.example/publicaties/${n}`,
    url: `https://www.${publisher.toLowerCase().replace(/\W+/g, '')}.example/publicaties/${n}`,
    title,
    subtitle: n % 3 ? `Een verkenning, deel ${n % 7}` : undefined,
    authors: [`Auteur ${n % 97}`, `Tweede Auteur ${n % 31}`].slice(0, 1 + (n % 2)),
    year: 2000 + (n % 26),
    publisher,
    type: ['report', 'essay', 'policy-brief', 'article'][n % 4],
    themes: [...new Set(themes)],
    keywords: [],
    summary: `Samenvatting van rapport ${n}. `.repeat(8),
    language: n % 3 ? 'nl' : 'en',
    related: [],
    status: (['to-read', 'reading', 'read'] as const)[n % 3],
    notes: n % 5 ? '' : `Notitie bij ${n}: `.repeat(20),
    tags: n % 4 ? [] : ['werk'],
    starred: n % 11 === 0,
    editedFields: [],
    savedAt: now - (LIST_SIZE - n) * 60_000,
    updatedAt: now - (LIST_SIZE - n) * 60_000,
  } as SavedPublication;
}

function freshPublication(n: number, host = 'www.nsob.nl'): Publication {
  return {
    url: `http://${host}/bench/nieuw-${n}`,
    title: `Nieuwe publicatie ${n}`,
    authors: ['Bench Auteur'],
    year: 2026,
    publisher: 'NSOB',
    themes: ['Sturen in netwerken', 'Bench'],
    keywords: [],
    related: [],
  };
}

/** A reference manager's RIS file of `count` reports. */
function risFile(count: number): string {
  return Array.from({ length: count }, (_, n) =>
    [
      'TY  - RPRT',
      `TI  - RIS-rapport ${n}`,
      `AU  - Auteur, A${n % 50}.`,
      `PY  - ${2000 + (n % 26)}`,
      'PB  - NSOB',
      `UR  - https://ris.example/rapport/${n}`,
      'ER  - ',
      '',
    ].join('\r\n'),
  ).join('\r\n');
}

/** The worker's stages printed under a preview, and under a write. */
const PREVIEW_STAGES = ['read', 'plan'];
const WRITE_STAGES = ['write'];

function report(label: string, samples: number[]): void {
  printTiming(label, samples, undefined, 58);
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

// ---------------------------------------------------------------------------------------------

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Sends one protocol message from an extension page and returns the reply and its round trip. */
async function send(page: Page, type: string, payload: unknown): Promise<{ ms: number; reply: Reply }> {
  return page.evaluate(
    async ([type, payload]) => {
      const start = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const reply = (await (globalThis as any).chrome.runtime.sendMessage({
        leesmap: 1,
        type,
        payload,
      })) as Reply;
      return { ms: performance.now() - start, reply };
    },
    [type, payload] as const,
  );
}

/**
 * Watches the page while it imports: each answer of the import worker carries how long its stages
 * took (`stages`), and a PerformanceObserver notes the page's long tasks (over 50 ms; the issue's
 * bound for "the page answers input" is 200 ms).
 */
async function watchImports(page: Page): Promise<void> {
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const w = globalThis as any;
    w.__bench = { stages: [] as Record<string, number>[], longest: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__bench.longest = Math.max(w.__bench.longest, entry.duration);
    }).observe({ type: 'longtask' });
    const Original = w.Worker as typeof Worker;
    w.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent) => {
          if (event.data?.stages) w.__bench.stages.push(event.data.stages);
        });
      }
    };
  });
}

interface ImportTiming {
  previewMs: number;
  writeMs: number;
  /** The page's longest task meanwhile (0: none over 50 ms). */
  longestTaskMs: number;
  /** What the worker said each stage took: read (parse and check), plan, write. */
  stages: Record<string, number>;
}

/**
 * Imports a file through the page's import panel as a reader does: choose the file and the mode,
 * preview, confirm. Times the preview (file read, checked, compared with the list) and the write.
 */
async function importThroughPage(
  page: Page,
  content: string,
  mode: 'merge' | 'replace',
  name = 'bench.leesmap.json',
): Promise<ImportTiming> {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
  await page.getByTestId(`import-mode-${mode}`).check();
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    Object.assign((globalThis as any).__bench, { stages: [], longest: 0 });
  });
  const startPreview = performance.now();
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
  const previewMs = performance.now() - startPreview;
  const startWrite = performance.now();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached', timeout: 120_000 });
  const writeMs = performance.now() - startWrite;
  const status = await page.getByTestId('import-status').textContent();
  if (!/Imported|Geïmporteerd/.test(status ?? '')) throw new Error(`import failed: ${status}`);
  const watched = await page.evaluate(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    () => (globalThis as any).__bench as { stages: Record<string, number>[]; longest: number },
  );
  return {
    previewMs,
    writeMs,
    longestTaskMs: watched.longest,
    stages: Object.assign({}, ...watched.stages) as Record<string, number>,
  };
}

/** One figure, with where the worker spent the time on the line below. */
function printImport(label: string, ms: number, timing: ImportTiming, keys: string[]): void {
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(14)} ms`);
  const parts = Object.entries(timing.stages)
    .filter(([key]) => keys.some((k) => key.startsWith(k)))
    .map(([key, value]) => `${key} ${value.toFixed(0)}`);
  console.log(`  worker: ${parts.join(', ')}; longest page task ${timing.longestTaskMs.toFixed(0)} ms`);
}

function check(reply: Reply, what: string): void {
  if (!reply?.ok) throw new Error(`${what} failed: ${reply?.error ?? 'no reply'}`);
}

async function benchChromium(extensionDir: string): Promise<void> {
  await withBenchBrowser(extensionDir, async (browser, chromiumVersion) => {
    const page = await browser.context.newPage();
    // options.html does not load the list itself, so it does not compete with what is measured.
    const pageName = 'options.html';
    await page.goto(`chrome-extension://${browser.extensionId}/${pageName}`);
    // The welcome page opens on install, in front: a page behind it gets animation frames once a
    // second, and each Playwright click (which waits for two frames) then took some 2 s.
    await page.bringToFront();
    console.log(`${chromiumVersion}, extension page ${pageName}, messages to the background:`);

    // Save one record into an empty list.
    const emptySaves: number[] = [];
    for (let i = 0; i < SAVE_RUNS; i++) {
      const { ms, reply } = await send(page, 'page/save', { publication: freshPublication(i) });
      check(reply, 'save');
      emptySaves.push(ms);
    }
    report('save one record (small list)', emptySaves);

    // Fill the list with 10,000 records as a reader imports a backup: preview, then confirm.
    const now = Date.now();
    const records = Array.from({ length: LIST_SIZE }, (_, n) => benchRecord(n, now));
    await watchImports(page);
    const load = () =>
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`;
    console.log(load());
    const replaced = await importThroughPage(page, toBackupJson(records), 'replace');
    printImport(
      'import 10,000 records (replace): preview shown',
      replaced.previewMs,
      replaced,
      PREVIEW_STAGES,
    );
    printImport(
      'import 10,000 records (replace): written after confirming',
      replaced.writeMs,
      replaced,
      WRITE_STAGES,
    );
    // A merge-import of the same 10,000 with a changed summary and a newer time: every record updated.
    const changed = records.map((r) => ({
      ...r,
      summary: `${r.summary} Bijgewerkt.`,
      updatedAt: r.updatedAt + 1,
    }));
    const merged = await importThroughPage(page, toBackupJson(changed), 'merge');
    printImport(
      'merge-import 10,000 records: preview shown (target 2,000)',
      merged.previewMs,
      merged,
      PREVIEW_STAGES,
    );
    printImport('merge-import 10,000 records: written (target 5,000)', merged.writeMs, merged, WRITE_STAGES);
    // 20,000 RIS entries from a reference manager, merged into the list: preview and write (target 3,000 in all).
    const risImport = await importThroughPage(page, risFile(20_000), 'merge', 'zotero.ris');
    printImport(
      'import 20,000 RIS entries: preview + write (target 3,000)',
      risImport.previewMs + risImport.writeMs,
      risImport,
      [...PREVIEW_STAGES, ...WRITE_STAGES],
    );
    console.log(
      `  (preview ${risImport.previewMs.toFixed(0)} ms, write ${risImport.writeMs.toFixed(0)} ms; target for the longest page task: 200 ms)`,
    );
    console.log(load());

    const fullSaves: number[] = [];
    for (let i = 0; i < SAVE_RUNS; i++) {
      const { ms, reply } = await send(page, 'page/save', { publication: freshPublication(1000 + i) });
      check(reply, 'save');
      fullSaves.push(ms);
    }
    report(`save one record (${LIST_SIZE.toLocaleString('en')}-record list)`, fullSaves);

    const lists: number[] = [];
    let total = 0;
    for (let i = 0; i < READ_RUNS; i++) {
      const { ms, reply } = await send(page, 'page/list', {});
      check(reply, 'list');
      total = (reply.value as unknown[]).length;
      if (total < LIST_SIZE) throw new Error('list is short');
      lists.push(ms);
    }
    report(`whole list, ${total.toLocaleString('en')} records ('page/list')`, lists);

    const counts: number[] = [];
    for (let i = 0; i < READ_RUNS; i++) {
      const { ms, reply } = await send(page, 'page/theme-counts', {});
      check(reply, 'theme counts');
      counts.push(ms);
    }
    report("theme counts over the list ('page/theme-counts')", counts);

    // The first screen's read as listPublicationsPage does it (savedAt index, newest first, 50),
    // run in the extension page on the same database: Chromium's IndexedDB cost without messaging.
    const firstScreens: number[] = [];
    for (let i = 0; i < READ_RUNS; i++) {
      firstScreens.push(
        await page.evaluate(
          (limit: number) =>
            new Promise<number>((resolve, reject) => {
              const start = performance.now();
              const open = indexedDB.open('leesmap');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const db = open.result;
                const tx = db.transaction('publications', 'readonly');
                const rows: unknown[] = [];
                const cursor = tx.objectStore('publications').index('savedAt').openCursor(null, 'prev');
                cursor.onsuccess = () => {
                  const c = cursor.result;
                  if (c && rows.length < limit) {
                    rows.push(c.value);
                    c.continue();
                  }
                };
                tx.oncomplete = () => {
                  db.close();
                  resolve(performance.now() - start);
                };
              };
            }),
          FIRST_SCREEN,
        ),
      );
    }
    report(
      `first screen: ${FIRST_SCREEN} newest of ${total.toLocaleString('en')} (savedAt cursor, page)`,
      firstScreens,
    );

    // First screen as the reader sees it: open the popup until its first list item shows.
    const screens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const popup = await browser.context.newPage();
      const start = performance.now();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const shown = await popup
        .getByTestId('list-item')
        .first()
        .waitFor({ timeout: 30_000 })
        .then(() => true)
        .catch(() => false);
      await popup.close();
      if (!shown) break;
      screens.push(performance.now() - start);
    }
    if (screens.length)
      report(`popup opened to first list item shown (${total.toLocaleString('en')} records)`, screens);
    else
      console.log('popup to first list item: not measured (the built popup showed no list item within 30 s)');
  });
}

// ---------------------------------------------------------------------------------------------

async function benchNode(): Promise<void> {
  console.log(`\nNode ${process.version} with fake-indexeddb, utils/db called directly:`);
  const db = await openLeesmapDB(`bench-${Date.now()}`);
  const emptySaves: number[] = [];
  for (let i = 0; i < SAVE_RUNS; i++)
    emptySaves.push((await time(() => savePublication(db, freshPublication(i))))[0]);
  report('save one record (small list)', emptySaves);

  const now = Date.now();
  const records = Array.from({ length: LIST_SIZE }, (_, n) => benchRecord(n, now));
  const [importMs] = await time(() => importPublications(db, records, 'replace', { readerFields: true }));
  console.log(
    `${'import 10,000 records (replace, one transaction)'.padEnd(58)} ${importMs.toFixed(0).padStart(14)} ms`,
  );

  const fullSaves: number[] = [];
  for (let i = 0; i < SAVE_RUNS; i++)
    fullSaves.push((await time(() => savePublication(db, freshPublication(1000 + i))))[0]);
  report(`save one record (${LIST_SIZE.toLocaleString('en')}-record list)`, fullSaves);

  const pages: number[] = [];
  for (let i = 0; i < READ_RUNS; i++)
    pages.push((await time(() => listPublicationsPage(db, FIRST_SCREEN)))[0]);
  report(
    `first screen: ${FIRST_SCREEN} newest of ${(await countPublications(db)).toLocaleString('en')} (listPublicationsPage)`,
    pages,
  );

  const lists: number[] = [];
  for (let i = 0; i < READ_RUNS; i++) lists.push((await time(() => listPublications(db)))[0]);
  report('whole list (listPublications)', lists);

  const counts: number[] = [];
  for (let i = 0; i < READ_RUNS; i++) counts.push((await time(() => themeCounts(db)))[0]);
  report('theme counts (themeCounts, kept up to date by writes)', counts);
  db.close();
}

const nodeOnly = process.argv.includes('--node-only');
const extensionDir = process.argv
  .find((arg) => arg.startsWith('--extension-dir='))
  ?.slice('--extension-dir='.length);
if (!nodeOnly) await benchChromium(extensionDir ?? EXTENSION_DIR);
await benchNode();
