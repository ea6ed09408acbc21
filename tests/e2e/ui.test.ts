/**
 * The interface as a reader uses it, in Chromium with the built extension: a detected page is
 * edited and saved from the popup, found again by a different Dutch word form, filtered, given a
 * status, and exported from the library; page text with markup stays text; Dutch and English,
 * light and dark, each checked with axe-core and photographed into artifacts/screenshots/.
 *
 * LEESMAP_EXTENSION_DIR may point at another build of the extension (default .output/chrome-mv3).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openChecked,
  saveFromPopup,
  sendMessage,
  seriousViolations,
  sessionForBlock,
  waitFor,
  type Session,
} from './harness';

const REFERENCE = 'nsob-leren-van-doen-dl';
const OTHER = 'wrr-weerbare-democratie';
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname;
const extensionDir = process.env.LEESMAP_EXTENSION_DIR || undefined;

/** The extension APIs inside the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

mkdirSync(SCREENSHOTS, { recursive: true });

/** Opens a fixture page, waits for the badge, and returns the popup pointed at it. */
async function popupFor(session: Session, slug: string): Promise<{ page: Page; popup: Page; tabId: number }> {
  const { page, tabId } = await openChecked(session, slug);
  const popup = await session.browser.openPopup(tabId);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByTestId('current-title').waitFor();
  return { page, popup, tabId };
}

