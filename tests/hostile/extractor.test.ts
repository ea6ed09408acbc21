/**
 * Hostile pages through the extractor and both checks, in Node over linkedom: nothing throws or
 * hangs, the page is left as it was, no prototype is touched, and what comes back is plain,
 * bounded data whose URL fields are http(s) only. After the sanitiser, no bidi control and no
 * non-http address is left anywhere. The pages are pages.ts's, and random mixes of their pieces
 * (arbitraries.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstCheck, isPublicationPage } from '@/utils/detect';
import { extractPage } from '@/utils/extract';
import { fullCheck } from '@/utils/extract/check';
import type { ExtractionResult } from '@/utils/record';
import { readText, shortText } from '@/utils/extract/text';
import { PUBLICATION_FIELDS, sanitizeExtraction, TEXT_FIELDS } from '@/utils/record';
import { doc } from '../unit/extract/helpers';
import { hostilePage, type GeneratedPage } from './arbitraries';
import { clobber } from './clobber';
import {
  BIDI_CONTROLS,
  clobberedDom,
  deepNesting,
  DEFAULT_ORIGIN,
  DOCUMENT_CLOBBERS,
  FORGED_TITLE,
  FORM_CLOBBERS,
  forgedIdentity,
  HOME_CANONICAL_REPORTS,
  homeCanonical,
  HOSTILE_PAGES,
  maximalPage,
  nestedLabelTags,
  NON_HTTP_URLS,
  nonHttpUrls,
  PATCHED_GLOBALS_TITLE,
  plainPublication,
  repeatedLabels,
  repeatedRelatedHeadings,
  SANITISER_CAPS,
} from './pages';

/** A hang guard only: the machines are shared and noisy, so no tighter timing is asserted. */
const HANG_GUARD_MS = 20_000;
/**
 * The record's contract (the sanitiser's caps): the extractor never hands over longer lists,
 * strings, addresses or signal lists; a whole extraction, serialised, stays under `jsonBytes` (the
 * maximal page gives about 200 KB).
 */
const CAP = { list: 50, string: 2_000, url: 2_048, signals: 100, jsonBytes: 512 * 1024 };

const RESULT_KEYS = new Set(['detected', 'confidence', 'signals', 'publication']);
const PUBLICATION_KEYS = new Set<string>(PUBLICATION_FIELDS);
const RELATED_KEYS = new Set(['title', 'subtitle', 'url', 'summary', 'themes']);
const BIDI = new RegExp(`[${BIDI_CONTROLS.join('')}]`);

// ---------------------------------------------------------------------------------------------
// Checks

/** Own keys and member identities of the built-in prototypes, to see that nothing was added or replaced. */
const PROTOTYPES: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Function: Function.prototype,
  Number: Number.prototype,
  RegExp: RegExp.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
};
type Snapshot = Map<string, unknown>;
function prototypeSnapshot(): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      snapshot.set(`${name}.${String(key)}`, descriptor.value ?? descriptor.get);
    }
  }
  return snapshot;
}
const PRISTINE = prototypeSnapshot();

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  const now = prototypeSnapshot();
  const changed = [...new Set([...PRISTINE.keys(), ...now.keys()])].filter(
    (key) => !Object.is(PRISTINE.get(key), now.get(key)),
  );
  expect(changed).toEqual([]);
}

/** Plain JSON data only: no functions, symbols, undefined in arrays, odd numbers, prototypes or cycles. */
function expectPlainData(value: unknown, path = '$', seen = new Set<object>()): void {
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return;
  if (type === 'number') {
    expect(Number.isFinite(value), `${path} is a finite number`).toBe(true);
    return;
  }
  expect(type === 'object' && value !== null, `${path} is data (${type})`).toBe(true);
  const object = value as object;
  expect(seen.has(object), `${path} is not a cycle`).toBe(false);
  seen.add(object);
  const proto = Object.getPrototypeOf(object);
  expect(proto === Object.prototype || proto === Array.prototype, `${path} is a plain object or array`).toBe(
    true,
  );
  expect(Object.getOwnPropertySymbols(object), `${path} has no symbol keys`).toEqual([]);
  for (const key of Object.getOwnPropertyNames(object)) {
    if (Array.isArray(object) && key === 'length') continue;
    const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
    expect(descriptor.get ?? descriptor.set, `${path}.${key} is no accessor`).toBeUndefined();
    if (!Array.isArray(object) && descriptor.value === undefined) continue;
    expectPlainData(descriptor.value, `${path}.${key}`, seen);
  }
  seen.delete(object);
}

