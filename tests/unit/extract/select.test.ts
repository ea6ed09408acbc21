/**
 * Queries answered from the element index (utils/extract/select.ts) give what the DOM gives: the
 * field rules ask them instead of the DOM for speed, so any difference would change records.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { indexElements } from '@/utils/extract/elements';
import { selector } from '@/utils/extract/select';

const HTML = `<!doctype html><html><head><title>T</title><base href="/x/"><link rel="Author alternate" href="/a">
<meta name="description" content="d"></head><body>
<header><nav><a href="/">Home</a><span class="byline-nav">Menu</span></nav></header>
<main id="main" role="main"><article class="post Author-box">
<h1>Heading</h1><p class="byline">By <a rel="author" href="/jan">Jan</a></p>
<div class="meta  label"><span class="label-x">Thema</span><span itemprop="author">An</span></div>
<template><p class="byline">hidden</p></template>
<ul><li lang="en-GB">One</li><li lang="en">Two</li><li data-x="1">Three</li></ul>
<p id="last" class="a b">Text <b>bold</b></p></article></main>
<aside role="complementary"><p class="byline">Other</p><input type="SEARCH"></aside>
<footer><p>Foot <span class="x.y(z">s</span><i class="xy(z">i</i><i class="yaz">y</i></p></footer></body></html>`;

const SELECTORS = [
  'p',
  'p, span, div, li, i, em, small, address, strong, b, font',
  '[rel~="author"], [itemprop="author"], [class*="byline"], [id*="byline"], [class*="author"], [class*="Author"]',
  'main, [role="main"], article',
  'base[href]',
  'title',
  '.label',
  '#last',
  '[lang|="en"]',
  '[class^="label"], [class$="label"], [class="a b"]',
  '[class*=""], [class~=""], [class~="a b"]',
  'input[type="search"]',
  // Several substrings of one attribute, some with pattern characters, tested together.
  '[class*="x.y("], [class*="y.z"], [class*="label"], [id*="as"], span[class*="x"], [class*="y(z"]',
  '[data-x], [data-x="1"]',
  '*',
  // Not read from the index: the DOM answers.
  'main p',
  'p:not(.byline)',
  '[type=search]',
];

describe('queries from the element index', () => {
  const { document } = parseHTML(HTML);
  const doc = document as unknown as Document;
  const select = selector(doc, indexElements(doc));
  const scopes = [
    undefined,
    doc.querySelector('main')!,
    doc.querySelector('ul')!,
    doc.querySelector('footer p')!,
  ];

  it('finds what the DOM finds, in the same order, over the page and inside an element', () => {
    for (const scope of scopes)
      for (const query of SELECTORS) {
        const want = [...(scope ?? doc).querySelectorAll(query)];
        expect(Array.from(select.all(query, scope)), `${query} in ${scope?.tagName}`).toEqual(want);
        expect(select.first(query, scope)).toBe(want[0] ?? null);
      }
  });

  it('finds nothing inside templates, as the DOM does', () => {
    expect(Array.from(select.all('[class*="byline"]')).map((el) => el.textContent)).toEqual([
      'Menu',
      'By Jan',
      'Other',
    ]);
  });

  it('asks the DOM when the index holds the body only', () => {
    const body = selector(doc, indexElements(doc, true));
    expect(body.first('title')?.textContent).toBe('T');
    expect(Array.from(body.all('[rel~="author"]'))).toHaveLength(2);
  });
});
