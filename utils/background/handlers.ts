/**
 * One handler per message of the protocol (utils/messages.ts). Each checks its payload (the router
 * has checked the envelope and the sender), does one flow and replies with data.
 */
import {
  addTagToPublications,
  deletePublications,
  dismissSuggestion,
  listCatalog,
  listDismissed,
  listPublications,
  mergePublications,
  StorageError,
  themeCounts,
  updatePublication,
} from '@/utils/db';
import { MessageError, type RequestOf, type ResponseOf, type SenderInfo } from '@/utils/messages';
import {
  sanitizeChanges,
  sanitizeFirstCheck,
  sanitizePublication,
  safeHttpUrl,
  type SavedPublication,
} from '@/utils/record';
import { afterListChange } from './changes';
import type { Background } from './context';
import { ownedBy, sameOrigin } from './extraction';
import { onPageChecked, tabStateFor } from './page';
import type { Handlers } from './router';
import { savePage, saveSuggestion } from './save';
import { dismissAutoSaveNotice, getTabState } from './tab-state';

/** Send to Zotero desktop (entrypoints/background/zotero.ts), passed in by the wiring. */
export interface ZoteroPort {
  send(target: {
    ids?: string[];
    tabId?: number;
    all: boolean;
    attachPdf: boolean;
  }): Promise<ResponseOf<'page/zotero-send'>>;
  last(): Promise<ResponseOf<'page/zotero-last'>>;
}

function invalid(what: string): never {
  throw new MessageError(`Invalid ${what}`, 'invalid');
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) invalid('ids');
  return value as string[];
}

function id(value: unknown): string {
  if (typeof value !== 'string') invalid('id');
  return value;
}

async function pageChecked(
  bg: Background,
  { url, check, ms }: RequestOf<'content/checked'>,
  sender: SenderInfo,
) {
  const tabId = sender.tab?.id;
  const checked = sanitizeFirstCheck(check);
  // The address the content script saw: after a single-page app's pushState the sender's address
  // is still the document's first one (Chromium), so the script's own reading is the current one.
  // It is taken only within the sender's origin, which no in-page navigation can change.
  const claimed = safeHttpUrl(url);
  const pageUrl = claimed && sameOrigin(claimed, sender.url) ? claimed : undefined;
  if (tabId === undefined || !checked || !pageUrl) invalid('check');
  const checkMs = typeof ms === 'number' && ms >= 0 && ms < 60_000 ? ms : undefined;
  await onPageChecked(bg, tabId, pageUrl, checked, checkMs);
  return { ok: true as const };
}

async function save(bg: Background, { publication, reader, edited }: RequestOf<'page/save'>) {
  const clean = sanitizePublication(publication);
  if (!clean) invalid('publication');
  // The reader's own fields pass the same sanitiser as their edits; which fields they edited is
  // checked against the editable list by the database.
  const { status, notes, tags, starred } = sanitizeChanges(reader ?? {});
  const cleanReader = Object.fromEntries(
    Object.entries({ status, notes, tags, starred }).filter(([, v]) => v !== undefined),
  );
  return savePage(bg, clean, cleanReader, Array.isArray(edited) ? edited : undefined);
}

async function update(bg: Background, { id: target, changes }: RequestOf<'page/update'>) {
  const updated = await updatePublication(
    await bg.database(),
    id(target),
    sanitizeChanges(changes),
    bg.now(),
  );
  await afterListChange(bg, { saved: [updated], badges: false });
  return updated;
}

async function updateMany(bg: Background, { ids: list, changes }: RequestOf<'page/update-many'>) {
  const db = await bg.database();
  const updated: SavedPublication[] = [];
  const clean = sanitizeChanges(changes);
  let failure: unknown;
  for (const one of ids(list)) {
    try {
      updated.push(await updatePublication(db, one, clean, bg.now()));
    } catch (error) {
      // A record deleted meanwhile (another window) is skipped; any other failure stops here.
      if (error instanceof StorageError && error.reason === 'not-found') continue;
      failure = error;
      break;
    }
  }
  // Pages hear of what did change, also when a later record failed.
  await afterListChange(bg, { saved: updated, badges: false });
  if (failure) throw failure;
  return { updated: updated.length };
}