function expectHttpUrl(value: unknown, path: string, max = CAP.url): void {
  if (value === undefined) return;
  expect(typeof value, path).toBe('string');
  const url = value as string;
  expect(url.length, `${path} length`).toBeLessThanOrEqual(max);
  expect(['http:', 'https:'], `${path} = ${url.slice(0, 100)}`).toContain(new URL(url).protocol);
}

function expectStrings(list: unknown, path: string, max = CAP.string): void {
  expect(Array.isArray(list), `${path} is a list`).toBe(true);
  const items = list as unknown[];
  expect(items.length, `${path} length`).toBeLessThanOrEqual(CAP.list);
  items.forEach((item, i) => {
    expect(typeof item, `${path}[${i}]`).toBe('string');
    expect((item as string).length, `${path}[${i}] length`).toBeLessThanOrEqual(max);
  });
}

/** An extraction result: plain data of the known shape, bounded, its URL fields http(s). */
function expectSoundResult(result: ExtractionResult, visited: string): void {
  expectPlainData(result);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  expect(JSON.stringify(result).length).toBeLessThanOrEqual(CAP.jsonBytes);
  for (const key of Object.keys(result)) expect(RESULT_KEYS, `result.${key}`).toContain(key);
  expect(typeof result.detected).toBe('boolean');
  expect(result.confidence).toBeGreaterThanOrEqual(0);
  expect(result.confidence).toBeLessThanOrEqual(1);
  expect(result.signals.length).toBeLessThanOrEqual(CAP.signals);
  for (const signal of result.signals) expect(signal.length).toBeLessThanOrEqual(200);
  const p = result.publication;
  if (!p) return;
  for (const key of Object.keys(p)) expect(PUBLICATION_KEYS, `publication.${key}`).toContain(key);
  // The record is of the page visited, whatever the page declares.
  expect(p.url).toBe(visited);
  expectHttpUrl(p.canonicalUrl, 'canonicalUrl');
  expectHttpUrl(p.pdfUrl, 'pdfUrl');
  for (const key of ['title', ...TEXT_FIELDS] as const) {
    if (p[key] === undefined) continue;
    expect(typeof p[key], key).toBe('string');
    expect((p[key] as string).length, `${key} length`).toBeLessThanOrEqual(CAP.string);
  }
  expect(p.title.length).toBeGreaterThan(0);
  if (p.published !== undefined) expect(p.published).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  if (p.year !== undefined) expect(Number.isInteger(p.year)).toBe(true);
  if (p.doi !== undefined) expect(p.doi).toMatch(/^10\.\d{4,9}\/\S+$/);
  expectStrings(p.authors, 'authors');
  expectStrings(p.themes, 'themes');
  expectStrings(p.keywords, 'keywords');
  expect(p.related.length).toBeLessThanOrEqual(CAP.list);
  p.related.forEach((item, i) => {
    for (const key of Object.keys(item)) expect(RELATED_KEYS, `related[${i}].${key}`).toContain(key);
    expect(typeof item.title).toBe('string');
    for (const key of ['title', 'subtitle', 'summary'] as const) {
      if (item[key] !== undefined)
        expect(item[key]!.length, `related[${i}].${key}`).toBeLessThanOrEqual(CAP.string);
    }
    expectHttpUrl(item.url, `related[${i}].url`);
    expectStrings(item.themes, `related[${i}].themes`);
  });
}

function timed<T>(what: string, run: () => T): T {
  const start = performance.now();
  const value = run();
  expect(performance.now() - start, `${what} finished within the hang guard`).toBeLessThan(HANG_GUARD_MS);
  return value;
}

/**
 * Every way the extension reads a page: the first check (first load, after in-page navigation,
 * asked lazily), the full check (as full-check.js runs it), and extractPage as the reader's save and
 * as extractor.js runs it after full-check.js.
 * Returns the reader's-save extraction.
 */
