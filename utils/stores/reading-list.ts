/**
 * The reading list as the popup and library see it: records, the search box, filters, sort, and
 * the visible result. Signals and actions only, no rendering, so tests drive it directly.
 *
 * Reads come from `source` (the database opened read-only, or the background); every change goes
 * to the background through `send`. The search index is built once the first screen is painted and
 * kept up to date record by record afterwards (utils/stores/list-search.ts). The reader's name
 * tables (theme and publisher names, from settings) apply to filters, facets and search alike.
 */
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { PublicationChanges } from '@/utils/record';
import type { MessageType, RequestOf, ResponseOf } from '@/utils/messages';
import type { ReadingStatus, SavedPublication } from '@/utils/record';
import { NO_NAME_TABLES, touchedByNames, type NameTables } from '@/utils/record-view';
import { errorMessage } from '@/utils/i18n';
import { collectFacets, matchesFilters, sortRecords, type ListFilters, type ListSort } from './list-view';
import { createListSearch, type CreateIndex } from './list-search';

export type { ListFilters, ListSort };

export type Send = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

export interface ReadingListSource {
  /** The newest few records, for a fast first paint (optional). */
  firstScreen?(limit: number): Promise<SavedPublication[]>;
  /** Every record, newest saved first. */
  all(): Promise<SavedPublication[]>;
  /** One record by id, undefined when deleted; used to apply the background's change notices. */
  one?(id: string): Promise<SavedPublication | undefined>;
}

export interface ReadingListStoreOptions {
  source: ReadingListSource;
  send: Send;
  /** Records to show before the whole list arrives. */
  firstScreenSize?: number;
  /** Loads the search index code (MiniSearch and the stemmers load after the first paint). */
  loadIndex?: () => Promise<CreateIndex>;
}

const loadSearchModule = async () => (await import('@/utils/search')).createReadingListIndex;
const loadHighlightModule = async () => (await import('@/utils/search')).highlighterFor;

/** Above this many changed ids a change notice reloads the list instead of patching it. */
const PATCH_LIMIT = 50;

type Phase = 'loading' | 'partial' | 'ready' | 'error';

/** The visible result: search, then filters (by the names as shown), then the chosen order. */
function visibleResults(
  records: ReadonlySignal<SavedPublication[]>,
  scores: ReadonlySignal<Map<string, number> | undefined>,
  filters: ReadonlySignal<ListFilters>,
  sort: ReadonlySignal<ListSort>,
  tables: ReadonlySignal<NameTables>,
) {
  return computed<SavedPublication[]>(() => {
    const matched = scores.value;
    const f = filters.value;
    const hasFilter = Object.values(f).some((v) => v !== undefined && v !== '');
    let list = records.value;
    if (matched) list = list.filter((r) => matched.has(r.id));
    if (hasFilter) list = list.filter((r) => matchesFilters(r, f, tables.value));
    // Records arrive newest saved first: that order needs no sort.
    if (sort.value === 'saved') return list;
    return sortRecords(list, sort.value, matched);
  });
}

/** Loading the list: the first screen, then everything. */
function listLoader(
  source: ReadingListSource,
  firstScreenSize: number,
  state: { records: Signal<SavedPublication[]>; phase: Signal<Phase>; error: Signal<string | undefined> },
  replaceAll: (next: SavedPublication[]) => void,
) {
  return async function load(): Promise<void> {
    state.error.value = undefined;
    try {
      if (source.firstScreen && state.phase.peek() === 'loading') {
        const first = await source.firstScreen(firstScreenSize);
        if (state.phase.peek() === 'loading') {
          batch(() => {
            state.records.value = first;
            state.phase.value = 'partial';
          });
        }
      }
      replaceAll(await source.all());
      state.phase.value = 'ready';
    } catch (e) {
      state.error.value = errorMessage(e);
      state.phase.value = 'error';
    }
  };
}

