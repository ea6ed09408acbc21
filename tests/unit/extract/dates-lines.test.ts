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
/** The date read from an article with these rows under its heading. */
const publishedOf = (rows: string) => extract(page('', article(rows)))?.published;

describe('a meta row of labels', () => {
  it('reads the date part of "Datum: … Autor: … Lesezeit: …"', () => {
    expect(publishedOf('<div>4,0 bei 4 Bewertungen Datum: 03.02.2022 Autor: se Lesezeit: 4 min</div>')).toBe(
      '2022-02-03',
    );
    expect(
      publishedOf(
        '<p>Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 12 Minuten Lizenz: CC-BY 4.0 Downloads: 13.517 und noch mehr Angaben</p>',
      ),
    ).toBe('2019-08-16');
  });

  it('not the update stamp of such a row', () => {
    expect(publishedOf('<div>Autor: se Aktualisiert: 03.02.2022 Lesezeit: 4 min</div>')).toBeUndefined();
  });
});

describe('the page’s own teaser text', () => {
  it('a date line in the standfirst under the heading counts; one in a teaser card with a link does not', () => {
    const own = '<div class="detail__teaser-text"><p>Pressemitteilung vom 14. Februar 2022</p></div>';
    expect(publishedOf(own)).toBe('2022-02-14');
    const card =
      '<div class="teaser"><p>14. Februar 2022</p><p><a href="/andere-meldung">Andere Meldung</a></p></div>';
    expect(publishedOf(card)).toBeUndefined();
  });
});

describe('dates of other things near the heading', () => {
  it('not the date of a post card in the grid under a lexicon entry', () => {
    const cards =
      '<div class="post__card"><a href="/news/umfrage">Umfrage</a><div class="post__meta-data"><span class="post-date">22. Juni 2022</span></div></div>';
    expect(publishedOf(cards)).toBeUndefined();
  });

  it('a card that holds the heading is the article itself', () => {
    const body = `<main><div class="card"><h1>Neue Regeln</h1><p>22.06.2022</p>${INTRO}<p><a href="/mehr">Mehr</a></p></div></main>`;
    expect(extract(page('', body))?.published).toBe('2022-06-22');
  });

  it('not the day and hours of an event', () => {
    expect(publishedOf('<div class="date">12. Mai 2021, 14:30 Uhr - 18:00 Uhr</div>')).toBeUndefined();
    expect(publishedOf('<div class="date">12. Mai 2021, 14:30 Uhr</div>')).toBe('2021-05-12');
  });

  it('a year alone is the title of another post ("Jahresplaner 2015"); a month and year still count', () => {
    expect(
      publishedOf('<ul><li><div class="post-title">Jahresplaner 2015 - Ordnung schafft Ruhe</div></li></ul>'),
    ).toBe(undefined);
    expect(publishedOf('<p>Mai 2021</p>')).toBe('2021-05');
  });
});

describe('"Stand:" at the heading', () => {
  const news = (rows: string) =>
    `<main><article><header><h1>Neue Regeln</h1></header>${rows}${INTRO}</article></main>`;

  it('is the date where the page shows no other', () => {
    expect(extract(page('', news('<div>Stand: 21.09.2020 09:40 Uhr</div>')))?.published).toBe('2020-09-21');
  });

  it('comes after the publication date where the page shows one', () => {
    expect(
      extract(page('', news('<div>Stand: 21.09.2020 09:40 Uhr</div><div>Veröffentlicht am 18.09.2020</div>')))
        ?.published,
    ).toBe('2020-09-18');
  });
});

describe('the article’s own meta column', () => {
  const withAside = (aside: string) =>
    `<main><article class="content"><header><h1>Neue Regeln</h1></header><div class="row">${aside}<div>${INTRO}</div></div></article></main>`;

  it('reads the date in an aside of the article that holds the heading', () => {
    const meta =
      '<aside class="meta"><ul><li class="meta__date">26.02.2020</li><li><a href="/drucken">Drucken</a></li></ul></aside>';
    expect(extract(page('', withAside(meta)))?.published).toBe('2020-02-26');
  });

  it('not a box of related items in the article, nor a sidebar of the page', () => {
    const related =
      '<aside class="related"><h5><a href="/andere">Andere Meldung</a></h5><span class="date">17.07.2014</span></aside>';
    expect(extract(page('', withAside(related)))?.published).toBeUndefined();
    const sidebar = `<main><article><header><h1>Neue Regeln</h1></header>${INTRO}</article><aside><span class="date">17.07.2014</span></aside></main>`;
    expect(extract(page('', sidebar))?.published).toBeUndefined();
  });
});
