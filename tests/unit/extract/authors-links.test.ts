/**
 * Bylines that are only links to the writers' pages (issue 13): no byline class, no "By" prefix,
 * only the address says who wrote the article.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

/** An article with `meta` under its heading and `after` below its text. */
const article = (meta: string, after = '') =>
  `<main><article><h1>Scooters free for nurses</h1>${meta}<p>A paragraph long enough to count as running text, about housing policy in several European cities and what came of it.</p>${after}</article></main>`;

describe('authors: links to the writers’ pages', () => {
  it('reads the name linked to the writer’s page under the heading', () => {
    const meta =
      '<div class="meta-bar"><a href="/about/authors/lena-voss/">Lena Voss</a>, <a href="https://social.example/lenavoss">@lenavoss</a> 1h ago</div>';
    expect(readPage('', article(meta))?.authors).toEqual(['Lena Voss']);
  });

  it('reads every writer of one byline', () => {
    const meta =
      '<p class="meta"><a href="/autoren/lena-voss">Lena Voss</a> und <a href="/autoren/jan-brink">Jan Brink</a></p>';
    expect(readPage('', article(meta))?.authors).toEqual(['Lena Voss', 'Jan Brink']);
  });

  it('reads the name the link marks, not the credit of the portrait beside it', () => {
    const meta =
      '<span class="autor"><a href="/autoren/lena-voss"><img src="lena.jpg" alt="Lena Voss"><span class="credit">© Lena Voss</span><span itemprop="name">Lena Voss</span></a></span> am 3. Mai 2022';
    expect(readPage('', article(meta))?.authors).toEqual(['Lena Voss']);
  });

  it('reads no writer from links in the site’s footer or in reader comments', () => {
    const comments = '<div id="comments"><p><a href="/author/pim">Pim Roos</a> says: nice</p></div>';
    const footer =
      '<footer><a href="/authors/">Our authors</a> <a href="/author/lena-voss">Lena Voss</a></footer>';
    expect(readPage('', article('', comments) + footer)?.authors).toEqual([]);
  });
});

describe('authors: links to writers’ pages that are no byline', () => {
  it('reads no writer from a link to the editorial board', () => {
    const meta = '<p>Academic Editor: <a href="/editors/jan-jansen">Jan Jansen</a></p>';
    expect(readPage('', article(meta))?.authors).toEqual([]);
  });

  it('reads no writer from a link to a writer’s page in running text', () => {
    const meta =
      '<p>As our colleague <a href="/author/jan-jansen/">Jan Jansen</a> wrote last week, the city council has not yet said how it will pay for the new housing plans.</p>';
    expect(readPage('', article(meta))?.authors).toEqual([]);
  });
});

describe('authors: a hostile run of links to writers’ pages', () => {
  it('reads no writer from a run of 20,000 author links and still reads the page', () => {
    const run = `<div><a href="/author/jan-brink/">Jan Brink</a>${'<a href="/author/x/"> </a>'.repeat(20_000)}</div>`;
    const result = readPage('', article(run));
    expect(result?.title).toBe('Scooters free for nurses');
    expect(result?.authors).toEqual([]);
  });
});

describe('authors: a link to the profile article:author names', () => {
  const head = '<meta property="article:author" content="https://www.example.org/editors/lena-voss">';
  const meta =
    '<div class="meta-bar"><a href="https://www.example.org/about/editors/lena-voss/"><img src="lena.jpg"></a><div><a href="https://www.example.org/about/editors/lena-voss/">Lena Voss</a>, <a href="https://social.example/lenavoss">@lenavoss</a> 1h ago</div></div>';

  it('reads the name linked to that profile, wherever the site keeps it', () => {
    expect(readPage(head, article(meta))?.authors).toEqual(['Lena Voss']);
  });

  it('reads no author from an editor’s link that no author tag names', () => {
    expect(readPage('', article(meta))?.authors).toEqual([]);
  });
});
