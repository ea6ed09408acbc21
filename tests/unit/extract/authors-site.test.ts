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
    const head = '<meta property="og:site_name" content="Omroep">';
    const body = `<main><article><h1>Rents rise again</h1><div class="bylineDetails"><span class="authorText"><a href="/author/jonas-berg">Jonas Berg</a></span> <span> · </span>Omroep Nieuws <span> · </span><time>Posted: Mar 3, 2021</time></div>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.omroep.example/news/1')?.authors).toEqual(['Jonas Berg']);
  });

  it('reads the byline’s person, not the site’s staff named in the author tag', () => {
    const head =
      '<meta property="og:site_name" content="Weekblad"><meta name="author" content="Weekblad Staff">';
    const body = `<main><article><h1>A picture</h1><p>By Sara Lind March 4, 2018</p>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.weekblad.example/news/1')?.authors).toEqual(['Sara Lind']);
  });

  it('reads the byline’s person over a DC.creator that names the site', () => {
    const head =
      '<meta property="og:site_name" content="Madame Beispiel"><meta name="DC.creator" content="Madame Beispiel">';
    const body = `<main><article><h1>Que cuisiner</h1><div class="article-author"><a href="/auteur/e">Élodie Marchand</a></div>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual(['Élodie Marchand']);
    const unsigned = `<main><article><h1>Que cuisiner</h1>${TEXT}</article></main>`;
    expect(readPage(head, unsigned)?.authors).toEqual(['Madame Beispiel']);
  });

  it('reads the blog owner’s user name on a host that gives each blog a subdomain', () => {
    const body = `<main><article><h1>Ein Beitrag</h1><div class="entry-meta"><span class="byline"><span class="author vcard"><a class="url fn n" href="/author/wavewatch/">wavewatch</a></span></span></div>${TEXT}</article></main>`;
    expect(readPage('', body, 'https://wavewatch.blogs.example/2018/03/02/medien/')?.authors).toEqual([
      'wavewatch',
    ]);
  });

  it('reads no author from the site’s address card in the author tag', () => {
    const head = '<meta name="author" content="Glaube und Alltag, Musterstadt, Germany">';
    const body = `<main><article><h1>Gegen die Sperrstunde</h1>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://www.glaube-und-alltag.example/artikel/1')?.authors).toEqual([]);
  });

  it('reads no author from a JSON-LD “person” that is an office, not named on the page', () => {
    const head = jsonLd({
      '@type': 'Article',
      headline: 'Ein Tierheim',
      author: { '@type': 'Person', name: 'Sekretariat Partei Bürger Zukunft' },
    });
    const body = `<main><article><h1>Ein Tierheim</h1>${TEXT}<p>Sekretariat Partei Bürger Zukunft</p></article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
  });

  it('reads no author from an author tag naming a parliamentary group in one German compound', () => {
    const head = '<meta name="author" content="Bürgerbund Landtagsfraktion Beispielland">';
    const body = `<main><article><h1>Mehr Busse auf dem Land</h1>${TEXT}</article></main>`;
    expect(readPage(head, body)?.authors).toEqual([]);
    const signed = `<main><article><h1>Mehr Busse auf dem Land</h1><p>Von Bürgerbund Landtagsfraktion Beispielland</p>${TEXT}</article></main>`;
    expect(readPage(head, signed)?.authors).toEqual(['Bürgerbund Landtagsfraktion Beispielland']);
  });

  it('reads the visible byline when the publisher tag only repeats the author tag', () => {
    const head =
      '<meta property="og:site_name" content="dschungel.example"><meta property="article:author" content="dschungel.example"><meta name="author" content="Paul Kessler"><meta name="dcterms.publisher" content="Paul Kessler">';
    const body = `<main><article><h1>Das Gespenst</h1><p>Autor: Paul Kessler</p>${TEXT}</article></main>`;
    expect(readPage(head, body, 'https://dschungel.example/artikel/1')?.authors).toEqual(['Paul Kessler']);
  });
});

describe('authors: what follows the name on a byline row', () => {
  it('drops the link to the author’s other posts', () => {
    expect(cleanAuthors(['Lukas Brandt Alles von Lukas Brandt'])).toEqual(['Lukas Brandt']);
  });

  it('drops a day and month without a year', () => {
    expect(cleanAuthors(['Felix Horn 07 Dezember'])).toEqual(['Felix Horn']);
  });

  it('drops a weekday run into the name before the date', () => {
    expect(cleanAuthors(['Jonas BergMi 8 Apr 2020'])).toEqual(['Jonas Berg']);
  });

  it('drops a "time ago" run into the last name', () => {
    expect(
      cleanAuthors(['Ana Ruiz, Luis Pardo y José Miguel SotoHace 13 horas Tiempo de lectura: 8 minutos']),
    ).toEqual(['Ana Ruiz', 'Luis Pardo', 'José Miguel Soto']);
  });

  it('keeps a surname with a capital inside it before a date or a comment count', () => {
    expect(cleanAuthors(['By Ewan MacKenzie 12 May 2021'])).toEqual(['Ewan MacKenzie']);
    expect(cleanAuthors(['Kate VanDerBeek 5 Kommentare'])).toEqual(['Kate VanDerBeek']);
    expect(cleanAuthors(['Jan JansenVor 2 Stunden'])).toEqual(['Jan Jansen']);
  });

  it('keeps a surname that begins like a month before the date', () => {
    expect(cleanAuthors(['Jan Jansen 12 May 2021'])).toEqual(['Jan Jansen']);
    expect(cleanAuthors(['Tom Mayer 12 Mar 2021'])).toEqual(['Tom Mayer']);
    expect(cleanAuthors(['Jane Doe March 11, 2015 3:46 PM'])).toEqual(['Jane Doe']);
  });

  it('drops the masthead run into the name', () => {
    expect(cleanAuthors(['Ina LangeNORDSTADT MORNING POSTMar 2, 2019'])).toEqual(['Ina Lange']);
  });
});

describe('authors: text that is no name', () => {
  it('reads no name from a widget whose words run together', () => {
    expect(cleanAuthors(['Hire the authorJan JansenPython Engineer'])).toEqual([]);
  });

  it('keeps names with a capital inside a word', () => {
    expect(cleanAuthors(['Mary McDonaldson', 'Lena DeWitt-MacAllister'])).toEqual([
      'Mary McDonaldson',
      'Lena DeWitt-MacAllister',
    ]);
  });
});
