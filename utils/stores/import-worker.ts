/**
 * Reads an import file off the page's main thread: detecting its format, parsing (JSON, BibTeX,
 * RIS) and checking every record can take seconds for a large file, and the page must keep
 * answering meanwhile. Receives `{ text, name, now }`, answers `{ ok, format, records }` or
 * `{ ok: false, issues | unknownFormat | error }` (errors do not cross a worker as classes).
 */
import { ImportError } from '@/utils/export';
import { importFile, UnknownFormatError } from './import-file';

self.onmessage = async (event: MessageEvent<{ text: string; name: string; now: number }>) => {
  const { text, name, now } = event.data;
  try {
    const { format, records } = await importFile(text, name, now);
    self.postMessage({ ok: true, format, records });
  } catch (error) {
    if (error instanceof ImportError) self.postMessage({ ok: false, issues: error.issues });
    else if (error instanceof UnknownFormatError) self.postMessage({ ok: false, unknownFormat: true });
    else self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
