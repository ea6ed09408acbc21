/**
 * BibTeX and RIS out of and back into the reading list, in Chromium with the built extension: two
 * fixture publications saved from the popup, one retitled in the library with braces (and a line
 * break, as the edit message carries it), exported as BibTeX and RIS (whole list and a selection),
 * the list deleted, the BibTeX file imported, and the records found back. A file with a bad entry
 * is refused with its problem shown and changes nothing. No request leaves the extension.
 *
 * LEESMAP_EXTENSION_DIR may point at another build of the extension (default .output/chrome-mv3).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionDir,
  OTHER,
  REFERENCE,
  saveFromPopup,
  sendMessage,
  seriousViolations,
  startSession,
  waitFor,
  type Session,
} from './harness';

/** Typed in the edit dialog: BibTeX's specials. */
const EDITED_TITLE = 'Weerbare democratie {editie 2} \\ 50% }';
/** Stored through the edit message (a text field cannot hold a line break): would start a new entry / end a RIS record. */
const HOSTILE_TITLE = `${EDITED_TITLE}\n@misc{x, title={y}}\r\nER  - \nTY  - JOUR`;
/** How the hostile title reads back: every value is one line. */
const HOSTILE_READ_BACK = `${EDITED_TITLE} @misc{x, title={y}} ER - TY - JOUR`;

interface Stored {
  id: string;
  title: string;
  subtitle?: string;
  url: string;
  authors: string[];
  year?: number;
}

async function storedList(page: Page): Promise<Stored[]> {
  const reply = await sendMessage(page, 'page/list', {});
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Stored[];
}

async function saveAndClose(session: Session, slug: string): Promise<void> {
  const { page, popup } = await saveFromPopup(session, slug);
  await popup.close();
  await page.close();
}

async function exportAs(library: Page, format: 'bibtex' | 'ris'): Promise<{ name: string; content: string }> {
  await library.getByTestId('export-format').selectOption(format);
  const [download] = await Promise.all([
    library.waitForEvent('download'),
    library.getByTestId('export-button').click(),
  ]);
  return { name: download.suggestedFilename(), content: readFileSync((await download.path())!, 'utf8') };
}

