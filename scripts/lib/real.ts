/**
 * The real-page corpus: ../shared/corpora/real/<collection>/<id>/ (source.html, read by its
 * declared charset, and expected.json), with each page's annotation as ground truth for the
 * fields of ../shared/corpora/README.md ("For real/").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readHtmlFile } from './decode';
import { REPO_ROOT } from './pages';

export const REAL_DIR = resolve(REPO_ROOT, '../shared/corpora/real');

/** What a real page's annotation says; a field left out is not scored. */
export interface RealTruth {
  title?: string;
  authors?: string;
  /** The annotator found no author: any author returned is a false value. */
  noAuthor?: boolean;
  /** Days that count as right (bbaw: either annotation; postlight: the UTC instant's day ± 1). */
  days?: string[];
  /** The annotator found no date: any date returned is a false value. */
  noDate?: boolean;
  years?: number[];
  summary?: string;
  subtitle?: string;
  themes?: string[];
  keywords?: string[];
}

export interface RealPage {
  collection: string;
  id: string;
  file: string;
  url: string;
  html: string;
  domainClass: string | null;
  truth: RealTruth;
}

interface IndexEntry {
  id: string;
  url: string;
  domain_class?: string | null;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;
const list = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.some((item) => text(item))
    ? value.filter((item): item is string => Boolean(text(item)))
    : undefined;

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

function yearsOf(days: string[] | undefined): number[] | undefined {
  return days?.length ? [...new Set(days.map((day) => Number(day.slice(0, 4))))] : undefined;
}

function bbawTruth(record: Record<string, unknown>): RealTruth {
  const expected = (record.expected ?? {}) as Record<string, unknown>;
  const annotations = Object.values((record.date_annotations ?? {}) as Record<string, unknown>);
  const days = [
    ...new Set(
      [expected.date, ...annotations]
        .map(text)
        .filter((d): d is string => Boolean(d && /^\d{4}-\d{2}-\d{2}/.test(d))),
    ),
  ];
  const hasDate = typeof expected.date === 'string';
  return {
    title: text(expected.title),
    authors: text(expected.author)
      ?.split(';')
      .map((name) => name.trim())
      .join(' '),
    noAuthor: expected.author === '',
    days: hasDate && expected.date !== '' ? days : undefined,
    noDate: expected.date === '',
    years: hasDate && expected.date !== '' ? yearsOf(days) : undefined,
    summary: text(expected.description),
    themes: list(expected.categories),
    keywords: list(expected.tags),
  };
}

function postlightTruth(record: Record<string, unknown>): RealTruth {
  const expected = (record.expected ?? {}) as Record<string, unknown>;
  const instant = text(expected.date_published);
  const day = instant && /^\d{4}-\d{2}-\d{2}/.test(instant) ? instant.slice(0, 10) : undefined;
  // An instant in UTC: the page's own day may be the one before or after.
  const days = day ? [shiftDay(day, -1), day, shiftDay(day, 1)] : undefined;
  return {
    title: text(expected.title),
    authors: text(expected.author),
    days,
    years: yearsOf(day ? [day] : undefined),
    summary: text(expected.excerpt),
    subtitle: text(expected.dek),
  };
}

/** The collections present, in name order. */
export function realCollections(): string[] {
  if (!existsSync(REAL_DIR)) return [];
  return readdirSync(REAL_DIR)
    .filter((name) => existsSync(join(REAL_DIR, name, 'index.json')))
    .sort();
}

export function realPages(collection: string): RealPage[] {
  const dir = join(REAL_DIR, collection);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as IndexEntry[];
  const pages: RealPage[] = [];
  for (const entry of index) {
    const file = join(dir, entry.id, 'source.html');
    const expectedFile = join(dir, entry.id, 'expected.json');
    if (!existsSync(file) || !existsSync(expectedFile)) continue;
    const record = JSON.parse(readFileSync(expectedFile, 'utf8')) as Record<string, unknown>;
    const truth = collection.startsWith('postlight') ? postlightTruth(record) : bbawTruth(record);
    const url = text(record.url) ?? entry.url;
    pages.push({
      collection,
      id: entry.id,
      file,
      url,
      html: readHtmlFile(file),
      domainClass: entry.domain_class ?? null,
      truth,
    });
  }
  return pages;
}
