/**
 * Issue 13 review: the site-owner rule skips papers. A self-archived paper or
 * thesis names its writer in citation_author, or is a JSON-LD report, and
 * names the same person as its rights holder or publisher.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, readPage } from './helpers';

const ABSTRACT = `<p>Abstract: ${'Groundwater levels in the city were studied over ten years. '.repeat(5)}</p>`;

describe('authors: a paper’s writer who holds its rights', () => {
  it('keeps citation_author where the rights holder is the same person', () => {
    const head =
      '<meta name="citation_title" content="Groundwater in Delft"><meta name="citation_author" content="Jansen, Jan">' +
      '<meta name="citation_publication_date" content="2020"><meta name="DC.rights.rightsholder" content="Jan Jansen">';
    const body = `<main><h1>Groundwater in Delft</h1><table><tr><td>Author</td><td>Jansen, Jan</td></tr></table>${ABSTRACT}</main>`;
    expect(readPage(head, body)?.authors).toEqual(['Jan Jansen']);
  });

  it('keeps the author tag of a report whose publisher is its writer', () => {
    const head =
      '<meta name="author" content="Jan Jansen"><meta name="publisher" content="Jan Jansen">' +
      jsonLd({ '@type': 'Report', name: 'Groundwater in Delft' });
    const body = `<main><h1>Groundwater in Delft</h1>${ABSTRACT}</main>`;
    expect(readPage(head, body)?.authors).toEqual(['Jan Jansen']);
  });
});
