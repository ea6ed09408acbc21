import { describe, expect, it } from 'vitest';
import type { TabState } from '@/utils/messages';
import type { Publication } from '@/utils/record';
import { createCurrentPageStore, parseYear } from '@/utils/stores/current-page';
import { fakeBackground } from '../ui/fake-send';
import { record } from '../ui/records';

const publication: Publication = {
  url: 'https://www.nsob.nl/publicaties/leren-van-doen',
  title: 'Leren van doen',
  subtitle: 'Ervaringen met samenwerken in het IBP',
  authors: ['Martijn van der Steen', 'Myrthe van Delden', 'Petra Ophoff'],
  published: '2020',
  year: 2020,
  publisher: 'NSOB',
  type: 'essay',
  themes: ['Sturen in netwerken'],
  keywords: [],
  related: [],
};

function setup(state: Partial<TabState>, tabTitle?: string) {
  const background = fakeBackground([], {
    'page/tab-state': ({ tabId }) => ({ tabId, url: publication.url, ...state }),
    'page/save': ({ publication: p, reader, edited }) =>
      record({ id: 'saved', ...p, ...reader, editedFields: edited ?? [] }),
  });
  const store = createCurrentPageStore({
    send: background.send,
    tabId: async () => 7,
    tabTitle: async () => tabTitle,
  });
  return { store, background };
}

