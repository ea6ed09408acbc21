/**
 * Classes of pages whose date the general rules misread (issue 13): layout wrappers named after a
 * sidebar, update stamps shown at the heading, metadata dates on pages that show none.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

/** Each line read as the date it gives (undefined: none). */
function expectDays(read: (line: string) => string | undefined, cases: [string, string | undefined][]): void {
  for (const [line, day] of cases) expect(read(line), line).toBe(day);
}

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';

describe('a layout wrapper named after the sidebar', () => {
  const sidebar =
    '<div class="sidebar"><h3>Neueste Beiträge</h3><span class="date">3. Juni 2021</span></div>';
  const wrapped = (meta: string) =>
    `<div class="main-wrap with-sidebar"><main><article><header><h1>Neue Regeln</h1></header>${meta}${INTRO}</article></main>${sidebar}</div>`;

  it('holds the article’s own date line', () => {
    const body = wrapped('<div class="entry-meta"><span class="date">12. Mai 2021</span></div>');
    expect(extract(page('', body))?.published).toBe('2021-05-12');
  });

  it('the sidebar in it still gives no date to an article that shows none', () => {
    expect(extract(page('', wrapped('')))?.published).toBeUndefined();
  });
});

describe('a date line with the byline beside it', () => {
  const publishedOf = (row: string) =>
    extract(
      page(
        '',
        `<main><article><header><h1>Neue Regeln</h1></header><div class="row"><small>${row}</small></div>${INTRO}</article></main>`,
      ),
    )?.published;

  it('reads the date before or after the byline', () => {
    expectDays(publishedOf, [
      ['23.01.2019 By Jan Smit and Eva Berg', '2019-01-23'],
      ['Donnerstag, 15.2.2018, 19:51 &gt; jsmit', '2018-02-15'],
      ['Erstellt am: 30.01.2022 18:36 / sk', '2022-01-30'],
      ['Von Deutsche Tennisfreunde 4. 2. 2022', '2022-02-04'],
    ]);
  });

  it('not a sentence that mentions a date', () => {
    expectDays(publishedOf, [['Am 23.01.2019 beschloss der Rat neue Regeln für alle Gemeinden', undefined]]);
  });
});

describe('the site header above the item', () => {
  const body = (meta: string) =>
    `<header class="site-top"><div>Dienstag, 11. Mai 2021</div><a href="/">Start</a></header><main><article><h1>Neue Regeln</h1>${meta}${INTRO}</article></main>`;

  it('gives no date: its "today" is not the publication’s', () => {
    expect(extract(page('', body('')))?.published).toBeUndefined();
  });

  it('the article’s own date line under the heading counts', () => {
    expect(extract(page('', body('<div><span>3. Mai 2021</span></div>')))?.published).toBe('2021-05-03');
  });
});

describe('a page whose title is an h2 (no h1, or a logo’s)', () => {
  const head = '<title>Neue Regeln für Gemeinden | Beispielportal</title>';
  const body = (heading: string) =>
    `<main>${heading}<div class="row"><small>Erstellt am: 30.01.2022 18:36 / sk</small></div>${INTRO}</main>`;

  it('reads the date line under the h2 that is the title', () => {
    expect(extract(page(head, body('<h2>Neue Regeln für Gemeinden</h2>')))?.published).toBe('2022-01-30');
  });

  it('not under an h2 that is not the title', () => {
    expect(extract(page(head, body('<h2>Weitere Meldungen</h2>')))?.published).toBeUndefined();
  });
});

describe('a Japanese or Chinese date line', () => {
  const publishedOf = (line: string) =>
    extract(
      page(
        '',
        `<main><div class="info"><span>${line}</span></div><div class="title"><h1>新しい規則について</h1></div>${INTRO}</main>`,
      ),
    )?.published;

  it('reads the date with its hour, minute and "published" marks', () => {
    expectDays(publishedOf, [['2019年02月22日 14時30分 公開', '2019-02-22']]);
  });

  it('not an update stamp', () => {
    expectDays(publishedOf, [['2019年02月22日 14時30分 更新', undefined]]);
  });
});

describe('a date set apart in parts', () => {
  it('reads day, month and year from the parts of an element marked as the date', () => {
    const body = `<main><article><header><h1>Neue Regeln</h1><div class="date"><span class="month">Apr</span> <span class="day">04</span><span class="year">2013</span></div></header>${INTRO}</article></main>`;
    expect(extract(page('', body))?.published).toBe('2013-04-04');
  });
});

