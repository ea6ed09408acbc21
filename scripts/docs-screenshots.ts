/**
 * The screenshots the README shows (docs/): the popup in Dutch and English, light and dark, the
 * library and the welcome page, each over a list of six publications saved from six publishers the
 * way a reader saves them (open the page, popup, Save). `npm start` writes them to
 * artifacts/screenshots/docs/; `npm start -- --docs` writes them to docs/ as well.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { publisherForHost } from '../utils/publishers';
import { launchWithExtension, type ExtensionBrowser } from './lib/browser';
import type { startFixtureServer } from './lib/fixture-server';

type Server = Awaited<ReturnType<typeof startFixtureServer>>;
type Variant = { lang: 'nl' | 'en'; colorScheme: 'light' | 'dark' };

const VARIANTS: Variant[] = [
  { lang: 'nl', colorScheme: 'light' },
  { lang: 'nl', colorScheme: 'dark' },
  { lang: 'en', colorScheme: 'light' },
  { lang: 'en', colorScheme: 'dark' },
];
const SAVED = 6;
/** The popup's size in the toolbar (Chromium caps a popup at 800 × 600). */
const POPUP = { width: 420, height: 600 };

/** Six publication pages, one per publisher Leesmap covers without the "all sites" opt-in. */
function samplePages(server: Server): string[] {
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const page of server.pages) {
    const host = new URL(page.url).hostname;
    if (!page.expected.detected || !publisherForHost(host) || seen.has(host)) continue;
    seen.add(host);
    urls.push(page.url);
    if (urls.length === SAVED) break;
  }
  return urls;
}

async function saveThroughPopup(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.open(url);
  const popup = await browser.openPopup(await browser.tabId(page));
  await popup.setViewportSize(POPUP);
  await popup.getByTestId('current-title').waitFor({ timeout: 15_000 });
  const save = popup.getByTestId('save-button');
  if (await save.isVisible()) await save.click();
  await popup.getByTestId('saved-indicator').waitFor({ timeout: 15_000 });
  return popup;
}

async function extensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  await page.locator('#app > *').first().waitFor();
  await page.waitForTimeout(400);
  return page;
}

async function shootVariant(server: Server, variant: Variant, outDir: string): Promise<string[]> {
  const browser = await launchWithExtension({ port: server.port, ...variant });
  const name = (what: string) => join(outDir, `${what}-${variant.lang}-${variant.colorScheme}.png`);
  const written: string[] = [];
  try {
    let popup: Page | undefined;
    for (const url of samplePages(server)) {
      await popup?.close();
      popup = await saveThroughPopup(browser, url);
    }
    if (!popup) throw new Error('No sample publication pages to save');
    await popup
      .getByTestId('list-item')
      .nth(SAVED - 1)
      .waitFor();
    await popup.screenshot({ path: name('popup') });
    written.push(name('popup'));
    // The library and the welcome page follow the same language and scheme; the light ones suffice.
    for (const what of variant.colorScheme === 'light' ? ['library', 'welcome'] : []) {
      const page = await extensionPage(browser, `${what}.html`);
      await page.screenshot({ path: name(what) });
      written.push(name(what));
    }
  } finally {
    await browser.close();
  }
  return written;
}

/** Writes every screenshot; with `toDocs`, copies them into docs/ too. Returns the files written. */
export async function writeDocScreenshots(server: Server, toDocs: boolean): Promise<string[]> {
  const outDir = resolve('artifacts', 'screenshots', 'docs');
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const variant of VARIANTS) written.push(...(await shootVariant(server, variant, outDir)));
  if (toDocs) {
    const docs = resolve('docs');
    mkdirSync(docs, { recursive: true });
    for (const file of written) copyFileSync(file, join(docs, file.slice(outDir.length + 1)));
  }
  return written;
}
