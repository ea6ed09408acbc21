/**
 * Zotero sync benchmark (issue 16): requests, counted against the Web API conformance server
 * (tests/e2e/zotero-webapi-server.ts, not Zotero), for the sync as the background runs it
 * (utils/zotero/run.ts over utils/db). Runs in Node with fake-indexeddb: the engine and the
 * database code are the extension's own; only IndexedDB and `fetch` are stand-ins.
 *
 * 1. 10,000 records (none with notes) to an empty group library: write requests (target ≤ 200).
 * 2. The same with one record in ten carrying notes (a note is one more object to write).
 * 3. A second sync with no change: requests (target: exactly 1 per collection).
 * 4. 1,000 of the records deleted by the reader: their items moved to Zotero's trash in write
 *    requests of 50 (`deleted: 1`; never a permanent DELETE), and the sync after it (no change: 1
 *    request).
 *
 * Usage: npm run bench -- zotero   or   npx tsx scripts/bench/zotero.ts
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { deletePublications, importPublications, openLeesmapDB } from '@/utils/db';
import type { SavedPublication } from '@/utils/record';
import { runZoteroSync } from '@/utils/zotero/run';
import { startFakeWebApi, TEST_GROUP_TARGET, testGroupSync } from '../../tests/e2e/zotero-webapi-server';
import { BENCH_PUBLISHERS, BENCH_THEMES } from '../lib/bench';

const LIST_SIZE = 10_000;
const SYNC = testGroupSync('good-key');

function record(n: number, noteEvery: number): SavedPublication {
  const at = Date.UTC(2026, 0, 1) + n * 60_000;
  return {
    id: `url:https://bench.example.org/p/${n}`,
    url: `https://bench.example.org/p/${n}`,
    title: `Publicatie ${n} over ${BENCH_THEMES[n % BENCH_THEMES.length]}`,
    authors: [`Auteur ${n % 97}`, 'Martijn van der Steen'],
    themes: [BENCH_THEMES[n % BENCH_THEMES.length]],
    keywords: [],
    related: [],
    publisher: BENCH_PUBLISHERS[n % BENCH_PUBLISHERS.length],
    type: 'report',
    published: String(2000 + (n % 26)),
    year: 2000 + (n % 26),
    status: n % 3 === 0 ? 'read' : 'to-read',
    tags: n % 5 === 0 ? ['dossier'] : [],
    notes: noteEvery && n % noteEvery === 0 ? `Notitie bij ${n}.` : '',
    starred: false,
    editedFields: [],
    savedAt: at,
    updatedAt: at,
  };
}

async function bench(label: string, noteEvery: number): Promise<void> {
  const server = startFakeWebApi([TEST_GROUP_TARGET]);
  const db = await openLeesmapDB(`bench-zotero-${label}`);
  await importPublications(
    db,
    Array.from({ length: LIST_SIZE }, (_, n) => record(n, noteEvery)),
    'replace',
  );
  const run = () => runZoteroSync({ db, sync: SYNC, fetch: server.fetch, setStatus: async () => undefined });
  const started = performance.now();
  const first = await run();
  const ms = performance.now() - started;
  const writes = server.requests.filter((r) => r.method === 'POST').length;
  const reads = server.requests.length - writes;
  const items = server.library('groups/4711').items.size;
  console.log(
    `${label}: first sync ${writes} write requests (target ≤ 200), ${reads} read; ` +
      `${first.pushed} records, ${items} objects in the library, pending ${first.pending}, ` +
      `problems ${server.problems.length}; ${(ms / 1000).toFixed(1)} s (fake-indexeddb)`,
  );
  server.requests.length = 0;
  const second = await run();
  console.log(
    `${label}: second sync with no change: ${server.requests.length} request(s) for 1 collection ` +
      `(target exactly 1), pushed ${second.pushed}, pulled ${second.pulled}`,
  );
  if (!noteEvery) {
    await deletePublications(
      db,
      Array.from({ length: 1_000 }, (_, n) => record(n, 0).id),
    );
    server.requests.length = 0;
    const deleted = await run();
    const trashWrites = server.requests.filter((r) => r.method === 'POST').length;
    const deletes = server.requests.filter((r) => r.method === 'DELETE').length;
    const inTrash = [...server.library('groups/4711').items.values()].filter((i) => i.data.deleted === 1);
    server.requests.length = 0;
    await run();
    console.log(
      `${label}: 1,000 deleted by the reader: ${trashWrites} write requests moved ${deleted.deleted ?? 0} ` +
        `items to the trash (${inTrash.length} there, ${deletes} permanent deletes); the sync after: ` +
        `${server.requests.length} request(s)`,
    );
  }
  db.close();
}

await bench('10,000 records, no notes', 0);
await bench('10,000 records, 1 in 10 with notes', 10);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
