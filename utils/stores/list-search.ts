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

/**
 * Name tables the index has not taken in yet, with the records they show differently. They are
 * applied before the index is next used (a query, the search box focused, a patch), not on the
 * click that changed them, so a theme merge shows in the list at once.
 */
function pendingTables() {
  let pending: { tables: NameTables; ids: Set<string> } | undefined;
  return {
    add(next: NameTables, touched: readonly SavedPublication[]) {
      const ids = pending?.ids ?? new Set<string>();
      for (const r of touched) ids.add(r.id);
      pending = { tables: next, ids };
    },
    applyTo(index: ReadingListIndex | undefined, records: readonly SavedPublication[]) {
      if (!pending) return;
      const { tables, ids } = pending;
      pending = undefined;
      index?.retable(
        tables,
        records.filter((r) => ids.has(r.id)),
      );
    },
    clear() {
      pending = undefined;
    },
  };
}

/** The search and highlight code, loaded once when first asked for; `loading` meanwhile. */
function searchCode(
  loadIndex: () => Promise<CreateIndex>,
  loadHighlighter: ListSearchOptions['loadHighlighter'],
) {
  /** True while a query waits for the search code to load. */
  const loading = signal(false);
  const highlightFor: Signal<((query: string) => Highlighter | undefined) | undefined> = signal(undefined);
  let createIndex: CreateIndex | undefined;
  let loadingCode: Promise<CreateIndex> | undefined;
  return {
    loading,
    highlightFor,
    createIndex: () => createIndex,
    load(): Promise<CreateIndex> {
      loadingCode ??= (async () => {
        loading.value = true;
        try {
          const [create, highlighter] = await Promise.all([loadIndex(), loadHighlighter()]);
          createIndex = create;
          highlightFor.value = highlighter;
          return create;
        } finally {
          loading.value = false;
        }
      })();
      return loadingCode;
    },
  };
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
  const code = searchCode(loadIndex, loadHighlighter);
  let index: ReadingListIndex | undefined;
  const pending = pendingTables();
  const applyPending = () => pending.applyTo(index, records.peek());

  function prepare(): Promise<void> {
    return code.load().then((createIndex) => {
      applyPending();
      if (!index && complete()) index = createIndex(records.peek(), tables.peek());
      version.value++;
    });
  }

  const scores = computed(() => {
    const _version = version.value; // read to subscribe: a new or patched index, new scores
    const q = query.value.trim();
    if (!q) return undefined;
    if (!index) {
      const createIndex = code.createIndex();
      if (!createIndex) {
        // Signals may not be written inside a computed: start loading just after.
        queueMicrotask(() => void prepare());
        return new Map<string, number>();
      }
      index = createIndex(records.peek(), tables.peek());
    }
    applyPending();
    return index.search(q);
  });

  const highlighter = computed(() => {
    const q = query.value.trim();
    const highlightFor = code.highlightFor.value;
    return q && highlightFor ? highlightFor(q) : undefined;
  });

  return {
    query,
    loading: code.loading,
    scores,
    highlighter,
    prepare,
    /** Drops the index: the next query builds it over the current list and tables. */
    reset() {
      index = undefined;
      pending.clear();
      version.value++;
    },
    /** New name tables: the records they touch are re-indexed before the index is next used. */
    retable(next: NameTables, touched: readonly SavedPublication[]) {
      if (!index) return;
      pending.add(next, touched);
      if (query.peek().trim()) version.value++;
    },
    /** Patches the index for changed and removed records. */
    patch(changed: readonly SavedPublication[], removed: readonly string[]) {
      applyPending();
      if (index) {
        for (const id of removed) index.remove(id);
        for (const r of changed) index.add(r);
      }
      version.value++;
    },
  };
}
