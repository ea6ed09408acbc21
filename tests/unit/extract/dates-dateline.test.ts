/**
 * A press release's dateline counts only where it opens the first paragraph under the heading: not
 * a dateline-shaped item of a list or quote further down (a chronology), which would otherwise
 * replace a correct metadata day, and not a paragraph above the heading.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const TEXT =
  'Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.';
const HEAD = '<meta property="article:published_time" content="2023-06-01T09:00:00+02:00">';

describe('a dateline-shaped line further down the text', () => {
  const body = (item: string) =>
    `<main><article><h1>Neue Regeln</h1><p>${TEXT}</p><p>${TEXT}</p><h2>Chronologie</h2>${item}<p>${TEXT}</p></article></main>`;

  it('a list item or quote of a chronology does not replace the metadata day', () => {
    const line =
      'Brüssel, 12. März 2020: Die Kommission legt einen Vorschlag vor, der die Regeln für Gemeinden ändert.';
    expect(extract(page(HEAD, body(`<ul><li>${line}</li></ul>`)))?.published).toBe('2023-06-01');
    expect(extract(page(HEAD, body(`<blockquote>${line}</blockquote>`)))?.published).toBe('2023-06-01');
    expect(extract(page(HEAD, body(`<p>${line}</p>`)))?.published).toBe('2023-06-01');
  });

  it('nor gives a date where no metadata states one', () => {
    const line =
      'Brüssel, 12. März 2020: Die Kommission legt einen Vorschlag vor, der die Regeln für Gemeinden ändert.';
    expect(extract(page('', body(`<p>${line}</p>`)))?.published).toBeUndefined();
  });
});

describe('a dateline above the heading', () => {
  it('is no dateline of the item; the same paragraph under the heading is', () => {
    const lead = `<p>Berlin, 3. Mai 2021 – Der Rat hat beschlossen: ${TEXT}</p>`;
    expect(
      extract(page('', `<main><article>${lead}<h1>Neue Regeln</h1><p>${TEXT}</p></article></main>`))
        ?.published,
    ).toBeUndefined();
    expect(extract(page('', `<main><article><h1>Neue Regeln</h1>${lead}</article></main>`))?.published).toBe(
      '2021-05-03',
    );
  });
});
