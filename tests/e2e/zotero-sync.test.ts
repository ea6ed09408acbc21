/**
 * Sync through a Zotero group library, in Chromium with the built extension: two browser profiles
 * (two persistent contexts) and one conformance server for the Web API (tests/e2e/zotero-webapi-server.ts,
 * NOT Zotero: it keeps the library in memory and checks every item against Zotero's schema). The
 * extension's requests to https://api.zotero.org are routed into it by Playwright; a server that
 * is "down" aborts them as a lost connection would.
 *
 * Before the reader turns sync on, no request reaches api.zotero.org. Then: a save in one profile
 * appears in the other after a sync; the status edited in one and the tags in the other both
 * survive; the server answers 412 (someone else wrote), then `Backoff: 5`, then goes down mid-sync:
 * nothing is lost, the options and the popup say what happened, and the queue drains when it is
 * back. The library says who added what the other profile put there; a record deleted in one
 * profile goes to Zotero's trash, then leaves the other; "Remove API key" forgets the links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { Page, Route } from 'playwright-core';
import type { SavedPublication } from '@/utils/record';
import { saveFromPopup, sendMessage, startSession, type Session } from './harness';
import { allowPermissionPrompt, startDisplay } from './zotero-display';
import { startFakeWebApi, type FakeWebApi } from './zotero-webapi-server';

const REFERENCE = 'nsob-leren-van-doen-dl';
const LIBRARY = 'groups/4711';
const API = 'https://api.zotero.org';

interface Profile {
  name: string;
  session: Session;
  options: Page;
  /** When each request reached the server, for the Backoff check. */
  times: Array<{ method: string; at: number }>;
}

/** Routes the profile's requests to api.zotero.org into the conformance server. */
function routeToServer(server: FakeWebApi, profile: Profile) {
  return async (route: Route) => {
    const request = route.request();
    profile.times.push({ method: request.method(), at: Date.now() });
    try {
      const response = await server.fetch(request.url(), {
        method: request.method(),
        headers: request.headers(),
        body: request.postData() ?? undefined,
      });
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    } catch {
      await route.abort('internetdisconnected');
    }
  };
}

async function openOptions(session: Session): Promise<Page> {
  const options = await session.browser.context.newPage();
  await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  await options.getByTestId('zotero-sync-state').waitFor();
  return options;
}

const list = async (profile: Profile) =>
  ((await sendMessage(profile.options, 'page/list', {})).value ?? []) as SavedPublication[];
const recordIn = async (profile: Profile, id: string) => (await list(profile)).find((r) => r.id === id);
const stateText = (profile: Profile) => profile.options.getByTestId('zotero-sync-state').textContent();
const pendingText = (profile: Profile) => profile.options.getByTestId('zotero-sync-pending').textContent();

async function syncNow(profile: Profile): Promise<void> {
  const requests = profile.times.length;
  await profile.options.getByTestId('zotero-sync-now').click();
  await expect.poll(() => profile.times.length, { timeout: 15_000 }).toBeGreaterThan(requests);
  await expect.poll(() => stateText(profile), { timeout: 30_000 }).toMatch(/^Connected|^Verbonden/);
}

