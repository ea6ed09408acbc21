/**
 * The reading list as the popup and library see it: records, the search box, filters, sort, and
 * the visible result. Signals and actions only, no rendering, so tests drive it directly.
 *
 * Reads come from `source` (the database opened read-only, or the background); every change goes
 * to the background through `send`. The search index is built once the first screen is painted and
 * kept up to date record by record afterwards.
 */
import { batch, computed, signal } from '@preact/signals';
import type { PublicationChanges } from '@/utils/record';
import type { MessageType, RequestOf, ResponseOf } from '@/utils/messages';
import type { ReadingStatus, SavedPublication } from '@/utils/publication';
import type { ReadingListIndex } from '@/utils/search';
import { collectFacets, matchesFilters, sortRecords, type ListFilters, type ListSort } from './list-view';
import { errorMessage } from '@/utils/i18n';

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
  loadIndex?: () => Promise<(records: readonly SavedPublication[]) => ReadingListIndex>;
}

const loadSearchModule = async () => (await import('@/utils/search')).createReadingListIndex;

/** Above this many changed ids a change notice reloads the list instead of patching it. */
const PATCH_LIMIT = 50;

export function createReadingListStore({
  source,
  send,
  firstScreenSize = 30,
  loadIndex = loadSearchModule,
}: ReadingListStoreOptions) {
  const records = signal<SavedPublication[]>([]);
  /** 'partial' while only the first screen is in. */
  const phase = signal<'loading' | 'partial' | 'ready' | 'error'>('loading');
  const error = signal<string | undefined>(undefined);
  const query = signal('');
  const filters = signal<ListFilters>({});
  const sort = signal<ListSort>('saved');
  /** Bumped whenever the index changes, so results recompute. */
  const indexVersion = signal(0);
  let index: ReadingListIndex | undefined;
  let createIndex: ((records: readonly SavedPublication[]) => ReadingListIndex) | undefined;
  let loadingIndex: Promise<void> | undefined;
  /** True while a query waits for the search code to load. */
  const searchLoading = signal(false);

  const byId = computed(() => new Map(records.value.map((r) => [r.id, r])));
  const facets = computed(() => collectFacets(records.value));

  const scores = computed(() => {
    indexVersion.value;
    const q = query.value.trim();
    if (!q) return undefined;
    if (!index) {
      if (!createIndex) {
        // Signals may not be written inside a computed: start loading just after.
        queueMicrotask(() => void prepareSearch());
        return new Map<string, number>();
      }
      index = createIndex(records.peek());
    }
    return index.search(q);
  });

  const results = computed<SavedPublication[]>(() => {
    const matched = scores.value;
    const f = filters.value;
    const hasFilter = Object.values(f).some((v) => v !== undefined && v !== '');
    let list = records.value;
    if (matched) list = list.filter((r) => matched.has(r.id));
    if (hasFilter) list = list.filter((r) => matchesFilters(r, f));
    // Records arrive newest saved first: that order needs no sort.
    if (sort.value === 'saved') return list;
    return sortRecords(list, sort.value, matched);
  });

  function replaceAll(next: SavedPublication[]) {
    index = undefined;
    batch(() => {
      records.value = next;
      indexVersion.value++;
    });
  }

  async function load(): Promise<void> {
    error.value = undefined;
    try {
      if (source.firstScreen && phase.peek() === 'loading') {
        const first = await source.firstScreen(firstScreenSize);
        if (phase.peek() === 'loading') {
          batch(() => {
            records.value = first;
            phase.value = 'partial';
          });
        }
      }
      replaceAll(await source.all());
      phase.value = 'ready';
    } catch (e) {
      error.value = errorMessage(e);
      phase.value = 'error';
    }
  }

  /**
   * Loads the search code and builds the index ahead of the first keystroke (call when the page
   * is idle, or on focus of the search box). A query typed before then shows once it is ready.
   */
  function prepareSearch(): Promise<void> {
    loadingIndex ??= (async () => {
      searchLoading.value = true;
      try {
        createIndex = await loadIndex();
      } finally {
        searchLoading.value = false;
      }
    })();
    return loadingIndex.then(() => {
      if (!index && phase.peek() === 'ready') index = createIndex!(records.peek());
      indexVersion.value++;
    });
  }

  /** Puts changed records in place (or removes deleted ones), keeping newest-saved-first order. */
  function applyRecords(changed: SavedPublication[], removed: string[]) {
    const drop = new Set([...removed, ...changed.map((r) => r.id)]);
    const kept = records.peek().filter((r) => !drop.has(r.id));
    const next = [...changed, ...kept].sort((a, b) => b.savedAt - a.savedAt);
    if (index) {
      for (const id of removed) index.remove(id);
      for (const r of changed) index.add(r);
    }
    batch(() => {
      records.value = next;
      indexVersion.value++;
    });
  }

  /** The background said these records changed (saved, edited, deleted, imported). */
  /** `ids` empty means "anything may have changed" (an import): reload the whole list. */
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

  async function update(id: string, changes: PublicationChanges): Promise<SavedPublication> {
    const saved = await send('page/update', { id, changes });
    applyRecords([saved], []);
    return saved;
  }

  async function setStatus(id: string, status: ReadingStatus): Promise<void> {
    await update(id, { status });
  }

  async function updateMany(ids: string[], changes: PublicationChanges): Promise<number> {
    if (ids.length === 0) return 0;
    const { updated } = await send('page/update-many', { ids, changes });
    await refresh(ids);
    return updated;
  }

  /** Adds a tag to each record (their other tags kept); one message per distinct tag list. */
  async function addTag(ids: string[], tag: string): Promise<void> {
    const clean = tag.trim().slice(0, 100);
    if (!clean) return;
    const groups = new Map<string, string[]>();
    for (const id of ids) {
      const record = byId.peek().get(id);
      if (!record || record.tags.includes(clean)) continue;
      const tags = [...record.tags, clean];
      const key = JSON.stringify(tags);
      groups.set(key, [...(groups.get(key) ?? []), id]);
    }
    for (const [key, group] of groups)
      await send('page/update-many', { ids: group, changes: { tags: JSON.parse(key) } });
    await refresh(ids);
  }

  async function remove(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { deleted } = await send('page/delete', { ids });
    applyRecords([], ids);
    return deleted;
  }

  function setFilter<K extends keyof ListFilters>(key: K, value: ListFilters[K] | undefined) {
    const next = { ...filters.peek() };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    filters.value = next;
  }

  function clearFilters() {
    filters.value = {};
  }

  return {
    records,
    phase,
    error,
    query,
    searchLoading,
    filters,
    sort,
    results,
    facets,
    byId,
    load,
    prepareSearch,
    refresh,
    update,
    setStatus,
    updateMany,
    addTag,
    remove,
    setFilter,
    clearFilters,
  };
}

export type ReadingListStore = ReturnType<typeof createReadingListStore>;