function readEveryWay(document: Document, url: string): ExtractionResult {
  for (const stale of [false, true, () => true] as const) {
    const first = timed('firstCheck', () => firstCheck(document, url, stale));
    expectPlainData(first);
    expect(typeof first.ruledOut).toBe('boolean');
    expect(first.signals.length).toBeLessThanOrEqual(CAP.signals);
  }
  const full = timed('isPublicationPage', () => isPublicationPage(document, url));
  expectPlainData(full);
  expect(full.confidence).toBeGreaterThanOrEqual(0);
  expect(full.confidence).toBeLessThanOrEqual(1);
  const checked = timed('fullCheck', () => fullCheck(document, url));
  expectPlainData(checked);
  for (const options of [{ detection: checked }, { headMayBeStale: false }]) {
    expectSoundResult(
      timed('extractPage', () => extractPage(document, url, options)),
      url,
    );
  }
  const result = timed('extractPage', () => extractPage(document, url));
  expectSoundResult(result, url);
  return result;
}

/** Reads a parsed page every way (clobbered first when asked); the page must be unchanged after. */
function readPage(document: Document, url: string, { clobbered = false } = {}): ExtractionResult {
  const root = document.documentElement;
  const before = root.outerHTML;
  const undo = clobbered ? clobber(document) : () => {};
  let result: ExtractionResult;
  try {
    result = readEveryWay(document, url);
  } finally {
    undo();
  }
  expect(root.outerHTML === before, 'the page is unchanged').toBe(true);
  expectNoPollution();
  return result;
}

/** Every string of a value, with its path. */
function strings(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) strings(item, `${path}.${key}`, out);
  return out;
}

