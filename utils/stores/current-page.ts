/**
 * "This page" in the popup: what the background extracted from the tab, the reader's edits to it
 * (before or after saving), and Save. Any http(s) page can be saved, detected or not.
 */
import { batch, computed, signal } from '@preact/signals';
import type { TabState } from '@/utils/messages';
import {
  cleanList,
  cleanNotes,
  cleanText,
  LIMITS,
  newPublication,
  type EditableField,
  type Publication,
  type PublicationChanges,
  type ReadingStatus,
  type SavedPublication,
} from '@/utils/record';
import type { Send } from './reading-list';
import { errorMessage } from '@/utils/i18n';

/** What the edit form holds: the publication's editable fields plus the reader's own. */
export interface Draft {
  title: string;
  subtitle: string;
  authors: string[];
  year: string;
  publisher: string;
  type: string;
  themes: string[];
  summary: string;
  tags: string[];
  status: ReadingStatus;
  notes: string;
}
export type DraftField = keyof Draft;

const PUBLICATION_FIELDS: ReadonlySet<DraftField> = new Set([
  'title',
  'subtitle',
  'authors',
  'year',
  'publisher',
  'type',
  'themes',
  'summary',
]);

export function draftFrom(p: Partial<Publication> & Partial<SavedPublication>): Draft {
  return {
    title: p.title ?? '',
    subtitle: p.subtitle ?? '',
    authors: [...(p.authors ?? [])],
    year: p.year !== undefined ? String(p.year) : '',
    publisher: p.publisher ?? '',
    type: p.type ?? '',
    themes: [...(p.themes ?? [])],
    summary: p.summary ?? '',
    tags: [...(p.tags ?? [])],
    status: p.status ?? 'to-read',
    notes: p.notes ?? '',
  };
}

/** A year the reader typed: four digits in a sane range, else none. */
export function parseYear(value: string): number | undefined {
  const match = /^\s*(\d{4})\s*$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  return year >= 1500 && year <= new Date().getFullYear() + 5 ? year : undefined;
}

/** The publication's fields as the draft states them (for saving or updating). */
export function publicationChanges(
  draft: Draft,
  fields: Iterable<DraftField>,
  published?: string,
): PublicationChanges {
  const changes: PublicationChanges = {};
  for (const field of fields) {
    switch (field) {
      case 'title':
        changes.title = cleanText(draft.title, LIMITS.title) ?? '';
        break;
      case 'subtitle':
        changes.subtitle = cleanText(draft.subtitle, LIMITS.subtitle);
        break;
      case 'authors':
        changes.authors = cleanList(draft.authors);
        break;
      case 'year': {
        const year = parseYear(draft.year);
        changes.year = year;
        // A stated date that contradicts the reader's year goes; one that agrees stays.
        changes.published =
          year === undefined ? undefined : published?.startsWith(String(year)) ? published : String(year);
        break;
      }
      case 'publisher':
        changes.publisher = cleanText(draft.publisher, LIMITS.publisher);
        break;
      case 'type':
        changes.type = cleanText(draft.type, LIMITS.type);
        break;
      case 'themes':
        changes.themes = cleanList(draft.themes);
        break;
      case 'summary':
        changes.summary = cleanText(draft.summary, LIMITS.summary);
        break;
      case 'tags':
        changes.tags = cleanList(draft.tags);
        break;
      case 'status':
        changes.status = draft.status;
        break;
      case 'notes':
        changes.notes = cleanNotes(draft.notes);
        break;
    }
  }
  return changes;
}

export interface CurrentPageStoreOptions {
  send: Send;
  /** The tab the popup is about (undefined: none, e.g. no active tab). */
  tabId: () => Promise<number | undefined>;
  /** The tab's own title, for pages the extractor gave no title. */
  tabTitle?: (tabId: number) => Promise<string | undefined>;
}

