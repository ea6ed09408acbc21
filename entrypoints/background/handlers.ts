import {
  deletePublications,
  listCatalog,
  listDismissed,
  listPublications,
  mergePublications,
  themeCounts,
  updatePublication,
  dismissSuggestion,
} from '@/utils/db';
import { MessageError } from '@/utils/messages';
import {
  type SavedPublication,
  sanitizeChanges,
  sanitizeFirstCheck,
  sanitizePublication,
  safeHttpUrl,
} from '@/utils/record';
import { database } from './database';
import {
  broadcastListChanged,
  onPageChecked,
  refreshBadges,
  sameOrigin,
  savePage,
  tabStateFor,
} from './flows';
import type { Handlers } from './router';
import { dismissAutoSaveNotice } from './tabs';
import {
  rankSuggestions,
  suggestionsNoteDismissed,
  suggestionsNoteRemoved,
  suggestionsNoteSaved,
  suggestionsReset,
} from './suggestions';
import { lastZoteroOutcome, sendTargetToZotero } from './zotero';

function invalid(what: string): never {
  throw new MessageError(`Invalid ${what}`, 'invalid');
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) invalid('ids');
  return value as string[];
}

export const handlers: Handlers = {
  async 'content/checked'({ url, check, ms }, sender) {
    const tabId = sender.tab?.id;
    const checked = sanitizeFirstCheck(check);
    // The address the content script saw: after a single-page app's pushState the sender's address
    // is still the document's first one (Chromium), so the script's own reading is the current one.
    // It is taken only within the sender's origin, which no in-page navigation can change.
    const claimed = safeHttpUrl(url);
    const pageUrl = claimed && sameOrigin(claimed, sender.url) ? claimed : undefined;
    if (tabId === undefined || !checked || !pageUrl) invalid('check');
    const checkMs = typeof ms === 'number' && ms >= 0 && ms < 60_000 ? ms : undefined;
    await onPageChecked(tabId, pageUrl, checked, checkMs);
    return { ok: true };
  },

  async 'page/tab-state'({ tabId, extract }) {
    if (!Number.isInteger(tabId)) invalid('tab');
    return tabStateFor(tabId, extract === true);
  },

  async 'page/save'({ publication, reader, edited }) {
    const clean = sanitizePublication(publication);
    if (!clean) invalid('publication');
    // The reader's own fields pass the same sanitiser as their edits; which fields they edited is
    // checked against the editable list by the database.
    const { status, notes, tags, starred } = sanitizeChanges(reader ?? {});
    const cleanReader = Object.fromEntries(
      Object.entries({ status, notes, tags, starred }).filter(([, v]) => v !== undefined),
    );
    return savePage(clean, cleanReader, Array.isArray(edited) ? edited : undefined);
  },

  async 'page/update'({ id, changes }) {
    if (typeof id !== 'string') invalid('id');
    const updated = await updatePublication(await database(), id, sanitizeChanges(changes));
    await suggestionsNoteSaved([updated]);
    // An edit never makes a record saved or unsaved, so no badge changes (no per-tab look-ups).
    broadcastListChanged([id]);
    return updated;
  },

  async 'page/update-many'({ ids: list, changes }) {
    const db = await database();
    const updated: SavedPublication[] = [];
    const clean = sanitizeChanges(changes);
    for (const id of ids(list)) updated.push(await updatePublication(db, id, clean));
    await suggestionsNoteSaved(updated);
    broadcastListChanged(list);
    return { updated: list.length };
  },

  async 'page/delete'({ ids: list }) {
    const deleted = await deletePublications(await database(), ids(list));
    await suggestionsNoteRemoved(list);
    broadcastListChanged(list);
    await refreshBadges();
    return { deleted };
  },

  async 'page/merge'({ ids: list }) {
    const merged = await mergePublications(await database(), ids(list));
    await suggestionsNoteRemoved(list.filter((id) => id !== merged.id));
    await suggestionsNoteSaved([merged]);
    broadcastListChanged(list);
    await refreshBadges();
    return merged;
  },

  async 'page/dismiss-auto-save-notice'() {
    await dismissAutoSaveNotice();
    return { ok: true };
  },

  async 'page/list'() {
    return listPublications(await database());
  },

  async 'page/theme-counts'() {
    return themeCounts(await database());
  },

  async 'page/catalog'({ limit }) {
    return listCatalog(await database(), typeof limit === 'number' ? limit : undefined);
  },

  async 'page/imported'() {
    suggestionsReset();
    broadcastListChanged([]);
    await refreshBadges();
    return { ok: true };
  },

  async 'page/suggestions'({ limit }) {
    return rankSuggestions(typeof limit === 'number' && limit > 0 ? Math.min(limit, 200) : 30);
  },

  async 'page/dismiss-suggestion'({ id }) {
    if (typeof id !== 'string') invalid('id');
    await dismissSuggestion(await database(), id);
    await suggestionsNoteDismissed(id);
    return { ok: true };
  },

  async 'page/dismissed'() {
    return listDismissed(await database());
  },

  async 'page/zotero-send'({ ids: list, tabId, all, attachPdf }) {
    if (tabId !== undefined && !Number.isInteger(tabId)) invalid('tab');
    return sendTargetToZotero({
      ids: list === undefined ? undefined : ids(list),
      tabId,
      all: all === true,
      attachPdf: attachPdf === true,
    });
  },

  async 'page/zotero-last'() {
    return (await lastZoteroOutcome()) ?? null;
  },
};