describe('current page store', () => {
  it('asks the background to extract the tab and shows the publication', async () => {
    const { store, background } = setup({
      extraction: { detected: true, confidence: 1, signals: [], publication },
    });
    await store.load();
    expect(background.sent[0]).toEqual({ type: 'page/tab-state', payload: { tabId: 7, extract: true } });
    expect(store.phase.value).toBe('ready');
    expect(store.detected.value).toBe(true);
    expect(store.draft.value.title).toBe('Leren van doen');
    expect(store.isSaved.value).toBe(false);
  });

  it('says what the badge says: not detected where the first check ruled the page out', async () => {
    const { store } = setup({
      firstCheck: { ruledOut: true, signals: ['path:contact'] },
      extraction: { detected: true, confidence: 1, signals: [], publication },
    });
    await store.load();
    expect(store.detected.value).toBe(false);
    expect(store.draft.value.title).toBe('Leren van doen');
  });

  it('saves with the edited fields marked as the reader’s, and the reader fields apart', async () => {
    const { store, background } = setup({
      extraction: { detected: true, confidence: 1, signals: [], publication },
    });
    await store.load();
    store.setField('year', '2021');
    store.setField('themes', ['Sturen in netwerken', ' Samenwerking ', '']);
    store.setField('tags', ['leesclub']);
    store.setField('notes', 'Voor dinsdag');
    const saved = await store.save();
    const { payload } = background.sent.at(-1)!;
    const request = payload as { publication: Publication; reader: unknown; edited: string[] };
    expect(request.publication.year).toBe(2021);
    expect(request.publication.published).toBe('2021');
    expect(request.publication.themes).toEqual(['Sturen in netwerken', 'Samenwerking']);
    expect(request.publication.authors).toEqual(publication.authors);
    expect(request.reader).toEqual({ status: 'to-read', notes: 'Voor dinsdag', tags: ['leesclub'] });
    expect(request.edited.sort()).toEqual(['published', 'themes', 'year']);
    expect(saved?.id).toBe('saved');
    expect(store.isSaved.value).toBe(true);
  });

  it('stores edits to an already saved page as an update of that record', async () => {
    const saved = record({ id: 'known', ...publication });
    const { store, background } = setup({ saved });
    background.records.set('known', saved);
    await store.load();
    expect(store.isSaved.value).toBe(true);
    store.setField('title', '  Leren van doen (herzien) ');
    store.setField('status', 'read');
    await store.save();
    expect(background.sent.at(-1)).toEqual({
      type: 'page/update',
      payload: { id: 'known', changes: { title: 'Leren van doen (herzien)', status: 'read' } },
    });
    expect(store.saved.value?.status).toBe('read');
  });

  it('lets any web page be saved, titled by its tab when nothing was extracted', async () => {
    const { store, background } = setup({}, 'Een blogpost');
    await store.load();
    expect(store.detected.value).toBe(false);
    expect(store.draft.value.title).toBe('Een blogpost');
    await store.save();
    const request = background.sent.at(-1)!.payload as { publication: Publication };
    expect(request.publication).toMatchObject({ url: publication.url, title: 'Een blogpost', authors: [] });
  });

  it('says a browser page cannot be read or saved', async () => {
    const background = fakeBackground([], {
      'page/tab-state': ({ tabId }) => ({ tabId, url: 'chrome://settings/' }),
    });
    const store = createCurrentPageStore({ send: background.send, tabId: async () => 3 });
    await store.load();
    expect(store.phase.value).toBe('unavailable');
    expect(store.canSave.value).toBe(false);
  });

  it('keeps the failure reason when saving fails', async () => {
    const background = fakeBackground([], {
      'page/tab-state': ({ tabId }) => ({
        tabId,
        url: publication.url,
        extraction: { detected: true, confidence: 1, signals: [], publication },
      }),
      'page/save': () => {
        throw new Error('quota exceeded');
      },
    });
    const store = createCurrentPageStore({ send: background.send, tabId: async () => 1 });
    await store.load();
    expect(await store.save()).toBeUndefined();
    expect(store.error.value).toBe('quota exceeded');
    expect(store.isSaved.value).toBe(false);
  });

  it('reads only plausible four-digit years', () => {
    expect(parseYear('2020')).toBe(2020);
    expect(parseYear(' 1999 ')).toBe(1999);
    expect(parseYear('20')).toBeUndefined();
    expect(parseYear('3020')).toBeUndefined();
    expect(parseYear('2020-05')).toBeUndefined();
  });

  it("offers records the page only resembles, and merges with one on the reader's word (saving the page first)", async () => {
    const other = {
      id: 'url:doi.org/10.1234/leren',
      title: 'Leren van doen',
      url: 'https://doi.org/10.1234/leren',
      publisher: 'NSOB',
      year: 2020,
    };
    const background = fakeBackground([], {
      'page/tab-state': ({ tabId }) => ({
        tabId,
        url: publication.url,
        extraction: { detected: true, confidence: 1, signals: [], publication },
        resembles: [other],
      }),
      'page/save': ({ publication: p }) => record({ id: 'saved', ...p }),
      'page/merge': ({ ids }) => record({ id: ids[1], ...publication, notes: 'samengevoegd' }),
    });
    const store = createCurrentPageStore({ send: background.send, tabId: async () => 7 });
    await store.load();
    expect(store.resembles.value.map((r) => r.title)).toEqual(['Leren van doen']);
    const merged = await store.mergeWith(other.id);
    expect(background.sent.map((m) => m.type)).toEqual(['page/tab-state', 'page/save', 'page/merge']);
    expect(background.sent.at(-1)?.payload).toEqual({ ids: ['saved', other.id] });
    expect(merged?.id).toBe(other.id);
    expect(store.saved.value?.notes).toBe('samengevoegd');
    expect(store.resembles.value).toEqual([]);
  });

  it('shows the auto-save notice until the reader closes it', async () => {
    const { store, background } = setup({
      autoSaveHeld: { site: 'Planbureau voor de Leefomgeving', count: 3, at: 1 },
    });
    await store.load();
    expect(store.autoSaveHeld.value).toMatchObject({ site: 'Planbureau voor de Leefomgeving', count: 3 });
    await store.dismissAutoSaveNotice().catch(() => {});
    expect(store.autoSaveHeld.value).toBeUndefined();
    expect(background.sent.at(-1)?.type).toBe('page/dismiss-auto-save-notice');
  });
});
