/**
 * Send to Zotero desktop, in Chromium with the built extension, against the conformance server of
 * tests/e2e/zotero-server.ts (not Zotero: it listens where Zotero does, 127.0.0.1:23119, and checks
 * every item against Zotero's schema).
 *
 * Zotero is off at first: over every sample page and a save, Leesmap makes no request to it. The
 * reader turns it on in the options; the browser's permission prompt is a native dialog Playwright
 * cannot reach, so this file runs a visible Chromium on its own Xvfb display and answers the prompt
 * with real key presses (xdotool). A missing Xvfb or xdotool is a failure, never a skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './harness';
import { allowPermissionPrompt, startDisplay } from './zotero-display';
import { startFakeZotero, type FakeZotero } from './zotero-server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const REFERENCE = 'nsob-leren-van-doen-dl';
const NSOB_MARKUPS = ['nsob-leren-van-doen-dl', 'nsob-leren-van-doen-headings', 'nsob-leren-van-doen-labels'];
const ENGLISH_REPORT = 'rand-public-workforce-ai';
const ZOTERO = 'http://127.0.0.1:23119';

describe('send to Zotero desktop', () => {
  let session: Session;
  let zotero: FakeZotero;
  let display: { name: string; xvfb: ChildProcess };

  beforeAll(async () => {
    display = await startDisplay();
    zotero = await startFakeZotero();
    session = await startSession({ headed: true, display: display.name });
    // A visible Chromium on a busy machine takes longer to start than the usual hook allows.
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await zotero?.close();
    display?.xvfb.kill();
  });

  /** Whether the context-menu item "Send page to Zotero" exists (updating a missing item fails). */
  async function zoteroMenuExists(): Promise<boolean> {
    const worker = await session.browser.serviceWorker();
    return worker.evaluate(() =>
      chrome.contextMenus.update('leesmap-send-to-zotero', {}).then(
        () => true,
        () => false,
      ),
    );
  }

  const zoteroRequestsByExtension = () =>
    session.requests.filter((r) => r.url.startsWith(ZOTERO) || r.url.startsWith('https://api.zotero.org'));

  /** Opens a fixture page and the popup over it, ready to send (once Zotero is on). */
  async function popupFor(slug: string, { zoteroOn = true } = {}): Promise<Page> {
    const page = await session.browser.open(session.fixture(slug).url);
    const popup = await session.browser.openPopup(await session.browser.tabId(page));
    await popup.getByTestId('current-title').waitFor();
    if (zoteroOn) await expect.poll(() => popup.getByTestId('popup-zotero-send').isEnabled()).toBe(true);
    return popup;
  }

  async function sendFromPopup(popup: Page): Promise<string> {
    await popup.getByTestId('popup-zotero-send').click();
    const status = popup.getByTestId('popup-zotero-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toMatch(/…$/);
    return (await status.textContent()) ?? '';
  }

  it('makes no request to Zotero while it is off, over every sample page and a save', async () => {
    for (const fixture of session.server.pages) {
      const page = await session.browser.open(fixture.url);
      await page.waitForTimeout(100);
      await page.close();
    }
    const popup = await popupFor(REFERENCE, { zoteroOn: false });
    // Off: no Zotero button takes the reading list's room.
    expect(await popup.getByTestId('popup-zotero-send').count()).toBe(0);
    await popup.getByTestId('save-button').click();
    await popup.getByTestId('saved-indicator').waitFor();
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    expect(await options.getByTestId('zotero-options-state').textContent()).toMatch(/^Off/);
    await popup.close();
    await options.close();
    expect(zotero.requests).toEqual([]);
    expect(zoteroRequestsByExtension()).toEqual([]);
    expect(await zoteroMenuExists()).toBe(false);
    // 47 pages in a visible Chromium: about 35 s on a quiet machine.
  }, 180_000);

  it("is turned on in the options, through the browser's permission prompt", async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.getByTestId('zotero-options-toggle').click();
    await options.waitForTimeout(1_500);
    allowPermissionPrompt(display.name);
    await expect.poll(() => options.getByTestId('zotero-options-state').textContent()).toMatch(/^On/);
    expect(await options.getByTestId('zotero-options-hosts').textContent()).toBe(ZOTERO);
    await options.close();
    expect(zotero.requests).toEqual([]);
    // The context menu offers "Send page to Zotero" from now on.
    await expect.poll(zoteroMenuExists).toBe(true);
  });

  it('sends the reference page as one report item whose every field is right', async () => {
    const popup = await popupFor(REFERENCE);
    const before = zotero.items.length;
    expect(await sendFromPopup(popup)).toMatch(/Sent to Zotero: 1|Naar Zotero gestuurd: 1/);
    expect(zotero.items.length - before).toBe(1);
    const { item, problems, uri } = zotero.items.at(-1)!;
    expect(problems).toEqual([]);
    expect(uri).toBe('https://www.nsob.nl/publicaties/leren-van-doen');
    expect(item).toMatchObject({
      itemType: 'report',
      title: 'Leren van doen: Ervaringen met samenwerken in het IBP',
      shortTitle: 'Leren van doen',
      institution: 'NSOB',
      reportType: 'Essay',
      date: '2020',
      language: 'nl',
      url: 'https://www.nsob.nl/publicaties/leren-van-doen',
      creators: [
        { creatorType: 'author', firstName: 'Martijn', lastName: 'van der Steen' },
        { creatorType: 'author', firstName: 'Myrthe', lastName: 'van Delden' },
        { creatorType: 'author', firstName: 'Petra', lastName: 'Ophoff' },
      ],
    });
    expect(item.tags).toContainEqual({ tag: 'Sturen in netwerken', type: 1 });
    expect(String(item.abstractNote)).toMatch(/^Sinds februari 2018 wordt er samengewerkt/);
    expect(String(item.accessDate)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The record was saved in the first test: the reader's status travels as a tag.
    expect(item.tags).toContainEqual({ tag: 'leesmap:te-lezen' });
    for (const request of zotero.requests) {
      expect(request.apiVersion).toBe('3');
      expect(request.allowed).toBe('1');
    }
    await popup.close();
  });

  it('gives valid report items for the three NSOB markups and an English report', async () => {
    for (const slug of [...NSOB_MARKUPS, ENGLISH_REPORT]) {
      const popup = await popupFor(slug);
      expect(await sendFromPopup(popup), slug).toMatch(/: 1\./);
      const { item, problems } = zotero.items.at(-1)!;
      expect(problems, slug).toEqual([]);
      expect(item.itemType, slug).toBe('report');
      const expected = session.fixture(slug).expected.publication!;
      expect(item.institution, slug).toBe(expected.publisher);
      expect(item.shortTitle ?? item.title, slug).toBe(expected.title);
      expect((item.creators as unknown[]).length, slug).toBe((expected.authors as string[]).length);
      await popup.close();
    }
    // The RAND report has a PDF, but the reader did not tick "Attach the PDF".
    expect(zotero.attachments).toEqual([]);
  });

  it("attaches the PDF, fetched from the publisher's host, only when the reader ticks it", async () => {
    const expected = session.fixture(ENGLISH_REPORT).expected.publication!;
    const pdf = `%PDF-1.7\n% Leesmap test PDF for ${String(expected.title)}\n%%EOF\n`;
    session.server.addPage(String(expected.pdfUrl), pdf);
    const popup = await popupFor(ENGLISH_REPORT);
    const before = zotero.attachments.length;
    await popup.getByTestId('popup-zotero-pdf').check();
    expect(await sendFromPopup(popup)).toMatch(/PDFs attached: 1|PDF's bijgevoegd: 1/);
    expect(zotero.attachments.length - before).toBe(1);
    const attachment = zotero.attachments.at(-1)!;
    const parent = zotero.items.at(-1)!;
    expect(attachment.bytes.toString('latin1')).toBe(pdf);
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.url).toBe(expected.pdfUrl);
    expect(attachment.sessionID).toBe(parent.sessionID);
    expect(attachment.parentItemID).toBe(parent.item.id);
    await popup.close();
  });

  it('tells the reader when the library is read-only, a session exists, or Zotero is not running', async () => {
    const popup = await popupFor(REFERENCE);
    zotero.mode = 'read-only';
    expect(await sendFromPopup(popup)).toMatch(/read-only|alleen-lezen/);
    zotero.mode = 'session-exists';
    expect(await sendFromPopup(popup)).toMatch(/still busy|nog bezig/);
    zotero.mode = 'ok';
    await zotero.stop();
    expect(await sendFromPopup(popup)).toMatch(/not running|draait niet/);
    expect(await popup.getByRole('alert').count()).toBe(1);
    await zotero.start();
    expect(await sendFromPopup(popup)).toMatch(/: 1\./);
    await popup.close();
  });

  it('sends the selection, or the whole list, from the library', async () => {
    // Save a second record so the list has two.
    const popup = await popupFor(ENGLISH_REPORT);
    await popup.getByTestId('save-button').click();
    await popup.getByTestId('saved-indicator').waitFor();
    await popup.close();
    const library = await session.browser.context.newPage();
    await library.goto(`chrome-extension://${session.browser.extensionId}/library.html`);
    await library.getByTestId('list-item').first().waitFor();
    let before = zotero.items.length;
    await library.getByTestId('library-zotero-send').click();
    await expect.poll(() => library.getByTestId('library-zotero-status').textContent()).toMatch(/: 2\./);
    expect(zotero.items.length - before).toBe(2);
    expect(zotero.items.slice(-2).map((i) => i.problems)).toEqual([[], []]);
    // One selected: only that one goes.
    const rand = library
      .getByTestId('list-item')
      .filter({ hasText: String(session.fixture(ENGLISH_REPORT).expected.publication!.title) });
    await rand.getByTestId('item-select').check();
    await expect.poll(() => library.getByTestId('library-zotero-send').textContent()).toMatch(/1/);
    before = zotero.items.length;
    await library.getByTestId('library-zotero-send').click();
    await expect.poll(() => library.getByTestId('library-zotero-status').textContent()).toMatch(/: 1\./);
    expect(zotero.items.length - before).toBe(1);
    expect(zotero.items.at(-1)!.item.institution).toBe('RAND Corporation');
    await library.close();
  });

  it("with Zotero on, reached only Zotero and the PDF's publisher host", () => {
    const hosts = new Set(
      session.requests
        .filter((r) => r.fromExtension && !/^(chrome-extension|data|blob):/.test(r.url))
        .map((r) => new URL(r.url).host),
    );
    expect([...hosts].sort()).toEqual([
      '127.0.0.1:23119',
      new URL(String(session.fixture(ENGLISH_REPORT).expected.publication!.pdfUrl)).host,
    ]);
    expect(zotero.items.every((i) => i.problems.length === 0)).toBe(true);
  });
});
