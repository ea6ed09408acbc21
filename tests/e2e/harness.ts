/**
 * What every browser test needs: the fixture server, Chromium with the built extension, and a
 * record of every network request. Chromium missing is a failure with a clear message, never a skip.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchWithExtension,
  waitFor,
  type ExtensionBrowser,
  type LaunchOptions,
} from '../../scripts/lib/browser';
import { startFixtureServer, type FixturePage, type FixtureServer } from '../../scripts/lib/fixture-server';

export { waitFor };
export type { ExtensionBrowser, FixturePage, FixtureServer };

/** The reference fixture (an NSOB essay) and a second publication, as most walks save them. */
export const REFERENCE = 'nsob-leren-van-doen-dl';
export const OTHER = 'wrr-weerbare-democratie';
/** Another build of the extension to test (LEESMAP_EXTENSION_DIR), else the default .output/chrome-mv3. */
export const extensionDir = process.env.LEESMAP_EXTENSION_DIR || undefined;

export interface Session {
  server: FixtureServer;
  browser: ExtensionBrowser;
  /** Every request any page, frame or worker of the browser made, and who made it. */
  requests: Array<{ url: string; fromExtension: boolean }>;
  /** Console errors and uncaught exceptions, with the script address they came from. */
  errors: Array<{ text: string; source: string }>;
  fixture(slug: string): FixturePage;
  /** Restarts the browser on the same profile, as a reader closing and reopening it. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One session for the tests of the calling `describe` block: started before them, closed after
 * them. The object returned stands for it: every property is read from the running session.
 */
export function sessionForBlock(options: Omit<LaunchOptions, 'port'> = {}): Session {
  let current: Session | undefined;
  beforeAll(async () => {
    current = await startSession(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Session, {
    get(_target, key) {
      if (!current) throw new Error('The browser session starts before the tests of its block.');
      return Reflect.get(current, key, current);
    },
  });
}

export async function startSession(options: Omit<LaunchOptions, 'port'> = {}): Promise<Session> {
  const server = await startFixtureServer();
  // The session owns the profile, so a restart can reopen it; it is removed on close.
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'leesmap-profile-'));
  const requests: Session['requests'] = [];
  const record = (request: Request) => {
    let origin = '';
    try {
      origin = request.serviceWorker()?.url() ?? request.frame().url();
    } catch {
      origin = 'chrome-extension://'; // no frame: a worker of ours
    }
    requests.push({ url: request.url(), fromExtension: origin.startsWith('chrome-extension://') });
  };
  const errors: Session['errors'] = [];
  const watch = (context: BrowserContext) => {
    context.on('request', record);
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push({ text: message.text(), source: message.location().url });
    });
    context.on('weberror', (error) => {
      const stack = error.error().stack ?? '';
      errors.push({
        text: error.error().message,
        source: /chrome-extension:\/\/\S+/.exec(stack)?.[0] ?? error.page()?.url() ?? '',
      });
    });
  };
  let browser = await launchWithExtension({ ...options, port: server.port, userDataDir });
  watch(browser.context);
  return {
    server,
    get browser() {
      return browser;
    },
    requests,
    errors,
    fixture(slug) {
      const page = server.pages.find((p) => p.slug === slug);
      if (!page) throw new Error(`No fixture ${slug} in tests/fixtures/`);
      return page;
    },
    async restart() {
      await browser.close();
      browser = await launchWithExtension({ ...options, port: server.port, userDataDir });
      watch(browser.context);
    },
    async close() {
      await browser.close();
      await server.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  } as Session;
}

/** Hosts the fixture server serves; any request elsewhere would have left the machine. */
export function fixtureHosts(server: FixtureServer): Set<string> {
  return new Set(server.pages.map((p) => new URL(p.url).hostname));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings (evaluated over CDP, so the page's CSP doesn't apply). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return (
      result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/** A message to the background from an extension page, sent as the popup and the library send it. */
export function sendMessage(
  page: Page,
  type: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  return page.evaluate(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ([type, payload]) => (globalThis as any).chrome.runtime.sendMessage({ leesmap: 1, type, payload }),
    [type, payload] as const,
  );
}

/** The toolbar badge of a tab once `done` holds for it (by default: once the page is checked). */
export function badgeOf(
  session: Session,
  tabId: number,
  done: (text: string) => boolean = (text) => text !== '',
): Promise<string> {
  return waitFor(() => session.browser.badgeText(tabId), done);
}

/** Opens a fixture page and waits until the extension has checked it (its badge is set). */
export async function openChecked(session: Session, slug: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.open(session.fixture(slug).url);
  const tabId = await session.browser.tabId(page);
  await badgeOf(session, tabId);
  return { page, tabId };
}

/** Opens a fixture page and saves it from the popup; returns both, the popup showing it saved. */
export async function saveFromPopup(session: Session, slug: string): Promise<{ page: Page; popup: Page }> {
  const { page, tabId } = await openChecked(session, slug);
  const popup = await session.browser.openPopup(tabId);
  await popup.getByTestId('current-title').waitFor();
  const save = popup.getByTestId('save-button');
  if (await save.count()) await save.click();
  await popup.getByTestId('saved-indicator').waitFor();
  return { page, popup };
}
