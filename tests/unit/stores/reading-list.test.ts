import { describe, expect, it } from 'vitest';
import { createReadingListStore } from '@/utils/stores/reading-list';
import { fakeBackground, sourceFor } from '../ui/fake-send';
import { record } from '../ui/records';

function setup(count = 3) {
  const records = Array.from({ length: count }, (_, i) =>
    record({
      id: `r${i}`,
      title: `Publicatie ${i}`,
      themes: [i % 2 ? 'Wonen' : 'Klimaat'],
      year: 2000 + i,
      savedAt: 1000 + i,
    }),
  );
  const background = fakeBackground(records);
  const store = createReadingListStore({
    source: sourceFor(background),
    send: background.send,
    firstScreenSize: 2,
  });
  return { background, store };
}

describe('reading list store', () => {
  it('loads newest saved first, showing the first screen before the whole list', async () => {
    const { store, background } = setup(5);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = createReadingListStore({
      source: {
        firstScreen: sourceFor(background).firstScreen,
        all: async () => (await gate, sourceFor(background).all()),
      },
      send: background.send,
      firstScreenSize: 2,
    });
    const loading = slow.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(slow.phase.value).toBe('partial');
    expect(slow.results.value.map((r) => r.id)).toEqual(['r4', 'r3']);
    release();
    await loading;
    expect(slow.phase.value).toBe('ready');
    expect(slow.results.value).toHaveLength(5);
    await store.load();
    expect(store.results.value.map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1', 'r0']);
  });

  it('narrows by search and filters together, and sorts', async () => {
    const { store } = setup(6);
    await store.load();
    await store.prepareSearch();
    store.setFilter('theme', 'Wonen');
    expect(store.results.value.map((r) => r.id)).toEqual(['r5', 'r3', 'r1']);
    store.query.value = 'publicatie';
    store.sort.value = 'year';
    expect(store.results.value.map((r) => r.year)).toEqual([2005, 2003, 2001]);
    store.setFilter('year', 2003);
    expect(store.results.value.map((r) => r.id)).toEqual(['r3']);
    store.clearFilters();
    store.query.value = '';
    expect(store.results.value).toHaveLength(6);
  });

  it('answers a query typed before the search code has loaded, once it has', async () => {
    const { store, background } = setup(4);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lazy = createReadingListStore({
      source: sourceFor(background),
      send: background.send,
      loadIndex: async () => (await gate, (await import('@/utils/search')).createReadingListIndex),
    });
    await lazy.load();
    lazy.query.value = 'publicatie 2';
    expect(lazy.results.value).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(lazy.searchLoading.value).toBe(true);
    release();
    await lazy.prepareSearch();
    expect(lazy.searchLoading.value).toBe(false);
    expect(lazy.results.value.map((r) => r.id)).toEqual(['r2']);
    expect(store.phase.value).toBe('loading');
  });

  it('changes a status through the background and shows it at once', async () => {
    const { store, background } = setup();
    await store.load();
    await store.setStatus('r1', 'read');
    expect(background.sent.at(-1)).toEqual({
      type: 'page/update',
      payload: { id: 'r1', changes: { status: 'read' } },
    });
    expect(store.byId.value.get('r1')?.status).toBe('read');
  });

  it('applies the background change notices: edits, new records and deletions', async () => {
    const { store, background } = setup();
    await store.load();
    await store.prepareSearch();
    store.query.value = 'klimaatadaptatie';
    expect(store.results.value).toEqual([]);
    background.records.set('new', record({ id: 'new', title: 'Klimaatadaptatie', savedAt: 5000 }));
    background.records.delete('r0');
    await store.refresh(['new', 'r0']);
    expect(store.results.value.map((r) => r.id)).toEqual(['new']);
    store.query.value = '';
    expect(store.results.value.map((r) => r.id)).toEqual(['new', 'r2', 'r1']);
  });

  it('adds a tag to many records, keeping their other tags', async () => {
    const { store, background } = setup();
    await store.load();
    background.records.set('r0', { ...background.records.get('r0')!, tags: ['eerder'] });
    await store.refresh(['r0']);
    await store.addTag(['r0', 'r1', 'r2'], ' leesclub ');
    expect(background.records.get('r0')?.tags).toEqual(['eerder', 'leesclub']);
    expect(background.records.get('r1')?.tags).toEqual(['leesclub']);
    expect(store.facets.value.tags).toEqual([
      { value: 'leesclub', count: 3 },
      { value: 'eerder', count: 1 },
    ]);
  });

  it('deletes in bulk', async () => {
    const { store } = setup(4);
    await store.load();
    expect(await store.remove(['r0', 'r2'])).toBe(2);
    expect(store.results.value.map((r) => r.id)).toEqual(['r3', 'r1']);
  });

  it('reports a failed load instead of hanging', async () => {
    const { background } = setup();
    const store = createReadingListStore({
      source: { all: async () => Promise.reject(new Error('database blocked')) },
      send: background.send,
    });
    await store.load();
    expect(store.phase.value).toBe('error');
    expect(store.error.value).toBe('database blocked');
  });
});
