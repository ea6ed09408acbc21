import { beforeEach, describe, expect, it } from 'vitest';
import {
  getPublication,
  listCatalog,
  listDismissed,
  listPublications,
  recordVisit,
  savePublication,
} from '@/utils/db';
import { createHandlers, type ZoteroPort } from '@/utils/background/handlers';
import type { Handlers } from '@/utils/background/router';
import { getTabState, setTabState } from '@/utils/background/tab-state';
import type { SenderInfo } from '@/utils/messages';
import { checkedPage, fakeBackground, LETS_THROUGH, publication, type Fakes, listed } from './helpers';

const PAGE: SenderInfo = { id: 'leesmap', url: 'chrome-extension://leesmap/popup.html' };
const URL_A = publication().url;

let f: Fakes;
let h: Handlers;
let zoteroSent: Parameters<ZoteroPort['send']>[0][];
beforeEach(async () => {
  f = await fakeBackground();
  zoteroSent = [];
  h = createHandlers(f.bg, {
    send: async (target) => {
      zoteroSent.push(target);
      return { saved: 1, attached: 0, pdfMissing: 0 };
    },
    last: async () => null,
  });
});

const ids = () => f.broadcasts.map((b) => b.payload.ids);

describe('content/checked', () => {
  it('files the check under the address the script saw, within the sender’s origin', async () => {
    f.tabs.set(5, URL_A);
    f.pages.set(5, checkedPage(publication()));
    const sender = { ...PAGE, url: 'https://www.nsob.nl/publicaties', tab: { id: 5 } };
    await h['content/checked']({ url: URL_A, check: LETS_THROUGH, ms: 4 }, sender);
    expect(await getTabState(f.session, 5)).toMatchObject({ url: URL_A, checkMs: 4 });
    expect(f.badges.get(5)).toBe('detected');
  });

  it('refuses an address of another origin, a check of the wrong shape, or no tab', async () => {
    const sender = { ...PAGE, url: 'https://www.nsob.nl/', tab: { id: 5 } };
    const other = h['content/checked']({ url: 'https://evil.example/', check: LETS_THROUGH }, sender);
    await expect(other).rejects.toMatchObject({ code: 'invalid' });
    const shapeless = { url: URL_A, check: { ruledOut: 'no' } as never };
    await expect(h['content/checked'](shapeless, sender)).rejects.toMatchObject({ code: 'invalid' });
    const tabless = { ...sender, tab: undefined };
    await expect(h['content/checked']({ url: URL_A, check: LETS_THROUGH }, tabless)).rejects.toThrow(/check/);
  });
});

describe('the list', () => {
  it('page/save sanitises what a page sends, and writes once', async () => {
    const dirty = { ...publication(), title: ' Leren\u202e van doen ', evil: '<script>' } as never;
    const saved = await h['page/save'](
      { publication: dirty, reader: { status: 'read', tags: [' a ', 'a'] } },
      PAGE,
    );
    expect(saved).toMatchObject({ title: 'Leren van doen', status: 'read', tags: ['a'] });
    expect(saved).not.toHaveProperty('evil');
    expect(f.counts.readwrite).toBe(1);
    await expect(h['page/save']({ publication: { title: 'x' } as never }, PAGE)).rejects.toMatchObject({
      code: 'invalid',
    });
  });

  it('page/update and page/update-many store the reader’s changes and tell pages, without badge work', async () => {
    const a = await h['page/save']({ publication: publication() }, PAGE);
    const b = await h['page/save'](
      { publication: publication({ url: 'https://www.nsob.nl/b', title: 'B' }) },
      PAGE,
    );
    f.tabs.set(1, URL_A);
    f.badges.clear();
    await h['page/update']({ id: a.id, changes: { notes: 'Mooi', status: 'reading' } }, PAGE);
    expect(await h['page/update-many']({ ids: [a.id, b.id], changes: { tags: ['beleid'] } }, PAGE)).toEqual({
      updated: 2,
    });
    expect(await getPublication(f.db, a.id)).toMatchObject({
      notes: 'Mooi',
      status: 'reading',
      tags: ['beleid'],
    });
    expect(ids().slice(-2)).toEqual([[a.id], [a.id, b.id]]);
    expect(f.badges.size).toBe(0);
    await expect(h['page/update-many']({ ids: 'all' as never, changes: {} }, PAGE)).rejects.toThrow(/ids/);
    // A record deleted in another window meanwhile: the rest are changed, and pages hear of them.
    expect(
      await h['page/update-many'](
        { ids: [a.id, 'url:gone.example/x', b.id], changes: { status: 'read' } },
        PAGE,
      ),
    ).toEqual({ updated: 2 });
    expect(ids().at(-1)).toEqual([a.id, b.id]);
    expect(await getPublication(f.db, b.id)).toMatchObject({ status: 'read' });
  });

  it('page/delete and page/merge tell pages every id involved and re-derive badges', async () => {
    const a = await h['page/save']({ publication: publication() }, PAGE);
    const b = await h['page/save'](
      { publication: publication({ url: 'https://www.nsob.nl/b', title: 'B' }) },
      PAGE,
    );
    const c = await h['page/save'](
      { publication: publication({ url: 'https://www.nsob.nl/c', title: 'C' }) },
      PAGE,
    );
    f.tabs.set(1, 'https://www.nsob.nl/c');
    const merged = await h['page/merge']({ ids: [a.id, b.id] }, PAGE);
    expect(new Set(ids().at(-1))).toEqual(new Set([a.id, b.id]));
    expect(await h['page/delete']({ ids: [c.id] }, PAGE)).toEqual({ deleted: 1 });
    expect(ids().at(-1)).toEqual([c.id]);
    expect(f.badges.get(1)).toBe('none');
    expect((await listPublications(f.db)).map((r) => r.id)).toEqual([merged.id]);
  });

  it('page/imported: pages reload everything and badges follow the imported list', async () => {
    // The import worker writes the list itself (utils/db), then tells the background.
    await savePublication(f.db, publication());
    f.tabs.set(1, URL_A);
    await h['page/imported']({}, PAGE);
    expect(ids()).toEqual([[]]);
    expect(f.badges.get(1)).toBe('saved');
  });
});

