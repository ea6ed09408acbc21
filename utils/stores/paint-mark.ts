/**
 * Marks (User Timing, local to the page; nothing is sent anywhere) the first frame in which the
 * reading list shows records, so the benchmark can read "open to first list paint".
 */
import { effect } from '@preact/signals';
import type { ReadingListStore } from './reading-list';

export const LIST_PAINTED_MARK = 'leesmap:list-painted';

export function markFirstListPaint(store: ReadingListStore): void {
  const stop = effect(() => {
    if (store.results.value.length === 0) return;
    // Preact renders on a microtask; the frame after this one holds the rows.
    requestAnimationFrame(() => performance.mark(LIST_PAINTED_MARK));
    queueMicrotask(() => stop());
  });
}