export function createCurrentPageStore({ send, tabId, tabTitle }: CurrentPageStoreOptions) {
  const phase = signal<'loading' | 'ready' | 'unavailable' | 'error'>('loading');
  const tab = signal<TabState | undefined>(undefined);
  const saved = signal<SavedPublication | undefined>(undefined);
  const draft = signal<Draft>(draftFrom({}));
  const edited = signal<ReadonlySet<DraftField>>(new Set());
  const editing = signal(false);
  const busy = signal(false);
  const error = signal<string | undefined>(undefined);
  let fallbackTitle = '';

  // As the badge: the full check's verdict, on a page the first check did not rule out.
  const detected = computed(
    () => tab.value?.firstCheck?.ruledOut !== true && tab.value?.extraction?.detected === true,
  );
  const publication = computed<Publication | undefined>(() => tab.value?.extraction?.publication);
  const isSaved = computed(() => saved.value !== undefined);
  /** Saved records this page resembles but was not linked to (a page's word never merges records). */
  const resembles = computed(() =>
    (tab.value?.resembles ?? []).filter((r) => r.id !== saved.value?.id).slice(0, 3),
  );
  const autoSaveHeld = signal<TabState['autoSaveHeld']>(undefined);
  const canSave = computed(() => phase.value === 'ready' && !busy.value && draft.value.title.trim() !== '');

  function reset(from: Partial<Publication> & Partial<SavedPublication>) {
    batch(() => {
      const d = draftFrom(from);
      if (!d.title) d.title = fallbackTitle;
      draft.value = d;
      edited.value = new Set();
    });
  }

  async function load(): Promise<void> {
    try {
      const id = await tabId();
      if (id === undefined) {
        phase.value = 'unavailable';
        return;
      }
      const state = await send('page/tab-state', { tabId: id, extract: true });
      if (!/^https?:/i.test(state.url ?? '')) {
        batch(() => {
          tab.value = state;
          phase.value = 'unavailable';
        });
        return;
      }
      if (!state.extraction?.publication?.title && tabTitle)
        fallbackTitle = ((await tabTitle(id)) ?? '').trim();
      if (!fallbackTitle) fallbackTitle = state.url;
      batch(() => {
        tab.value = state;
        saved.value = state.saved;
        autoSaveHeld.value = state.autoSaveHeld;
        reset(state.saved ?? state.extraction?.publication ?? {});
        phase.value = 'ready';
      });
    } catch (e) {
      batch(() => {
        error.value = errorMessage(e);
        phase.value = 'error';
      });
    }
  }

  function setField<K extends DraftField>(field: K, value: Draft[K]) {
    batch(() => {
      draft.value = { ...draft.peek(), [field]: value };
      edited.value = new Set([...edited.peek(), field]);
    });
  }

  /** Saves the page (with any edits) or, when already saved, stores the edits. */
  /** Runs one change with the card busy; a failure is shown on the card and gives undefined. */
  async function busyWith(work: () => Promise<SavedPublication>): Promise<SavedPublication | undefined> {
    if (busy.peek()) return undefined;
    busy.value = true;
    error.value = undefined;
    try {
      return await work();
    } catch (e) {
      error.value = errorMessage(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  function save(): Promise<SavedPublication | undefined> {
    return busyWith(async () => {
      const existing = saved.peek();
      const current = draft.peek();
      let result: SavedPublication;
      if (existing) {
        result = await send('page/update', {
          id: existing.id,
          changes: publicationChanges(current, edited.peek(), existing.published),
        });
      } else {
        const base: Publication = publication.peek() ?? newPublication({ url: tab.peek()!.url, title: '' });
        // Edited publication fields override the extraction, and are marked as the reader's.
        const editedPublicationFields = [...edited.peek()].filter((f) => PUBLICATION_FIELDS.has(f));
        const fields = new Set<DraftField>(editedPublicationFields);
        if (!base.title) fields.add('title');
        const changes = publicationChanges(current, fields, base.published);
        const merged = { ...base, ...changes } as Publication;
        for (const key of Object.keys(merged) as Array<keyof Publication>)
          if (merged[key] === undefined) delete merged[key];
        const editedFields = new Set<EditableField>();
        for (const f of editedPublicationFields) {
          editedFields.add(f as EditableField);
          if (f === 'year') editedFields.add('published');
        }
        result = await send('page/save', {
          publication: merged,
          reader: {
            status: current.status,
            notes: cleanNotes(current.notes),
            tags: cleanList(current.tags),
          },
          edited: [...editedFields],
        });
      }
      batch(() => {
        saved.value = result;
        reset(result);
        editing.value = false;
      });
      return result;
    });
  }

  /**
   * The reader says this page is the saved record `id`: the page is saved (if it was not) and the
   * two records become one, the older keeping its id, with every note, tag and status of both.
   */
  async function mergeWith(id: string): Promise<SavedPublication | undefined> {
    if (busy.peek()) return undefined;
    const own = saved.peek() ?? (await save());
    if (!own) return undefined;
    return busyWith(async () => {
      const result = await send('page/merge', { ids: [own.id, id] });
      batch(() => {
        saved.value = result;
        if (tab.peek())
          tab.value = { ...tab.peek()!, resembles: (tab.peek()!.resembles ?? []).filter((r) => r.id !== id) };
        reset(result);
      });
      return result;
    });
  }

  async function dismissAutoSaveNotice(): Promise<void> {
    autoSaveHeld.value = undefined;
    await send('page/dismiss-auto-save-notice', {}).catch(() => {});
  }

  function cancelEdits() {
    batch(() => {
      reset(saved.peek() ?? publication.peek() ?? {});
      editing.value = false;
    });
  }

  /** The record changed elsewhere (library, another popup): show the stored version. */
  function recordChanged(record: SavedPublication | undefined, deletedId?: string) {
    if (record && saved.peek()?.id === record.id) {
      saved.value = record;
      if (!editing.peek()) reset(record);
    } else if (deletedId && saved.peek()?.id === deletedId) {
      saved.value = undefined;
    }
  }

  return {
    phase,
    tab,
    saved,
    draft,
    edited,
    editing,
    busy,
    error,
    detected,
    publication,
    isSaved,
    canSave,
    resembles,
    autoSaveHeld,
    load,
    setField,
    save,
    mergeWith,
    dismissAutoSaveNotice,
    cancelEdits,
    recordChanged,
  };
}

export type CurrentPageStore = ReturnType<typeof createCurrentPageStore>;
