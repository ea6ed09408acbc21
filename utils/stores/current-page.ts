/**
 * "This page" in the popup: what the background extracted from the tab, the reader's edits to it
 * (before or after saving), and Save. Any http(s) page can be saved, detected or not.
 */
import { batch, computed, signal } from '@preact/signals';
import type { RequestOf, TabState } from '@/utils/messages';
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

/** Draft text fields cleaned to their stored cap (an empty one clears the field). */
const TEXT_FIELDS = {
  subtitle: LIMITS.subtitle,
  publisher: LIMITS.publisher,
  type: LIMITS.type,
  summary: LIMITS.summary,
} as const;
type TextField = keyof typeof TEXT_FIELDS;
const isText = (field: DraftField): field is TextField => Object.hasOwn(TEXT_FIELDS, field);
const LIST_FIELDS = ['authors', 'themes', 'tags'] as const;
const isList = (field: DraftField): field is (typeof LIST_FIELDS)[number] =>
  (LIST_FIELDS as readonly string[]).includes(field);

/** The publication's fields as the draft states them (for saving or updating). */
export function publicationChanges(
  draft: Draft,
  fields: Iterable<DraftField>,
  published?: string,
): PublicationChanges {
  const changes: PublicationChanges = {};
  for (const field of fields) {
    if (isText(field)) {
      changes[field] = cleanText(draft[field], TEXT_FIELDS[field]);
    } else if (isList(field)) {
      changes[field] = cleanList(draft[field]);
    } else if (field === 'title') {
      changes.title = cleanText(draft.title, LIMITS.title) ?? '';
    } else if (field === 'year') {
      const year = parseYear(draft.year);
      changes.year = year;
      // A stated date that contradicts the reader's year goes; one that agrees stays.
      changes.published =
        year === undefined ? undefined : published?.startsWith(String(year)) ? published : String(year);
    } else if (field === 'status') {
      changes.status = draft.status;
    } else if (field === 'notes') {
      changes.notes = cleanNotes(draft.notes);
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

/** The card's signals, and what it remembers besides. */
function pageSignals() {
  const phase = signal<'loading' | 'ready' | 'unavailable' | 'error'>('loading');
  const tab = signal<TabState | undefined>(undefined);
  const saved = signal<SavedPublication | undefined>(undefined);
  const draft = signal<Draft>(draftFrom({}));
  const edited = signal<ReadonlySet<DraftField>>(new Set());
  const editing = signal(false);
  const busy = signal(false);
  const error = signal<string | undefined>(undefined);
  const autoSaveHeld = signal<TabState['autoSaveHeld']>(undefined);
  return {
    phase,
    tab,
    saved,
    draft,
    edited,
    editing,
    busy,
    error,
    autoSaveHeld,
    // As the badge: the full check's verdict, on a page the first check did not rule out.
    detected: computed(
      () => tab.value?.firstCheck?.ruledOut !== true && tab.value?.extraction?.detected === true,
    ),
    publication: computed<Publication | undefined>(() => tab.value?.extraction?.publication),
    isSaved: computed(() => saved.value !== undefined),
    canSave: computed(() => phase.value === 'ready' && !busy.value && draft.value.title.trim() !== ''),
    /** Saved records this page resembles but was not linked to (a page's word never merges records). */
    resembles: computed(() =>
      (tab.value?.resembles ?? []).filter((r) => r.id !== saved.value?.id).slice(0, 3),
    ),
    /** The tab's title, for a page that gave none. */
    fallbackTitle: '',
    /** The stored version the form was last reset from: the same version never resets it twice. */
    shown: undefined as string | undefined,
  };
}

type Page = ReturnType<typeof pageSignals>;

function reset(page: Page, from: Partial<Publication> & Partial<SavedPublication>) {
  batch(() => {
    const d = draftFrom(from);
    if (!d.title) d.title = page.fallbackTitle;
    page.draft.value = d;
    page.edited.value = new Set();
  });
}

/**
 * Shows a stored version of the saved record. The popup's own save reaches it twice, as the reply
 * and as the background's broadcast, in either order: whichever comes first is applied, the other
 * is the same version and changes nothing. `keepEdits`: the reader is editing, leave the form.
 */
function show(page: Page, record: SavedPublication, keepEdits: boolean) {
  const version = JSON.stringify(record);
  batch(() => {
    if (version !== JSON.stringify(page.saved.peek())) page.saved.value = record;
    if (keepEdits || version === page.shown) return;
    page.shown = version;
    reset(page, record);
  });
}

async function load(page: Page, { send, tabId, tabTitle }: CurrentPageStoreOptions): Promise<void> {
  try {
    const id = await tabId();
    if (id === undefined) {
      page.phase.value = 'unavailable';
      return;
    }
    const state = await send('page/tab-state', { tabId: id, extract: true });
    if (!/^https?:/i.test(state.url ?? '')) {
      batch(() => {
        page.tab.value = state;
        page.phase.value = 'unavailable';
      });
      return;
    }
    if (!state.extraction?.publication?.title && tabTitle)
      page.fallbackTitle = ((await tabTitle(id)) ?? '').trim();
    if (!page.fallbackTitle) page.fallbackTitle = state.url;
    batch(() => {
      page.tab.value = state;
      page.saved.value = state.saved;
      page.autoSaveHeld.value = state.autoSaveHeld;
      page.shown = state.saved && JSON.stringify(state.saved);
      reset(page, state.saved ?? state.extraction?.publication ?? {});
      page.phase.value = 'ready';
    });
  } catch (e) {
    batch(() => {
      page.error.value = errorMessage(e);
      page.phase.value = 'error';
    });
  }
}

/** Runs one change with the card busy; a failure is shown on the card and gives undefined. */
async function busyWith(
  page: Page,
  work: () => Promise<SavedPublication>,
): Promise<SavedPublication | undefined> {
  if (page.busy.peek()) return undefined;
  page.busy.value = true;
  page.error.value = undefined;
  try {
    return await work();
  } catch (e) {
    page.error.value = errorMessage(e);
    return undefined;
  } finally {
    page.busy.value = false;
  }
}

/** What `page/save` sends for an unsaved page: the extraction with the reader's edits over it. */
function saveRequest(page: Page): RequestOf<'page/save'> {
  const current = page.draft.peek();
  const base: Publication =
    page.publication.peek() ?? newPublication({ url: page.tab.peek()!.url, title: '' });
  // Edited publication fields override the extraction, and are marked as the reader's.
  const editedPublicationFields = [...page.edited.peek()].filter((f) => PUBLICATION_FIELDS.has(f));
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
  const reader = { status: current.status, notes: cleanNotes(current.notes), tags: cleanList(current.tags) };
  return { publication: merged, reader, edited: [...editedFields] };
}

/** Saves the page (with any edits) or, when already saved, stores the edits. */
function save(page: Page, send: Send): Promise<SavedPublication | undefined> {
  return busyWith(page, async () => {
    const existing = page.saved.peek();
    const result = existing
      ? await send('page/update', {
          id: existing.id,
          changes: publicationChanges(page.draft.peek(), page.edited.peek(), existing.published),
        })
      : await send('page/save', saveRequest(page));
    batch(() => {
      show(page, result, false);
      page.editing.value = false;
    });
    return result;
  });
}

/**
 * The reader says this page is the saved record `id`: the page is saved (if it was not) and the
 * two records become one, the older keeping its id, with every note, tag and status of both.
 */
async function mergeWith(page: Page, send: Send, id: string): Promise<SavedPublication | undefined> {
  if (page.busy.peek()) return undefined;
  const own = page.saved.peek() ?? (await save(page, send));
  if (!own) return undefined;
  return busyWith(page, async () => {
    const result = await send('page/merge', { ids: [own.id, id] });
    batch(() => {
      show(page, result, false);
      const tab = page.tab.peek();
      if (tab) page.tab.value = { ...tab, resembles: (tab.resembles ?? []).filter((r) => r.id !== id) };
    });
    return result;
  });
}

/** The record changed elsewhere (library, another popup, a broadcast): show the stored version. */
function recordChanged(page: Page, record: SavedPublication | undefined, deletedId?: string) {
  if (record && page.saved.peek()?.id === record.id) {
    show(page, record, page.editing.peek());
  } else if (!record && deletedId && page.saved.peek()?.id === deletedId) {
    page.saved.value = undefined;
    page.shown = undefined;
  }
}

export function createCurrentPageStore(options: CurrentPageStoreOptions) {
  const { send } = options;
  const page = pageSignals();
  const { fallbackTitle: _title, shown: _shown, ...signals } = page;
  return {
    ...signals,
    load: () => load(page, options),
    setField<K extends DraftField>(field: K, value: Draft[K]) {
      batch(() => {
        page.draft.value = { ...page.draft.peek(), [field]: value };
        page.edited.value = new Set([...page.edited.peek(), field]);
      });
    },
    save: () => save(page, send),
    mergeWith: (id: string) => mergeWith(page, send, id),
    async dismissAutoSaveNotice(): Promise<void> {
      page.autoSaveHeld.value = undefined;
      await send('page/dismiss-auto-save-notice', {}).catch(() => {});
    },
    cancelEdits() {
      batch(() => {
        reset(page, page.saved.peek() ?? page.publication.peek() ?? {});
        page.editing.value = false;
      });
    },
    recordChanged: (record: SavedPublication | undefined, deletedId?: string) =>
      recordChanged(page, record, deletedId),
  };
}

export type CurrentPageStore = ReturnType<typeof createCurrentPageStore>;
