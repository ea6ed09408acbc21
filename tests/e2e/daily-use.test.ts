/**
 * A reader's day with Leesmap, in Chromium with the built extension: six publications from six
 * publishers saved from the popup; a tag and a note added while saving; a status changed; the list
 * searched by publisher, acronym, year, Dutch type label, tag, note word and a theme in the other
 * language (with the match marked); filtered; a citation copied; a PDF opened; a suggestion hidden
 * and brought back. Each step checks what the reader sees. Also: at least five rows in a 600 px
 * popup, at most two Tab stops per library row, and the welcome page without serious axe findings.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, sessionForBlock, waitFor, type Session } from './harness';
import { SIX_PUBLISHERS as SIX } from './reading-day';

const NSOB = 'Leren van doen';
/** A fixture's title as its expected record gives it. */
const titleOf = (slug: string): string =>
  JSON.parse(readFileSync(new URL(`../fixtures/${slug}/expected.json`, import.meta.url), 'utf8')).publication
    .title;
const CHATHAM = titleOf('chatham-house-ai-geopolitics');
const extensionDir = process.env.LEESMAP_EXTENSION_DIR || undefined;
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname;
mkdirSync(SCREENSHOTS, { recursive: true });

async function popupFor(session: Session, slug: string): Promise<Page> {
  const page = await session.browser.open(session.fixture(slug).url);
  const tabId = await session.browser.tabId(page);
  await waitFor(
    () => session.browser.badgeText(tabId),
    (t) => t !== '',
  );
  const popup = await session.browser.openPopup(tabId);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByTestId('current-title').waitFor();
  return popup;
}

