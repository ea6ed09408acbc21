/**
 * What a byline is not (issue 13, review): an author box's own title, or a name in the site's menu.
 */
import { describe, expect, it } from 'vitest';
import { extractPublication } from '@/utils/extract';
import { URL, doc, page, readPage } from './helpers';

/** A paragraph of running text (~700 characters). */
const LONG = `<p>${'Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo. '.repeat(6)}</p>`;

describe('authors: an author box’s title is no name', () => {
  it('reads no author from “Über den Autor”', () => {
    const body = `<main><article><h1>Ein Titel hier</h1>${LONG}<div class="author-box"><h3>Über den Autor</h3><p>Er ist Journalist und schreibt seit 2001 über Politik und Wirtschaft in Berlin und anderswo.</p></div></article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('reads no author from “Meet The Team”', () => {
    const body = `<main><article><h1>A title here</h1>${LONG}<div class="author-box"><h3>Meet The Team</h3><p>We are journalists who have written since 2001 about politics and the economy in London.</p></div></article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('still reads the writer’s name heading an author box', () => {
    const body = `<main><article><h1>Ein Titel hier</h1>${LONG}<div class="author-box"><h3>Jan de Vries</h3><p>Er ist Journalist und schreibt seit 2001 über Politik und Wirtschaft in Berlin und anderswo.</p></div></article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Jan de Vries']);
  });
});

describe('authors: a name in the site’s menu is no byline', () => {
  it('reads no author from a menu link to a writer’s page', () => {
    const body = `<div id="page"><nav class="menu"><ul><li><a href="/">Start</a></li><li><a href="/autor/anna-berg/">Anna Berg</a></li><li><a href="/autor/jan-jansen/">Jan Jansen</a></li></ul></nav><div class="content"><h1>Ein Titel hier</h1>${LONG}${LONG}</div></div>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('still reads the meta row beside the heading', () => {
    const body = `<main><div class="hd"><h1>Ein Titel hier</h1><nav class="post-by">Von <a href="/autor/anna-berg/">Anna Berg</a></nav></div>${LONG}${LONG}</main>`;
    expect(readPage('', body)?.authors).toEqual(['Anna Berg']);
  });
});

describe('authors: the closing label of a text written with <br> is read cheaply', () => {
  it('reads no text of a long block’s last nodes when the block has no <br>', () => {
    const spans = Array.from(
      { length: 8 },
      (_, i) => `<span class="part">Teil ${i} ${'des Textes '.repeat(30)}</span>`,
    );
    const html = page(
      '',
      `<main><h1>Ein Titel hier</h1><div class="text">${spans.join('')}</div>${LONG}</main>`,
    );
    const document = doc(html);
    let reads = 0;
    for (const span of document.querySelectorAll('.part')) {
      const base = findTextContent(span);
      Object.defineProperty(span, 'textContent', {
        get() {
          reads++;
          return base.get?.call(this);
        },
      });
    }
    expect(extractPublication(document, URL)?.authors).toEqual([]);
    expect(reads).toBe(0);
  });
});

/** The textContent accessor an element inherits. */
function findTextContent(el: object): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, 'textContent');
    if (found) return found;
  }
  throw new Error('no textContent');
}
