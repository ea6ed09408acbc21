/**
 * The search half of the reading-list store: the query, the index (built once the search code has
 * loaded, then patched record by record), the scores and what the rows highlight. Rebuilt when
 * the reader's name tables change, since themes and publishers are searched by their shown names.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { SavedPublication } from '@/utils/record';
import type { NameTables } from '@/utils/record-view';
import type { Highlighter, ReadingListIndex } from '@/utils/search';

export type CreateIndex = (records: readonly SavedPublication[], tables?: NameTables) => ReadingListIndex;

export interface ListSearchOptions {
  records: ReadonlySignal<SavedPublication[]>;
  tables: ReadonlySignal<NameTables>;
  /** True once the whole list is in (the index is built over the whole list only). */
  complete: () => boolean;
  loadIndex: () => Promise<CreateIndex>;
  loadHighlighter: () => Promise<(query: string) => Highlighter | undefined>;
}

export function createListSearch({
  records,
  tables,
  complete,
  loadIndex,
  loadHighlighter,
}: ListSearchOptions) {
  const query = signal('');
  /** Bumped whenever the index changes, so results recompute. */
  const version = signal(0);
  /** True while a query waits for the search code to load. */
  const loading = signal(false);
  const highlightFor: Signal<((query: string) => Highlighter | undefined) | undefined> = signal(undefined);
  let index: ReadingListIndex | undefined;
  let createIndex: CreateIndex | undefined;
  let loadingCode: Promise<void> | undefined;

  function prepare(): Promise<void> {
    loadingCode ??= (async () => {
      loading.value = true;
      try {
        const [create, highlighter] = await Promise.all([loadIndex(), loadHighlighter()]);
        createIndex = create;
        highlightFor.value = highlighter;
      } finally {
        loading.value = false;
      }
    })();
    return loadingCode.then(() => {
      if (!index && complete()) index = createIndex!(records.peek(), tables.peek());
      version.value++;
    });
  }

  const scores = computed(() => {
    const _version = version.value; // read to subscribe: a new or patched index, new scores
    const q = query.value.trim();
    if (!q) return undefined;
    if (!index) {
      if (!createIndex) {
        // Signals may not be written inside a computed: start loading just after.
        queueMicrotask(() => void prepare());
        return new Map<string, number>();
      }
      index = createIndex(records.peek(), tables.peek());
    }
    return index.search(q);
  });

  const highlighter = computed(() => {
    const q = query.value.trim();
    return q && highlightFor.value ? highlightFor.value(q) : undefined;
  });

  return {
    query,
    loading,
    scores,
    highlighter,
    prepare,
    /** Drops the index: the next query builds it over the current list and tables. */
    reset() {
      index = undefined;
      version.value++;
    },
    /** New name tables: re-index only the records they touch (or all, when no index yet). */
    retable(next: NameTables, touched: readonly SavedPublication[]) {
      index?.retable(next, touched);
      version.value++;
    },
    /** Patches the index for changed and removed records. */
    patch(changed: readonly SavedPublication[], removed: readonly string[]) {
      if (index) {
        for (const id of removed) index.remove(id);
        for (const r of changed) index.add(r);
      }
      version.value++;
    },
  };
}