/** After the sanitiser: URL fields are absolute http(s), and no string holds a bidi or C0 control. */
function expectSanitisedClean(result: ExtractionResult): void {
  const clean = sanitizeExtraction(JSON.parse(JSON.stringify(result)));
  expect(clean).toBeDefined();
  const p = clean!.publication;
  if (p) {
    for (const [path, url] of [
      ['url', p.url],
      ['canonicalUrl', p.canonicalUrl],
      ['pdfUrl', p.pdfUrl],
      ...p.related.map((r, i) => [`related[${i}].url`, r.url]),
    ] as [string, string | undefined][]) {
      if (url === undefined) continue;
      expect(url, path).toMatch(/^https?:\/\//);
      expect(['http:', 'https:'], path).toContain(new URL(url).protocol);
    }
  }
  for (const [path, text] of strings(clean)) {
    expect(BIDI.test(text), `${path} holds no bidi control: ${JSON.stringify(text.slice(0, 80))}`).toBe(
      false,
    );
    // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
    expect(/[\u0000-\u001f\u007f]/.test(text), `${path} holds no control character`).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------
// The catalogue of hostile pages

describe('every hostile page of the catalogue', () => {
  for (const page of HOSTILE_PAGES) {
    it(
      `${page.name}: read every way without throwing, bounded, the page and prototypes untouched`,
      () => {
        const url = DEFAULT_ORIGIN + page.path;
        const result = readPage(doc(page.html()), url);
        expectSanitisedClean(result);
      },
      page.large ? 180_000 : 30_000,
    );
  }

  it('the catalogue has unique names and paths, and every page is a whole document', () => {
    expect(new Set(HOSTILE_PAGES.map((p) => p.name)).size).toBe(HOSTILE_PAGES.length);
    expect(new Set(HOSTILE_PAGES.map((p) => p.path)).size).toBe(HOSTILE_PAGES.length);
    for (const page of HOSTILE_PAGES.filter((p) => !p.large)) {
      const html = page.html();
      expect(html.startsWith('<!DOCTYPE html><html'), page.name).toBe(true);
      expect(html.endsWith('</body></html>'), page.name).toBe(true);
      // Deterministic: the same parameters give the same page.
      expect(page.html(), page.name).toBe(html);
    }
  });
});

describe('size', () => {
  it('a DOM 10,000 and 30,000 elements deep is read', () => {
    for (const depth of [10_000, 30_000]) {
      const document = doc(deepNesting({ depth }));
      const result = readPage(document, `${DEFAULT_ORIGIN}/publicaties/diep`);
      expect(result.publication?.title).toBe('Diep genest rapport');
    }
  }, 180_000);

  it('the huge DOM has over 200,000 elements, and its 20,000 related cards give at most 50', () => {
    const page = HOSTILE_PAGES.find((p) => p.name === 'huge-dom')!;
    const document = doc(page.html());
    expect(document.querySelectorAll('*').length).toBeGreaterThan(200_000);
    const result = readPage(document, DEFAULT_ORIGIN + page.path);
    expect(result.publication?.title).toBe('Rapport in een enorme pagina');
    expect(result.publication!.related.length).toBeGreaterThan(0);
  }, 180_000);
});

describe('work that grows with the square of the page', () => {
  // Each took 10 to 100 seconds in linkedom before the readers bounded their text reads and
  // looked at a label's parent or a heading's ancestors only a bounded number of times.
  const pages = [
    ['thousands of labels under one parent', repeatedLabels(), 'Rapport met duizenden labels'],
    [
      'thousands of related headings under one ancestor',
      repeatedRelatedHeadings(),
      'Rapport met duizenden lees-ook-koppen',
    ],
    ['label and heading tags nested 2,000 deep', nestedLabelTags(), 'Rapport met geneste labels'],
  ] as const;
  for (const [what, html, title] of pages) {
    it(`${what}: read within the hang guard, the article's own fields still found`, () => {
      const result = readPage(doc(html), `${DEFAULT_ORIGIN}/publicaties/kwadratisch`);
      expect(result.publication?.title).toBe(title);
      expect(result.publication?.authors).toEqual(['Anna de Vries']);
      expect(result.publication?.themes).toEqual(['Bestuur']);
    }, 180_000);
  }

  it('the bounded text reader gives textContent, cut where its budgets run out', () => {
    fc.assert(
      fc.property(
        hostilePage,
        fc.nat(3_000),
        fc.integer({ min: 1, max: 400 }),
        (page, maxChars, maxNodes) => {
          const document = doc(page.html);
          const all = [...document.querySelectorAll('*')].slice(0, 300);
          for (const el of all) {
            const full = el.textContent ?? '';
            expect(readText(el, Infinity, Infinity)).toEqual({ text: full, complete: true });
            const { text, complete } = readText(el, maxChars, maxNodes);
            expect(full.startsWith(text)).toBe(true);
            if (complete) expect(text).toBe(full);
            const short = shortText(el, maxChars, maxNodes);
            if (short !== undefined) expect(short).toBe(full);
            if (full.length > maxChars) expect(short).toBeUndefined();
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 600_000);
});

describe('addresses', () => {
  for (const url of NON_HTTP_URLS) {
    it(`${JSON.stringify(url)} in every URL field is never read as an address`, () => {
      const visited = `${DEFAULT_ORIGIN}/publicaties/adres`;
      // Absent, or the text read as a relative link on the page's own site (linkedom leaves
      // "&colon;" undecoded; meta values have their tab collapsed to a space): never the scheme.
      const harmless = (field: string | undefined) =>
        field === undefined || new URL(field).origin === DEFAULT_ORIGIN;
      for (const headMayBeStale of [true, false]) {
        const result = extractPage(doc(nonHttpUrls({ url })), visited, { headMayBeStale });
        const p = result.publication!;
        expect(p.title).toBe('Rapport met gevaarlijke adressen');
        // http-like schemes (ftp:, ws:) are not http either.
        expect(harmless(p.canonicalUrl), `canonicalUrl ${p.canonicalUrl}`).toBe(true);
        expect(harmless(p.pdfUrl), `pdfUrl ${p.pdfUrl}`).toBe(true);
        expect(p.related.length).toBeGreaterThan(0);
        for (const item of p.related) expect(harmless(item.url), `related url ${item.url}`).toBe(true);
        expectSoundResult(result, visited);
      }
    });
  }

  it('an address that percent-encoding makes longer than 2,048 characters is dropped, not kept long', () => {
    const visited = `${DEFAULT_ORIGIN}/publicaties/lang-adres`;
    const long = `${DEFAULT_ORIGIN}/${'é'.repeat(1_000)}`;
    // Under the written-length limit, but re-encoded past it when a tracking parameter goes.
    const reencoded = `${DEFAULT_ORIGIN}/x?utm_source=a&q=${'('.repeat(1_900)}`;
    const html = plainPublication()
      .replace(/<link rel="canonical" href="[^"]*">/, `<link rel="canonical" href="${reencoded}">`)
      .replace('/documents/rapport.pdf', `${long}.pdf`)
      .replace(
        '</article>',
        `</article><section><h2>Lees ook</h2><ul><li><h3><a href="${long}">Een kaart</a></h3></li><li><h3><a href="${reencoded}">Nog een</a></h3></li></ul></section>`,
      );
    expect(long.length).toBeLessThan(2_000);
    expect(encodeURI(long).length).toBeGreaterThan(2_048);
    for (const headMayBeStale of [true, false]) {
      const p = extractPage(doc(html), visited, { headMayBeStale }).publication!;
      expect(p.related.map((item) => item.title)).toEqual(['Een kaart', 'Nog een']);
      for (const url of [p.canonicalUrl, p.pdfUrl, ...p.related.map((item) => item.url)]) {
        if (url !== undefined) expect(url.length).toBeLessThanOrEqual(CAP.url);
      }
      expect(p.related.every((item) => item.url === undefined)).toBe(true);
      // The canonical link is dropped; og:url (the page's own, short) stands in, unless the head is
      // ignored as stale (its canonical names another page of the site).
      expect([headMayBeStale ? undefined : `${DEFAULT_ORIGIN}/publicaties/gewoon-rapport`]).toContain(
        p.canonicalUrl,
      );
      expect(p.pdfUrl).toBeUndefined();
    }
  });

  it('a forged identity is reported as the page visited, the foreign claims only as its canonical and DOI', () => {
    const visited = `${DEFAULT_ORIGIN}/publicaties/vervalst`;
    const result = readPage(doc(forgedIdentity()), visited, {});
    expect(result.publication?.url).toBe(visited);
    expect(result.publication?.title).toBe(FORGED_TITLE);
  });

  it('two reports whose canonical is the home page stay two records, each with its own title', () => {
    const titles = ([1, 2] as const).map((n) => {
      const url = DEFAULT_ORIGIN + HOME_CANONICAL_REPORTS[n].path;
      const document = doc(homeCanonical(n));
      for (const headMayBeStale of [true, false]) {
        const result = extractPage(document, url, { headMayBeStale });
        expect(result.detected, `report ${n}`).toBe(true);
        expect(result.publication?.url).toBe(url);
        expect(result.publication?.title).toBe(HOME_CANONICAL_REPORTS[n].title);
      }
      return readPage(document, url).publication?.title;
    });
    expect(titles[0]).not.toBe(titles[1]);
  });
});

describe('clobbered DOM (named elements shadow document and form members, as in a browser)', () => {
  it('the simulation does shadow what a browser shadows', () => {
    const document = doc(clobberedDom());
    const newsletter = document.querySelector('form.newsletter');
    const undo = clobber(document);
    try {
      expect(typeof (document as unknown as Record<string, unknown>).querySelectorAll).not.toBe('function');
      // <a id="body"> comes first, but anchors are not exposed by name: the named <img> is.
      expect((document.body as unknown as Element).localName).toBe('img');
      const form = Object.getOwnPropertyDescriptor(newsletter, 'tagName')?.value as Element | undefined;
      expect(form?.localName).toMatch(/^(input|button)$/);
    } finally {
      undo();
    }
    expect(typeof document.querySelectorAll).toBe('function');
  });

  it('a page that clobbers everything is read without throwing, and gives plain data or nothing', () => {
    readPage(doc(clobberedDom()), `${DEFAULT_ORIGIN}/publicaties/geclobberd`, { clobbered: true });
  });

  it('each single clobbered name, on the document or on a form, never breaks the rules', () => {
    const url = `${DEFAULT_ORIGIN}/publicaties/geclobberd`;
    for (const name of DOCUMENT_CLOBBERS)
      readPage(doc(clobberedDom({ documentNames: [name], formNames: [] })), url, { clobbered: true });
    for (const name of FORM_CLOBBERS)
      readPage(doc(clobberedDom({ documentNames: [], formNames: [name] })), url, { clobbered: true });
  }, 60_000);

  it('a newsletter form with everyday control names changes nothing in the record', () => {
    const url = `${DEFAULT_ORIGIN}/publicaties/gewoon-rapport`;
    const form =
      '<form name="search" action="/zoeken"><input name="title"><input name="action"><input name="id"><input name="method"><input name="name"><button name="submit">Zoek</button></form><img name="logo" id="logo" src="/logo.png">';
    const html = plainPublication().replace('</footer>', `${form}</footer>`);
    const plain = extractPage(doc(html), url);
    const clobbered = readPage(doc(html), url, { clobbered: true });
    expect(plain.detected).toBe(true);
    expect(clobbered).toEqual(plain);
  });
});

describe('prototypes and patched globals', () => {
  it('JSON-LD with __proto__, constructor and prototype keys pollutes nothing and is read as data', () => {
    const page = HOSTILE_PAGES.find((p) => p.name === 'prototype-keys')!;
    const result = readPage(doc(page.html()), DEFAULT_ORIGIN + page.path);
    expect(result.publication?.title).toBe('Prototype-sleutels');
    expect(result.publication?.authors).toEqual(['Proto Type']);
  });

  it('the patched-globals page reads as the record its markup shows (its script never runs here)', () => {
    const page = HOSTILE_PAGES.find((p) => p.name === 'patched-globals')!;
    const result = readPage(doc(page.html()), DEFAULT_ORIGIN + page.path);
    expect(result.publication?.title).toBe(PATCHED_GLOBALS_TITLE);
    expect(JSON.stringify(result)).not.toContain('FORGED');
  });
});

describe('the maximal page', () => {
  it('fills every list to the cap, and stays within the sanitiser caps after sanitising', () => {
    const url = `${DEFAULT_ORIGIN}/publicaties/maximaal`;
    const result = readPage(doc(maximalPage()), url);
    const p = result.publication!;
    expect(p.related).toHaveLength(SANITISER_CAPS.related);
    expect(p.authors).toHaveLength(SANITISER_CAPS.listItems);
    for (const item of p.related) {
      expect(item.themes).toHaveLength(SANITISER_CAPS.relatedThemes);
      expect(item.subtitle).toBeDefined();
      expect(item.summary).toBeDefined();
    }
    expect(p.themes.length).toBeGreaterThanOrEqual(20);
    expect(p.keywords.length).toBeGreaterThanOrEqual(20);
    for (const field of [
      'subtitle',
      'summary',
      'doi',
      'isbn',
      'pdfUrl',
      'canonicalUrl',
      'published',
      'publisher',
      'language',
    ] as const) {
      expect(p[field], field).toBeDefined();
    }
    const clean = sanitizeExtraction(JSON.parse(JSON.stringify(result)))!;
    expect(clean.publication!.related).toHaveLength(SANITISER_CAPS.related);
    expect(JSON.stringify(clean).length).toBeLessThanOrEqual(CAP.jsonBytes);
  });
});

// ---------------------------------------------------------------------------------------------
// Random pages from hostile pieces

function readGenerated(page: GeneratedPage): ExtractionResult {
  return readPage(doc(page.html), page.url, { clobbered: page.clobber });
}

describe('any page built from hostile pieces', () => {
  it('is read every way without throwing, bounded, its DOM and the prototypes untouched', () => {
    fc.assert(
      fc.property(hostilePage, (page) => {
        readGenerated(page);
      }),
      { numRuns: 200 },
    );
  }, 600_000);

  it('after the sanitiser holds only http(s) addresses in URL fields and no bidi or control character', () => {
    fc.assert(
      fc.property(hostilePage, (page) => {
        const url = page.url;
        const document = doc(page.html);
        const undo = page.clobber ? clobber(document) : () => {};
        try {
          for (const options of [{}, { headMayBeStale: false }])
            expectSanitisedClean(extractPage(document, url, options));
        } finally {
          undo();
        }
      }),
      { numRuns: 200 },
    );
  }, 600_000);
});
