/**
 * Adding a tag from the library goes through the real background handler and database: the tag is
 * added to the stored record, so a tag another window added meanwhile (one this page's copy of the
 * list does not have yet) is kept.
 */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/utils/background/handlers';
import { getPublication, listPublications } from '@/utils/db';
import type { SenderInfo } from '@/utils/messages';
import { createReadingListStore, type Send } from '@/utils/stores/reading-list';
import { fakeBackground, publication } from '../background/helpers';

const PAGE: SenderInfo = { id: 'leesmap', url: 'chrome-extension://leesmap/library.html' };

async function libraryOverRealBackground() {
  const f = await fakeBackground();
  const handlers = createHandlers(f.bg, {
    send: async () => ({ saved: 0, attached: 0, pdfMissing: 0 }),
    last: async () => null,
  });
  const send = ((type, payload) => handlers[type](payload as never, PAGE)) as Send;
  const store = createReadingListStore({
    source: { all: () => listPublications(f.db), one: (id) => getPublication(f.db, id) },
    send,
  });
  return { f, handlers, store };
}

describe('adding a tag', () => {
  it('keeps a tag another window added to the record meanwhile', async () => {
    const { f, handlers, store } = await libraryOverRealBackground();
    const a = await handlers['page/save']({ publication: publication(), reader: { tags: ['eerder'] } }, PAGE);
    const b = await handlers['page/save'](
      { publication: publication({ url: 'https://www.nsob.nl/b', title: 'B' }) },
      PAGE,
    );
    await store.load();
    // The popup tags record a; the library has not heard of it yet.
    await handlers['page/update']({ id: a.id, changes: { tags: ['eerder', 'uit de popup'] } }, PAGE);
    expect(store.byId.value.get(a.id)?.tags).toEqual(['eerder']);

    const updated = await store.addTag([a.id, b.id], ' leesclub ');
    expect((await getPublication(f.db, a.id))?.tags).toEqual(['eerder', 'uit de popup', 'leesclub']);
    expect((await getPublication(f.db, b.id))?.tags).toEqual(['leesclub']);
    expect(updated).toBe(2);
    // The library shows the stored tags, and other pages heard of both records.
    expect(store.byId.value.get(a.id)?.tags).toEqual(['eerder', 'uit de popup', 'leesclub']);
    expect(f.broadcasts.at(-1)?.payload.ids).toEqual([a.id, b.id]);
  });

  it('changes nothing for a record that has the tag or is gone, and refuses an empty tag', async () => {
    const { f, handlers, store } = await libraryOverRealBackground();
    const a = await handlers['page/save'](
      { publication: publication(), reader: { tags: ['leesclub'] } },
      PAGE,
    );
    await store.load();
    const before = await getPublication(f.db, a.id);
    expect(
      await handlers['page/add-tag']({ ids: [a.id, 'url:weg.example/x'], tag: 'leesclub' }, PAGE),
    ).toEqual({ updated: 0 });
    expect(await getPublication(f.db, a.id)).toEqual(before);
    await expect(handlers['page/add-tag']({ ids: [a.id], tag: ' \u200b ' }, PAGE)).rejects.toThrow(/tag/);
    await expect(handlers['page/add-tag']({ ids: 'all' as never, tag: 'x' }, PAGE)).rejects.toThrow(/ids/);
    expect(await store.addTag([a.id], '   ')).toBe(0);
  });
});
