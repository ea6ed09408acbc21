/**
 * A social card's quote or byline is no summary (issue 13): "“A woman's hair is part of her core
 * identity.”" in og:description and twitter:description, "Par Didier Roy (…, 21 juin 2018)".
 * The page's own description, or else its opening paragraph, is.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const OPENING =
  'Der Bundestag hat neue Regeln für Fahrräder in der Stadt beschlossen; sie gelten ab Mai und betreffen Radwege und Tempo.';
const BODY = `<main><article><h1>Neue Regeln für Fahrräder</h1><p>${OPENING}</p></article></main>`;
const OWN = 'Neue Regeln für Fahrräder: was sich ab Mai für Radfahrer in der Stadt ändert.';
const meta = (name: string, content: string) =>
  `<meta ${name.startsWith('og:') ? 'property' : 'name'}="${name}" content="${content.replace(/"/g, '&quot;')}">`;

describe('summary: a quote or a byline in the description slot', () => {
  it('a pull quote two social tags agree on does not outvote the page’s description', () => {
    const quote = '“Endlich wird es sicherer für alle, die mit dem Rad zur Arbeit fahren.”';
    const head =
      meta('description', OWN) + meta('og:description', quote) + meta('twitter:description', quote);
    expect(extract(page(head, BODY))?.summary).toBe(OWN);
  });

  it('a quoted review is not the sentence that stands for a short description', () => {
    const head =
      meta('description', 'Gousto has changed my life....') +
      meta(
        'og:description',
        '"I cannot thank Gousto enough. What a fantastic idea! I have always struggled ..."',
      );
    expect(extract(page(head, BODY))?.summary).toBe('Gousto has changed my life....');
  });

  it('a byline in the social card gives way to the opening paragraph', () => {
    const head = meta('og:description', 'Par Didier Roy (Planète Asie, Les blogs du Diplo, 21 juin 2018)');
    expect(extract(page(head, BODY))?.summary).toBe(OPENING);
  });

  it('a description that opens and ends with quotation marks but holds more than one quotation stays', () => {
    const text =
      '„Endlich sicher“: der Bundestag beschließt neue Regeln für Radwege in der Stadt mit dem Programm „Rad frei“';
    expect(extract(page(meta('description', text), BODY))?.summary).toBe(text);
  });

  it('a description that only opens with a quotation, or with "By the numbers", stays', () => {
    const opens = '“Endlich”, sagen Radfahrer: neue Regeln für Fahrräder gelten ab Mai in der Stadt.';
    expect(extract(page(meta('description', opens), BODY))?.summary).toBe(opens);
    const numbers = 'By the numbers: how cities spend their money on bicycles, lanes and parking in 2023.';
    expect(extract(page(meta('description', numbers), BODY))?.summary).toBe(numbers);
  });
});
