/**
 * Marks (User Timing, local to the page; nothing is sent anywhere) the first frame in which the
 * reading list shows records, so the benchmark can read "open to first list paint".
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
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

/**
 * False until the frame that first shows the list (its rows, or its empty or error state) has
 * been painted, then true: what a page renders only then (panels beside or below the list) does
 * not hold up that frame.
 */
export function afterFirstListFrame(store: ReadingListStore): ReadonlySignal<boolean> {
  const painted = signal(false);
  const stop = effect(() => {
    if (store.phase.value === 'loading') return;
    // The next frame shows the list; a task queued from its animation frame runs after its paint.
    requestAnimationFrame(() => setTimeout(() => (painted.value = true)));
    queueMicrotask(() => stop());
  });
  return painted;
}

/**
 * Resolves once the list has left its loading phase (first records in, empty or failed), or after
 * `wait` ms if the database is slow: a page rendered then shows its list in its first render
 * instead of rendering everything twice, empty and then with the records, before its first paint.
 */
export function firstScreenIn(store: ReadingListStore, wait: number): Promise<void> {
  return new Promise((resolve) => {
    // Called from a timer or a microtask, so after `stop` is set.
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, wait);
    const stop = effect(() => {
      if (store.phase.value !== 'loading') queueMicrotask(done);
    });
  });
}
