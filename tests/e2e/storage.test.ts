/**
 * The reading list keeps everything, in Chromium with the built extension: twenty tabs saving at
 * once give exactly the distinct publications; a browser restart keeps them; a service worker
 * stopped in the middle of a burst of saves loses none that it had confirmed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publisherForHost } from '@/utils/publishers';
import { FIXTURES_DIR } from '../../scripts/lib/fixture-server';
import { sessionForBlock, waitFor, type FixturePage, type Session } from './harness';

interface Reply<T = unknown> {
  ok: boolean;
  value?: T;
  error?: string;
}
interface Listed {
  id: string;
  url: string;
  title: string;
  year?: number;
}

/** Sends a protocol message from an extension page, as the popup does. */
function send<T>(page: Page, type: string, payload: unknown): Promise<Reply<T>> {
  return page.evaluate(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ([type, payload]) => (globalThis as any).chrome.runtime.sendMessage({ leesmap: 1, type, payload }),
    [type, payload] as const,
  ) as Promise<Reply<T>>;
}

async function extensionPage(session: Session): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
  return page;
}

async function list(page: Page): Promise<Listed[]> {
  const reply = await send<Listed[]>(page, 'page/list', {});
  if (!reply.ok) throw new Error(`page/list failed: ${reply.error}`);
  return reply.value ?? [];
}

/** Publications a reader would call the same: same title and year (the three NSOB markups). */
function distinctPublications(pages: FixturePage[]): number {
  const fold = (s: unknown) =>
    String(s ?? '')
      .toLowerCase()
      .replace(/\W+/g, ' ')
      .trim();
  return new Set(pages.map((p) => `${fold(p.expected.publication?.title)}|${p.expected.publication?.year}`))
    .size;
}

