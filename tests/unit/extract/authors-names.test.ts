/**
 * What is a name in an author slot (issue 13): a phrase, a widget's text or a label a CMS puts
 * there is no one, a person's name with its particles is.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { jsonLd, readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo.</p>';

describe('authors: a name that opens with a lower-case word', () => {
  it.each(['deinen Hochzeitsplanern', 'the Morning Desk', 'selbst gemacht Magazin'])(
    'reads “%s” as a phrase, not a name',
    (phrase) => expect(cleanAuthors([phrase])).toEqual([]),
  );

  it('keeps names that open with a particle, and a user name', () => {
    expect(cleanAuthors(['van der Berg', 'de Vries', 'di Lorenzo'])).toEqual([
      'van der Berg',
      'de Vries',
      'di Lorenzo',
    ]);
    expect(cleanAuthors(['annak42'], true)).toEqual(['annak42']);
  });

  it('leaves the author tag’s phrase for the byline the reader sees', () => {
    const head = '<meta name="author" content="deinen Hochzeitsplanern">';
    const body = `<main><article><h1>Die schönsten Orte</h1><p>Von Jonas Berg</p>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual(['Jonas Berg']);
  });
});

describe('authors: an advertisement’s label and a role in the byline', () => {
  it.each(['Sponsored Post', 'Gesponserte Inhalte', 'Anzeige'])('reads no one from the label “%s”', (label) =>
    expect(cleanAuthors([label])).toEqual([]),
  );

  it('reads the name, not its label and the role at a body after it', () => {
    const body = `<main><article><h1>Die schönsten Orte</h1>${TEXT}<p>Autor: Jonas Berg (Sponsored Post), Redner bei beispiel-trauung.de</p></article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Jonas Berg']);
    expect(cleanAuthors(['Lena Voss, Fellow at Example Institute'])).toEqual(['Lena Voss']);
  });
});

describe('authors: a CMS login in the structured data', () => {
  const ld = (name: string) =>
    jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: { '@type': 'Person', name } });

  it('reads “jana.klein” as the person the page shows, Jana Klein', () => {
    const body = `<main><article><h1>Die Wahl ist vorbei</h1>${TEXT}<p class="img-text">Chefredakteurin Jana Klein bewertet den Wahlausgang.</p></article></main>`;
    expect(readPage(ld('jana.klein'), body)?.authors).toEqual(['Jana Klein']);
  });

  it('reads no one from a login the page never shows', () => {
    const body = `<main><article><h1>Die Wahl ist vorbei</h1>${TEXT}</article></main>`;
    expect(readPage(ld('jana.klein'), body)?.authors).toEqual([]);
  });
});

describe('authors: co-authors the structured data leaves out', () => {
  const ld = jsonLd({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Rudolf Berg' } });

  it('reads every writer of the byline row where the structured data names only the first', () => {
    const body = `<main><article><h1>Das neue Rad im Test</h1><div class="entry-meta"><span class="vcard author"><span class="fn">von Rudolf Berg, Simon Kohl</span></span></div>${TEXT}</article></main>`;
    expect(readPage(ld, body)?.authors).toEqual(['Rudolf Berg', 'Simon Kohl']);
  });
});

describe('authors: a blog that signs with its address', () => {
  it('reads the address the byline names (“Autor: www.koffer.example”)', () => {
    const body = `<main><article><h1>Die Überforderung</h1><div class="post-meta"><span class="post-meta-date">Datum: 13. April 2017</span><span class="post-meta-author">Autor: <a href="/author/koffer/">www.koffer.example</a></span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['www.koffer.example']);
  });

  it('reads no author from an address in the author tag', () => {
    const head = '<meta name="author" content="www.koffer.example">';
    const body = `<main><article><h1>Die Überforderung</h1>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });
});

describe('authors: an editor’s initials in the byline', () => {
  it.each(['cpm', 'zvg'])('reads no author from the lower-case initials “%s”', (initials) => {
    const body = `<main><article><h1>Neue Pfarrei</h1><div class="author" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name"><a href="/impressum/">${initials}</a></span></div>${TEXT}</article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('keeps a blog’s user name of four letters or more', () => {
    expect(cleanAuthors(['marc'], true)).toEqual(['marc']);
  });
});