describe('BibTeX and RIS export and import in the library', () => {
  let session: Session;
  let library: Page;
  let bibtex: { name: string; content: string };
  /** The titles a BibTeX file carries (biblatex has a subtitle field: titles come back as stored). */
  let bibtexTitles: string[];

  beforeAll(async () => {
    session = await startSession({ lang: 'en', colorScheme: 'light', extensionDir });
    await saveAndClose(session, REFERENCE);
    await saveAndClose(session, OTHER);
    library = await session.browser.context.newPage();
    library.on('dialog', (dialog) => void dialog.accept());
    await library.goto(`chrome-extension://${session.browser.extensionId}/library.html`);
    await waitFor(
      () => library.getByTestId('list-item').count(),
      (n) => n === 2,
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('retitles a publication with braces and a line break, stored as one line', async () => {
    const item = library.getByTestId('list-item').filter({ hasText: 'Weerbare democratie' });
    await item.getByTestId('item-edit').click();
    await library.getByTestId('edit-title').fill(EDITED_TITLE);
    await library.getByTestId('edit-submit').click();
    await library.getByTestId('item-title').filter({ hasText: EDITED_TITLE }).waitFor();

    const other = (await storedList(library)).find((r) => r.title === EDITED_TITLE)!;
    const reply = await sendMessage(library, 'page/update', {
      id: other.id,
      changes: { title: HOSTILE_TITLE },
    });
    expect(reply.ok, reply.error).toBe(true);
    // Records hold single-line text on every way in (utils/sanitize.ts): the line breaks become spaces.
    await expect
      .poll(async () => (await storedList(library)).map((r) => r.title).sort())
      .toEqual(['Leren van doen', HOSTILE_READ_BACK]);
    bibtexTitles = (await storedList(library)).map((r) => r.title);
  });

  it('exports the whole list as BibTeX: one entry per publication, every title inside its entry', async () => {
    bibtex = await exportAs(library, 'bibtex');
    expect(bibtex.name).toMatch(/^leesmap-\d{4}-\d{2}-\d{2}\.bib$/);
    expect(bibtex.content.match(/^@\w+\{/gm)).toHaveLength(2);
    // biblatex keeps the subtitle apart, so a reference manager and a re-import keep it apart too.
    expect(bibtex.content).toMatch(/^ {2}title = \{Leren van doen\},?$/m);
    expect(bibtex.content).toMatch(/^ {2}subtitle = \{Ervaringen/m);
    expect(bibtex.content).toContain('Weerbare democratie');
    // The hostile title's "@misc{" is escaped inside the value, never at the start of a line.
    expect(bibtex.content).not.toMatch(/^@misc\{x/m);
    expect(await library.getByTestId('export-status').textContent()).toBe('Exported 2 publications');
  });

  it('exports the whole list as RIS: one record each, every value on its own tag line', async () => {
    const ris = await exportAs(library, 'ris');
    expect(ris.name).toMatch(/^leesmap-\d{4}-\d{2}-\d{2}\.ris$/);
    expect(ris.content.match(/^TY {2}- /gm)).toHaveLength(2);
    expect(ris.content.match(/^ER {2}- /gm)).toHaveLength(2);
    expect(ris.content).toMatch(/^TI {2}- Leren van doen: [^\r\n]+\r\n/m);
    expect(ris.content).toContain(`TI  - ${HOSTILE_READ_BACK}\r\n`);
  });

  it('exports only the selected publications when some are selected', async () => {
    const item = library.getByTestId('list-item').filter({ hasText: 'Leren van doen' });
    await item.getByTestId('item-select').check();
    const ris = await exportAs(library, 'ris');
    expect(ris.content.match(/^TY {2}- /gm)).toHaveLength(1);
    expect(ris.content).toContain('TI  - Leren van doen');
    expect(ris.content).not.toContain('Weerbare democratie');
    await item.getByTestId('item-select').uncheck();
  });

  it('deletes the list, imports the BibTeX file and finds both publications back', async () => {
    await library.getByTestId('bulk-select-all').click();
    await library.getByTestId('bulk-delete').click();
    await waitFor(
      () => library.getByTestId('list-item').count(),
      (n) => n === 0,
    );
    expect(await storedList(library)).toEqual([]);

    await library.getByTestId('import-file').setInputFiles({
      name: bibtex.name,
      mimeType: 'application/x-bibtex',
      buffer: Buffer.from(bibtex.content, 'utf8'),
    });
    await library.getByTestId('import-button').click();
    await expect
      .poll(() => library.getByTestId('import-preview').textContent())
      .toContain('In this file (BibTeX): 2 new, 0 updated, 0 unchanged.');
    await library.getByTestId('import-confirm').click();
    await expect
      .poll(() => library.getByTestId('import-status').textContent())
      .toBe('Imported from BibTeX: 2 added, 0 updated, 0 unchanged');

    const back = await storedList(library);
    expect(back.map((r) => r.title).sort()).toEqual([...bibtexTitles].sort());
    const leren = back.find((r) => r.title.startsWith('Leren van doen'))!;
    expect(leren.url).toBe('https://www.nsob.nl/publicaties/leren-van-doen');
    expect(leren.authors).toContain('Martijn van der Steen');
    expect(leren.year).toBe(2020);

    // The open library shows the imported records without being reopened.
    await waitFor(
      () => library.getByTestId('list-item').count(),
      (n) => n === 2,
    );
    expect((await library.getByTestId('item-title').allTextContents()).sort()).toEqual(
      [...bibtexTitles].sort(),
    );
  });

  it('refuses a file with a bad entry, shows the problem, and changes nothing', async () => {
    const before = await storedList(library);
    const bad =
      '@report{ok, title={Nieuw rapport}, url={https://www.wrr.nl/nieuw}}\n@report{bad, year={2024}, url={https://www.wrr.nl/zonder-titel}}\n';
    await library
      .getByTestId('import-file')
      .setInputFiles({ name: 'lijst.bib', mimeType: 'text/plain', buffer: Buffer.from(bad) });
    await library.getByTestId('import-button').click();
    await library.getByTestId('import-problems').waitFor();
    expect(await library.getByTestId('import-problems').locator('li').allTextContents()).toEqual([
      'Record 2, field title: is missing',
    ]);
    expect(await library.getByTestId('import-status').textContent()).toContain(
      'Import refused, nothing was changed.',
    );
    expect(await storedList(library)).toEqual(before);
    expect(await seriousViolations(library)).toEqual([]);
  });

  it('offers BibTeX and RIS on the options page too, and frames a refusal in Dutch', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.getByTestId('ui-language').selectOption('nl');
    const formats = await options.getByTestId('export-format').locator('option').allTextContents();
    expect(formats).toEqual(expect.arrayContaining(['BibTeX', 'RIS']));
    const ris = 'TY  - RPRT\r\nPY  - 2024\r\nUR  - https://www.wrr.nl/zonder-titel\r\nER  - \r\n';
    await options
      .getByTestId('import-file')
      .setInputFiles({ name: 'export.ris', mimeType: 'text/plain', buffer: Buffer.from(ris) });
    await options.getByTestId('import-button').click();
    await options.getByTestId('import-problems').waitFor();
    expect(await options.getByTestId('import-status').locator('p').textContent()).toBe(
      'Import geweigerd, er is niets veranderd. Wat er mis is in het bestand:',
    );
    expect(await options.getByTestId('import-problems').locator('li').allTextContents()).toEqual([
      'Record 1, veld title: is missing',
    ]);
    await options.getByTestId('ui-language').selectOption('auto');
    await options.close();
  });

  it('made no request outside the extension while exporting and importing', () => {
    const outside = session.requests.filter(
      (r) => r.fromExtension && !/^(chrome-extension|data|blob):/.test(r.url),
    );
    expect(outside).toEqual([]);
  });
});