async function savedFromPopup(session: Session, slug: string): Promise<Page> {
  const { popup } = await saveFromPopup(session, slug);
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

/** Waits until the list shows `count` rows. */
const rowsShown = (items: Locator, count: number) =>
  waitFor(
    () => items.count(),
    (n) => n === count,
  );

async function extensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/${path}`);
  return page;
}

describe('popup and library in English: edit, save, search, filter, status, export', () => {
  const session = sessionForBlock({ lang: 'en', colorScheme: 'light', extensionDir });

  it('edits two fields of a detected page before saving, and the list shows the edits', async () => {
    const { popup } = await popupFor(session, REFERENCE);
    expect(await popup.getByTestId('current-title').textContent()).toBe('Leren van doen');
    expect(await popup.getByTestId('current-detected').textContent()).toBe('Publication detected');

    await popup.getByTestId('edit-button').click();
    await popup.getByTestId('edit-tags').fill('leesclub, IBP');
    await popup.getByTestId('edit-notes').fill('Bespreken op dinsdag');
    await popup.getByTestId('edit-submit').click();
    await popup.getByTestId('saved-indicator').waitFor();

    const item = popup.getByTestId('list-item').filter({ hasText: 'Leren van doen' });
    await item.waitFor();
    const stored = (await sendMessage(popup, 'page/list', {})).value as Array<{
      title: string;
      tags: string[];
      notes: string;
    }>;
    const record = stored.find((r) => r.title === 'Leren van doen');
    expect(record?.tags).toEqual(['leesclub', 'IBP']);
    expect(record?.notes).toBe('Bespreken op dinsdag');
    await popup.screenshot({ path: `${SCREENSHOTS}popup-en-light.png` });
  });

  it('finds the page by a Dutch word form the page does not use, and by a tag', async () => {
    await savedFromPopup(session, OTHER);
    const popup = await extensionPage(session, 'popup.html');
    const items = popup.getByTestId('list-item');
    await rowsShown(items, 2);

    await popup.getByTestId('search').fill('samenwerking');
    await rowsShown(items, 1);
    expect(await items.first().getByTestId('item-title').textContent()).toBe('Leren van doen');

    await popup.getByTestId('search').fill('leesclub');
    await rowsShown(items, 1);
    await popup.getByTestId('search').fill('');
    await rowsShown(items, 2);
  });

  it('filters by theme and changes the status in one click', async () => {
    const popup = await extensionPage(session, 'popup.html');
    const items = popup.getByTestId('list-item');
    await rowsShown(items, 2);
    await popup.getByTestId('toggle-filters').click();
    const theme = popup.getByTestId('filter-theme');
    const options = await theme.locator('option').allTextContents();
    const nsobTheme = options.find((o) => o.startsWith('Sturen in netwerken'));
    expect(nsobTheme, `theme options: ${options.join(' | ')}`).toBeDefined();
    await theme.selectOption({ label: nsobTheme! });
    await rowsShown(items, 1);

    const item = items.first();
    await item.getByTestId('status-cycle').click();
    await expect.poll(() => item.getByTestId('status-cycle').getAttribute('data-status')).toBe('reading');
    const stored = (await sendMessage(popup, 'page/list', {})).value as Array<{
      title: string;
      status: string;
    }>;
    expect(stored.find((r) => r.title === 'Leren van doen')?.status).toBe('reading');
  });

  it('opens the library from the popup, shows theme counts, and exports the list', async () => {
    const popup = await extensionPage(session, 'popup.html');
    await popup.getByTestId('list-item').first().waitFor();
    const [library] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      popup.getByTestId('open-library').click(),
    ]);
    await library.waitForURL(/library\.html/);
    await library.getByTestId('list-item').first().waitFor();
    const themes = await library.getByTestId('theme-entry').allTextContents();
    expect(themes.some((t) => t.includes('Sturen in netwerken') && t.includes('1'))).toBe(true);

    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.getByTestId('export-button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^leesmap-\d{4}-\d{2}-\d{2}\.leesmap\.json$/);
    const content = readFileSync((await download.path())!, 'utf8');
    const backup = JSON.parse(content) as { records: Array<{ title: string; status: string }> };
    expect(backup.records.map((r) => r.title)).toContain('Leren van doen');
    await library.screenshot({ path: `${SCREENSHOTS}library-en-light.png` });
  });

  it('suggests what a saved page lists as related, saying why; hides one and saves another', async () => {
    const popup = await extensionPage(session, 'popup.html');
    await popup.getByTestId('tab-suggestions').click();
    const suggestion = popup.getByTestId('suggestion').first();
    await suggestion.waitFor();
    expect(await popup.getByTestId('suggestions').textContent()).toContain(
      "Listed under related publications on 'Leren van doen'",
    );
    const title = await suggestion.locator('.item-title').textContent();
    await suggestion.getByRole('button', { name: `Hide suggestion ${title}` }).click();
    await expect.poll(() => popup.getByTestId('suggestions').textContent()).not.toContain(title!);

    const next = popup.getByTestId('suggestion').first();
    const nextTitle = (await next.locator('.item-title').textContent())!;
    await next.getByTestId('suggestion-save').click();
    await popup.getByTestId('tab-list').click();
    await popup.getByTestId('list-item').filter({ hasText: nextTitle }).waitFor();
  });

  it('moves through the library with the keyboard and sets a status with a key', async () => {
    const library = await extensionPage(session, 'library.html');
    await library.getByTestId('list-item').first().waitFor();
    await library.getByTestId('reading-list').focus();
    await library.keyboard.press('ArrowDown');
    await library.keyboard.press('ArrowUp');
    const first = library.getByTestId('list-item').first();
    const title = await first.getByTestId('item-title').textContent();
    await library.keyboard.press('3');
    await expect.poll(() => first.getByTestId('status-cycle').getAttribute('data-status')).toBe('read');
    const stored = (await sendMessage(library, 'page/list', {})).value as Array<{
      title: string;
      status: string;
    }>;
    expect(stored.find((r) => r.title === title)?.status).toBe('read');
  });

  it('shows page text with markup literally and runs none of it', async () => {
    const popup = await extensionPage(session, 'popup.html');
    const hostile = '<img src=x onerror="window.__leesmapPwned=1">';
    const reply = await sendMessage(popup, 'page/save', {
      publication: {
        url: `${session.fixture(OTHER).url}?variant=hostile`,
        title: hostile,
        authors: [`<b onmouseover=alert(1)>Eve</b>`],
        themes: ['<script>window.__leesmapPwned=2</script>'],
        keywords: [],
        related: [],
      },
    });
    expect(reply.ok, reply.error).toBe(true);
    const item = popup.getByTestId('list-item').filter({ hasText: '<img' });
    await item.waitFor();
    expect(await item.getByTestId('item-title').textContent()).toBe(hostile);
    expect(await item.getByTestId('item-authors').textContent()).toBe('<b onmouseover=alert(1)>Eve</b>');
    expect(await popup.locator('.vlist img, .vlist b, .vlist script').count()).toBe(0);
    expect(
      await popup.evaluate(() => (globalThis as { __leesmapPwned?: number }).__leesmapPwned),
    ).toBeUndefined();
  });

  // Playwright cannot press browser-level shortcuts in headless Chromium; this checks the binding.
  it('declares the save shortcut Alt+Shift+S', async () => {
    const sw = await session.browser.serviceWorker();
    const manifest = (await sw.evaluate(() => chrome.runtime.getManifest())) as {
      commands?: Record<string, { suggested_key?: { default?: string } }>;
    };
    expect(manifest.commands?.['save-page']?.suggested_key?.default).toBe('Alt+Shift+S');
  });

  it('switches the interface to Dutch from the options, without a restart', async () => {
    const options = await extensionPage(session, 'options.html');
    const popup = await extensionPage(session, 'popup.html');
    expect(await popup.getByTestId('tab-list').textContent()).toBe('Reading list');
    await options.getByTestId('ui-language').selectOption('nl');
    await expect.poll(() => popup.getByTestId('tab-list').textContent()).toBe('Leeslijst');
    await expect
      .poll(() => options.getByTestId('options-status').textContent())
      .toBe('Instellingen opgeslagen');
    await options.getByTestId('ui-language').selectOption('auto');
    await expect.poll(() => popup.getByTestId('tab-list').textContent()).toBe('Reading list');
  });

  it('has no serious or critical accessibility problems on popup, library and options', async () => {
    for (const path of ['popup.html', 'library.html', 'options.html', 'welcome.html']) {
      const page = await extensionPage(session, path);
      await page.locator('#app > *').first().waitFor();
      await page.waitForTimeout(300);
      expect(await seriousViolations(page), path).toEqual([]);
      if (path === 'options.html')
        await page.screenshot({ path: `${SCREENSHOTS}options-en-light.png`, fullPage: true });
    }
  });
});

describe.each([
  { lang: 'nl', colorScheme: 'light' as const, save: 'Opslaan', list: 'Leeslijst' },
  { lang: 'nl', colorScheme: 'dark' as const, save: 'Opslaan', list: 'Leeslijst' },
  { lang: 'en', colorScheme: 'dark' as const, save: 'Save', list: 'Reading list' },
])('interface in $lang, $colorScheme', ({ lang, colorScheme, save, list }) => {
  const session = sessionForBlock({ lang, colorScheme, extensionDir });

  it('speaks the browser language and follows the colour scheme', async () => {
    const { popup } = await popupFor(session, REFERENCE);
    expect(await popup.getByTestId('save-button').textContent()).toBe(save);
    expect(await popup.getByTestId('tab-list').textContent()).toBe(list);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.3);
    else expect(luminance).toBeGreaterThan(0.7);
    await popup.getByTestId('save-button').click();
    await popup.getByTestId('saved-indicator').waitFor();
    await popup.getByTestId('list-item').first().waitFor();
    await popup.screenshot({ path: `${SCREENSHOTS}popup-${lang}-${colorScheme}.png` });
  });

  it('has no serious or critical accessibility problems on popup, library and options', async () => {
    for (const path of ['popup.html', 'library.html', 'options.html', 'welcome.html']) {
      const page = await extensionPage(session, path);
      await page.locator('#app > *').first().waitFor();
      await page.waitForTimeout(300);
      expect(await seriousViolations(page), `${path} (${lang}, ${colorScheme})`).toEqual([]);
      if (path === 'library.html' || path === 'welcome.html')
        await page.screenshot({
          path: `${SCREENSHOTS}${path.replace('.html', '')}-${lang}-${colorScheme}.png`,
        });
    }
  });
});
