/**
 * The import, off the page's main thread: reading the file (format, parsing, checking every
 * record), the preview against the list and the write all run here, on this worker's own
 * connection to the database (utils/db: one transaction, the same merge rules as every write). A
 * 20,000-entry RIS file or a 100,000-record backup takes seconds; the page keeps answering.
 *
 * Messages: `{ op: 'check', text, name, mode, now }` → `{ ok, format, preview }`; `{ op: 'write' }`
 * (writes what the last check read) → `{ ok, result }`; `{ op: 'discard' }`. Each answer carries
 * `stages`: how long reading the file (`read`), planning (`plan`) or writing (`write`) took, in ms
 * (scripts/bench/storage.ts prints them; the page ignores them). A failure answers
 * `{ ok: false, issues | unknownFormat | error }` (error classes do not cross to the page).
 */
import { createLeesmapConnection, importPublications, previewImport, type ImportMode } from '@/utils/db';
import { ImportError } from '@/utils/export';
import { localImportPorts, UnknownFormatError } from './import-file';

const connection = createLeesmapConnection();
/** How long each stage of the last request took, in ms (answered with it; the benchmark prints them). */
let stages: Record<string, number> = {};
const ports = localImportPorts({
  preview: async (records, mode, readerFields) => {
    const start = performance.now();
    try {
      return await previewImport(await connection(), records, mode, { readerFields });
    } finally {
      stages.plan = performance.now() - start;
    }
  },
  write: async (records, mode, readerFields, previewed) =>
    importPublications(await connection(), records, mode, { readerFields }, Date.now(), previewed),
  undo: async () => ({ removed: 0, restored: 0 }),
  lastImport: async () => undefined,
});

type Request =
  | { op: 'check'; text: string; name: string; mode: ImportMode; now: number }
  | { op: 'write' }
  | { op: 'discard' };

async function handle(request: Request): Promise<unknown> {
  if (request.op === 'discard') {
    ports.discard();
    return { ok: true };
  }
  if (request.op === 'check')
    return { ok: true, ...(await ports.check(request.text, request.name, request.mode, request.now)) };
  return { ok: true, result: await ports.write() };
}

self.onmessage = async (event: MessageEvent<Request>) => {
  try {
    stages = {};
    const start = performance.now();
    const reply = (await handle(event.data)) as Record<string, unknown>;
    stages[event.data.op] = performance.now() - start;
    if (event.data.op === 'check') stages.read = stages.check - (stages.plan ?? 0);
    self.postMessage({ ...reply, stages });
  } catch (error) {
    if (error instanceof ImportError) self.postMessage({ ok: false, issues: error.issues });
    else if (error instanceof UnknownFormatError) self.postMessage({ ok: false, unknownFormat: true });
    else self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
