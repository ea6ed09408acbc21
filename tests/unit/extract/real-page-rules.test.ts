/**
 * Rules for what real pages do that the fixtures did not (issue 13): German bylines and labels,
 * glue around names, CMS placeholders and site names in author slots. One decision per test, each
 * on a tiny inline page written here, each with a counter-case that must not match.
 */
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '@/utils/extract/authors';
import { bylineOf } from '@/utils/detect/vocabulary';
import { extract, page } from './helpers';

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';

describe('bylines in nl, en and de', () => {
  it('cuts prefixes and the glue after the name', () => {
    expect(cleanAuthors(['Erstellt von Andri Bryner'])).toEqual(['Andri Bryner']);
    expect(cleanAuthors(['Von Isabella Weber am Samstag, 3. Mai'])).toEqual(['Isabella Weber']);
    expect(cleanAuthors(['Karsten Ruppert More Posts'])).toEqual(['Karsten Ruppert']);
    expect(cleanAuthors(['Gabor Munier Datum: 03.03.19'])).toEqual(['Gabor Munier']);
    expect(cleanAuthors(['Text von Christian Seiler Illustration von Markus Roost'])).toEqual([
      'Christian Seiler',
    ]);
    expect(cleanAuthors(['Yomi KazeemPublished May 3, 2021'])).toEqual(['Yomi Kazeem']);
    // "von" before a lower-case word is part of the name.
    expect(cleanAuthors(['Ursula von der Leyen'])).toEqual(['Ursula von der Leyen']);
  });

  it('drops CMS placeholders and copyright lines', () => {
    expect(cleanAuthors(['Super User'])).toEqual([]);
    expect(cleanAuthors(['admin'])).toEqual([]);
    expect(cleanAuthors(['© Copyright Example GmbH'])).toEqual([]);
    expect(cleanAuthors(['Anna Admin'])).toEqual(['Anna Admin']);
  });

  it('reads a "Von …" line in the article and an "Autor:" label', () => {
    const von = `<main><article><h1>Grenzen setzen</h1><p><i>von Daniela Obers</i></p>${INTRO}</article></main>`;
    expect(extract(page('', von))?.authors).toEqual(['Daniela Obers']);
    const label = `<main><article><h1>Grenzen setzen</h1>${INTRO}<p>Autor: Peter Maahn</p></article></main>`;
    expect(extract(page('', label))?.authors).toEqual(['Peter Maahn']);
    const sentence = `<main><article><h1>Grenzen setzen</h1>${INTRO}<p>von der Leyen sprach am Montag.</p></article></main>`;
    expect(extract(page('', sentence))?.authors).toEqual([]);
  });

  it('the site name in an author slot is no author; a person in the same slot is', () => {
    const head =
      '<meta property="og:site_name" content="Beispiel Zeitung"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Grenzen setzen","author":{"@type":"Organization","name":"Beispiel Zeitung"}}</script>';
    expect(extract(page(head, `<main><h1>Grenzen setzen</h1>${INTRO}</main>`))?.authors).toEqual([]);
    const person = head.replace(
      '"@type":"Organization","name":"Beispiel Zeitung"',
      '"@type":"Person","name":"Jana Klein"',
    );
    expect(
      extract(page(person, `<main><h1>Grenzen setzen</h1><p>Jana Klein</p>${INTRO}</main>`))?.authors,
    ).toEqual(['Jana Klein']);
  });
});

