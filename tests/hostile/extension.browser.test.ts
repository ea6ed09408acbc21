/**
 * Hostile pages against the built extension in Chromium: a page that names other records, two
 * reports whose CMS points canonical at the home page, the same forgery over plain http, a page
 * that floods its tab with fresh addresses (with auto-save off and on), and 200 tabs of maximal
 * pages. What the reader saved stays exactly as it was, field by field.
 *
 * The flood runs LEESMAP_FLOOD_SECONDS seconds (30 by default; the five minutes with
 * LEESMAP_FLOOD_SECONDS=300).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WRITE_LIMITS } from '@/utils/rate-limit';
import { startSession, waitFor, type Session } from '../e2e/harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../scripts/lib/fixture-server';
import { articleBody, documentHtml, forgedIdentity, maximalPage } from './pages';

/** The extension APIs inside extension pages and the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const fixtureSource = (slug: string) => readFileSync(join(FIXTURES_DIR, slug, 'source.html'), 'utf8');

const FLOOD_SECONDS = Number(process.env.LEESMAP_FLOOD_SECONDS ?? 30);

interface Reply<T = unknown> {
  ok: boolean;
  value?: T;
  error?: string;
}
type Rec = Record<string, unknown> & { id: string; url: string; title: string };

function send<T>(page: Page, type: string, payload: unknown): Promise<Reply<T>> {
  return page.evaluate(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ([type, payload]) => (globalThis as any).chrome.runtime.sendMessage({ leesmap: 1, type, payload }),
    [type, payload] as const,
  ) as Promise<Reply<T>>;
}

/** What the named steps of the running test took; printed after it, so a slow run shows where its time went. */
const steps: string[] = [];

/**
 * Runs `work`, and fails with the step's name when it takes longer than `ms`, so a run on a slow
 * or crowded machine says which step did not answer instead of running into the test's timeout.
 */
async function within<T>(ms: number, step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: no answer within ${ms / 1_000} s`)), ms);
  });
  try {
    return await Promise.race([work(), late]);
  } finally {
    clearTimeout(timer);
    steps.push(`${step} ${((Date.now() - started) / 1_000).toFixed(1)} s`);
  }
}

/**
 * `within` for the steps of one test. When vitest gives the test up (its time ran out: `signal`),
 * its code runs on; from then on each step fails before it starts, so nothing of that test runs
 * beside the next one.
 */
function stepsOf(signal: AbortSignal) {
  return <T>(ms: number, step: string, work: () => Promise<T>): Promise<T> => {
    signal.throwIfAborted();
    return within(ms, step, work);
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Closes a tab. Chromium can acknowledge a close that races a navigation's commit without closing
 * the tab (crbug.com/536385539; a page that navigates itself, as a flood does), and Playwright's
 * close then waits forever: while the tab stays open, it is asked again every 2 s through the page
 * itself (CDP Page.close), five times at most. (That way runs the page's beforeunload; no page
 * here has one.)
 */
async function closeTab(page: Page): Promise<void> {
  const closed = page.close().then(
    () => true,
    () => true,
  );
  for (let askedAgain = 0; ; askedAgain++) {
    if (await Promise.race([closed, pause(2_000).then(() => false)])) return;
    if (askedAgain === 5) throw new Error(`the tab at ${page.url()} did not close`);
    void page.close({ runBeforeUnload: true }).catch(() => undefined);
  }
}

async function value<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await send<T>(page, type, payload);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error}`);
  return reply.value as T;
}

/**
 * A publication that lists 20 related publications of its own (new addresses on every page) and
 * then, `everyMs` after load, navigates its tab to the next `?n=`: each page it shows is a fresh
 * publication with fresh related items, the costliest flood for the catalog.
 */
