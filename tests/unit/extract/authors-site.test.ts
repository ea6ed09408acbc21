/**
 * The site in the author slot (issue 13): its desk beside a person, its address card in the
 * author tag, its user name on a blog host, and a publisher tag that only repeats the writer.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { jsonLd, readPage } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo.</p>';

describe('authors: the site beside or instead of a person', () => {
  it('keeps the person, not the site’s desk, from one byline row', () => {
    const head = '<meta property="og:site_name" content="CBC">';
    const body = `<main><article><h1>Housing market slows</h1><div class="bylineDetails"><span class="authorText"><a href="/author/pete-evans">Pete Evans</a></span> <span> · </span>CBC News <span> · </span><time>Posted: Oct 14, 2022</time></div>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.cbc.example/news/1')?.authors).toEqual(['Pete Evans']);
  });

  it('reads the byline’s person, not the site’s staff named in the author tag', () => {
    const head =
      '<meta property="og:site_name" content="Us Weekly"><meta name="author" content="Us Weekly Staff">';
    const body = `<main><article><h1>A picture</h1><p>By Megan French December 7, 2016</p>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.usmagazine.example/news/1')?.authors).toEqual(['Megan French']);
  });

  it('reads the byline’s person over a DC.creator that names the site', () => {
    const head =
      '<meta property="og:site_name" content="Madame Beispiel"><meta name="DC.creator" content="Madame Beispiel">';
    const body = `<main><article><h1>Quoi manger</h1><div class="article-author"><a href="/auteur/o">Ophélie Ostermann</a></div>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual(['Ophélie Ostermann']);
    const unsigned = `<main><article><h1>Quoi manger</h1>${TEXT}</article></main>`;
    expect(readPage(head, unsigned)?.authors).toEqual(['Madame Beispiel']);
  });

  it('reads the blog owner’s user name on a host that gives each blog a subdomain', () => {
    const body = `<main><article><h1>Ein Beitrag</h1><div class="entry-meta"><span class="byline"><span class="author vcard"><a class="url fn n" href="/author/surfguard/">surfguard</a></span></span></div>${TEXT}</article></main>`;
    expect(readPage('', body, 'https://surfguard.blogs.example/2016/11/01/medien/')?.authors).toEqual([
      'surfguard',
    ]);
  });

  it('reads no author from the site’s address card in the author tag', () => {
    const head = '<meta name="author" content="Kirche und Leben, Münster, Germany">';
    const body = `<main><article><h1>Gegen die Impfpflicht</h1>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.kirche-und-leben.example/artikel/1')?.authors).toEqual([]);
  });

  it('reads no author from a JSON-LD “person” that is an office, not named on the page', () => {
    const head = jsonLd({
      '@type': 'Article',
      headline: 'Eine Auffangstation',
      author: { '@type': 'Person', name: 'Sekretariat Partei Mensch Umwelt' },
    });
    const body = `<main><article><h1>Eine Auffangstation</h1>${TEXT}<p>Sekretariat Partei Mensch Umwelt</p></article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });

  it('reads the visible byline when the publisher tag only repeats the author tag', () => {
    const head =
      '<meta property="og:site_name" content="jungle.example"><meta property="article:author" content="jungle.example"><meta name="author" content="Ernst Lohoff"><meta name="dcterms.publisher" content="Ernst Lohoff">';
    const body = `<main><article><h1>Das Phantom</h1><p>Autor: Ernst Lohoff</p>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://jungle.example/artikel/1')?.authors).toEqual(['Ernst Lohoff']);
  });
});

describe('authors: what follows the name on a byline row', () => {
  it('drops the link to the author’s other posts', () => {
    expect(cleanAuthors(['Martin Junker Alles von Martin Junker'])).toEqual(['Martin Junker']);
  });

  it('drops a day and month without a year', () => {
    expect(cleanAuthors(['Christian Thiele 07 Dezember'])).toEqual(['Christian Thiele']);
  });

  it('drops a weekday run into the name before the date', () => {
    expect(cleanAuthors(['Heiko SauerDo 9 Apr 2020'])).toEqual(['Heiko Sauer']);
  });

  it('drops the masthead run into the name', () => {
    expect(cleanAuthors(['Meg WagnerNEW YORK DAILY NEWSDec 16, 2016'])).toEqual(['Meg Wagner']);
  });
});
