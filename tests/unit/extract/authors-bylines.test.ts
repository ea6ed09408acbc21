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
      '<footer class="entry-meta"><span class="byline">von <span class="author vcard"><a href="/author/anna/">Anna de Vries</a></span></span></footer>' +
      '</article></main><footer class="site-footer"><p>© Beispiel</p></footer>';
    expect(readPage('', body)?.authors).toEqual(['Anna de Vries']);
  });

  it('reads no byline from the site’s footer', () => {
    const body =
      `<main><article><h1>Neue Regeln</h1>${TEXT}</article></main>` +
      '<footer class="site-footer"><span class="author">Anna de Vries</span></footer>';
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('reads no author from a byline the theme hides', () => {
    const body =
      `<main><article><h1>Neue Regeln</h1>${TEXT}` +
      '<div class="author-name vcard author" style="display: none"><span class="fn"><a href="/author/jberg/">Jonas Berg</a></span></div>' +
      '</article></main>';
    expect(readPage('', body)?.authors).toEqual([]);
  });
});

describe('authors: the news markup’s own byline element', () => {
  it('reads <byline> as a byline', () => {
    const body = `<main><article><h1>Junge Anleger an der Börse</h1><p>Quelle: Agentur</p><byline>Von Jonas Berg</byline>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Jonas Berg']);
  });
});

describe('authors: what a byline row holds besides the name', () => {
  it('reads “By” in its own element before the name', () => {
    const body = `<main><article><h1>Harbour plans</h1><div class="meta"><span class="c1">By</span><span><a href="/team/kl-marsh">K.L. Marsh</a></span><span><span class="c2"> </span><span class="c3"><img alt="KVN logo" src="/l.png"></span></span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['K.L. Marsh']);
  });

  it('drops a date in Japanese after the name', () => {
    const body = `<main><article><h1>新しいボードを見る</h1><p class="author"> Kenji Sato 2020年06月15日 09時30分</p>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Kenji Sato']);
  });

  it('drops an ISO date run into the name', () => {
    const body = `<main><article><h1>约会软件</h1><div class="author"><a class="avatar" href="javascript:void(0)"><img src="/face.jpg"></a><span class="name">李伟</span><span class="date">2017-03-01 14:27:02</span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['李伟']);
  });

  it('reads the user name after “von” in a meta row, not the row’s date and category', () => {
    const body = `<main><article><h1>Lean Management</h1><div class="entry-byline">März 12, 2020 · von blauwal1977 · in Uncategorized · Hinterlasse einen Kommentar</div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['blauwal1977']);
  });

  it('reads no author from a route (“Von Lindholm nach Eskersund”)', () => {
    const body = `<main><article><h1>Radreise in Norwegen</h1><p>Von Lindholm nach Eskersund</p>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('reads no author from a copyright notice in an author tag', () => {
    const head = '<meta name="citation_author" content="Muster KG - all rights reserved">';
    const body = `<main><article><h1>Neue Regeln</h1>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });
});

describe('authors: “Redaktion:” and “Text:” labels, roles and phrases', () => {
  it('reads the name after “Redaktion:” in a date row, without the role in brackets', () => {
    const body = `<main><article><h1>Saubere Energie</h1><div class="news-single-timedata">12.03.2021 <span>- Redaktion: Jonas Berg (Pressesprecher des KJV)</span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Jonas Berg']);
  });

  it('reads no name from a sentence in an author slot', () => {
    const body = `<main><article><h1>Hausratversicherung</h1><div class="author">Zinsello-Kundin B.M. Zinsello ist ein Partner-Service von vergleich.example</div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });
});

describe('authors: a republished article’s own byline', () => {
  it('reads “Written by:” in the text past the site’s own byline row', () => {
    const head = '<meta property="og:site_name" content="The Weekly Planet">';
    const body = `<main><article><h1>Forests and climate</h1><div class="meta"><span>By The Weekly Planet - January 17, 2020</span></div><p><em>Courtesy of Forest Notes</em></p><p><em>Written by: <a href="https://forest.example/1">Jana Klein</a></em></p>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.weeklyplanet.example/2020/01/forests/')?.authors).toEqual([
      'Jana Klein',
    ]);
  });
});

