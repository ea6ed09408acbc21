/**
 * A signature at the end of the text (issue 13): the writer's name on a line of its own, or after
 * an author label without its colon, where the page has no byline above the text.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

/** A paragraph of running text. */
const LONG =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo, über Haushalte, Gemeinden und Länder, und über das, was sie im nächsten Jahr erwartet.</p>';

describe('authors: a signature at the end of the text', () => {
  /** A block of other pages' teasers below the article's text. */
  const TEASERS =
    '<div class="teasers"><p>Ein Hinweis auf eine Seminarreihe mit genug Text, um als laufender Text zu gelten, über Kreislaufanlagen, Fischzucht und Wasserqualität, mit Terminen im Frühjahr und im Herbst in mehreren Städten.</p></div>';

  it('reads the name on the text’s last line', () => {
    const body = `<main><article><h1>Buch der Woche</h1><div class="text">${LONG}${LONG}<p><strong>Ein Buch</strong><br>Blessing, 816 Seiten</p><p><strong>Marina Vogt</strong></p></div>${TEASERS}</article></main>`;
    expect(readPage('', body)?.authors).toEqual(['Marina Vogt']);
  });

  it('reads the names after an author label without its colon', () => {
    const body = `<main><h1>Sperrfristen</h1><div class="text">${LONG}${LONG}<p>Weitere Informationen geben die Dienststellen.</p><p>Autoren Jelko Berg und Jutta Klein</p></div>${TEASERS}</main>`;
    expect(readPage('', body)?.authors).toEqual(['Jelko Berg', 'Jutta Klein']);
  });

  it('reads no author from a link that closes the text', () => {
    const body = `<main><article><h1>Buch der Woche</h1><div class="text">${LONG}${LONG}<p><a href="/more">Read More</a></p></div></article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });

  it('reads no author from a name inside the text, followed by more text', () => {
    const body = `<main><article><h1>Buch der Woche</h1><div class="text">${LONG}<p><strong>Marina Vogt</strong></p>${LONG}${LONG}${LONG}${LONG}</div></article></main>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });
});

describe('authors: an author label on the last line of a text written with <br>', () => {
  const text =
    'Das Verwaltungsgericht hielt die ablehnende Entscheidung des Bezirksamtes für rechtmäßig. Die Inanspruchnahme der Sozialleistung sei hier unangemessen.<br><br>Ein passendes Stellenangebot habe er abgelehnt, rügte das Gericht.<br><br>Quelle: Rechtsnews für Ihre Homepage<br><br>';

  it('reads the name after “Autor:” on the text’s last line', () => {
    const body = `<div class="content"><h1>Kein Wohngeld ohne Bewerbungen</h1><div class="text">${text}Autor: <a href="/rechtsanwalt/">Rechtsanwalt</a> Sebastian Holm</div></div>`;
    expect(readPage('', body)?.authors).toEqual(['Sebastian Holm']);
  });

  it('reads no author from another last line', () => {
    const body = `<div class="content"><h1>Kein Wohngeld ohne Bewerbungen</h1><div class="text">${text}Von Montag bis Freitag erreichbar</div></div>`;
    expect(readPage('', body)?.authors).toEqual([]);
  });
});