describe('suggestions', () => {
  beforeEach(async () => {
    await h['page/save']({ publication: publication() }, PAGE);
    const related = [listed('Sturen op vertrouwen', 'https://www.nsob.nl/sturen')];
    await recordVisit(f.db, publication({ related }), f.clock.now);
  });

  it('page/save-suggestion saves the catalog entry by id; nothing of the publication comes from the page', async () => {
    const [top] = await h['page/suggestions']({ limit: 5 }, PAGE);
    const saved = await h['page/save-suggestion']({ id: top.id }, PAGE);
    expect(saved).toMatchObject(listed('Sturen op vertrouwen', 'https://www.nsob.nl/sturen'));
    expect(await listCatalog(f.db)).toEqual([]);
    expect(ids().at(-1)).toEqual([saved.id]);
    await expect(h['page/save-suggestion']({ id: 'nope' }, PAGE)).rejects.toMatchObject({ code: 'invalid' });
    await expect(h['page/save-suggestion']({ id: 7 as never }, PAGE)).rejects.toThrow(/id/);
  });

  it('page/dismiss-suggestion keeps it out of the ranking and in the dismissed list', async () => {
    const [top] = await h['page/suggestions']({}, PAGE);
    await h['page/dismiss-suggestion']({ id: top.id }, PAGE);
    expect(await h['page/suggestions']({}, PAGE)).toEqual([]);
    expect(await listDismissed(f.db)).toEqual([top.id]);
    expect(await h['page/dismissed']({}, PAGE)).toEqual([top.id]);
  });
});

describe('page-first suggestions', () => {
  const onPage = publication({
    url: 'https://www.nsob.nl/publicaties/nieuw',
    title: 'Nieuw essay',
    related: [listed('Nog niet gezien', 'https://www.nsob.nl/publicaties/nog-niet-gezien')],
  });

  beforeEach(async () => {
    f.tabs.set(9, onPage.url);
    const extraction = { detected: true, confidence: 0.9, signals: [], publication: onPage };
    await setTabState(f.session, 9, { url: onPage.url, firstCheck: LETS_THROUGH, extraction });
  });

  it('puts what the tab’s page lists first, and saves one the catalog lacks', async () => {
    expect(await h['page/suggestions']({}, PAGE)).toEqual([]);
    const ranked = await h['page/suggestions']({ tabId: 9 }, PAGE);
    expect(ranked[0]).toMatchObject({ group: 'page', title: 'Nog niet gezien' });
    expect(await listCatalog(f.db)).toEqual([]);
    const saved = await h['page/save-suggestion']({ id: ranked[0].id }, PAGE);
    expect(saved).toMatchObject({
      title: 'Nog niet gezien',
      url: 'https://www.nsob.nl/publicaties/nog-niet-gezien',
    });
    expect((await listPublications(f.db)).map((p) => p.title)).toEqual(['Nog niet gezien']);
  });

  it('ignores the extraction once the tab has moved to another address', async () => {
    f.tabs.set(9, 'https://www.nsob.nl/elders');
    expect(await h['page/suggestions']({ tabId: 9 }, PAGE)).toEqual([]);
    await expect(h['page/suggestions']({ tabId: 1.5 }, PAGE)).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('Zotero and the rest', () => {
  it('page/zotero-send passes a clean target to the Zotero port', async () => {
    await h['page/zotero-send']({ ids: ['a'], attachPdf: 'yes' as never }, PAGE);
    await h['page/zotero-send']({ tabId: 3, all: true }, PAGE);
    expect(zoteroSent).toEqual([
      { ids: ['a'], tabId: undefined, all: false, attachPdf: false },
      { ids: undefined, tabId: 3, all: true, attachPdf: false },
    ]);
    await expect(h['page/zotero-send']({ tabId: 1.5 }, PAGE)).rejects.toThrow(/tab/);
    expect(await h['page/zotero-last']({}, PAGE)).toBeNull();
  });

  it('page/tab-state refuses a tab id that is no integer', async () => {
    await expect(h['page/tab-state']({ tabId: 'x' as never }, PAGE)).rejects.toThrow(/tab/);
  });

  it('lists, counts themes and reads the catalog', async () => {
    await h['page/save']({ publication: publication() }, PAGE);
    expect((await h['page/list']({}, PAGE)).map((r) => r.title)).toEqual(['Leren van doen']);
    expect(await h['page/theme-counts']({}, PAGE)).toContainEqual({ theme: 'Sturen in netwerken', count: 1 });
    expect(await h['page/catalog']({ limit: 5 }, PAGE)).toEqual([]);
    await h['page/dismiss-auto-save-notice']({}, PAGE);
  });
});
