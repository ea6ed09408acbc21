import { beforeEach, describe, expect, it } from 'vitest';
import { listPublications } from '@/utils/db';
import { onCommand, onMenuClicked, SAVE_COMMAND, SAVE_MENUS } from '@/utils/background/gestures';
import { fakeBackground, pageResult, publication, type Fakes } from './helpers';

const [SAVE_PAGE, SAVE_LINK] = SAVE_MENUS.map((m) => m.id);

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
  f.tabs.set(1, publication().url);
  f.pages.set(1, { extractor: pageResult(publication(), false) });
});

const titles = async () => (await listPublications(f.db)).map((r) => r.title);

describe('save gestures', () => {
  it('"Save page" saves the tab it was clicked in', async () => {
    await onMenuClicked(f.bg, { menuItemId: SAVE_PAGE }, 1);
    expect(await titles()).toEqual(['Leren van doen']);
  });

  it('"Save link" saves the link, with its text where the browser gives it', async () => {
    await onMenuClicked(
      f.bg,
      { menuItemId: SAVE_LINK, linkUrl: 'https://www.example.org/r/7', linkText: 'Wonen' },
      1,
    );
    expect(await titles()).toEqual(['Wonen']);
  });

  it('ignores other menu items and a "Save page" without a tab', async () => {
    await onMenuClicked(f.bg, { menuItemId: 'leesmap-send-to-zotero' }, 1);
    await onMenuClicked(f.bg, { menuItemId: SAVE_PAGE }, undefined);
    expect(await titles()).toEqual([]);
  });

  it('the shortcut saves its tab, else the active tab; other commands do nothing', async () => {
    await onCommand(f.bg, 'something-else', 1, async () => 1);
    expect(await titles()).toEqual([]);
    await onCommand(f.bg, SAVE_COMMAND, undefined, async () => 1);
    expect(await titles()).toEqual(['Leren van doen']);
  });
});

describe('save feedback on the toolbar button', () => {
  const marks = () => f.shown.filter((s) => 'tabId' in s && typeof s.badge === 'object');

  it('the shortcut marks the tab with what was saved, holds it, then shows the tab’s badge again', async () => {
    await onCommand(f.bg, SAVE_COMMAND, 1, async () => undefined);
    const at = f.shown.findIndex((s) => 'tabId' in s && typeof s.badge === 'object');
    expect(f.shown[at]).toEqual({
      tabId: 1,
      badge: { text: '✓', color: expect.any(String), title: expect.stringContaining('Leren van doen') },
    });
    // Held for the feedback's time, then the tab's own state (saved) comes back.
    expect(f.shown.slice(at + 1)).toEqual([{ waitMs: 4_000 }, { tabId: 1, badge: 'saved' }]);
  });

  it('"Save page" on a page with nothing to save says so, and "Save link" marks the tab it was clicked in', async () => {
    f.tabs.set(2, 'chrome://newtab/');
    await onMenuClicked(f.bg, { menuItemId: SAVE_PAGE }, 2);
    expect(marks()).toEqual([{ tabId: 2, badge: expect.objectContaining({ text: '!' }) }]);
    expect(f.shown.at(-1)).toEqual({ tabId: 2, badge: 'none' });
    await onMenuClicked(
      f.bg,
      { menuItemId: SAVE_LINK, linkUrl: 'https://www.example.org/r/7', linkText: 'Wonen' },
      2,
    );
    expect(marks().at(-1)).toEqual({
      tabId: 2,
      badge: expect.objectContaining({ text: '✓', title: expect.stringContaining('Wonen') }),
    });
  });

  it('a failed save is shown with its reason, and the badge still comes back', async () => {
    f.db.close();
    await onCommand(f.bg, SAVE_COMMAND, 1, async () => undefined);
    expect(marks()).toEqual([{ tabId: 1, badge: expect.objectContaining({ text: '!' }) }]);
    expect(f.shown.slice(-2)).toEqual([{ waitMs: 6_000 }, { tabId: 1, badge: 'none' }]);
  });
});