describe('bylines in meta rows and boxes', () => {
  const article = (extra: string) =>
    `<main><article><header><h1>Neue Regeln</h1></header>${extra}${INTRO}</article></main>`;

  it('a byline part of a meta row, or an author label inside one; not a row without one', () => {
    expect(bylineOf('yas! | By Cara Stiles | April 13, 2020')).toBe('By Cara Stiles');
    expect(bylineOf('Datum: 03.11.2021 Autor: Peter Maahn Lesezeit: 5 min')).toBe(
      'Autor: Peter Maahn Lesezeit: 5 min',
    );
    expect(bylineOf('Politik | Berlin | 3. Mai 2021')).toBeUndefined();
    expect(bylineOf('Full text: Available as PDF')).toBeUndefined();
    expect(bylineOf('Volledige tekst: Download de PDF')).toBeUndefined();
    expect(bylineOf('Text: Anna Muster')).toBe('Text: Anna Muster');
    // A colon after a prefix of two words or more; after a bare "Von:", "Door:", "By:" a field.
    expect(bylineOf('Written by: Jana Klein')).toBe('Written by: Jana Klein');
    expect(bylineOf('Geschrieben von: Max Muster')).toBe('Geschrieben von: Max Muster');
    expect(bylineOf('Von: Berlin Hbf')).toBeUndefined();
    expect(bylineOf('Door: Eiken fineer')).toBeUndefined();
    expect(bylineOf('By: Appointment Only')).toBeUndefined();
    expect(
      extract(page('', article('<div>Datum: 03.11.2021 Autor: Peter Maahn/SP-X Lesezeit: 5 min</div>')))
        ?.authors,
    ).toEqual(['Peter Maahn']);
  });

  it('a byline line inside an author box that yields no name; not the box’s other names', () => {
    const box = (inner: string) =>
      article(
        `<div class="author-box">${inner}
<ul class="author-flyout">
<li>View author archive</li>
<li>Get author RSS feed</li>
</ul></div>`,
      );
    expect(extract(page('', box('<p class="byline">By Oli Coleman</p>')))?.authors).toEqual(['Oli Coleman']);
    expect(extract(page('', box('<p class="byline">Oli Coleman</p>')))?.authors).toEqual([]);
  });

  it('the source after a name is no part of it', () => {
    expect(cleanAuthors(['Fritz ImhofQuelle: Livenet'])).toEqual(['Fritz Imhof']);
    expect(cleanAuthors(['Quelle'])).toEqual([]);
    expect(cleanAuthors(['AFP/The Local'])).toEqual(['AFP/The Local']);
  });
});

describe('organisations and the site in author tags', () => {
  const article = (extra = '') => `<main><article><h1>Neue Regeln</h1>${extra}${INTRO}</article></main>`;

  it('an organisation in <meta name=author> that no byline signs with is no author; a person is', () => {
    const body = article();
    for (const name of ['Perform Media Deutschland GmbH', 'Bundesministerium für Wirtschaft und Klimaschutz'])
      expect(extract(page(`<meta name="author" content="${name}">`, body))?.authors).toEqual([]);
    expect(extract(page('<meta name="author" content="Jana Klein">', body))?.authors).toEqual(['Jana Klein']);
    const signed = article('<p class="byline">Von Beispiel Media GmbH</p>');
    expect(extract(page('<meta name="author" content="Beispiel Media GmbH">', signed))?.authors).toEqual([
      'Beispiel Media GmbH',
    ]);
  });

  it('the host spelt out in an author tag is the site', () => {
    const head = '<meta name="author" content="Tour Beispiel">';
    expect(extract(page(head, article()), 'https://tour-beispiel.example/a/b')?.authors).toEqual([]);
    expect(extract(page(head, article()), 'https://other.example/a/b')?.authors).toEqual(['Tour Beispiel']);
  });

  it('a blog’s lower-case user name in its byline signs; not in metadata, a list or as the host’s account', () => {
    const byline = (name: string) =>
      article(
        `<div class="entry-meta"><span class="author vcard"><a class="url fn" href="/u">${name}</a></span></div>`,
      );
    expect(extract(page('', byline('karstenruppert')))?.authors).toEqual(['karstenruppert']);
    expect(extract(page('', byline('beispielblog')), 'https://team.beispielblog.example/a')?.authors).toEqual(
      [],
    );
    expect(extract(page('<meta name="author" content="karstenruppert">', article()))?.authors).toEqual([]);
    expect(cleanAuthors(['Jana Klein, braunschweig, leipzig'], true)).toEqual(['Jana Klein']);
  });

  it('an update stamp in a byline slot is no name', () => {
    expect(cleanAuthors(['Zuletzt geändert am'])).toEqual([]);
  });
});

