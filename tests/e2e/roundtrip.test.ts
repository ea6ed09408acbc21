/**
 * The walk that used to lose a reader's work, in Chromium with the built extension: save six
 * publications of different publishers, set one to "reading", give one tags and a note, export the
 * list as BibTeX, RIS, CSL-JSON and a Leesmap backup, and merge-import each file back. The preview
 * says nothing would change, and afterwards every record is exactly as it was: themes, related
 * publications, title and subtitle apart, status, tags and notes.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFromPopup, sendMessage, startSession, waitFor, type Session } from './harness';

const SLUGS = [
  'nsob-leren-van-doen-dl',
  'wrr-weerbare-democratie',
  'rathenau-democratie-digitaal-publiek-domein',
  'chatham-house-ai-geopolitics',
  'cpb-co2-heffing-industrie',
  'brookings-governing-algorithms',
];
const FORMATS = [
  ['bibtex', 'BibTeX'],
  ['ris', 'RIS'],
  ['csl-json', 'CSL-JSON (Zotero, Mendeley)'],
  ['leesmap-json', 'Leesmap backup (JSON)'],
] as const;

type Rec = Record<string, unknown> & { id: string; title: string };

async function list(page: Page): Promise<Rec[]> {
  const reply = await sendMessage(page, 'page/list', {});
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as Rec[]).sort((a, b) => a.id.localeCompare(b.id));
}

describe('export, then merge-import the same file: nothing a reader put in is lost', () => {
  let session: Session;
  let library: Page;
  let before: Rec[];

  beforeAll(async () => {
    session = await startSession({ lang: 'en', colorScheme: 'light' });
    for (const slug of SLUGS) {
      const { page, popup } = await saveFromPopup(session, slug);
      await popup.close();
      await page.close();
    }
    library = await session.browser.context.newPage();
    await library.goto(`chrome-extension://${session.browser.extensionId}/library.html`);
    await waitFor(
      () => library.getByTestId('list-item').count(),
      (n) => n === SLUGS.length,
    );
    const saved = await list(library);
    expect(
      await sendMessage(library, 'page/update', { id: saved[0].id, changes: { status: 'reading' } }),
    ).toMatchObject({ ok: true });
    expect(
      await sendMessage(library, 'page/update', {
        id: saved[1].id,
        changes: { tags: ['dossier'], notes: 'Voor het MT' },
      }),
    ).toMatchObject({ ok: true });
    before = await list(library);
    // The walk needs what used to be lost: themes, related publications, a subtitle.
    expect(before.some((r) => (r.themes as string[]).length > 0)).toBe(true);
    expect(before.some((r) => (r.related as unknown[]).length > 0)).toBe(true);
    expect(before.some((r) => r.subtitle)).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  for (const [format, label] of FORMATS) {
    it(`${label}: the preview says nothing changes, and the list is exactly as before`, async () => {
      await library.getByTestId('export-format').selectOption(format);
      const [download] = await Promise.all([
        library.waitForEvent('download'),
        library.getByTestId('export-button').click(),
      ]);
      expect(await library.getByTestId('export-status').textContent()).toBe(
        `Exported ${SLUGS.length} publications`,
      );
      const content = readFileSync((await download.path())!, 'utf8');

      await library.getByTestId('import-file').setInputFiles({
        name: download.suggestedFilename(),
        mimeType: 'text/plain',
        buffer: Buffer.from(content),
      });
      await library.getByTestId('import-button').click();
      await expect
        .poll(() => library.getByTestId('import-preview').locator('p').first().textContent())
        .toBe(
          `In this file (${label}): 0 new, 0 updated, ${SLUGS.length} unchanged. Nothing has changed yet.`,
        );
      await library.getByTestId('import-confirm').click();
      await expect
        .poll(() => library.getByTestId('import-status').textContent())
        .toBe(`Imported from ${label}: 0 added, 0 updated, ${SLUGS.length} unchanged`);
      expect(await list(library)).toEqual(before);
    });
  }
});
