/**
 * The reader's day in real Firefox (Debian's firefox-esr), as tests/e2e/daily-use.test.ts walks it
 * in Chromium: six saves from six publishers (the badge marks each page), a tag and a note, a status
 * change, search by publisher, acronym, year, Dutch type label, tag, note word and cross-language
 * theme, a filter, a copied citation and a PDF link, and a suggestion hidden and brought back.
 * (The saved records carry their related publications here too: in a Firefox content script a
 * URLSearchParams iterator is not iterable, which once cost every related item; utils/extract/urls.ts.)
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFirefox, until, type FirefoxSession } from './firefox';
import { SIX_PUBLISHERS as SIX } from '../reading-day';

const titleOf = (slug: string): string =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${slug}/expected.json`, import.meta.url), 'utf8'))
    .publication.title;
const NSOB = titleOf(SIX[0]);
const CHATHAM = titleOf('chatham-house-ai-geopolitics');

const byTestId = (id: string) => `[data-testid="${id}"]`;
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
/** The row of the list whose title is `title`. */
const rowSelector = (title: string) =>
  `xpath///article[@data-testid="list-item"][.//*[@data-testid="item-title"][normalize-space(.)=${JSON.stringify(title)}]]`;

async function popupFor(ff: FirefoxSession, slug: string): Promise<Page> {
  const { tabId } = await ff.openFixture(slug);
  // The toolbar badge says the page is a publication before the popup opens.
  await until(
    () => ff.inExtension<string>(`return browser.action.getBadgeText({ tabId: ${tabId} });`),
    (text) => text !== '',
  );
  const popup = await ff.extensionPage(`popup.html?tabId=${tabId}`);
  await popup.waitForSelector(byTestId('current-title'));
  return popup;
}

async function search(popup: Page, query: string): Promise<string[]> {
  await popup.$eval(
    byTestId('search'),
    (el, value) => {
      const input = el as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    query,
  );
  await new Promise((r) => setTimeout(r, 300));
  return texts(popup, byTestId('item-title'));
}

describe("a reader's day (Firefox ESR)", () => {
  let ff: FirefoxSession;
  let popup: Page;
  beforeAll(async () => {
    ff = await startFirefox('en');
  }, 180_000);
  afterAll(async () => {
    await ff?.close();
  });

  it('saves six publications from six publishers, the first with a tag and a note', async () => {
    const first = await popupFor(ff, SIX[0]);
    await first.click(byTestId('edit-button'));
    await first.type(byTestId('edit-tags'), 'leesclub');
    await first.type(byTestId('edit-notes'), 'Bespreken op dinsdag');
    await first.click(byTestId('edit-submit'));
    await first.waitForSelector(byTestId('saved-indicator'));
    for (const slug of SIX.slice(1)) {
      const p = await popupFor(ff, slug);
      await p.click(byTestId('save-button'));
      await p.waitForSelector(byTestId('saved-indicator'));
      await p.close();
    }
    popup = await popupFor(ff, SIX[0]);
    await until(
      () => popup.$eval(byTestId('result-count'), (el) => el.textContent),
      (text) => text === '6 of 6 publications',
    );
  }, 120_000);

  it('shows five rows at 600 px and changes a status with one click', async () => {
    const visible = await popup.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="list-item"]')].filter(
          (r) => r.getBoundingClientRect().bottom <= window.innerHeight + 0.5,
        ).length,
    );
    expect(visible).toBeGreaterThanOrEqual(5);
    const row = await popup.waitForSelector(rowSelector(NSOB));
    await (await row!.$(byTestId('status-cycle')))!.click();
    await until(
      () => row!.$eval(byTestId('status-cycle'), (el) => el.getAttribute('data-status')),
      (s) => s === 'reading',
    );
  });

  it('finds records by publisher, acronym, year, Dutch type label, tag, note word and cross-language theme', async () => {
    expect(await search(popup, 'Chatham')).toEqual([CHATHAM]);
    expect(await texts(popup, '[data-testid="list-item"] mark')).toContain('Chatham');
    const cpb = await search(popup, 'Centraal Planbureau');
    expect(cpb).toHaveLength(1);
    expect(await search(popup, 'AIV')).toHaveLength(1);
    expect(await search(popup, '2021')).toEqual(cpb);
    expect(await search(popup, 'beleidsnotitie')).toEqual([titleOf('wrr-weerbare-democratie')]);
    expect(await search(popup, 'leesclub')).toEqual([NSOB]);
    expect(await search(popup, 'dinsdag')).toEqual([NSOB]);
    expect(await search(popup, 'geopolitiek')).toContain(CHATHAM);
    await search(popup, '');
  });

  it('filters by theme', async () => {
    await popup.click(byTestId('toggle-filters'));
    await popup.select(byTestId('filter-theme'), 'Democratie');
    await new Promise((r) => setTimeout(r, 200));
    const titles = await texts(popup, byTestId('item-title'));
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles).not.toContain(NSOB);
    await popup.click(byTestId('clear-filters'));
  });

  it('copies a citation and says so; the PDF link opens the publisher PDF', async () => {
    const row = await popup.waitForSelector(rowSelector(NSOB));
    await (await row!.$(byTestId('item-cite')))!.click();
    const toast = await until(
      () => popup.$eval(byTestId('toast'), (el) => el.textContent ?? ''),
      (text) => text.length > 0,
    );
    expect(toast).toContain('(2020)');
    const wrr = await popup.waitForSelector(rowSelector(titleOf('wrr-weerbare-democratie')));
    const href = await wrr!.$eval(byTestId('item-pdf'), (a) => [
      a.getAttribute('href'),
      a.getAttribute('target'),
    ]);
    expect(href[0]).toMatch(/^https:\/\/.+/);
    expect(href[1]).toBe('_blank');
  });

  it('hides a suggestion and brings it back with Undo', async () => {
    await popup.click(byTestId('tab-suggestions'));
    const first = await popup.waitForSelector(`${byTestId('suggestion')} .item-title`);
    const title = (await first!.evaluate((el) => el.textContent ?? '')).trim();
    expect(title.length).toBeGreaterThan(0);
    const listed = () => popup.$eval(byTestId('suggestions'), (el) => el.textContent ?? '');
    await popup.click(`${byTestId('suggestion')} ${byTestId('suggestion-dismiss')}`);
    await until(listed, (text) => !text.includes(title));
    expect(await popup.$eval(byTestId('toast'), (el) => el.textContent ?? '')).toContain(`Hidden: ${title}`);
    await popup.click(byTestId('toast-action'));
    expect(await until(listed, (text) => text.includes(title))).toContain(title);
  });
});
