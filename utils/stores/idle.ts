/**
 * Work a page with the reading list does once the list is in, while the reader looks: the search
 * index is built and the citation code loaded, so neither waits for the first keystroke or click.
 */
import { preloadCitations } from './cite';
import type { ReadingListStore } from './reading-list';

type IdleCallback = (cb: () => void) => void;

export async function prepareWhenIdle(list: ReadingListStore, loaded: Promise<void>): Promise<void> {
  await loaded;
  const idle =
    (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback ??
    ((cb: () => void) => setTimeout(cb, 50));
  idle(() => void list.prepareSearch().then(preloadCitations));
}
