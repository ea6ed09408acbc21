/**
 * Where the reader sees a JSON-LD author (issue 13): a theme's class that merely mentions
 * comments ("comments-open"), a Dutch "commentaar" block and a hidden "Auteurs" tab the reader
 * opens are the article's; reader comments and a small hidden microformat copy are not.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, readPage } from './helpers';

const TEXT =
  '<p>Dit rapport onderzoekt hoe gemeenten de uitvoering van de Wmo organiseren en welke keuzes zij daarbij maken voor burgers.</p>';
const HEAD =
  '<title>Zorg dichtbij | Instituut</title>' +
  jsonLd({
    '@context': 'https://schema.org',
    '@type': 'Article',
    name: 'Zorg dichtbij',
    author: [
      { '@type': 'Person', name: 'Jan Jansen' },
      { '@type': 'Person', name: 'Anna de Vries' },
    ],
  });
const NAMES = '<ul><li>Jan Jansen</li><li>Anna de Vries</li></ul>';
const authors = (inner: string) =>
  readPage(HEAD, `<main><article><h1>Zorg dichtbij</h1>${inner}${TEXT}</article></main>`)?.authors;

describe('authors: the JSON-LD authors the reader sees', () => {
  it.each([
    `<div class="entry-meta comments-open">${NAMES}</div>`,
    `<div class="commentaar-body">${NAMES}</div>`,
    `<div id="commentary">${NAMES}</div>`,
  ])('reads them from %s', (inner) => expect(authors(inner)).toEqual(['Jan Jansen', 'Anna de Vries']));

  it('reads them from a hidden “Auteurs” tab panel', () => {
    const tabs = `<div role="tablist"><button>Samenvatting</button><button>Auteurs</button></div><div role="tabpanel">${TEXT}</div><div role="tabpanel" hidden>${NAMES}</div>`;
    expect(authors(tabs)).toEqual(['Jan Jansen', 'Anna de Vries']);
  });

  it.each([
    `<ol class="comment-list"><li class="comment">${NAMES}</li></ol>`,
    `<div id="comments">${NAMES}</div>`,
    `<span class="vcard" style="display: none">${NAMES}</span>`,
  ])('does not read them from %s', (inner) => expect(authors(inner)).toEqual([]));
});