describe('storage in the browser: concurrent saves, restarts, a stopped service worker', () => {
  const session = sessionForBlock();

  let distinct = 0;
  let savedIds: string[] = [];

  it('saving from 20 tabs at once gives exactly the distinct publications', async () => {
    // Pages of listed Dutch publishers: Leesmap runs there without asking, they load over plain
    // http on the fixture server (some .org hosts are on Chromium's HTTPS-only preload list), and
    // they include the three NSOB markups of one essay.
    const detected = session.server.pages.filter((p) => {
      const host = new URL(p.url).hostname;
      return p.expected.detected && p.expected.publication && host.endsWith('.nl') && publisherForHost(host);
    });
    expect(detected.length).toBeGreaterThanOrEqual(5);
    // 20 tabs: every fixture once, then the same pages again under tracking-parameter variants.
    const urls: string[] = [];
    const used: FixturePage[] = [];
    for (let i = 0; urls.length < 20; i++) {
      const fixture = detected[i % detected.length];
      used.push(fixture);
      if (i < detected.length) urls.push(fixture.url);
      else {
        const html = readFileSync(join(FIXTURES_DIR, fixture.slug, 'source.html'), 'utf8');
        const sep = fixture.url.includes('?') ? '&' : '?';
        urls.push(
          session.server.addPage(`${fixture.url}${sep}utm_source=nieuwsbrief&utm_medium=tab${i}`, html),
        );
      }
    }
    distinct = distinctPublications(used);

    const tabs = await Promise.all(urls.map((url) => session.browser.open(url)));
    const tabIds = await Promise.all(tabs.map((tab) => session.browser.tabId(tab)));
    const page = await extensionPage(session);

    // Each tab: ask for its publication (extracting as the popup does), then save, all at once.
    const replies = await Promise.all(
      tabIds.map(async (tabId) => {
        const state = await send<{ extraction?: { publication?: unknown } }>(page, 'page/tab-state', {
          tabId,
          extract: true,
        });
        if (!state.ok || !state.value?.extraction?.publication)
          return { ok: false, error: `no publication in tab ${tabId}` };
        return send<Listed>(page, 'page/save', { publication: state.value.extraction.publication });
      }),
    );
    expect(replies.filter((r) => !r.ok)).toEqual([]);

    const saved = await list(page);
    expect(saved).toHaveLength(distinct);
    expect(new Set(saved.map((r) => r.id)).size).toBe(distinct);
    savedIds = saved.map((r) => r.id).sort();
    // Every tab's save answered with a record that is in the list.
    const ids = new Set(saved.map((r) => r.id));
    for (const reply of replies) expect(ids.has((reply as Reply<Listed>).value!.id)).toBe(true);
    await Promise.all(tabs.map((tab) => tab.close()));
    await page.close();
  });

  it('after restarting the browser profile, all are still there', async () => {
    await session.restart();
    const page = await extensionPage(session);
    const after = await list(page);
    expect(after).toHaveLength(distinct);
    expect(after.map((r) => r.id).sort()).toEqual(savedIds);
    await page.close();
  });

  it('stopping the service worker in the middle of a burst of saves loses no confirmed save', async () => {
    const page = await extensionPage(session);
    const before = (await list(page)).length;
    const burst = 60;
    // The page fires saves one after another, without waiting, and records which were confirmed.
    await page.evaluate((count: number) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const w = globalThis as any;
      w.confirmed = [] as string[];
      w.failed = 0;
      w.settled = 0;
      for (let i = 0; i < count; i++) {
        setTimeout(() => {
          const publication = {
            url: `http://www.nsob.nl/burst/${i}`,
            title: `Burst ${i}`,
            authors: [],
            themes: ['Burst'],
            keywords: [],
            related: [],
          };
          w.chrome.runtime
            .sendMessage({ leesmap: 1, type: 'page/save', payload: { publication } })
            .then(
              (reply: Reply<Listed>) => (reply?.ok ? w.confirmed.push(reply.value!.url) : w.failed++),
              () => w.failed++,
            )
            .finally(() => w.settled++);
        }, i * 15);
      }
    }, burst);

    // Stop the worker once part of the burst is confirmed.
    await waitFor(
      () => page.evaluate(() => (globalThis as { confirmed?: string[] }).confirmed?.length ?? 0),
      (n) => n >= 10,
    );
    // Mark the running worker, then stop it the way the browser does when it idles the worker out
    // (DevTools protocol: close the service worker's target).
    await (
      await session.browser.serviceWorker()
    ).evaluate(() => {
      (globalThis as { leesmapTestMarker?: string }).leesmapTestMarker = 'before-stop';
    });
    const cdp = await session.browser.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.includes(session.browser.extensionId),
    );
    expect(target, 'the extension service worker is running').toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    const stoppedAfter = await page.evaluate(
      () => (globalThis as { confirmed?: string[] }).confirmed?.length ?? 0,
    );

    await waitFor(
      () => page.evaluate(() => (globalThis as { settled?: number }).settled ?? 0),
      (n) => n >= burst,
      30_000,
    );
    const confirmed = await page.evaluate(() => (globalThis as { confirmed?: string[] }).confirmed ?? []);
    const failed = await page.evaluate(() => (globalThis as { failed?: number }).failed ?? 0);
    // The worker that answers now is a new one: the stop really happened.
    const marker = await (
      await session.browser.serviceWorker()
    ).evaluate(() => (globalThis as { leesmapTestMarker?: string }).leesmapTestMarker ?? 'restarted');
    expect(marker).toBe('restarted');
    console.log(
      `burst: ${confirmed.length} confirmed, ${failed} failed, worker stopped after ${stoppedAfter}`,
    );
    expect(stoppedAfter).toBeLessThan(burst); // the stop really fell inside the burst

    const saved = await list(page);
    const urls = new Set(saved.map((r) => r.url));
    const lost = confirmed.filter((url) => !urls.has(url));
    expect(lost).toEqual([]);
    // The worker came back for the rest of the burst, and nothing was saved twice.
    expect(confirmed.length).toBeGreaterThan(stoppedAfter);
    expect(saved.length - before).toBe(saved.filter((r) => r.title.startsWith('Burst ')).length);
    expect(saved.filter((r) => r.title.startsWith('Burst ')).length).toBeLessThanOrEqual(burst);
    await page.close();
  });
});
