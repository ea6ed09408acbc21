/**
 * Themes and keywords from an entry's own footer (issue 13): a blog post lists its categories and
 * tags in <footer class="entry-footer">, which is the item's, not the site's footer; names a CMS
 * encoded twice ("Garten &amp;amp; Küche") are decoded.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const URL = 'https://blog.example.org/2021/05/ein-beitrag/';
const TEXT =
  '<p>Der erste Absatz des Beitrags erzählt, worum es geht, in mehr als achtzig Zeichen, damit er zählt.</p>';

describe('themes: an entry’s own footer', () => {
  it('reads categories and tags from the footer inside the article', () => {
    const footer =
      '<footer class="entry-footer"><span class="cat-links"><a href="/category/wohnen/" rel="category tag">Wohnen</a></span>' +
      '<span class="tags-links"><a href="/tag/mietrecht/" rel="tag">Mietrecht</a>, <a href="/tag/nachbarschaft/" rel="tag">Nachbarschaft</a></span></footer>';
    const record = readPage('', `<main><article><h1>Ein Beitrag</h1>${TEXT}${footer}</article></main>`, URL);
    expect(record?.themes).toEqual(['Wohnen']);
    expect(record?.keywords).toEqual(['Mietrecht', 'Nachbarschaft']);
  });

  it('reads taxonomy links from an entry-meta footer beside the text', () => {
    const footer =
      '<footer class="entry-meta"><span class="tag-links"><a href="/tag/klimawandel/">Klimawandel</a>, <a href="/tag/wirtschaft/">Volkswirtschaft</a></span></footer>';
    const record = readPage('', `<div class="content"><h1>Ein Beitrag</h1>${TEXT}${footer}</div>`, URL);
    expect(record?.themes).toEqual(['Klimawandel', 'Volkswirtschaft']);
  });

  it('does not read the site’s footer', () => {
    const footer =
      '<footer class="site-footer"><a href="/category/news/" rel="category tag">News</a><a href="/tag/alles/">Alles</a></footer>';
    const record = readPage('', `<main><h1>Ein Beitrag</h1>${TEXT}</main>${footer}`, URL);
    expect(record?.themes ?? []).toEqual([]);
  });

  it('decodes entities a CMS encoded twice', () => {
    const record = readPage(
      '<meta property="article:section" content="Garten &amp;amp; Küche">',
      `<main><h1>Ein Beitrag</h1>${TEXT}</main>`,
      URL,
    );
    expect(record?.themes).toEqual(['Garten & Küche']);
  });
});

describe('themes: a block of topic links', () => {
  it('reads the links of a block whose class names it a list of categories', () => {
    const block =
      '<div class="categories"><a href="/mot/education">Éducation</a> <a href="/mot/morel">Claire Morel</a></div>';
    const record = readPage('', `<main><h1>Ein Beitrag</h1>${TEXT}${block}</main>`, URL);
    expect(record?.themes).toEqual(['Éducation', 'Claire Morel']);
  });

  it('does not read the links of an article whose class names its category (category-rapporten)', () => {
    const body = `<main><article class="post hentry category-rapporten"><h1>Een rapport</h1><div class="entry-content"><p>Lees het <a href="/rapport.pdf">rapport</a> en de <a href="/samenvatting">samenvatting</a>.</p>${TEXT}</div></article></main>`;
    expect(readPage('', body, URL)?.themes ?? []).toEqual([]);
  });

  it('does not read share buttons or a menu that a class calls tags', () => {
    const share =
      '<div class="tags share-bar"><a href="/share?x">Tweet</a> <a href="/save">Speichern</a></div>';
    const record = readPage('', `<main><h1>Ein Beitrag</h1>${TEXT}${share}</main>`, URL);
    expect(record?.themes ?? []).toEqual([]);
  });
});
