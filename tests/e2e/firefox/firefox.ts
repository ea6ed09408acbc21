/**
 * Firefox with the built extension, for browser tests: Debian's firefox-esr driven by puppeteer-core
 * over WebDriver BiDi (playwright-core's Firefox is a patched build, not the Firefox readers run).
 * The extension is installed from .output/firefox-mv3 (built here first), its moz-extension://
 * address fixed by the `extensions.webextensions.uuids` pref; `network.dns.localDomains` sends the
 * publisher hosts to this machine, where port 443 is forwarded to the fixture server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from '../../../scripts/lib/fixture-server';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const ROOT = new URL('../../../', import.meta.url).pathname;
const ADDON_ID = 'leesmap@leesmap.app';
const UUID = '5e1d7c3a-0b4e-4f55-9a4e-1c2d3e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /** Opens an extension page (popup.html?tabId=…, library.html …). */
  extensionPage(path: string): Promise<Page>;
  /** Opens a fixture page and returns its tab id (as the extension sees it). */
  openFixture(slug: string): Promise<{ page: Page; tabId: number }>;
  /** Runs `code` in an extension page, with the WebExtension `browser` object. */
  inExtension<T>(code: string): Promise<T>;
  close(): Promise<void>;
}

function forward443(port: number): Promise<Server> {
  const proxy = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(443, '127.0.0.1', () => resolve(proxy));
  });
}

/** goto to a moz-extension page may never report its load over BiDi: wait for the DOM only. */
async function open(page: Page, url: string, timeout = 10_000) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout }).catch(() => undefined);
}

export async function startFirefox(lang: 'en' | 'nl' = 'en'): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX))
    throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'ignore' });
  const server = await startFixtureServer();
  const proxy = await forward443(server.port);
  const hosts = [...new Set(server.pages.map((p) => new URL(p.url).hostname))].join(',');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'network.dns.localDomains': hosts,
      'intl.locale.requested': lang === 'nl' ? 'nl' : 'en-US',
    },
  });
  await browser.installExtension(`${ROOT}.output/firefox-mv3`);
  let helper: Page | undefined;
  const extensionPage = async (path: string) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 400, height: 600 });
    await open(page, `${EXTENSION_ORIGIN}/${path}`, 2_000);
    return page;
  };
  const inExtension = async <T>(code: string): Promise<T> => {
    helper ??= await extensionPage('library.html');
    return helper.evaluate(`(async () => { ${code} })()`) as Promise<T>;
  };
  return {
    browser,
    server,
    extensionPage,
    inExtension,
    async openFixture(slug) {
      const fixture = server.pages.find((p) => p.slug === slug);
      if (!fixture) throw new Error(`No fixture ${slug}`);
      const page = await browser.newPage();
      await open(page, fixture.url);
      const url = JSON.stringify(fixture.url);
      const tabId = await inExtension<number>(
        `for (let i = 0; i < 50; i++) { const tab = (await browser.tabs.query({})).find((t) => t.url === ${url}); if (tab) return tab.id; await new Promise((r) => setTimeout(r, 100)); } throw new Error('no tab');`,
      );
      return { page, tabId };
    },
    async close() {
      await browser.close().catch(() => undefined);
      proxy.close();
      await server.close();
    },
  };
}

/** Polls `read` until `ok` holds (or throws after `ms`). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
