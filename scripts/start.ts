/**
 * `npm start`: builds Leesmap (done by the npm script), serves the sample pages, starts Chromium
 * with the extension, opens a sample publication, saves it through the popup the way a reader
 * would, and prints what was detected and saved plus where the popup screenshot is. Then it writes
 * the README's screenshots (scripts/docs-screenshots.ts; `npm start -- --docs` refreshes docs/).
 * With a display (DISPLAY set) the browser stays open for you to try; Ctrl+C ends it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ChromiumMissingError, chromiumPath, launchWithExtension, waitFor } from './lib/browser';
import { startFixtureServer } from './lib/fixture-server';
import { envelope } from '../utils/messages';
import { writeDocScreenshots } from './docs-screenshots';

const SAMPLE = 'nsob-leren-van-doen-dl';

function ensureChromium(): void {
  try {
    chromiumPath();
    return;
  } catch (error) {
    if (!(error instanceof ChromiumMissingError)) throw error;
    const canInstall = process.getuid?.() === 0 && process.platform === 'linux';
    if (!canInstall) {
      console.error(error.message);
      process.exit(1);
    }
    console.log("Chromium is missing; installing Debian's chromium package (apt-get)...");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' });
    chromiumPath();
  }
}

async function main(): Promise<void> {
  ensureChromium();
  const headed = Boolean(process.env.DISPLAY) && process.env.LEESMAP_HEADLESS !== '1';
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ port: server.port, headed });
  const sample = server.pages.find((p) => p.slug === SAMPLE) ?? server.pages.find((p) => p.expected.detected);
  if (!sample) throw new Error('No sample publication page in tests/fixtures/');

  console.log(
    `Leesmap loaded in Chromium (${headed ? 'window' : 'headless'}), extension id ${browser.extensionId}`,
  );
  console.log(`Sample pages: ${server.pages.length} (served locally; every host name maps to this machine)`);
  const page = await browser.open(sample.url);
  const tabId = await browser.tabId(page);
  const badge = await waitFor(
    () => browser.badgeText(tabId),
    (t) => t !== '',
    10_000,
  ).catch(() => '');
  console.log(
    `\nOpened ${sample.url}\nToolbar badge: ${badge === '+' ? '"+" publication detected' : badge === '✓' ? '"✓" already saved' : 'none (not detected)'}`,
  );

  const popup = await browser.openPopup(tabId);
  await popup.getByTestId('current-title').waitFor({ timeout: 15_000 });
  const save = popup.getByTestId('save-button');
  if (await save.isVisible()) await save.click();
  await popup.getByTestId('saved-indicator').waitFor({ timeout: 15_000 });

  // Ask the background exactly as the popup does, so this prints what it knows and stored.
  const record = await popup.evaluate(
    async (message: unknown) => {
      const send = (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage;
      const reply = (await send(message)) as { ok: boolean; value: unknown };
      return reply.value;
    },
    envelope('page/tab-state', { tabId }),
  );
  const { extraction, saved } = record as {
    extraction?: { detected: boolean; confidence: number; signals: string[] };
    saved?: Record<string, unknown> & { related?: Array<{ title: string; themes: string[] }> };
  };
  console.log(
    `\nDetected: ${extraction?.detected} (confidence ${extraction?.confidence}; ${extraction?.signals.join(', ')})`,
  );
  if (!saved) throw new Error('The popup showed "saved" but the background has no record');
  console.log('\nSaved record:');
  for (const field of [
    'title',
    'subtitle',
    'authors',
    'published',
    'publisher',
    'type',
    'themes',
    'language',
    'canonicalUrl',
    'status',
  ]) {
    const value = saved[field];
    if (value !== undefined)
      console.log(`  ${field.padEnd(12)} ${Array.isArray(value) ? value.join('; ') : String(value)}`);
  }
  console.log(`  related      ${saved.related?.length ?? 0} publications`);
  for (const item of saved.related ?? []) console.log(`    - ${item.title} (${item.themes.join(', ')})`);

  const dir = resolve('artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'saved-record.json'), `${JSON.stringify(saved, null, 2)}\n`);
  console.log(`\nFull record: ${resolve(dir, 'saved-record.json')}`);
  const shot = resolve(dir, 'popup.png');
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.screenshot({ path: shot, fullPage: true });
  console.log(`\nPopup screenshot: ${shot}`);

  // The README's screenshots, each in a fresh profile with six saved publications.
  const toDocs = process.argv.includes('--docs');
  console.log(
    `\nScreenshots for the README (popup nl/en, light/dark; library; welcome)${toDocs ? ', also into docs/' : ''}:`,
  );
  for (const file of await writeDocScreenshots(server, toDocs)) console.log(`  ${file}`);

  if (headed) {
    console.log('\nThe browser stays open: try the sample pages below. Ctrl+C to stop.');
    for (const p of server.pages)
      console.log(`  ${p.expected.detected ? 'publication' : 'other      '}  ${p.url}`);
    await new Promise<void>((resolveStop) => {
      process.once('SIGINT', resolveStop);
      browser.context.once('close', () => resolveStop());
    });
  }
  await browser.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
