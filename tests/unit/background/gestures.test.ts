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
