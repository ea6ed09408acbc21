/**
 * An author only the metadata names (issue 13): the JSON-LD person the page never shows is no
 * author, and neither is the author tag that repeats them; a copyright notice does not show them.
 */
import { describe, expect, it } from 'vitest';
import { extract, jsonLd, readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo.</p>';
const person = (name: string) =>
  jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: { '@type': 'Person', name } });

describe('authors: a name the metadata gives but the page does not show', () => {
  it('drops the author tag that repeats a JSON-LD person the page never shows', () => {
    const head = `${person('Wiebke Tannhauser')}<meta name="author" content="Wiebke Tannhauser">`;
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });

  it('keeps them where the page shows the name', () => {
    const head = `${person('Wiebke Tannhauser')}<meta name="author" content="Wiebke Tannhauser">`;
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1><p class="meta">Wiebke Tannhauser, 3. Mai 2021</p>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual(['Wiebke Tannhauser']);
  });

  it('keeps an author tag alone, as Readability does', () => {
    const head = '<meta name="author" content="Wiebke Tannhauser">';
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual(['Wiebke Tannhauser']);
  });

  it('does not count the site owner’s copyright notice as showing the name', () => {
    const head = `${person('Wiebke Tannhauser')}<meta name="author" content="Wiebke Tannhauser">`;
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1>${TEXT}</article></main><footer><p>© 2019 Stadtblog by Wiebke Tannhauser</p></footer>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });
});

describe('authors: a JSON-LD person shown only where the reader does not see them as the author', () => {
  const heading = '<h1>Neue Ladesäulen am Stadtrand</h1>';

  it('is no author when the name is only in hidden markup', () => {
    const hidden = `<div class="author vcard" style="display: none"><span class="fn">Wiebke Tannhauser</span></div>`;
    const body = `<main><article>${heading}${TEXT}${hidden}</article></main>`;
    expect(readPage(person('Wiebke Tannhauser'), body)?.authors).toEqual([]);
    const attribute = `<main><article>${heading}${TEXT}<p hidden>Wiebke Tannhauser</p></article></main>`;
    expect(readPage(person('Wiebke Tannhauser'), attribute)?.authors).toEqual([]);
  });

  it('is no author when only a reader comment names them', () => {
    const comments = `<div id="comments"><div class="comment"><span class="comment-author">Lars</span><p>Dear Wiebke Tannhauser, thank you.</p></div></div>`;
    const body = `<main><article>${heading}${TEXT}</article>${comments}</main>`;
    expect(readPage(person('Wiebke Tannhauser'), body)?.authors).toEqual([]);
  });

  it('is the author where the article shows the name, on a page whose body names comments', () => {
    const html = `<!doctype html><html><head>${person('Wiebke Tannhauser')}</head><body class="single showing-comments"><main><article>${heading}<p class="meta">Wiebke Tannhauser, 3. Mai 2021</p>${TEXT}</article></main></body></html>`;
    expect(extract(html)?.authors).toEqual(['Wiebke Tannhauser']);
  });
});

describe('authors: a first name in the metadata, the whole name in the byline', () => {
  it('reads the byline’s whole name', () => {
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1><p>By Wiebke Tannhauser Date February 5, 2020 Share</p>${TEXT}</article></main>`;
    expect(readPage(person('Wiebke'), body)?.authors).toEqual(['Wiebke Tannhauser']);
  });

  it('keeps a first name the byline shows alone', () => {
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1><p>Von Wiebke, 5. Februar 2020</p>${TEXT}</article></main>`;
    expect(readPage(person('Wiebke'), body)?.authors).toEqual(['Wiebke']);
  });

  it('keeps the first name where two names in the byline begin with it', () => {
    const body = `<main><article><h1>Neue Ladesäulen am Stadtrand</h1><p>By Wiebke Tannhauser and Wiebke Klein</p>${TEXT}</article></main>`;
    expect(readPage(person('Wiebke'), body)?.authors).toEqual(['Wiebke']);
  });
});

describe('authors: a blog’s user name in the metadata', () => {
  it('reads the user name the page shows after “von”', () => {
    const body = `<main><article><h1>Wir unterstützen die Demo</h1><p class="meta">Allgemein · von wtannhauser · 21. September 2019</p>${TEXT}</article></main>`;
    expect(readPage(person('wtannhauser'), body)?.authors).toEqual(['wtannhauser']);
  });

  it('reads no user name the page does not sign with', () => {
    const body = `<main><article><h1>Wir unterstützen die Demo</h1><p>Ein Text über wtannhauser und andere.</p>${TEXT}</article></main>`;
    expect(readPage(person('wtannhauser'), body)?.authors).toEqual([]);
  });
});