describe('dates in visible text', () => {
  it('reads German and Dutch dates to the day', async () => {
    const { parseDate } = await import('@/utils/extract/dates');
    expect(parseDate('26. Januar 2022')).toBe('2022-01-26');
    expect(parseDate('Pressemitteilung vom 25. März 2022')).toBe('2022-03-25');
    expect(parseDate('Stand: 24.01.22')).toBe('2022-01-24');
    expect(parseDate('Gepubliceerd op 5 december 2026')).toBe('2026-12-05');
    expect(parseDate('Mai 2020')).toBe('2020-05');
  });

  it('takes the element the site marks as the date, not an update stamp or a comment', () => {
    const body = (date: string) =>
      `<main><article><h1>Neue Regeln</h1><div class="teaser-list"></div>${INTRO}${date}</article></main>`;
    expect(
      extract(page('', body('<p><span class="news-date">Veröffentlicht am 12. Januar 2022</span></p>')))
        ?.published,
    ).toBe('2022-01-12');
    expect(
      extract(page('', body('<div class="lastchanged">Letztes Update: 19.10.2019</div>')))?.published,
    ).toBeUndefined();
    expect(
      extract(page('', body('<div class="comment"><span class="date">3. Mai 2021</span></div>')))?.published,
    ).toBeUndefined();
    expect(
      extract(
        page(
          '',
          body(
            '<p class="date">Heute ist ein schöner Tag für einen langen Spaziergang durch die Stadt und den Park, wie schon am 3. Mai 2021 mit der ganzen Familie.</p>',
          ),
        ),
      )?.published,
    ).toBeUndefined();
  });

  it('a year or month from metadata is told to the day by the page', () => {
    const head = '<meta name="dc.date" content="2021-11">';
    expect(
      extract(
        page(head, `<main><h1>Neue Regeln</h1>${INTRO}<span class="date">5. November 2021</span></main>`),
      )?.published,
    ).toBe('2021-11-05');
    expect(
      extract(
        page(head, `<main><h1>Neue Regeln</h1>${INTRO}<span class="date">5. Dezember 2020</span></main>`),
      )?.published,
    ).toBe('2021-11');
  });
});

describe('dates around the heading and in the address', () => {
  const article = (row: string) =>
    `<main><article><header><h1>Neue Regeln</h1></header>${row}${INTRO}</article></main>`;

  it('a date line in the meta row under the heading, the first part of a dateline; not a mention or a link', () => {
    expect(extract(page('', article('<div class="col"><div>03.02.2022</div></div>')))?.published).toBe(
      '2022-02-03',
    );
    expect(
      extract(
        page(
          '',
          article(
            '<p>Pressemitteilung vom 25. Januar 2022 | Berlin – Die Zusammenarbeit wird neu geordnet und ausgebaut, sagte die Ministerin heute in Berlin vor der Presse.</p>',
          ),
        ),
      )?.published,
    ).toBe('2022-01-25');
    expect(extract(page('', article('<p>Antworten bis 23.06.2006</p>')))?.published).toBeUndefined();
    expect(
      extract(page('', article('<p><a href="/x">Lagebericht vom 25. Februar 2020</a></p>')))?.published,
    ).toBeUndefined();
  });

  it('a blog engine’s post box is the article, a sidebar widget is not', () => {
    const post = `<div class="widget Blog"><h2 class="date-header"><span>Friday, December 23, 2016</span></h2><div class="hentry"><h3>Neue Regeln</h3>${INTRO}</div></div>`;
    expect(extract(page('<title>Neue Regeln</title>', post))?.published).toBe('2016-12-23');
    const sidebar = `<main>${INTRO}</main><div class="widget Archive"><h2 class="date-header"><span>Friday, December 23, 2016</span></h2></div>`;
    expect(extract(page('<title>Neue Regeln</title>', sidebar))?.published).toBeUndefined();
  });

  it('the day the address is filed under, where the page states none, and for an instant a day off', () => {
    const filed = 'https://www.example.org/2016/12/15/neue-regeln/';
    // The page shows dates, a comment's, but not its own.
    const dated = `${article('')}<div id="comments"><p>Anna, 3. Januar 2017</p></div>`;
    expect(extract(page('', dated), filed)?.published).toBe('2016-12-15');
    expect(
      extract(page('', dated), 'https://www.example.org/2016/12/neue-regeln/')?.published,
    ).toBeUndefined();
    const utc = (day: string) => `<meta property="article:published_time" content="${day}T03:10:00Z">`;
    expect(extract(page(utc('2016-12-16'), dated), filed)?.published).toBe('2016-12-15');
    expect(extract(page(utc('2016-12-20'), dated), filed)?.published).toBe('2016-12-20');
  });
});

