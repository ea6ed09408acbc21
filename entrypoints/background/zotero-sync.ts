/**
 * Sync through a Zotero library (issue 16), wired: on the reader's "Sync now", a little after each
 * change to the list, and every 15 minutes (`browser.alarms`), but only once the reader turned it
 * on (a key, a collection, the `api.zotero.org` permission): before that, nothing here makes a
 * request. A sync that is due is marked in `storage.local` and cleared only by a sync that went
 * through after it, so a worker stopped mid-sync (or offline) syncs again when it wakes; what each
 * step of a sync changed is in the database already (utils/zotero/run.ts). Turning sync off or
 * removing the key stops a running sync before its next store and write; removing the key also
 * forgets the links (the records stay; a later connection links them again by identity).
 */
import { clearZoteroSync } from '@/utils/db/zotero-links';
import { zoteroFetch } from '@/utils/zotero/connector';
import { queueSize, runZoteroSync } from '@/utils/zotero/run';
import { createStatusChain, listChanged } from '@/utils/zotero/sync-queue';
import {
  activeSync,
  clearDue,
  getApiKey,
  getSyncStatus,
  onSyncStorage,
  requestSync,
  setSyncStatus,
  syncDue,
} from '@/utils/zotero/sync-settings';
import { database } from './database';

const SCHEDULE = 'leesmap-zotero-sync';
const SOON = 'leesmap-zotero-soon';
const SCHEDULE_MINUTES = 15;
/** A list change waits this long for the next one (an import, a burst of edits) before syncing. */
const DEBOUNCE_MS = 1_500;
/** After a failure (offline, Zotero down), the next try; and the backstop for a debounced sync. */
const RETRY_MINUTES = 1;

let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Tells the pages and the suggestions that the list changed (passed in by the wiring). */
let announce: () => Promise<void> = async () => undefined;
/** Every status write of this worker, one after the other (utils/zotero/sync-queue.ts). */
const status = createStatusChain({ get: getSyncStatus, set: setSyncStatus });

/** Sync is still on, with the library and collection this sync works on. */
const stillOn = (target: string) => async () => (await activeSync())?.target === target;

async function syncOnce(): Promise<void> {
  const sync = await activeSync();
  if (!sync) return;
  const started = Date.now();
  const result = await runZoteroSync({
    db: await database(),
    sync,
    fetch: zoteroFetch,
    setStatus: status.write,
    updateStatus: status.update,
    stillOn: stillOn(sync.target),
    previous: await getSyncStatus(),
  });
  // The list changed under the pages (also when a later step failed): they reload it. What the
  // pull stored agrees with Zotero, so this change asks for no sync (listChanged finds the queue
  // empty).
  if (result.pulled) await announce();
  // Turned off, or the key removed, meanwhile: no retry, no status (and no link the run stored
  // just as the key went).
  if (!(await stillOn(sync.target)())) return keepSchedule();
  if (result.state === 'idle') {
    await clearDue(started);
    await browser.alarms.clear(SOON);
  } else if (result.state !== 'bad-key') {
    // A refused key is not retried each minute: the schedule or the reader's "Sync now" tries again.
    const retryAt = Math.max(result.retryAt ?? 0, Date.now() + RETRY_MINUTES * 60_000);
    await browser.alarms.create(SOON, { when: retryAt });
    await status.update(async (current) => ({ ...(current ?? result), retryAt }));
  }
}

/** Runs a sync now; one at a time (a request while one runs makes it run once more after). */
export function syncZoteroNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await syncOnce();
    } while (again);
  })()
    .catch(() => undefined)
    .finally(() => {
      running = undefined;
    });
  return running;
}

/** A change to the list: a sync is due (when sync is on), debounced. */
export function zoteroListChanged(): void {
  void listChanged({
    active: activeSync,
    queueSize: async (target) => queueSize(await database(), target),
    requestSync,
    status,
  }).catch(() => undefined);
}

function syncSoon(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void syncZoteroNow();
  }, DEBOUNCE_MS);
  // If the worker stops before the timer, the alarm wakes it.
  void browser.alarms.create(SOON, { when: Date.now() + RETRY_MINUTES * 60_000 });
}

/** The schedule exists while sync is on; the links go with the key ("Remove API key"). */
async function keepSchedule(): Promise<void> {
  if (!(await getApiKey())) await clearZoteroSync(await database());
  if (await activeSync()) {
    if (!(await browser.alarms.get(SCHEDULE)))
      await browser.alarms.create(SCHEDULE, { periodInMinutes: SCHEDULE_MINUTES });
  } else {
    await browser.alarms.clear(SCHEDULE);
    await browser.alarms.clear(SOON);
  }
}

/** Registered synchronously on every start of the worker. */
export function listenForZoteroSync(listChanged: () => Promise<void>): void {
  announce = listChanged;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SCHEDULE || alarm.name === SOON) void syncZoteroNow();
  });
  onSyncStorage((what) => {
    if (what === 'due') void syncDue().then((due) => due !== undefined && syncSoon());
    if (what === 'config') void keepSchedule().then(async () => (await activeSync()) && syncSoon());
  });
  browser.permissions.onAdded.addListener(() => void keepSchedule());
  browser.permissions.onRemoved.addListener(() => void keepSchedule());
  // A sync that was due when the worker last stopped.
  void syncDue().then((due) => due !== undefined && syncSoon());
  void keepSchedule();
}
