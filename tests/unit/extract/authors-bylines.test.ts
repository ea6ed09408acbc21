/**
 * Bylines the reader sees (issue 13): where themes put them (the article's own footer), and the
 * copies they hide, which name no one the reader sees.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo.</p>';

describe('authors: bylines the reader sees', () => {
  it('reads the byline in the article’s own footer', () => {
    const body =
      `<main><article><header><h1>Neue Regeln</h1></header>${TEXT}` +
      '<footer class="entry-meta"><span class="byline">von <span class="author vcard"><a href="/author/anna/">Anna Dunst</a></span></span></footer>' +
      '</article></main><footer class="site-footer"><p>© Beispiel</p></footer>';
    expect(readPage('', body)?.authors).toEqual(['Anna Dunst']);
  });

  it('reads no byline from the site’s footer', () => {
    const body =
      `<main><article><h1>Neue Regeln</h1>${TEXT}</article></main>` +
      '<footer class="site-footer"><span class="author">Anna Dunst</span></footer>';
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('reads no author from a byline the theme hides', () => {
    const body =
      `<main><article><h1>Neue Regeln</h1>${TEXT}` +
      '<div class="author-name vcard author" style="display: none"><span class="fn"><a href="/author/jkalt/">Jens Kalt</a></span></div>' +
      '</article></main>';
    expect(readPage('', body)?.authors).toEqual([]);
  });
});

describe('authors: what a byline row holds besides the name', () => {
  it('reads “By” in its own element before the name', () => {
    const body = `<main><article><h1>Resort plans</h1><div class="meta"><span class="c1">By</span><span><a href="/team/jr-stone">J.R. Stone</a></span><span><span class="c2"> </span><span class="c3"><img alt="KGO logo" src="/l.png"></span></span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['J.R. Stone']);
  });

  it('drops a date in Japanese after the name', () => {
    const body = `<main><article><h1>UP Core を見る</h1><p class="author"> Taro Yamada 2019年04月28日 08時00分</p>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Taro Yamada']);
  });

  it('reads the user name after “von” in a meta row, not the row’s date and category', () => {
    const body = `<main><article><h1>Six Sigma</h1><div class="entry-byline">Dezember 10, 2019 · von freeman1984 · in Uncategorized · Hinterlasse einen Kommentar</div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['freeman1984']);
  });

  it('reads no author from a route (“Von Helsingborg nach Göteborg”)', () => {
    const body = `<main><article><h1>Vanlife in Schweden</h1><p>Von Helsingborg nach Göteborg</p>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('reads no author from a copyright notice in an author tag', () => {
    const head = '<meta name="citation_author" content="Co. KG - all rights reserved">';
    const body = `<main><article><h1>Neue Regeln</h1>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });
});

describe('authors: “Redaktion:” and “Text:” labels, roles and phrases', () => {
  it('reads the name after “Redaktion:” in a date row, without the role in brackets', () => {
    const body = `<main><article><h1>Faire Lieferketten</h1><div class="news-single-timedata">05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Eberhard Fuhr']);
  });

  it('reads no name from a sentence in an author slot', () => {
    const body = `<main><article><h1>Autofinanzierung</h1><div class="author">Credaris-Kundin A.K. Credaris ist ein Partner-Service von comparis.ch</div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });
});
