import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import nl from '@/public/_locales/nl/messages.json';
import {
  formatAuthors,
  formatDate,
  formatMessage,
  formatNumber,
  interfaceLanguage,
  setInterfaceLanguage,
  t,
} from '@/utils/i18n';

const ROOT = new URL('../../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

afterEach(() => setInterfaceLanguage('auto'));

describe('interface text', () => {
  it('has every key in both Dutch and English, with the same placeholders', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const placeholders = (m: unknown) =>
        Object.keys((m as { placeholders?: object }).placeholders ?? {}).sort();
      expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
      expect((nl[key] as { message: string }).message, key).not.toBe('');
    }
  });

  it('has a string for every key the interface asks for', () => {
    const files = ['components', 'entrypoints/popup', 'entrypoints/library', 'entrypoints/options'].flatMap(
      (d) => sourceFiles(join(ROOT, d)),
    );
    const used = new Set<string>();
    for (const file of files)
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });

  it('follows the reader’s language choice over the browser’s', () => {
    setInterfaceLanguage('nl');
    expect(interfaceLanguage()).toBe('nl');
    expect(t('saveButton')).toBe('Opslaan');
    setInterfaceLanguage('en');
    expect(t('saveButton')).toBe('Save');
  });

  it('fills named placeholders like the browser does, as plain text', () => {
    setInterfaceLanguage('nl');
    expect(t('resultCount', '3', '10')).toBe('3 van 10 publicaties');
    expect(t('openPublication', '<b>$1</b>')).toBe('<b>$1</b> openen');
    expect(formatMessage({ message: 'Kost $$5 en $A$', placeholders: { a: { content: '$1' } } }, ['x'])).toBe(
      'Kost $5 en x',
    );
  });

  it('formats numbers and dates per language', () => {
    setInterfaceLanguage('nl');
    expect(formatNumber(10000)).toBe('10.000');
    expect(formatDate(Date.UTC(2026, 10, 29, 12))).toMatch(/29 nov\.? 2026/);
    setInterfaceLanguage('en');
    expect(formatNumber(10000)).toBe('10,000');
    expect(formatDate(Date.UTC(2026, 10, 29, 12))).toBe('29 Nov 2026');
  });

  it('joins author names per language and shortens long lists', () => {
    setInterfaceLanguage('nl');
    expect(formatAuthors(['A', 'B', 'C'])).toBe('A, B en C');
    expect(formatAuthors(['A', 'B', 'C', 'D'])).toBe('A e.a.');
    setInterfaceLanguage('en');
    expect(formatAuthors(['A', 'B'])).toBe('A and B');
    expect(formatAuthors([])).toBe('');
  });
});