async function addTag(bg: Background, { ids: list, tag }: RequestOf<'page/add-tag'>) {
  const clean = sanitizeChanges({ tags: [tag] }).tags?.[0];
  if (!clean) invalid('tag');
  const updated = await addTagToPublications(await bg.database(), ids(list), clean, bg.now());
  await afterListChange(bg, { saved: updated, badges: false });
  return { updated: updated.length };
}

async function remove(bg: Background, { ids: list }: RequestOf<'page/delete'>) {
  const deleted = await deletePublications(await bg.database(), ids(list));
  await afterListChange(bg, { removed: list });
  return { deleted };
}

async function merge(bg: Background, { ids: list }: RequestOf<'page/merge'>) {
  const merged = await mergePublications(await bg.database(), ids(list), bg.now());
  await afterListChange(bg, { saved: [merged], removed: list.filter((one) => one !== merged.id) });
  return merged;
}

async function suggestionSaved(bg: Background, payload: RequestOf<'page/save-suggestion'>) {
  return (await saveSuggestion(bg, id(payload.id))) ?? invalid('suggestion');
}

async function dismissed(bg: Background, payload: RequestOf<'page/dismiss-suggestion'>) {
  await dismissSuggestion(await bg.database(), id(payload.id), bg.now());
  await bg.suggestions.noteDismissed(payload.id);
  return { ok: true as const };
}

/** The publication in a tab, as extracted for the address the tab is at now; none if it moved on. */
async function pageOf(bg: Background, tabId: unknown) {
  if (tabId === undefined) return undefined;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId)) invalid('tab');
  const url = await bg.tabs.url(tabId);
  const state = await getTabState(bg.session, tabId);
  // Another page of the same site (in-page navigation) does not inherit the earlier one's record.
  return state?.url === url ? ownedBy(url, state.extraction)?.publication : undefined;
}

async function suggestions(bg: Background, { limit, tabId }: RequestOf<'page/suggestions'>) {
  return bg.suggestions.rank(count(limit, 30, 200), bg.now(), await pageOf(bg, tabId));
}

function zoteroSend(zotero: ZoteroPort, { ids: list, tabId, all, attachPdf }: RequestOf<'page/zotero-send'>) {
  if (tabId !== undefined && !Number.isInteger(tabId)) invalid('tab');
  const target = { ids: list === undefined ? undefined : ids(list), tabId, all: all === true };
  return zotero.send({ ...target, attachPdf: attachPdf === true });
}

const count = (value: unknown, fallback: number, max: number) =>
  typeof value === 'number' && value > 0 ? Math.min(value, max) : fallback;

export function createHandlers(bg: Background, zotero: ZoteroPort): Handlers {
  return {
    'content/checked': (payload, sender) => pageChecked(bg, payload, sender),
    'page/tab-state': async ({ tabId, extract }) =>
      Number.isInteger(tabId) ? tabStateFor(bg, tabId, extract === true) : invalid('tab'),
    'page/save': (payload) => save(bg, payload),
    'page/update': (payload) => update(bg, payload),
    'page/update-many': (payload) => updateMany(bg, payload),
    'page/add-tag': (payload) => addTag(bg, payload),
    'page/delete': (payload) => remove(bg, payload),
    'page/merge': (payload) => merge(bg, payload),
    'page/dismiss-auto-save-notice': async () => {
      await dismissAutoSaveNotice(bg.session);
      return { ok: true };
    },
    'page/list': async () => listPublications(await bg.database()),
    'page/theme-counts': async () => themeCounts(await bg.database()),
    'page/catalog': async ({ limit }) =>
      listCatalog(await bg.database(), typeof limit === 'number' ? limit : undefined),
    'page/imported': async () => {
      await afterListChange(bg, { everything: true });
      return { ok: true };
    },
    'page/suggestions': (payload) => suggestions(bg, payload),
    'page/dismiss-suggestion': (payload) => dismissed(bg, payload),
    'page/save-suggestion': (payload) => suggestionSaved(bg, payload),
    'page/dismissed': async () => listDismissed(await bg.database()),
    'page/zotero-send': async (payload) => zoteroSend(zotero, payload),
    'page/zotero-last': () => zotero.last(),
  };
}