/** Changes sent to the background: status, edits, tags, deletions. */
function listActions(
  send: Send,
  applyRecords: (changed: SavedPublication[], removed: string[]) => void,
  refresh: (ids: string[]) => Promise<void>,
) {
  async function update(id: string, changes: PublicationChanges): Promise<SavedPublication> {
    const saved = await send('page/update', { id, changes });
    applyRecords([saved], []);
    return saved;
  }
  return {
    update,
    async setStatus(id: string, status: ReadingStatus): Promise<void> {
      await update(id, { status });
    },
    async updateMany(ids: string[], changes: PublicationChanges): Promise<number> {
      if (ids.length === 0) return 0;
      const { updated } = await send('page/update-many', { ids, changes });
      await refresh(ids);
      return updated;
    },
    /**
     * Adds a tag to each record. The background adds it to the stored record, so tags added
     * meanwhile elsewhere (another window, the popup) are kept, not overwritten by this copy.
     */
    async addTag(ids: string[], tag: string): Promise<number> {
      const clean = tag.trim().slice(0, 100);
      if (!clean || ids.length === 0) return 0;
      const { updated } = await send('page/add-tag', { ids, tag: clean });
      await refresh(ids);
      return updated;
    },
    async remove(ids: string[]): Promise<number> {
      if (ids.length === 0) return 0;
      const { deleted } = await send('page/delete', { ids });
      applyRecords([], ids);
      return deleted;
    },
  };
}

/** Filter state: one value per filter, '' or undefined meaning "any". */
function filterState() {
  const filters = signal<ListFilters>({});
  return {
    filters,
    setFilter<K extends keyof ListFilters>(key: K, value: ListFilters[K] | undefined) {
      const next = { ...filters.peek() };
      if (value === undefined || value === '') delete next[key];
      else next[key] = value;
      filters.value = next;
    },
    clearFilters() {
      filters.value = {};
    },
  };
}

/** Putting records in: all at once (load, import) or a few at a time (change notices). */
function recordUpdates(
  source: ReadingListSource,
  records: Signal<SavedPublication[]>,
  phase: Signal<Phase>,
  search: ReturnType<typeof createListSearch>,
) {
  function replaceAll(next: SavedPublication[]) {
    batch(() => {
      records.value = next;
      search.reset();
    });
  }

  /** Puts changed records in place (or removes deleted ones), keeping newest-saved-first order. */
  function applyRecords(changed: SavedPublication[], removed: string[]) {
    const drop = new Set([...removed, ...changed.map((r) => r.id)]);
    const kept = records.peek().filter((r) => !drop.has(r.id));
    const next = [...changed, ...kept].sort((a, b) => b.savedAt - a.savedAt);
    batch(() => {
      records.value = next;
      search.patch(changed, removed);
    });
  }

  /** The background said these records changed; `ids` empty means "reload everything" (an import). */
  async function refresh(ids: string[]): Promise<void> {
    if (!source.one || ids.length === 0 || ids.length > PATCH_LIMIT) {
      replaceAll(await source.all());
      phase.value = 'ready';
      return;
    }
    const found = await Promise.all(ids.map(async (id) => [id, await source.one!(id)] as const));
    applyRecords(
      found.flatMap(([, r]) => (r ? [r] : [])),
      found.flatMap(([id, r]) => (r ? [] : [id])),
    );
  }

  return { replaceAll, applyRecords, refresh };
}

export function createReadingListStore({
  source,
  send,
  firstScreenSize = 30,
  loadIndex = loadSearchModule,
}: ReadingListStoreOptions) {
  const records = signal<SavedPublication[]>([]);
  /** 'partial' while only the first screen is in. */
  const phase = signal<Phase>('loading');
  const error = signal<string | undefined>(undefined);
  const sort = signal<ListSort>('saved');
  const tables = signal<NameTables>(NO_NAME_TABLES);
  const { filters, setFilter, clearFilters } = filterState();
  const search = createListSearch({
    records,
    tables,
    complete: () => phase.peek() === 'ready',
    loadIndex,
    loadHighlighter: loadHighlightModule,
  });
  const byId = computed(() => new Map(records.value.map((r) => [r.id, r])));
  const facets = computed(() => collectFacets(records.value, tables.value));
  const results = visibleResults(records, search.scores, filters, sort, tables);

  const { replaceAll, applyRecords, refresh } = recordUpdates(source, records, phase, search);

  return {
    records,
    phase,
    error,
    query: search.query,
    searchLoading: search.loading,
    highlighter: search.highlighter,
    filters,
    sort,
    tables,
    results,
    facets,
    byId,
    load: listLoader(source, firstScreenSize, { records, phase, error }, replaceAll),
    prepareSearch: search.prepare,
    refresh,
    ...listActions(send, applyRecords, refresh),
    /** The reader's theme and publisher names changed (settings): rows, filters and search follow. */
    setTables(next: NameTables) {
      const touched = touchedByNames(records.peek(), tables.peek(), next);
      batch(() => {
        tables.value = next;
        search.retable(next, touched);
      });
    },
    setFilter,
    clearFilters,
  };
}

export type ReadingListStore = ReturnType<typeof createReadingListStore>;
