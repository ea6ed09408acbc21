/**
 * What a signature is not (issue 13, review): a heading, a widget's line, a picture credit, a quoted
 * person, a press contact or an organisation after the text is no author of it.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

/** A paragraph of running text (~700 characters). */
const LONG = `<p>${'Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo. '.repeat(6)}</p>`;

const page = (after: string) =>
  `<main><article><h1>Ein Titel hier</h1>${LONG}${LONG}${after}</article></main>`;

describe('authors: no signature from other lines after the text', () => {
  const cases: Record<string, string> = {
    'a related-articles heading': '<h2>Related Articles</h2>',
    'a further-information heading': '<h3>Weitere Informationen</h3>',
    'a comment form’s heading': '<h3>Leave A Reply</h3>',
    'a newsletter box’s heading': '<div class="newsletter"><h3>Stay In Touch</h3></div>',
    'a share line': '<p>Share This Article</p>',
    'a picture’s credit': '<p><img src="a.jpg"></p><p>Getty Images</p>',
    'a photo credit': '<p>Foto Jan Jansen</p>',
    'the person a quotation is by': '<blockquote>„Wir sind froh.“</blockquote><p>Angela Merkel</p>',
    'a press contact': '<p><strong>Noot voor de redactie</strong></p><p>Pieter de Vries</p>',
    'an organisation': '<p><em>Gemeente Utrecht</em></p>',
    'an author label before other words': '<p>Author Guidelines For Submissions</p>',
    'an author label before one word': '<p>Autoren Gesucht</p>',
  };
  for (const [what, after] of Object.entries(cases)) {
    it(`reads no author from ${what}`, () => {
      expect(readPage('', page(after))?.authors).toEqual([]);
    });
  }

  it('still reads a writer’s name in bold on the last line', () => {
    expect(readPage('', page('<p><strong>Marina Vogt</strong></p>'))?.authors).toEqual(['Marina Vogt']);
  });
});
