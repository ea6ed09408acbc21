/**
 * npm run -s extract -- FILE.html [--url URL]     one ExtractionResult as JSON
 * npm run -s extract -- --jsonl < lines           lines {"file": ..., "url": ...} in, one JSON line out
 *                                                 each, with `file` and `ms` (DOM parsing included)
 * Same code as the content script, over linkedom in Node. No network: the URL is only used to
 * resolve relative links and for the detection's URL hints.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { readHtmlFile } from './lib/decode';
import { runLeesmap } from './lib/leesmap';

/** Input files bigger than this are cut: a page is never this large, a mistake often is. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The page's text by the charset it declares (not always UTF-8), as a browser reads a saved file. */
function readPage(file: string): string {
  return readHtmlFile(file, MAX_FILE_BYTES);
}

function defaultUrl(file: string): string {
  return pathToFileURL(resolve(file)).href;
}

function usage(): never {
  console.error(
    'usage: npm run -s extract -- FILE.html [--url URL]\n       npm run -s extract -- --jsonl < lines of {"file": ..., "url": ...}',
  );
  process.exit(2);
}

async function jsonl(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let file = '';
    try {
      const request = JSON.parse(line) as { file?: unknown; url?: unknown };
      if (typeof request.file !== 'string') throw new Error('"file" missing');
      file = request.file;
      const url = typeof request.url === 'string' && request.url ? request.url : defaultUrl(file);
      const started = performance.now();
      const result = runLeesmap(readPage(file), url);
      const ms = Math.round((performance.now() - started) * 100) / 100;
      process.stdout.write(`${JSON.stringify({ file, ...result, ms })}\n`);
    } catch (error) {
      process.stdout.write(
        `${JSON.stringify({ file, error: String(error instanceof Error ? error.message : error) })}\n`,
      );
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) return jsonl();
  const urlIndex = args.indexOf('--url');
  const url = urlIndex >= 0 ? args[urlIndex + 1] : undefined;
  if (urlIndex >= 0 && !url) usage();
  const file = args.find((arg, i) => !arg.startsWith('--') && (urlIndex < 0 || i !== urlIndex + 1));
  if (!file) usage();
  const result = runLeesmap(readPage(file), url ?? defaultUrl(file));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(String(error instanceof Error ? error.message : error));
  process.exitCode = 1;
});
