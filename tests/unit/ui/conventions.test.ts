/**
 * Conventions of the interface code, checked rather than remembered: page text never becomes
 * markup, and the pages make no network requests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const UI_DIRS = [
  'components',
  'entrypoints/popup',
  'entrypoints/library',
  'entrypoints/options',
  'utils/stores',
];
const UI_FILES = ['utils/i18n.ts', 'utils/search.ts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

const sources = [...UI_DIRS.flatMap((d) => files(join(ROOT, d))), ...UI_FILES.map((f) => join(ROOT, f))].map(
  (path) => ({
    path: relative(ROOT, path),
    text: readFileSync(path, 'utf8'),
  }),
);

describe('interface code conventions', () => {
  it('covers the interface sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('never turns text into markup', () => {
    const offenders = sources.filter(({ text }) =>
      /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/.test(text),
    );
    expect(offenders.map((s) => s.path)).toEqual([]);
  });

  it('makes no network requests', () => {
    const offenders = sources.filter(({ text }) =>
      /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/.test(text),
    );
    expect(offenders.map((s) => s.path)).toEqual([]);
  });

  it('links only through the http(s) check', () => {
    const offenders = sources.filter(
      ({ path, text }) => /href=\{/.test(text) && !/safeHttpUrl/.test(text) && path.endsWith('.tsx'),
    );
    expect(offenders.map((s) => s.path)).toEqual([]);
  });
});