describe('titles: the item’s own heading', () => {
  it('the visible heading over a reworded og:title; a kicker run into the heading keeps the declared title', () => {
    const head = '<meta property="og:title" content="Brexit: Nervenkrieg geht in nächste Runde">';
    expect(
      extract(
        page(head, `<main><h1>Der Nervenkrieg um den Brexit geht in die nächste Runde</h1>${INTRO}</main>`),
      )?.title,
    ).toBe('Der Nervenkrieg um den Brexit geht in die nächste Runde');
    const kicker = '<meta property="og:title" content="Why collaborative thinking beats individual smarts">';
    expect(
      extract(
        page(
          kicker,
          `<main><h1><span>Open Progress</span>Why collaborative thinking beats individual smarts</h1>${INTRO}</main>`,
        ),
      )?.title,
    ).toBe('Why collaborative thinking beats individual smarts');
  });

  it('a section name is neither the heading nor the title', () => {
    const head =
      '<title>Impfen und Boostern ist bis Ende Februar möglich</title><meta property="og:title" content="Medienmitteilungen">';
    expect(extract(page(head, `<main><h1>Medienmitteilungen</h1>${INTRO}</main>`))?.title).toBe(
      'Impfen und Boostern ist bis Ende Februar möglich',
    );
    const item = '<title>Zoll online - Fachmeldungen - Verkündung des Gesetzes</title>';
    expect(
      extract(
        page(
          item,
          `<h1 class="aural">Zoll</h1><h1>Fachmeldungen</h1><main><h1>Verkündung des Gesetzes</h1>${INTRO}</main>`,
        ),
      )?.title,
    ).toBe('Verkündung des Gesetzes');
  });

  it('a site name holding a separator is cut whole; entities a CMS encoded twice are decoded', () => {
    const head =
      '<meta property="og:site_name" content="AOC media - Analyse Opinion Critique"><meta property="og:title" content="La retraite est un archaïsme | AOC media - Analyse Opinion Critique">';
    expect(extract(page(head, `<main><h2>Société</h2>${INTRO}</main>`))?.title).toBe(
      'La retraite est un archaïsme',
    );
    expect(
      extract(
        page(
          '<meta property="og:title" content="Olive &amp;#038; Herb Focaccia Bread">',
          `<main>${INTRO}</main>`,
        ),
      )?.title,
    ).toBe('Olive & Herb Focaccia Bread');
  });
});

