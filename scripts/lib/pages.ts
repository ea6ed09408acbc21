/**
 * The evaluation pages: Mozilla Readability's test pages in ../shared/corpora/readability/
 * (when that folder is there) and Leesmap's own fixtures in tests/fixtures/, each read by its
 * declared charset (scripts/lib/decode.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readHtmlFile } from './decode';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { truthFromFixture, truthFromReadability, type Truth } from './score';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpora/readability');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests/fixtures');

export interface EvalPage {
  set: 'corpus' | 'fixtures';
  name: string;
  file: string;
  url: string;
  html: string;
  truth: Truth;
}

export function corpusPages(): EvalPage[] | undefined {
  if (!existsSync(CORPUS_DIR)) return undefined;
  const pages: EvalPage[] = [];
  for (const name of readdirSync(CORPUS_DIR).sort()) {
    const file = join(CORPUS_DIR, name, 'source.html');
    const metaFile = join(CORPUS_DIR, name, 'expected-metadata.json');
    if (!existsSync(file) || !existsSync(metaFile)) continue;
    pages.push({
      set: 'corpus',
      name,
      file,
      url: `https://example.com/test/${name}/`,
      html: readHtmlFile(file),
      truth: truthFromReadability(JSON.parse(readFileSync(metaFile, 'utf8'))),
    });
  }
  return pages;
}

export function fixturePages(): EvalPage[] {
  if (!existsSync(FIXTURES_DIR)) return [];
  const pages: EvalPage[] = [];
  for (const name of readdirSync(FIXTURES_DIR).sort()) {
    const file = join(FIXTURES_DIR, name, 'source.html');
    const expectedFile = join(FIXTURES_DIR, name, 'expected.json');
    if (!existsSync(file) || !existsSync(expectedFile)) continue;
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    pages.push({
      set: 'fixtures',
      name,
      file,
      url: expected.url,
      html: readHtmlFile(file),
      truth: truthFromFixture(expected),
    });
  }
  return pages;
}
