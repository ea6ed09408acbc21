/**
 * Date lines at the heading (issue 13): a meta row of labels ("Datum: 03.02.2022 Autor: se"),
 * "Veröffentlicht am 16.08.2019 Dauer: …", and the page's own teaser text, which is no card of
 * another page; each with the counter-case that must stay without a date.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const article = (row: string) => `<main><article><h1>Neue Regeln</h1>${row}${INTRO}</article></main>`;

describe('a meta row of labels', () => {
  it('reads the date part of "Datum: … Autor: … Lesezeit: …"', () => {
    expect(
      extract(
        page('', article('<div>4,0 bei 4 Bewertungen Datum: 03.02.2022 Autor: se Lesezeit: 4 min</div>')),
      )?.published,
    ).toBe('2022-02-03');
    expect(
      extract(
        page(
          '',
          article(
            '<p>Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten Lizenz: CC-BY 4.0 Downloads: 22.273 und noch mehr Angaben</p>',
          ),
        ),
      )?.published,
    ).toBe('2019-08-16');
  });

  it('not the update stamp of such a row', () => {
    expect(
      extract(page('', article('<div>Autor: se Aktualisiert: 03.02.2022 Lesezeit: 4 min</div>')))?.published,
    ).toBeUndefined();
  });
});

describe('the page’s own teaser text', () => {
  it('a date line in the standfirst under the heading counts; one in a teaser card with a link does not', () => {
    const own = '<div class="detail__teaser-text"><p>Pressemitteilung vom 25. Januar 2022</p></div>';
    expect(extract(page('', article(own)))?.published).toBe('2022-01-25');
    const card =
      '<div class="teaser"><p>25. Januar 2022</p><p><a href="/andere-meldung">Andere Meldung</a></p></div>';
    expect(extract(page('', article(card)))?.published).toBeUndefined();
  });
});
