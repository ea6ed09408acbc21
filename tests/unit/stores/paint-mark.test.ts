// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SavedPublication } from '@/utils/record';
import { afterFirstListFrame } from '@/utils/stores/paint-mark';
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
