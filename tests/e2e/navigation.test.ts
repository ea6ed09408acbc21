/**
 * The content script in the page, as a reader and as the page itself see it: it follows a
 * single-page app's in-page navigation (never keeping the first page's metadata), and it leaves
 * no trace the page could read: no message posted to the page's window, no change to its DOM,
 * no global of its own.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES_DIR } from '../../scripts/lib/fixture-server';
import { badgeOf, sessionForBlock } from './harness';

/** The extension APIs inside extension pages and the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const FIRST = 'nsob-leren-van-doen-dl';
const LISTING = 'neg-nsob-publicaties-overzicht';
const SECOND = 'nsob-strategisch-vermogen-gemeente';
const CONTACT = 'neg-scp-contact';

function source(slug: string): string {
  return readFileSync(join(FIXTURES_DIR, slug, 'source.html'), 'utf8');
}

/** What a single-page app does: a new address by pushState, then the new view's body. */
async function showInPage(page: Page, path: string, html: string): Promise<void> {
  await page.evaluate(
    ({ path, html }) => {
      history.pushState({}, '', path);
      // The new view's markup from a fixture; innerHTML runs none of its scripts. The head stays.
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    },
    { path, html },
  );
}

/**
 * Served before anything else in the page's head: records every message event on the page's
 * window and every DOM mutation from then on, and the globals the page started with.
 */
const RECORDER = `<script>
  (() => {
    const record = { messages: [], mutations: [], loaded: false, globals: Object.getOwnPropertyNames(window) };
    window.__pageRecord = record;
    addEventListener('message', (event) => {
      record.messages.push(JSON.stringify(event.data) ?? String(event.data));
    });
    new MutationObserver((changes) => {
      // The parser building the page before DOMContentLoaded is the page itself.
      if (!record.loaded) return;
      for (const change of changes) {
        record.mutations.push(change.type + ' ' + (change.attributeName ?? '') + ' on ' + change.target.nodeName);
      }
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('DOMContentLoaded', () => { record.loaded = true; });
  })();
</script>`;

interface PageRecord {
  messages: string[];
  mutations: string[];
  globals: string[];
}

async function pageRecord(page: Page): Promise<PageRecord> {
  // The mutation observer reports in a microtask: let it.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return page.evaluate(() => {
    const record = (window as unknown as { __pageRecord: PageRecord }).__pageRecord;
    return { messages: [...record.messages], mutations: [...record.mutations], globals: [...record.globals] };
  });
}

describe('navigation: single-page apps and what the page can see', () => {
  const session = sessionForBlock();

  it('files each view under its own address: saved view ✓, unsaved view +, contact view nothing; the popup shows the new view', async () => {
    const first = session.fixture(FIRST);
    const page = await session.browser.open(first.url);
    const tabId = await session.browser.tabId(page);
    expect(await badgeOf(session, tabId)).toBe('+');
    // The reader saves the first view.
    const saving = await session.browser.openPopup(tabId);
    await saving.getByTestId('save-button').click();
    await saving.getByTestId('saved-indicator').waitFor();
    await saving.close();
    expect(await badgeOf(session, tabId, (t) => t === '✓')).toBe('✓');

    // To another publication, not saved; canonical and og:url still name the first page. Chromium
    // keeps reporting the first address as the sender's: the check must still be filed under this one.
    const second = session.fixture(SECOND);
    await showInPage(page, new URL(second.url).pathname, source(SECOND));
    expect(await badgeOf(session, tabId, (t) => t !== '✓')).toBe('+');
    expect(
      await page.evaluate(() => document.querySelector('link[rel=canonical]')?.getAttribute('href')),
    ).toBe(first.url);
    const popup = await session.browser.openPopup(tabId);
    await expect
      .poll(() => popup.getByTestId('current-title').textContent())
      .toBe(second.expected.publication?.title);
    expect(await popup.getByTestId('saved-indicator').count()).toBe(0);
    // The second view reached the catalog under its own address.
    const catalog = (await popup.evaluate(() =>
      chrome.runtime.sendMessage({ leesmap: 1, type: 'page/catalog', payload: {} }),
    )) as { value: Array<{ title: string; url?: string }> };
    expect(catalog.value.find((entry) => entry.title === second.expected.publication?.title)?.url).toBe(
      second.url,
    );
    await popup.close();

    // To the contact page: nothing to show.
    await showInPage(page, '/contact', source(CONTACT));
    expect(await badgeOf(session, tabId, (t) => t !== '+')).toBe('');
  });

  it('clears the badge for a listing view after a publication', async () => {
    const page = await session.browser.open(session.fixture(SECOND).url);
    const tabId = await session.browser.tabId(page);
    expect(await badgeOf(session, tabId)).toBe('+');
    await showInPage(page, new URL(session.fixture(LISTING).url).pathname, source(LISTING));
    expect(await badgeOf(session, tabId, (t) => t !== '+')).toBe('');
  });

  it('ignores a jump within the page', async () => {
    const page = await session.browser.open(session.fixture(SECOND).url);
    const tabId = await session.browser.tabId(page);
    await badgeOf(session, tabId, (t) => t === '+');
    // Were the #fragment a new page, the listing body would clear the badge within a second.
    await page.evaluate((html) => {
      location.hash = 'samenvatting';
      document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    }, source(LISTING));
    await page.waitForTimeout(2_000);
    expect(await session.browser.badgeText(tabId)).toBe('+');
  });

  it('posts nothing to the page, changes nothing in its DOM and leaves no global on its window', async () => {
    const html = source(SECOND).replace(/<head([^>]*)>/i, (head) => `${head}${RECORDER}`);
    const url = session.server.addPage(
      'https://www.nsob.nl/publicaties/strategisch-vermogen-opgenomen',
      html,
    );
    const page = await session.browser.open(url);
    const tabId = await session.browser.tabId(page);
    expect(await badgeOf(session, tabId)).toBe('+');
    // The popup runs the full extractor in the tab too.
    const popup = await session.browser.openPopup(tabId);
    await expect
      .poll(() => popup.getByTestId('current-title').textContent())
      .toBe(session.fixture(SECOND).expected.publication?.title);
    await popup.close();

    const record = await pageRecord(page);
    expect(record.messages).toEqual([]);
    expect(record.mutations).toEqual([]);
    const globals = await page.evaluate(() => Object.getOwnPropertyNames(window));
    const added = globals.filter((name) => !record.globals.includes(name) && name !== '__pageRecord');
    expect(added.filter((name) => /leesmap|wxt|content/i.test(name))).toEqual([]);
    expect(added).toEqual([]);

    // The recorder itself works: it sees a message and a change made after the page loaded.
    await page.evaluate(() => {
      window.postMessage({ type: 'probe' }, '*');
      document.documentElement.setAttribute('data-probe', '1');
    });
    const probed = await pageRecord(page);
    expect(probed.messages).toEqual([JSON.stringify({ type: 'probe' })]);
    expect(probed.mutations).toEqual(['attributes data-probe on HTML']);
  });

  it('caused no console error from the extension', () => {
    const ours = session.errors.filter(
      (e) => e.source.startsWith('chrome-extension://') || /leesmap/i.test(e.text),
    );
    expect(ours).toEqual([]);
  });
});
