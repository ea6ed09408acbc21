/**
 * Issue 13 review: a CMS login ("jana.klein") reads as a name, a host name ("nu.nl") does not.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, readPage } from './helpers';

const TEXT = `<p>${'Het is een mooie dag in het land van de heuvels en de zee. '.repeat(8)}</p>`;
const withAuthor = (name: string) =>
  jsonLd({ '@type': 'NewsArticle', headline: 'Hallo wereld', author: { '@type': 'Person', name } });

describe('authors: a host name in the author’s place', () => {
  it.each(['nu.nl', 'ad.nl', 'spiegel.de'])('reads no person from the host name %s', (host) => {
    const authors = readPage(
      withAuthor(host),
      `<main><h1>Hallo wereld</h1>${TEXT}<p>${host}</p></main>`,
    )?.authors;
    expect(authors).toEqual([]);
  });

  it('reads no person from the page’s own host', () => {
    const body = `<main><h1>Hallo wereld</h1>${TEXT}<p>tuin.works</p></main>`;
    expect(readPage(withAuthor('tuin.works'), body, 'https://www.tuin.works/a/b')?.authors).toEqual([]);
  });

  it('still reads a login as the name it spells', () => {
    const body = `<main><h1>Hallo wereld</h1>${TEXT}<p>Door Jana Klein</p></main>`;
    expect(readPage(withAuthor('jana.klein'), body)?.authors).toEqual(['Jana Klein']);
  });
});