describe('authors: a guest post’s byline', () => {
  it.each([
    ['Blog Beitrag von Margit Lorenz', 'Margit Lorenz'],
    ['Ein Gastbeitrag von Margit Lorenz', 'Margit Lorenz'],
    ['Een bijdrage van Els de Wit', 'Els de Wit'],
    ['A guest post by Sara Lind', 'Sara Lind'],
  ])('reads “%s” as a byline', (line, name) => {
    const body = `<main><article><h1>Vegetarisch leben</h1><p><em>Eine Analyse</em></p><p>${line}</p>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([name]);
  });
});

describe('authors: an author box whose name is its heading', () => {
  it('reads the heading’s name, not the box’s buttons and role', () => {
    const body = `<main><article><h1>Hochzeit im Wendland</h1><div class="author-info"><img alt="Inga Holm" src="/i.jpg"><section><h3><a href="/in/ingaholm" aria-label="View profile for Inga Holm">Inga Holm</a><a class="author-info__follow-button" href="/login">Follow</a></h3><h4>Transformationsbegleiterin und Expertin für Neue Arbeit und Neues Lernen. Schwerpunkte: Home-Office und Meetings</h4></section></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Inga Holm']);
  });

  it('reads no author from a box whose heading is no name', () => {
    const body = `<main><article><h1>Hochzeit im Wendland</h1><div class="author-posts"><h3><a href="/lernpfad">Lernpfad 7. Schulstufe</a></h3><p>Mehr Beiträge und Materialien für den Unterricht in der Schule und zu Hause, für Lehrkräfte und für Eltern.</p></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });
});

describe('authors: a meta row the theme marks up as <nav>', () => {
  it('reads the author in a <nav> in the heading’s own block', () => {
    const body = `<nav class="menu"><a href="/">Home</a></nav><main><div class="hd"><div class="ttl"><h1>Trade talks resume</h1></div><h2 class="dek">The government will decide on the matter today.</h2><nav class="post-by"><span><a href="/india">All India</a></span><span>Edited by <a href="/topic/swati-rao"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Swati Rao</span></span></a> (with inputs from Agencies)</span></nav></div>${TEXT}</main>`;
    expect(readPage('', body)?.authors).toEqual(['Swati Rao']);
  });

  it('reads no author from the site’s navigation', () => {
    const body = `<nav class="menu"><a href="/authors/swati-rao" rel="author">Swati Rao</a></nav><main><div class="hd"><h1>Trade talks resume</h1></div>${TEXT}</main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });
});

describe('authors: a further author link in a teaser card', () => {
  it('reads the byline’s writer, not the writer of a related post’s card', () => {
    const body = `<main><h1>Dealing with gropers</h1><p class="meta">By <a href="/author/amelie/" rel="author">Amelie Sato</a> <time>Feb 8, 2020</time></p>${TEXT}<div class="more"><div class="post-item"><h3><a href="/kanji-cheat-sheet/">Kanji cheat sheet</a></h3><p>Vegan food is hard to find.</p><p class="post-item-meta">By <a href="/author/chiara/" rel="author">Chiara Rossi</a> <time>Feb 18, 2020</time></p></div></div></main>`;
    expect(readPage('', body)?.authors).toEqual(['Amelie Sato']);
  });

  it('reads every writer of one byline', () => {
    const body = `<main><h1>Dealing with gropers</h1><p class="meta">By <a href="/author/amelie/" rel="author">Amelie Sato</a> and <a href="/author/chiara/" rel="author">Chiara Rossi</a></p>${TEXT}</main>`;
    expect(readPage('', body)?.authors).toEqual(['Amelie Sato', 'Chiara Rossi']);
  });
});

describe('authors: a writer element', () => {
  it('reads the writer’s name below the text', () => {
    const body = `<main><article><h1>新しいスマートフォン</h1>${TEXT}</article><span class="writer writer-name">《KT》</span></main>`;
    expect(readPage('', body)?.authors).toEqual(['《KT》']);
  });
});
