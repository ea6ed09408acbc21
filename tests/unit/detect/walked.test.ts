/**
 * The extractor's walk answers the check's queries by conditions written out (walked.ts), and the
 * heading's neighbours are read by conditions written out (page.ts): both must say exactly what
 * the selectors say, on markup that puts every condition to the test.
 */
import { describe, expect, it } from 'vitest';
import { isPublicationPage } from '@/utils/detect';
import { QUERIES, type Query } from '@/utils/detect/page';
import { walkedElements } from '@/utils/detect/walked';
import { elementsByTag, indexElements } from '@/utils/extract/elements';
import { documentOf } from './helpers';

const PAGE = `<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head><body>
<form action="/Suche/resultaten"><input type="SEARCH" name="q"><input type="password"></form>
<form action="/winkel/cart"><button name="add-to-cart">Koop</button></form>
<div role="search"></div><span itemprop="price">12</span><div data-add-to-cart></div>
<div itemscope itemtype="https://schema.org/Report"><div itemscope></div></div>
<a href="/agenda/debat.ics">ics</a><a href="/x.ics?download=1">ics</a><a href="/rapport.PDF">pdf</a><a href="/rapport.pdf#p2">pdf</a><a>geen</a>
<a href="https://calendar.google.com/calendar/render?action=TEMPLATE">google</a>
<ul><li><p itemprop="datePublished">1 mei 2024</p><span><time>2024</time></span></li></ul>
<article><time datetime="2024-05-01">1 mei</time><h2>Kop</h2><pre>code</pre></article>
<div><time>los</time><span itemprop="datePublished">los</span></div>
<h3>a</h3><h4>b</h4><h5>c</h5><h6>d</h6><article><p>tweede</p></article>
</body></html>`;

describe('the walked queries', () => {
  it('give what the selectors give, element for element', () => {
    const doc = documentOf(PAGE);
    const index = indexElements(doc);
    const walked = walkedElements(index.all, (tag) => elementsByTag(index, tag));
    for (const query of Object.keys(QUERIES) as Query[]) {
      const expected = [...doc.querySelectorAll(QUERIES[query])];
      expect(expected.length, query).toBeGreaterThan(1);
      expect(Array.from(walked.find(query)), query).toEqual(expected);
    }
  });
});

describe('what stands beside the heading', () => {
  const check = (main: string) => {
    const doc = documentOf(
      `<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>Leren van doen</h1>${main}</main></body></html>`,
    );
    const signals = isPublicationPage(
      doc,
      'https://www.instituut.example/publicaties/leren-van-doen',
    ).signals;
    return { byline: signals.includes('byline'), date: signals.includes('heading-date') };
  };

  it('reads author markup: rel in any case, itemprop, byline classes, an author class on the line itself', () => {
    expect(check('<p><a rel="Author" href="/p/anna">Anna</a></p>').byline).toBe(true);
    expect(check('<p><span itemprop="author">Anna</span></p>').byline).toBe(true);
    expect(check('<div><span class="post-byline">Anna</span></div>').byline).toBe(true);
    expect(check('<p class="author-line">Anna</p>').byline).toBe(true);
    // An author class deeper down (an author's photo caption) is not the heading's byline.
    expect(check('<div><span class="author-photo">Anna</span></div>').byline).toBe(false);
  });

  it('reads date markup: a time with a datetime, itemprop datePublished, anywhere in the line', () => {
    expect(check('<div><span><time datetime="2024-05-01">gisteren</time></span></div>').date).toBe(true);
    expect(check('<p><span itemprop="datePublished">gisteren</span></p>').date).toBe(true);
    expect(check('<p><time>gisteren</time></p>').date).toBe(false);
  });

  it('skips lists and rows of more than eight elements', () => {
    expect(check('<ul><li><time datetime="2024-05-01">1 mei</time></li></ul>').date).toBe(false);
    const row = Array.from({ length: 9 }, () => '<span>x</span>').join('');
    expect(check(`<div>${row}<time datetime="2024-05-01">1 mei</time></div>`).date).toBe(false);
  });
});
