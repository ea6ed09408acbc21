/**
 * Starts Debian's Chromium with the built extension loaded (new headless mode unless a display is
 * asked for), through playwright-core. Shared by `npm start`, the browser tests and the benchmarks.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The extension APIs, as seen inside the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

export const EXTENSION_DIR = new URL('../../.output/chrome-mv3/', import.meta.url).pathname;

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `Chromium was not found at ${path}. The browser tests need Debian's Chromium: ` +
        `run "apt-get update && apt-get install -y chromium" (as root), or set CHROMIUM_PATH.`,
    );
    this.name = 'ChromiumMissingError';
  }
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new ChromiumMissingError(path);
  return path;
}

export interface LaunchOptions {
  /** Port of the fixture server every host name is mapped to. */
  port: number;
  userDataDir?: string;
  /** Show a window (needs a display). Default: headless. */
  headed?: boolean;
  /** Browser UI language, e.g. 'nl' or 'en'. */
  lang?: string;
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  /** X display for a headed browser (e.g. ':7' of an Xvfb the caller started). Default: the environment's. */
  display?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (re-fetched after it was stopped). */
  serviceWorker(): Promise<Worker>;
  /** Opens a page and waits until the content script's check reached the background. */
  open(url: string): Promise<Page>;
  /** The browser's tab id of a page, as the extension sees it. */
  tabId(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Opens the popup UI in a tab, pointed at another tab (as if opened over it). */
  openPopup(forTabId?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? process.env.LEESMAP_EXTENSION_DIR ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'leesmap-profile-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Every host goes to the local fixture server: nothing can leave the machine. 127.0.0.1 itself
    // stays itself: the Zotero tests run a conformance server where Zotero desktop listens.
    `--host-resolver-rules=MAP * 127.0.0.1:${options.port}, EXCLUDE 127.0.0.1`,
    // The fixture server's certificate is a throwaway self-signed one.
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--disable-default-apps',
    '--disable-component-extensions-with-background-pages',
    '--no-pings',
    // Chromium still asks for on-demand components at start; point that at a closed local port.
    '--component-updater=url-source=http://127.0.0.1:9/',
    // ... and checks for a signed-in Google account: same treatment.
    '--gaia-url=http://127.0.0.1:9/',
    // Chromium's own calls home (network time, update checks, hints): off, so the request log
    // shows only what pages and Leesmap ask for.
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication',
  ];
  if (!options.headed) args.push('--headless=new');
  if (options.lang) args.push(`--lang=${options.lang}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // the new headless mode is chosen through args, so extensions load
    args,
    chromiumSandbox: false,
    locale: options.lang,
    colorScheme: options.colorScheme,
    viewport: { width: 1200, height: 900 },
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });

  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
  };
  const extensionId = new URL((await serviceWorker()).url()).host;

  /**
   * A read-only message from an extension page: it starts a worker Chromium stopped. One at a
   * time, however many calls wait (200 tabs' badges are read at once). Best effort: on a crowded
   * machine the page may load too late, and the callers just wait on.
   */
  let waking: Promise<void> | undefined;
  const wakeWorker = (): Promise<void> =>
    (waking ??= (async () => {
      const page = await context.newPage().catch(() => undefined);
      try {
        await page?.goto(`chrome-extension://${extensionId}/options.html`, { timeout: 60_000 });
        await page?.evaluate(() =>
          chrome.runtime.sendMessage({ leesmap: 1, type: 'page/catalog', payload: { limit: 1 } }),
        );
      } catch {
        // The worker may answer anyway; the caller's deadline bounds the wait.
      } finally {
        await page?.close().catch(() => undefined);
        waking = undefined;
      }
    })());

  /** What Playwright throws for a call a worker's stop cut off, or while it waits for the worker. */
  const CUT_OFF = /closed|destroyed|restarted|detached|serviceworker/i;

  /**
   * Asks the service worker (`ask` evaluates code in it). Playwright's evaluate on a worker that
   * Chromium stopped waits for a restart nothing may trigger: while no answer comes, the worker is
   * woken every 15 s, for two minutes at most. A call the stop cut off is asked again.
   */
  const inWorker = async <R>(ask: (worker: Worker) => Promise<R>): Promise<R> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const answer = serviceWorker()
        .then(ask)
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
      let outcome: { value: R } | { error: unknown } | undefined;
      while (!outcome) {
        if (Date.now() > deadline) throw new Error('The service worker did not answer within 120 s.');
        let timer: ReturnType<typeof setTimeout> | undefined;
        const pause = new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), 15_000);
        });
        outcome = await Promise.race([answer, pause]);
        clearTimeout(timer);
        if (!outcome) await wakeWorker();
      }
      if ('value' in outcome) return outcome.value;
      if (!CUT_OFF.test(String(outcome.error)) || Date.now() > deadline) throw outcome.error;
      await wakeWorker();
    }
  };

  const tabId = async (page: Page): Promise<number> => {
    const url = page.url();
    // Tab addresses are visible to the extension only on hosts it may access ...
    const byUrl = await inWorker((sw) =>
      sw.evaluate(async (address: string) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t: { url?: string }) => t.url === address)?.id as number | undefined;
      }, url),
    );
    if (byUrl !== undefined) return byUrl;
    // ... elsewhere, bring the page to the front and take the active tab.
    await page.bringToFront();
    const active = await inWorker((sw) =>
      sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id as number | undefined;
      }),
    );
    if (active === undefined) throw new Error(`No tab for ${url}`);
    return active;
  };

  return {
    context,
    extensionId,
    userDataDir,
    serviceWorker,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    tabId,
    async badgeText(id) {
      return inWorker((sw) => sw.evaluate((t: number) => chrome.action.getBadgeText({ tabId: t }), id));
    },
    async openPopup(forTabId) {
      const page = await context.newPage();
      const query = forTabId === undefined ? '' : `?tabId=${forTabId}`;
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    async close() {
      await context.close();
      // A profile this function made is removed; one passed in (restart tests) is the caller's.
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `read` returns what `done` accepts; for badge and list states that settle async. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