describe('sync through a Zotero group library, two browser profiles', () => {
  let display: { name: string; xvfb: ChildProcess };
  let server: FakeWebApi;
  const profiles: Profile[] = [];

  beforeAll(async () => {
    display = await startDisplay();
    server = startFakeWebApi([`${LIBRARY}/LEESMAP1`]);
    for (const name of ['anna', 'bert']) {
      server.keys.set(`key-${name}`, name);
      const session = await startSession({ headed: true, display: display.name });
      const profile: Profile = { name, session, options: undefined as unknown as Page, times: [] };
      await session.browser.context.route(`${API}/**`, routeToServer(server, profile));
      profiles.push(profile);
    }
  }, 240_000);
  afterAll(async () => {
    for (const profile of profiles) await profile.session.close();
    display?.xvfb.kill();
  });

  const apiRequests = (profile: Profile) => profile.session.requests.filter((r) => r.url.startsWith(API));

  it('makes no request to api.zotero.org before the reader turns sync on, over a save and the options', async () => {
    const [anna] = profiles;
    const { popup } = await saveFromPopup(anna.session, REFERENCE);
    await popup.close();
    anna.options = await openOptions(anna.session);
    expect(await stateText(anna)).toMatch(/^Off|^Uit/);
    expect(await anna.options.getByTestId('zotero-sync-hosts').textContent()).toMatch(/^(none|geen)$/);
    await anna.options.waitForTimeout(2_000);
    expect(apiRequests(anna)).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it('is turned on in both profiles: key, permission prompt, group library and collection', async () => {
    for (const profile of profiles) {
      profile.options ??= await openOptions(profile.session);
      await profile.options.getByTestId('zotero-sync-key').fill(`key-${profile.name}`);
      await profile.options.getByTestId('zotero-sync-connect').click();
      await profile.options.waitForTimeout(1_500);
      allowPermissionPrompt(display.name);
      const library = profile.options.getByTestId('zotero-sync-library');
      await library.waitFor({ timeout: 15_000 });
      // The key's own library comes first, then its groups.
      await library.selectOption({ index: 1 });
      const collection = profile.options.getByTestId('zotero-sync-collection');
      await expect.poll(() => collection.inputValue(), { timeout: 15_000 }).toBe('LEESMAP1');
      await profile.options.getByTestId('zotero-sync-use').click();
      await expect.poll(() => stateText(profile), { timeout: 15_000 }).toMatch(/Dossier IBP \/ Leesmap/);
      expect(await profile.options.getByTestId('zotero-sync-hosts').textContent()).toBe(API);
    }
  }, 120_000);

  it('a save in one profile appears in the other after a sync, with who added it', async () => {
    const [anna, bert] = profiles;
    // Turning sync on syncs: anna's saved record goes to the group library.
    await expect.poll(() => server.library(LIBRARY).items.size, { timeout: 30_000 }).toBeGreaterThan(0);
    const [annas] = await list(anna);
    await syncNow(bert);
    await expect
      .poll(async () => (await recordIn(bert, annas.id))?.title, { timeout: 15_000 })
      .toBe(annas.title);
    expect(await bert.options.getByTestId('zotero-sync-added').textContent()).toMatch(/anna/);
    // The library says it on the item itself.
    const library = await bert.session.browser.context.newPage();
    await library.goto(`chrome-extension://${bert.session.browser.extensionId}/library.html`);
    await expect
      .poll(() => library.getByTestId('item-added-by').first().textContent(), { timeout: 15_000 })
      .toMatch(/^(added by|toegevoegd door) anna$/);
    await library.close();
    expect(server.problems).toEqual([]);
  }, 60_000);

  it('status edited in one profile, tags in the other: both survive, through 412, Backoff: 5 and an outage', async () => {
    const [anna, bert] = profiles;
    const [record] = await list(anna);
    await sendMessage(anna.options, 'page/update', { id: record.id, changes: { status: 'read' } });
    // The edit alone syncs (debounced): the status reaches the library.
    const inLibrary = (tag: string) =>
      [...server.library(LIBRARY).items.values()].some((i) => JSON.stringify(i.data.tags).includes(tag));
    await expect.poll(() => inLibrary('leesmap:gelezen'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => pendingText(anna), { timeout: 15_000 }).toMatch(/: 0$/);
    // Bert's next sync: the answer to its pull says Backoff: 5; someone else writes to the library
    // just after that pull (bert's write is stale: 412); the server goes down at bert's second
    // write, mid-sync.
    server.backoffOnce = 5;
    let posts = 0;
    let touched = false;
    const fetch = server.fetch;
    server.fetch = async (url, init) => {
      if (init?.method === 'POST' && ++posts === 2) server.down = true;
      const response = await fetch(url, init);
      if (!touched && init?.method !== 'POST') server.touch(LIBRARY);
      touched = true;
      return response;
    };
    const from = bert.times.length;
    await sendMessage(bert.options, 'page/update', {
      id: record.id,
      changes: { tags: [...record.tags, 'dossier-ibp'] },
    });
    // The edit alone starts a sync (debounced); the reader sees it could not reach Zotero.
    const problem = bert.options.getByTestId('zotero-sync-problem');
    await expect.poll(() => problem.count(), { timeout: 60_000 }).toBe(1);
    expect(await problem.textContent()).toMatch(/could not be reached|niet bereikbaar/);
    expect(await pendingText(bert)).toMatch(/: 1$/);
    // The popup says it too, and leads to the options.
    const popup = await bert.session.browser.context.newPage();
    await popup.goto(`chrome-extension://${bert.session.browser.extensionId}/popup.html`);
    const notice = popup.getByTestId('zotero-sync-notice');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/could not be reached|niet bereikbaar/);
    expect(await notice.textContent()).toMatch(/: 1/);
    await popup.close();
    // Each pull asks for the items changed, then for the items deleted, since bert's version.
    const seen = bert.times.slice(from).map((t) => t.method);
    expect(seen.slice(0, 6)).toEqual(['GET', 'GET', 'POST', 'GET', 'GET', 'POST']);
    // The answer to the first GET carried Backoff: 5; the next request waited 5 s.
    const [get, next] = bert.times.slice(from);
    expect(next.at - get.at).toBeGreaterThanOrEqual(4_900);
    // Back up: the queue drains.
    server.down = false;
    server.fetch = fetch;
    await syncNow(bert);
    await expect.poll(() => pendingText(bert), { timeout: 30_000 }).toMatch(/: 0$/);
    await expect.poll(() => inLibrary('dossier-ibp'), { timeout: 30_000 }).toBe(true);
    await syncNow(anna);
    for (const profile of profiles) {
      const got = () => recordIn(profile, record.id);
      await expect.poll(async () => (await got())?.tags, { timeout: 30_000 }).toContain('dossier-ibp');
      expect((await got())?.status, profile.name).toBe('read');
    }
    expect(server.problems).toEqual([]);
  }, 120_000);

  it("a record deleted in one profile goes to Zotero's trash, then leaves the other", async () => {
    const [anna, bert] = profiles;
    const [record] = await list(anna);
    await sendMessage(anna.options, 'page/delete', { ids: [record.id] });
    // The deletion alone syncs (debounced): the item moves to the trash, nothing is deleted for good.
    const items = () => [...server.library(LIBRARY).items.values()].filter((i) => i.data.itemType !== 'note');
    await expect.poll(() => items().filter((i) => i.data.deleted !== 1).length, { timeout: 30_000 }).toBe(0);
    expect(items()).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    await syncNow(bert);
    await expect.poll(async () => (await recordIn(bert, record.id))?.id, { timeout: 15_000 }).toBeUndefined();
    await expect.poll(() => pendingText(bert), { timeout: 15_000 }).toMatch(/: 0$/);
    expect(server.problems).toEqual([]);
  }, 60_000);

  it('"Remove API key" forgets the links; the records stay', async () => {
    const [, bert] = profiles;
    // The rows of the links store, read in the options page (the extension's own origin).
    const links = () =>
      bert.options.evaluate(async () => {
        const done = <T>(request: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        const db = await done(indexedDB.open('leesmap'));
        const rows = await done(db.transaction('zotero').objectStore('zotero').count());
        db.close();
        return rows;
      });
    expect(await links()).toBeGreaterThan(0);
    const records = (await list(bert)).length;
    await bert.options.getByTestId('zotero-sync-forget').click();
    await expect.poll(links, { timeout: 15_000 }).toBe(0);
    expect(await list(bert)).toHaveLength(records);
  }, 60_000);

  it('with sync on, the extension reached only api.zotero.org', () => {
    for (const profile of profiles) {
      const hosts = new Set(
        profile.session.requests
          .filter((r) => r.fromExtension && !/^(chrome-extension|data|blob):/.test(r.url))
          .map((r) => new URL(r.url).host),
      );
      expect([...hosts], profile.name).toEqual(['api.zotero.org']);
    }
  });
});