describe('titles in Chinese and Japanese', () => {
  it('a site name after a full-width separator without spaces is cut; a colon in a Latin title is not', () => {
    const head = (title: string, site: string) =>
      `<meta property="og:title" content="${title}"><meta property="og:site_name" content="${site}">`;
    expect(
      extract(page(head('新しい規則が決まった：例新聞デジタル', '例新聞デジタル'), `<main>${INTRO}</main>`))
        ?.title,
    ).toBe('新しい規則が決まった');
    expect(
      extract(
        page(
          '<title>新しい規則が決まった：例機構 情報推進</title>',
          `<main><h1>新しい規則が決まった</h1>${INTRO}</main>`,
        ),
      )?.title,
    ).toBe('新しい規則が決まった');
    expect(extract(page(head('Neue Regeln:Beispiel', 'Beispiel'), `<main>${INTRO}</main>`))?.title).toBe(
      'Neue Regeln:Beispiel',
    );
  });
});

describe('subtitles: the standfirst under the heading', () => {
  it('a line marked as the dek a few elements after the heading, or the description shown there', () => {
    const body = `<main><header><div class="titles"><h1>Housing market slows</h1></div><p class="meta">Business</p><h2 class="deck">Average price of a home that sold in September was lower</h2></header>${INTRO}</main>`;
    expect(extract(page('', body))?.subtitle).toBe(
      'Average price of a home that sold in September was lower',
    );
    const head = '<meta name="description" content="Motorola teases a new phone to launch at the fair.">';
    const shown = `<main><div><h1>A new phone</h1></div><div><p>Motorola teases a new phone to launch at the fair.</p></div>${INTRO}</main>`;
    expect(extract(page(head, shown))?.subtitle).toBe('Motorola teases a new phone to launch at the fair.');
    // An unmarked paragraph that is not the description is body text, not a dek.
    expect(extract(page('', shown))?.subtitle).toBeUndefined();
  });
});

describe('author tags and dates in the name slot', () => {
  it('the article’s own author tag before a plain author tag naming the publishing house', () => {
    const head =
      '<meta name="author" content="Condé Nast"><meta property="article:author" content="Larry Fitzmaurice">';
    expect(extract(page(head, `<main><h1>Lust for Youth</h1>${INTRO}</main>`))?.authors).toEqual([
      'Larry Fitzmaurice',
    ]);
    const url =
      '<meta name="author" content="Jana Klein"><meta property="article:author" content="https://example.org/profile/jana">';
    expect(extract(page(url, `<main><h1>Lust for Youth</h1>${INTRO}</main>`))?.authors).toEqual([
      'Jana Klein',
    ]);
  });

  it('a date is no name, and is cut from a one-word name', () => {
    expect(cleanAuthors(['December 19'])).toEqual([]);
    expect(cleanAuthors(['Wednesday January 18'])).toEqual([]);
    expect(cleanAuthors(['Paul December 23'])).toEqual(['Paul']);
    expect(cleanAuthors(['May Jones'])).toEqual(['May Jones']);
  });
});

describe('themes and keywords', () => {
  it('WordPress category links are themes, its other tags keywords; the breadcrumb’s section when nothing else', () => {
    const body = `<main><article><h1>Laufen im Winter</h1>${INTRO}<p><a rel="category tag" href="/category/sport/">Sport</a>
      <a rel="tag" href="/tag/winter/">Winter</a> <a rel="tag" href="/tag/laufen/">Laufen</a></p></article></main>`;
    const record = extract(page('<meta name="keywords" content="seo, words">', body));
    expect(record?.themes).toEqual(['Sport']);
    expect(record?.keywords).toEqual(['Winter', 'Laufen']);
    const crumbs = `<nav class="breadcrumb"><a href="/">Startseite</a> › <a href="/politik/">Politik</a> › <a href="/x">Neue Regeln</a></nav><main><h1>Neue Regeln</h1>${INTRO}</main>`;
    expect(extract(page('', crumbs))?.themes).toEqual(['Politik']);
    const listing = crumbs.replace('>Politik<', '>Adviezen<');
    expect(extract(page('', listing))?.themes).toEqual([]);
  });
});
