/**
 * The byline rules read only the lines that hold a byline word (utils/extract/byline-words.ts):
 * a line the reader sees as a byline is read however its markup splits the word.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo.</p>';

function authorsOf(byline: string): string[] | undefined {
  return readPage('', `<main><article><h1>Neue Regeln für Gemeinden</h1>${byline}${TEXT}</article></main>`)
    ?.authors;
}

describe('byline lines however the markup writes them', () => {
  it('reads a byline whose first letter is set apart (a drop cap)', () => {
    expect(authorsOf('<p><span class="initial">V</span>on Jonas Berg</p>')).toEqual(['Jonas Berg']);
  });

  it('reads a byline whose word is split over several elements, after other text', () => {
    expect(authorsOf('<div>Neu <p><b>V</b><i>o</i>n Jonas Berg</p></div>')).toEqual(['Jonas Berg']);
  });

  it('reads a byline with a zero-width character inside its word', () => {
    expect(authorsOf('<p>V&#8203;on Jonas Berg</p>')).toEqual(['Jonas Berg']);
  });

  it('reads a byline after a comment inside its word', () => {
    expect(authorsOf('<p>V<!-- -->on Jonas Berg</p>')).toEqual(['Jonas Berg']);
  });

  it('reads an author label on the last line of a long text, split by a comment', () => {
    const long = 'Ein Satz über Verwaltung und Politik, der lang genug ist. '.repeat(6);
    expect(authorsOf(`<div>${long}<br><br>Au<!--tor: Jonas Berg--></div>`)).toEqual(['Jonas Berg']);
  });

  it('reads no author from a paragraph that only mentions the word', () => {
    expect(authorsOf('<p>Ein Bericht von gestern</p>')).toEqual([]);
  });
});
