/**
 * The first path through Leesmap, as a reader takes it: visit a publication page, see the badge,
 * save it from the popup, find it in the list, and find it again after restarting the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FIXTURES_DIR } from '../../scripts/lib/fixture-server';
import { badgeOf, fixtureHosts, startSession, waitFor, type Session } from './harness';

const REFERENCE = 'nsob-leren-van-doen-dl';

/** The extension APIs inside the service worker (code passed to `evaluate` runs there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

interface TabStateSeen {
  firstCheck?: { ruledOut: boolean };
  extraction?: { detected: boolean; publication?: { title: string } };
  timings?: { handedOff?: boolean };
}

describe('foundation: detect, save, list, keep', () => {
  let session: Session;

  /** What the background keeps for a tab (storage.session): the first check and the extraction. */
  async function tabState(tabId: number): Promise<TabStateSeen | undefined> {
    const worker = await session.browser.serviceWorker();
    return worker.evaluate(
      async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`],
      tabId,
    );
  }
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks a publication page as detected in the toolbar', async () => {
    const page = await session.browser.open(session.fixture(REFERENCE).url);
    const tabId = await session.browser.tabId(page);
    expect(await badgeOf(session, tabId)).toBe('+');
    // extractor.js read the record under the verdict full-check.js left in the isolated world,
    // without checking the page again.
    const state = await waitFor(
      () => tabState(tabId),
      (s) => s?.timings?.handedOff !== undefined,
    );
    expect(state?.timings?.handedOff).toBe(true);
    expect(state?.extraction?.publication?.title).toBeTruthy();
  });

  it('shows nothing on pages that are not publications, whichever step tells', async () => {
    // A theme hub, ruled out by the content script's first check (its address and JSON-LD type):
    // full-check.js never runs there. A news overview at an address that says nothing:
    // full-check.js runs, and its full check (dated items in a list) keeps the badge empty.
    for (const [slug, fullCheckRuns] of [
      ['neg-brookings-topic-hub', false],
      ['neg-cpb-nieuws', true],
    ] as const) {
      const page = await session.browser.open(session.fixture(slug).url);
      const tabId = await session.browser.tabId(page);
      const state = await waitFor(
        () => tabState(tabId),
        (s) => s?.firstCheck !== undefined && (s.firstCheck.ruledOut || s.extraction !== undefined),
      );
      expect(state?.firstCheck?.ruledOut, slug).toBe(!fullCheckRuns);
      expect(state?.extraction !== undefined, slug).toBe(fullCheckRuns);
      // Give the background time to (not) set a badge.
      await page.waitForTimeout(500);
      expect(await session.browser.badgeText(tabId), slug).toBe('');
    }
  });

  it('saves the page from the popup and lists it with title, authors and year', async () => {
    const page = await session.browser.open(session.fixture(REFERENCE).url);
    const tabId = await session.browser.tabId(page);
    await badgeOf(session, tabId, (t) => t === '+');

    const popup = await session.browser.openPopup(tabId);
    await expect.poll(() => popup.getByTestId('current-title').textContent()).toBe('Leren van doen');
    await popup.getByTestId('save-button').click();
    await popup.getByTestId('saved-indicator').waitFor();

    const item = popup.getByTestId('list-item').filter({ hasText: 'Leren van doen' });
    await item.waitFor();
    expect(await item.getByTestId('item-title').textContent()).toBe('Leren van doen');
    const authors = await item.getByTestId('item-authors').textContent();
    for (const name of ['Martijn van der Steen', 'Myrthe van Delden', 'Petra Ophoff'])
      expect(authors).toContain(name);
    expect(await item.getByTestId('item-year').textContent()).toContain('2020');
    expect(await badgeOf(session, tabId, (t) => t === '✓')).toBe('✓');
  });

  it('still has the record after the browser restarts', async () => {
    await session.restart();
    const popup = await session.browser.openPopup();
    const item = popup.getByTestId('list-item').filter({ hasText: 'Leren van doen' });
    await item.waitFor();
    expect(await item.count()).toBe(1);
  });

  it('caused no console error on the pages it ran on, nor in its own pages', async () => {
    // Every fixture page, publication or not: the content script runs on all of them (about 25 s
    // here; the timeout leaves room for a slower machine).
    for (const fixture of session.server.pages) {
      const page = await session.browser.open(fixture.url);
      await page.waitForTimeout(150);
      await page.close();
    }
    const ours = session.errors.filter(
      (e) => e.source.startsWith('chrome-extension://') || /leesmap/i.test(e.text),
    );
    expect(ours).toEqual([]);
  }, 180_000);

  it('made no network request of its own', () => {
    // Every host name is mapped to the local server, so nothing could leave the machine; what is
    // checked here is that Leesmap itself asks for nothing beyond its own files.
    const hosts = fixtureHosts(session.server);
    expect(session.server.requests.filter((r) => !hosts.has(r.host))).toEqual([]);
    const byExtension = session.requests.filter(
      (r) => r.fromExtension && !/^(chrome-extension|data|blob):/.test(r.url),
    );
    expect(byExtension).toEqual([]);
    // Pages asked only for their own addresses or what their markup names.
    const sources = session.server.pages
      .map((p) => readFileSync(`${FIXTURES_DIR}${p.slug}/source.html`, 'utf8'))
      .join('\n');
    const byPages = session.requests.filter(
      (r) =>
        !r.fromExtension &&
        !r.url.startsWith('chrome-extension://') &&
        !hosts.has(new URL(r.url).hostname) &&
        !sources.includes(r.url.replace(/&/g, '&amp;')) &&
        !sources.includes(r.url),
    );
    expect(byPages).toEqual([]);
    expect(session.requests.some((r) => !r.fromExtension)).toBe(true);
  });
});
