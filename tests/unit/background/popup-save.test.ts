/**
 * A save from the popup, end to end in Node: the popup's stores send through the router to the
 * handlers, over a counted database; the background's broadcast comes back through onBroadcast and
 * is applied as popup/main.tsx applies it (the list refreshes, then the card hears of the record).
 */
import { effect } from '@preact/signals';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPublication, listPublications, listPublicationsPage } from '@/utils/db';
import { createHandlers } from '@/utils/background/handlers';
import { route } from '@/utils/background/router';
import { broadcast, onBroadcast, sendMessage, type MessageEvents, type MessageType } from '@/utils/messages';
import { createCurrentPageStore } from '@/utils/stores/current-page';
import { createReadingListStore, type Send } from '@/utils/stores/reading-list';
import { fakeBackground, pageResult, publication, type Fakes } from './helpers';

const SELF = { id: 'leesmap', origin: 'chrome-extension://leesmap/' };
const POPUP = { id: 'leesmap', url: 'chrome-extension://leesmap/popup.html' };
/** Broadcasts being applied in the popup (its list refresh, then the card). */
const applying: Promise<void>[] = [];
/** A task later (a reply-first broadcast is let through then), every broadcast applied. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.all(applying.splice(0));
}

/**
 * The runtime's message events, as a page sees them. Broadcasts wait in `pending` until the test's
 * messaging lets them through: before the reply reaches the page, or after it was applied.
 */
function pageEvents() {
  const listeners = new Set<(message: unknown) => undefined>();
  const pending: unknown[] = [];
  const events: MessageEvents = {
    addListener: (l) => void listeners.add(l),
    removeListener: (l) => void listeners.delete(l),
  };
  const flush = () => {
    for (const message of pending.splice(0))
      for (const listener of listeners) listener(structuredClone(message));
  };
  return { events, deliver: async (message: unknown) => void pending.push(message), flush };
}

type Order = 'reply first' | 'broadcast first';

async function popup(f: Fakes, order: Order) {
  const { events, deliver, flush } = pageEvents();
  f.bg.broadcast = (type, payload) => broadcast(type, payload, deliver);
  const handlers = createHandlers(f.bg, {
    send: async () => Promise.reject(new Error('no Zotero')),
    last: async () => null,
  });
  const send = (async (type: MessageType, payload: never) =>
    sendMessage(type, payload, async (message) => {
      const reply = await route(handlers, SELF, structuredClone(message), POPUP);
      if (order === 'broadcast first') {
        flush();
        await settle();
      } else {
        // A task later: the page has applied the reply by then.
        setTimeout(flush, 0);
      }
      return structuredClone(reply);
    })) as Send;
  let listReads = 0;
  const list = createReadingListStore({
    send,
    source: {
      firstScreen: async (limit) => listPublicationsPage(f.db, limit),
      all: async () => (listReads++, listPublications(f.db)),
      one: async (id) => (listReads++, getPublication(f.db, id)),
    },
  });
  const current = createCurrentPageStore({ send, tabId: async () => 1 });
  // As entrypoints/popup/main.tsx: the list refreshes, then the card hears of each record.
  onBroadcast(
    'background/list-changed',
    ({ ids }) =>
      void applying.push(
        list.refresh(ids).then(() => {
          for (const id of ids) current.recordChanged(list.byId.peek().get(id), id);
        }),
      ),
    events,
  );
  await Promise.all([list.load(), current.load()]);
  let resets = -1;
  effect(() => void (current.draft.value, resets++));
  return { list, current, flush, counts: () => ({ listReads, resets }) };
}

let f: Fakes;
beforeEach(async () => {
  f = await fakeBackground();
  f.tabs.set(1, publication().url);
  f.pages.set(1, { extractor: pageResult(publication(), false) });
});

describe('a save from the popup', () => {
  for (const order of ['reply first', 'broadcast first'] as const) {
    it(`costs one write transaction, one list refresh and one reset of the form (${order})`, async () => {
      const { list, current, counts } = await popup(f, order);
      current.setField('title', 'Leren van doen, herzien');
      const before = { ...f.counts };
      const edited = counts().resets;
      const listReads = counts().listReads;
      const saved = await current.save();
      await settle();
      expect(f.counts.readwrite - before.readwrite).toBe(1);
      // Reads: the badge of the one open tab, and the popup's list refresh.
      expect(f.counts.readonly - before.readonly).toBe(2);
      expect(counts().listReads - listReads).toBe(1);
      expect(counts().resets - edited).toBe(1);
      expect(current.saved.value).toEqual(saved);
      expect(current.draft.value.title).toBe('Leren van doen, herzien');
      expect(list.records.value.map((r) => r.title)).toEqual(['Leren van doen, herzien']);
    });
  }

  it('an edit of the saved page: the reply ends editing and shows it once', async () => {
    const { current, counts } = await popup(f, 'reply first');
    await current.save();
    await settle();
    current.editing.value = true;
    current.setField('notes', 'Hoofdstuk 3 lezen');
    const edited = counts().resets;
    const listReads = counts().listReads;
    await current.save();
    await settle();
    expect(current.editing.value).toBe(false);
    expect(current.saved.value?.notes).toBe('Hoofdstuk 3 lezen');
    expect(current.draft.value.notes).toBe('Hoofdstuk 3 lezen');
    expect(counts().resets - edited).toBe(1);
    expect(counts().listReads - listReads).toBe(1);
  });

  it('a change made elsewhere (the library) still reaches the card', async () => {
    const { current, flush } = await popup(f, 'reply first');
    const saved = (await current.save())!;
    await settle();
    const handlers = createHandlers(f.bg, {
      send: async () => Promise.reject(new Error()),
      last: async () => null,
    });
    await handlers['page/update']({ id: saved.id, changes: { status: 'read' } }, POPUP);
    flush();
    await settle();
    expect(current.saved.value?.status).toBe('read');
    expect(current.draft.value.status).toBe('read');
  });
});