function floodPage(base: string, everyMs: number): string {
  const script = `(function () {
  var n = Number(new URLSearchParams(location.search).get('n')) || 0;
  document.querySelector('h1').textContent = 'Vloed ' + n;
  var list = document.createElement('ul');
  for (var i = 0; i < 20; i++) {
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.href = ${JSON.stringify(base)} + '-gerelateerd-' + n + '-' + i;
    link.textContent = 'Gerelateerd ' + n + '.' + i;
    item.appendChild(link);
    list.appendChild(item);
  }
  var section = document.createElement('section');
  var heading = document.createElement('h2');
  heading.textContent = 'Gerelateerde publicaties';
  section.appendChild(heading);
  section.appendChild(list);
  document.querySelector('main').appendChild(section);
  setTimeout(function () { location.assign(${JSON.stringify(base)} + '?n=' + (n + 1)); }, ${everyMs});
})();`;
  return documentHtml({
    head: '<title>Vloed</title><meta property="og:type" content="article">',
    body: `${articleBody({ title: 'Vloed' })}<script>${script}</script>`,
  });
}

describe('hostile pages against the built extension', () => {
  let session: Session;
  let ext: Page;
  const records = () => value<Rec[]>(ext, 'page/list', {});
  const catalog = () => value<Rec[]>(ext, 'page/catalog', {});
  /** Set from an extension page: it reaches storage even while Chromium has the worker stopped. */
  const setAutoSave = (on: boolean) =>
    ext.evaluate(
      (on: boolean) =>
        chrome.storage.local.set({ settings: { autoSave: on, detectEverywhere: false, uiLanguage: 'auto' } }),
      on,
    );

  /** Opens a page and lets the extension finish with it: the badge settles, then a moment more for the visit's writes. */
  async function visit(url: string): Promise<{ page: Page; tabId: number; badge: string }> {
    const page = await session.browser.open(url);
    const tabId = await session.browser.tabId(page);
    await waitFor(
      () => session.browser.badgeText(tabId),
      (t) => t !== '',
      5_000,
    ).catch(() => '');
    await page.waitForTimeout(300);
    return { page, tabId, badge: await session.browser.badgeText(tabId) };
  }

  /**
   * Starts a flood at `base` in a new tab. `stop()` ends it: the server answers the tab's next
   * step with a page that goes nowhere, then the tab closes. It also runs when vitest gives the
   * test up (`signal`): the test's code runs on, and a flood left going would load, and be counted
   * by, the tests after it.
   */
  async function startFlood(base: string, signal: AbortSignal): Promise<{ stop: () => Promise<void> }> {
    const quiet = () =>
      session.server.addPage(
        base,
        documentHtml({ head: '<title>Vloed voorbij</title>', body: '<p>Voorbij.</p>' }),
      );
    session.server.addPage(base, floodPage(base, 300));
    let page: Page;
    try {
      page = await stepsOf(signal)(30_000, 'opening the flood', () => session.browser.open(base));
    } catch (error) {
      quiet(); // a tab that opens late shows the quiet page; afterEach closes it
      throw error;
    }
    const onAbort = () => void stop().catch(() => undefined);
    const stop = async () => {
      signal.removeEventListener('abort', onAbort);
      quiet();
      // Closed once the tab shows the quiet page, not while it commits a step.
      await pause(1_000);
      await closeTab(page);
    };
    if (signal.aborted) {
      await stop();
      signal.throwIfAborted();
    }
    signal.addEventListener('abort', onAbort, { once: true });
    return { stop };
  }

  /** Saves a page as a reader does: the popup on its tab, then Save. */
  async function saveFromPopup(url: string): Promise<Rec> {
    const { page, tabId } = await visit(url);
    const popup = await session.browser.openPopup(tabId);
    await popup.getByTestId('save-button').click();
    await popup.getByTestId('saved-indicator').waitFor();
    await popup.close();
    await page.close();
    const saved = (await records()).find((r) => r.url === url);
    if (!saved) throw new Error(`not saved: ${url}`);
    return saved;
  }

  beforeAll(async () => {
    session = await startSession();
    ext = await session.browser.context.newPage();
    await ext.goto(`chrome-extension://${session.browser.extensionId}/library.html`);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async ({ task }) => {
    if (steps.length) console.log(`${task.name}:\n  ${steps.join('\n  ')}`);
    steps.length = 0;
    if (!session || !ext) return;
    // What a failed test may have left: auto-save on, and open pages, which could load or be
    // counted by the next tests. Never throws: a failure here would be blamed on the next test.
    const outcomes = await Promise.allSettled([
      within(30_000, 'auto-save off', () => setAutoSave(false)),
      ...session.browser.context
        .pages()
        .filter((page) => page !== ext)
        .map(closeTab),
    ]);
    for (const outcome of outcomes) if (outcome.status === 'rejected') console.warn(String(outcome.reason));
    steps.length = 0;
  });

  it("a page that declares another report's canonical and a third one's DOI changes no saved record, over https or http", async () => {
    const a = session.fixture('wrr-publieke-waarden-digitale-overheid');
    const b = session.fixture('rathenau-democratie-digitaal-publiek-domein');
    const savedA = await saveFromPopup(a.url);
    const savedB = await saveFromPopup(b.url);
    expect(savedB.doi).toBe(b.expected.publication?.doi);
    await value(ext, 'page/update', {
      id: savedA.id,
      changes: { status: 'reading', notes: 'Voor het overleg van dinsdag', tags: ['werk'] },
    });
    await value(ext, 'page/update', { id: savedB.id, changes: { notes: 'Hoofdstuk 3 lezen' } });
    const before = await records();

    const html = forgedIdentity({
      origin: 'https://www.nsob.nl',
      foreignUrl: a.url,
      doi: String(b.expected.publication?.doi),
      title: 'Hijacked title',
    });
    const forged = session.server.addPage('https://www.nsob.nl/publicaties/gekaapt', html);
    const overHttp = session.server.addPage('http://www.nsob.nl/publicaties/gekaapt-http', html);
    const https = await visit(forged);
    expect(https.badge).toBe('+'); // detected as a publication, not taken for a saved one
    // The popup on the forged page: it reads the page again, and offers no merge (the titles differ).
    const popup = await session.browser.openPopup(https.tabId);
    await expect.poll(() => popup.getByTestId('current-title').textContent()).toBe('Hijacked title');
    expect(await popup.getByTestId('saved-indicator').count()).toBe(0);
    expect(await popup.getByTestId('current-resembles').count()).toBe(0);
    await popup.close();
    const http = await visit(overHttp);
    expect(http.badge).toBe(''); // plain http: not read at all unless the reader opts in

    const after = await records();
    expect(after.length).toBe(before.length);
    for (const record of before) {
      const now = after.find((r) => r.id === record.id);
      expect(now, record.title).toBeDefined();
      for (const field of new Set([...Object.keys(record), ...Object.keys(now!)])) {
        // Only the visit time of a saved page may move, and the forged page saved nothing.
        expect(now![field], `${record.title}: ${field}`).toEqual(record[field]);
      }
    }
    await https.page.close();
    await http.page.close();
  });

  it('two reports whose CMS points canonical and og:url at the home page stay two records', async () => {
    // Two real NSOB reports, as a CMS that sets every canonical and og:url to the home page serves them.
    const home =
      '<link rel="canonical" href="https://www.nsob.nl/"><meta property="og:url" content="https://www.nsob.nl/">';
    const reports = ['nsob-leren-van-doen-headings', 'nsob-strategisch-vermogen-gemeente'].map((slug) =>
      session.fixture(slug),
    );
    const urls = reports.map((report, i) =>
      session.server.addPage(
        `https://www.nsob.nl/publicaties/thuis-canonical-${i}`,
        fixtureSource(report.slug)
          .replace(/<link rel="canonical"[^>]*>/i, '')
          .replace(/<meta property="og:url"[^>]*>/i, '')
          .replace(/<head([^>]*)>/i, (head) => `${head}${home}`),
      ),
    );
    const first = await saveFromPopup(urls[0]);
    const second = await saveFromPopup(urls[1]);
    expect(second.id).not.toBe(first.id);
    const before = (await records()).filter((r) => urls.includes(r.url));
    expect(before.map((r) => r.title).sort()).toEqual(
      reports.map((r) => r.expected.publication?.title).sort(),
    );
    // Visiting both again refreshes each on its own and merges nothing.
    for (const url of urls) {
      const { badge, page } = await visit(url);
      expect(badge).toBe('✓');
      await page.close();
    }
    const after = (await records()).filter((r) => urls.includes(r.url));
    expect(after.map((r) => [r.id, r.title, r.status, r.notes])).toEqual(
      before.map((r) => [r.id, r.title, r.status, r.notes]),
    );
  });

  it(
    `a page that navigates its tab to fresh addresses for ${FLOOD_SECONDS} s adds at most the rate limit and keeps what the reader touched`,
    async ({ signal }) => {
      const step = stepsOf(signal);
      // What the reader built: two pages visited, one of them looked at in the popup.
      const read = await step(30_000, 'the first visit', () =>
        visit(session.fixture('scp-thuis-in-de-buurt').url),
      );
      await step(60_000, 'the popup on the first page', async () => {
        const popup = await session.browser.openPopup(read.tabId);
        await popup.getByTestId('current-title').waitFor();
        await popup.close();
      });
      const second = await step(30_000, 'the second visit', () =>
        visit(session.fixture('pbl-regionale-energiestrategieen').url),
      );
      await step(30_000, 'closing both pages', () => Promise.all([second.page.close(), read.page.close()]));
      const before = await step(30_000, 'the catalog before the flood', catalog);
      expect(before.length).toBeGreaterThan(0);

      const flood = await startFlood('https://www.cpb.nl/publicaties/vloed', signal);
      try {
        await ext.waitForTimeout(FLOOD_SECONDS * 1_000);
      } finally {
        // Also when this test fails: a flood left running would load every test after it.
        await within(30_000, 'ending the flood', flood.stop);
      }
      await ext.waitForTimeout(1_000);

      const after = await step(60_000, 'the catalog after the flood', catalog);
      const added = after.filter((entry) => !before.some((b) => b.id === entry.id));
      const limit = Math.min(
        WRITE_LIMITS.catalogPerTab.capacity + (FLOOD_SECONDS * WRITE_LIMITS.catalogPerTab.perHour) / 3_600,
        WRITE_LIMITS.catalogPerSite.capacity + (FLOOD_SECONDS * WRITE_LIMITS.catalogPerSite.perHour) / 3_600,
      );
      const shown = session.server.requests.filter(
        (r) => r.host === 'www.cpb.nl' && r.path.startsWith('/publicaties/vloed'),
      ).length;
      console.log(
        `flood: ${FLOOD_SECONDS} s, ${shown} pages shown (${shown * 21} entries offered), ${added.length} catalog entries added (limit ${Math.floor(limit)})`,
      );
      // The flood offered far more than the limit, and the extension did see it.
      expect(shown * 21).toBeGreaterThan(2 * limit);
      expect(added.length).toBeGreaterThan(0);
      expect(added.length).toBeLessThanOrEqual(Math.floor(limit));
      for (const entry of before)
        expect(
          after.some((e) => e.id === entry.id),
          entry.title,
        ).toBe(true);
    },
    // Above the sum of the steps' bounds (301 s and the flood): a late step names itself first.
    (FLOOD_SECONDS + 330) * 1_000,
  );

  it(
    "with auto-save on, a flood saves at most auto-save's limit and the popup says it held the rest back",
    async ({ signal }) => {
      const step = stepsOf(signal);
      await step(30_000, 'turning auto-save on', () => setAutoSave(true));
      try {
        const before = await step(30_000, 'the list before the flood', records);
        const flood = await startFlood('https://www.pbl.nl/publicaties/vloed', signal);
        try {
          await ext.waitForTimeout(Math.min(FLOOD_SECONDS, 20) * 1_000);
        } finally {
          await within(30_000, 'ending the flood', flood.stop);
        }
        await ext.waitForTimeout(1_000);
        // The limit is per site: count this flood's site only.
        const added = (await step(60_000, 'the list after the flood', records)).filter(
          (r) => !before.some((b) => b.id === r.id) && new URL(r.url).host === 'www.pbl.nl',
        );
        console.log(
          `auto-save flood: ${added.length} records saved (limit ${WRITE_LIMITS.autoSavePerSite.capacity})`,
        );
        expect(added.length).toBe(WRITE_LIMITS.autoSavePerSite.capacity);

        const { tabId, page } = await step(30_000, 'a visit after the flood', () =>
          visit(session.fixture('cpb-co2-heffing-industrie').url),
        );
        const popup = await step(30_000, 'opening the popup', () => session.browser.openPopup(tabId));
        await step(60_000, "the popup's notice", () =>
          expect
            .poll(() => popup.getByTestId('auto-save-held').textContent(), { timeout: 30_000 })
            .toContain('Planbureau voor de Leefomgeving'),
        );
        await step(30_000, 'closing the popup and the page', () =>
          Promise.all([popup.close(), page.close()]),
        );
      } finally {
        await within(30_000, 'turning auto-save off', () => setAutoSave(false));
      }
    },
    // Above the sum of the steps' bounds (361 s and the flood): a late step names itself first.
    (Math.min(FLOOD_SECONDS, 20) + 420) * 1_000,
  );

  it('200 tabs of maximal pages keep their badges, within the session storage quota', async () => {
    const origin = 'https://www.rli.nl';
    // 200 different publications: each its own address and DOI.
    const urls = Array.from({ length: 200 }, (_, i) =>
      session.server.addPage(
        `${origin}/publicaties/maximaal-${i}`,
        maximalPage({ origin, seed: i + 1 })
          .replaceAll(`${origin}/publicaties/maximaal"`, `${origin}/publicaties/maximaal-${i}"`)
          .replace('10.5555/maximaal.', `10.5555/maximaal-${i}.`),
      ),
    );
    const pages: Page[] = [];
    for (let i = 0; i < urls.length; i += 20) {
      pages.push(
        ...(await Promise.all(
          urls.slice(i, i + 20).map(async (url) => {
            const page = await session.browser.context.newPage();
            // 200 tabs of maximal pages load slowly on a crowded machine; the badges are what counts.
            await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
            return page;
          }),
        )),
      );
    }
    const worker = await session.browser.serviceWorker();
    const badges = async () =>
      Promise.all(pages.map(async (page) => session.browser.badgeText(await session.browser.tabId(page))));
    const settled = await waitFor(badges, (all) => all.every((b) => b === '+'), 180_000);
    expect(settled.filter((b) => b !== '+')).toEqual([]);
    const bytes = await worker.evaluate(() => chrome.storage.session.getBytesInUse(null));
    console.log(`200 maximal tabs: ${bytes} bytes of session storage`);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    // The last tab still gets the whole record in its popup (read again past the trimmed state).
    const last = pages[pages.length - 1];
    const popup = await session.browser.openPopup(await session.browser.tabId(last));
    await expect.poll(() => popup.getByTestId('current-title').textContent()).toMatch(/^Maximaal rapport/);
    await popup.close();
    await Promise.all(pages.map((page) => page.close()));
  }, 480_000);

  it('caused no console error from the extension, and no request of its own', () => {
    const ours = session.errors.filter(
      (e) => e.source.startsWith('chrome-extension://') || /leesmap/i.test(e.text),
    );
    expect(ours).toEqual([]);
    // Pages the hostile pages named (a PDF, a DOI resolver, other sites) were never fetched by Leesmap.
    expect(
      session.requests.filter((r) => r.fromExtension && !r.url.startsWith('chrome-extension://')),
    ).toEqual([]);
  });
});