async function extensionPage(session: Session, path: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/${path}`);
  return page;
}

/** The titles of the rows shown after typing `query` into the popup's search box. */
async function search(popup: Page, query: string): Promise<string[]> {
  await popup.getByTestId('search').fill(query);
  await popup.waitForTimeout(150);
  return popup.getByTestId('item-title').allTextContents();
}

describe("a reader's day (Chromium)", () => {
  const session = sessionForBlock({ lang: 'en', colorScheme: 'light', extensionDir });
  let popup: Page;

  it('saves six publications from six publishers, the first with a tag and a note', async () => {
    const first = await popupFor(session, SIX[0]);
    await first.getByTestId('edit-button').click();
    await first.getByTestId('edit-tags').fill('leesclub');
    await first.getByTestId('edit-notes').fill('Bespreken op dinsdag met het team');
    await first.getByTestId('edit-submit').click();
    await first.getByTestId('saved-indicator').waitFor();
    for (const slug of SIX.slice(1)) {
      const p = await popupFor(session, slug);
      await p.getByTestId('save-button').click();
      // Saved, the page card folds to one line: the saved mark and the title.
      await p.getByTestId('saved-indicator').waitFor();
      expect(await p.getByTestId('save-button').count()).toBe(0);
    }
    popup = await popupFor(session, SIX[0]);
    await waitFor(
      () => popup.getByTestId('list-item').count(),
      (n) => n >= 5,
    );
    expect(await popup.getByTestId('result-count').textContent()).toBe('6 of 6 publications');
  });

  it('shows at least five whole rows in the 600 px popup, each with year · publisher · type', async () => {
    const visible = await popup.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-testid="list-item"]')];
      return rows.filter((r) => {
        const box = r.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight + 0.5;
      }).length;
    });
    expect(visible).toBeGreaterThanOrEqual(5);
    await popup.screenshot({ path: `${SCREENSHOTS}popup-day-en-light.png` });
    const row = popup.getByTestId('list-item').filter({ hasText: NSOB });
    expect(await row.getByTestId('item-meta').textContent()).toBe('2020NSOBEssay');
    expect(await row.getByTestId('item-tag').allTextContents()).toEqual(['leesclub']);
  });

  it('changes a status with one click on the row', async () => {
    const row = popup.getByTestId('list-item').filter({ hasText: NSOB });
    await row.getByTestId('status-cycle').click();
    await expect.poll(() => row.getByTestId('status-cycle').getAttribute('data-status')).toBe('reading');
  });

  it('finds records by publisher, acronym, year, Dutch type label, tag, note word and a theme in the other language', async () => {
    expect(await search(popup, 'Chatham')).toEqual([CHATHAM]);
    // The match is marked in the row (a <mark> element holding the word).
    expect(await popup.locator('[data-testid="list-item"] mark').first().textContent()).toBe('Chatham');
    const cpb = await search(popup, 'Centraal Planbureau');
    expect(cpb).toHaveLength(1);
    expect(await popup.getByTestId('item-publisher').textContent()).toBe('CPB');
    expect(await search(popup, 'AIV')).toHaveLength(1);
    expect(await popup.getByTestId('item-publisher').textContent()).toBe('AIV');
    const year = await search(popup, '2021');
    expect(year).toEqual(cpb);
    const policyBriefs = await search(popup, 'beleidsnotitie');
    expect(policyBriefs).toHaveLength(1);
    expect(await popup.getByTestId('item-publisher').textContent()).toBe('WRR');
    expect(await search(popup, 'leesclub')).toEqual([NSOB]);
    expect(await search(popup, 'dinsdag')).toEqual([NSOB]);
    const geo = await search(popup, 'geopolitiek');
    expect(geo).toContain(CHATHAM);
    await search(popup, '');
  });

  it('filters by theme', async () => {
    await popup.getByTestId('toggle-filters').click();
    await popup.getByTestId('filter-theme').selectOption('Democratie');
    const titles = await popup.getByTestId('item-title').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles).not.toContain(NSOB);
    await popup.getByTestId('clear-filters').click();
    await popup.getByTestId('toggle-filters').click();
  });

  it('copies a citation and says what it copied', async () => {
    const row = popup.getByTestId('list-item').filter({ hasText: NSOB });
    await row.getByTestId('item-cite').click();
    const toast = popup.getByTestId('toast');
    await toast.waitFor();
    const text = (await toast.textContent()) ?? '';
    expect(text).toContain('Citation copied');
    expect(text).toContain('(2020)');
    expect(text).toContain('Nederlandse School voor Openbaar Bestuur');
  });

  it('opens a PDF from its row in a new tab', async () => {
    const row = popup.getByTestId('list-item').filter({ hasText: titleOf('wrr-weerbare-democratie') });
    const pdf = row.getByTestId('item-pdf');
    const href = await pdf.getAttribute('href');
    expect(href).toMatch(/^https:\/\/.+/);
    const [tab] = await Promise.all([session.browser.context.waitForEvent('page'), pdf.click()]);
    expect(tab.url()).toBe(href);
    await tab.close();
  });

  it('hides a suggestion and brings it back with Undo', async () => {
    await popup.getByTestId('tab-suggestions').click();
    const first = popup.getByTestId('suggestion').first();
    await first.waitFor();
    const title = (await first.locator('.item-title').textContent())!;
    expect(await popup.locator('.reasons li').first().textContent()).toMatch(/\S+ \S+ \S+/);
    await first.getByTestId('suggestion-dismiss').click();
    await expect.poll(() => popup.getByTestId('suggestions').textContent()).not.toContain(title);
    expect(await popup.getByTestId('toast').textContent()).toContain(`Hidden: ${title}`);
    await popup.getByTestId('toast-action').click();
    await expect.poll(() => popup.getByTestId('suggestions').textContent()).toContain(title);
  });

  it('keeps each library row to two Tab stops and reaches the row actions by arrow keys', async () => {
    const library = await extensionPage(session, 'library.html');
    await library.getByTestId('list-item').first().waitFor();
    await library.screenshot({ path: `${SCREENSHOTS}library-day-en-light.png` });
    const stops = await library.evaluate(() =>
      [...document.querySelectorAll('[data-testid="list-item"]')].map(
        (row) =>
          [...row.querySelectorAll('a, button, input, select, textarea, [tabindex]')].filter(
            (el) => (el as HTMLElement).tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
          ).length,
      ),
    );
    expect(Math.max(...stops)).toBeLessThanOrEqual(2);
    const row = library.getByTestId('list-item').first();
    await row.getByTestId('status-cycle').focus();
    await library.keyboard.press('ArrowRight');
    const focused = await library.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(['item-pdf', 'item-cite']).toContain(focused);
  });

  it('shows a welcome page with the shortcut and the sites, without serious accessibility problems', async () => {
    const welcome = await extensionPage(session, 'welcome.html');
    await welcome.getByTestId('welcome').waitFor();
    expect(await welcome.getByTestId('welcome-shortcut').textContent()).toContain('Alt+Shift+S');
    expect(await seriousViolations(welcome)).toEqual([]);
  });
});