describe('a form around the whole page', () => {
  const body = (meta: string) =>
    `<form id="pageForm" action="/seite"><main><article><header><h1>Neue Regeln</h1></header>${meta}${INTRO}</article></main></form>`;

  it('holds the article’s own date line', () => {
    expect(
      extract(page('', body('<div class="meta"><span class="date">12. Mai 2021</span></div>')))?.published,
    ).toBe('2021-05-12');
  });

  it('a form beside the article still gives no date', () => {
    const html = page(
      '',
      `<main><article><h1>Neue Regeln</h1>${INTRO}</article></main><form action="/suche"><span class="date">3. Juni 2021</span></form>`,
    );
    expect(extract(html)?.published).toBeUndefined();
  });
});

describe('a page brought up to date since its first version', () => {
  const head =
    '<meta property="article:published_time" content="2021-03-01T10:00:00+01:00"><meta property="article:modified_time" content="2022-01-12T09:00:00+01:00">';
  const body = (box: string) =>
    `<main><article><h1>Neue Regeln</h1>${INTRO}<div class="author-box"><span class="icon-calendar"></span> ${box}</div></article></main>`;

  it('takes the day of the last change where the page shows that day as its date, and not the first one', () => {
    expect(extract(page(head, body('12.01.2022 ca. 8 Min. Lesezeit')))?.published).toBe('2022-01-12');
  });

  it('keeps the publication day where the page shows the change as an update', () => {
    expect(
      extract(page(head, body('Zuletzt aktualisiert: 12.01.2022 · ca. 8 Min. Lesezeit')))?.published,
    ).toBe('2021-03-01');
  });
});

describe('a press release’s dateline opening its first paragraph', () => {
  const publishedOf = (lead: string) =>
    extract(
      page('', `<main><article><h1>Neue Regeln</h1><p>${lead} ${INTRO.slice(3, -4)}</p></article></main>`),
    )?.published;

  it('reads the place and date, or the bracketed date, before the text; not a sentence that opens with a date, nor a line with a second day', () => {
    expectDays(publishedOf, [
      ['Karlsruhe, (12.11.2021). Der Rat hat beschlossen:', '2021-11-12'],
      ['(21. November 2022) Verbraucher erhalten eine Entlastung.', '2022-11-21'],
      ['12.11.2021 war ein Tag, an dem der Rat beschlossen hat:', undefined],
      ['Bern, 17.08.2007 - Rede beim Städtegipfel, Basel, 18. August 2007.', undefined],
    ]);
  });
});

describe('the words a date line holds besides the date', () => {
  /** The date read from a line in its own block under the heading's. */
  const publishedOf = (line: string) =>
    extract(
      page(
        '',
        `<main><div class="title"><h1>Neue Regeln</h1></div><div class="meta"><span>${line}</span></div>${INTRO}</main>`,
      ),
    )?.published;

  it('month names and abbreviations and French, Spanish or Italian weekdays; not a word that only starts like a month', () => {
    expectDays(publishedOf, [
      ['Veröffentlicht am 12. Mai 2021', '2021-05-12'],
      ['Sept. 3, 2021', '2021-09-03'],
      ['jueves 10.12.2019', '2019-12-10'],
      ['vendredi 13.12.2019', '2019-12-13'],
      ['Novelle vom 12.05.2021', undefined],
      ['Energie 12.05.2021', undefined],
    ]);
  });

  it('a byline whose user name holds a digit', () => {
    expectDays(publishedOf, [['von jsmit1 am 20.09.2020', '2020-09-20']]);
  });

  it('Italian and Spanish weekdays with accents, "publié le"; a name with its particles before the date; not "Par arrêté du …"', () => {
    expectDays(publishedOf, [
      ['lunedì 10.05.2021', '2021-05-10'],
      ['venerdì 14.05.2021', '2021-05-14'],
      ['miércoles 12.05.2021', '2021-05-12'],
      ['sábado 15.05.2021', '2021-05-15'],
      ['publié le 12.05.2021', '2021-05-12'],
      ['Von der Redaktion 12.05.2021', '2021-05-12'],
      ['Par Jean Dupont 12.05.2021', '2021-05-12'],
      ['Par arrêté du 12.05.2021', undefined],
      ['Par décision du 3 mai 2021', undefined],
      ['Par Décision du 3 mai 2021', undefined],
    ]);
  });
});
