/**
 * The site's owner in the author tags (issue 13): a name the metadata also gives as copyright
 * holder or publisher is the site's, not the article's writer, unless the page signs with it.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Heliumkerne, Zerfall und Strahlung in der Chemie und anderswo.</p>';
const BODY = `<main><article><h1>Heliumkerne</h1>${TEXT}</article></main><footer><p>© 2020 Andreas Berg</p></footer>`;

describe('authors: the site’s owner in the author tags', () => {
  it.each([
    ['the copyright tag', '<meta name="copyright" content="Andreas Berg">'],
    ['the publisher tag', '<meta name="publisher" content="Andreas Berg">'],
    ['Dublin Core’s rights holder', '<meta name="DC.rights.rightsHolder" content="Andreas Berg">'],
  ])('reads no author from an author tag that %s repeats', (_, owner) => {
    expect(readPage(`<meta name="author" content="Andreas Berg">${owner}`, BODY)?.authors).toEqual([]);
    expect(readPage(`<meta name="DC.creator" content="Berg, Andreas">${owner}`, BODY)?.authors).toEqual([]);
  });

  it('keeps the owner where the page signs with the name', () => {
    const head = '<meta name="author" content="Andreas Berg"><meta name="copyright" content="Andreas Berg">';
    const body = `<main><article><h1>Heliumkerne</h1><p>Von Andreas Berg</p>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual(['Andreas Berg']);
  });

  it('keeps the owner of a personal blog whose structured data names them as the author', () => {
    const head =
      '<meta name="author" content="Andreas Berg"><meta name="copyright" content="Andreas Berg">' +
      jsonLd({
        '@type': 'BlogPosting',
        author: { '@type': 'Person', name: 'Andreas Berg' },
        publisher: { '@type': 'Organization', name: 'Andreas Berg' },
      });
    const body = `<nav><a class="logo" href="/">Andreas Berg</a></nav>${BODY}`;
    expect(readPage(head, body)?.authors).toEqual(['Andreas Berg']);
  });

  it('keeps an author tag that names someone else than the owner', () => {
    const head = '<meta name="author" content="Jana Klein"><meta name="copyright" content="Andreas Berg">';
    expect(readPage(head, BODY)?.authors).toEqual(['Jana Klein']);
  });
});
