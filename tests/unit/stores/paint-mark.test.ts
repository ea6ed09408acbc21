// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SavedPublication } from '@/utils/record';
import { afterFirstListFrame, firstScreenIn } from '@/utils/stores/paint-mark';
import { createReadingListStore, type ReadingListSource } from '@/utils/stores/reading-list';
import { record } from '../ui/records';

/** A list source whose first screen arrives when the test says so. */
function heldSource(first: SavedPublication[] | Error) {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const source: ReadingListSource = {
    async firstScreen() {
      await arrived;
      if (first instanceof Error) throw first;
      return first;
    },
    all: async () => (first instanceof Error ? [] : first),
  };
  return { source, arrive };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Past the next frame and the task after it. */
const afterNextFrame = () => nextFrame().then(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function shownAfter(first: SavedPublication[] | Error) {
  const { source, arrive } = heldSource(first);
  const store = createReadingListStore({ source, send: (async () => ({})) as never });
  const shown = afterFirstListFrame(store);
  const loaded = store.load();
  await afterNextFrame();
  const whileLoading = shown.value;
  arrive();
  await loaded;
  const beforeFrame = shown.value;
  await afterNextFrame();
  return { whileLoading, beforeFrame, after: shown.value };
}

describe('afterFirstListFrame', () => {
  it('turns true only after the frame that shows the first records', async () => {
    const result = await shownAfter([record({ title: 'Wonen' }), record({ title: 'Zorg' })]);
    expect(result).toEqual({ whileLoading: false, beforeFrame: false, after: true });
  });

  it('also follows an empty list, so what waits for it (the import panel) still comes', async () => {
    expect((await shownAfter([])).after).toBe(true);
  });

  it('also follows a list that failed to load', async () => {
    expect((await shownAfter(new Error('blocked'))).after).toBe(true);
  });
});

describe('firstScreenIn', () => {
  it('resolves as soon as the first records are in, not at its time limit', async () => {
    const { source, arrive } = heldSource([record({ title: 'Wonen' })]);
    const store = createReadingListStore({ source, send: (async () => ({})) as never });
    const loaded = store.load();
    const started = Date.now();
    const ready = firstScreenIn(store, 10_000);
    setTimeout(arrive, 20);
    await ready;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(store.results.value.map((r) => r.title)).toEqual(['Wonen']);
    await loaded;
  });

  it('resolves at once for a list already in, and after its time limit for a database that does not answer', async () => {
    const { source } = heldSource([]);
    const store = createReadingListStore({ source, send: (async () => ({})) as never });
    void store.load();
    const started = Date.now();
    await firstScreenIn(store, 60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(store.phase.value).toBe('loading');

    const loadedStore = createReadingListStore({
      source: { all: async () => [record({ title: 'Zorg' })] },
      send: (async () => ({})) as never,
    });
    await loadedStore.load();
    await firstScreenIn(loadedStore, 10_000);
    expect(loadedStore.phase.value).toBe('ready');
  });
});
