/**
 * Titles as real pages build them (issue 13): the heading's first part that a declared title
 * names as the title, and the other shapes real pages give their heading and document title.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, titleOf } from './helpers';

const TEXT =
  '<p>Der erste Absatz des Artikels erzählt, worum es geht, in mehr als achtzig Zeichen, damit er als Text zählt.</p>';

/** The title of a page with this head, and this body (the heading) over a paragraph of text in its <main>. */
const titleWith = (head: string, heading: string, url?: string) =>
  titleOf(head, `<main>${heading}${TEXT}</main>`, url);

describe('title: the heading in parts', () => {
  it('keeps the heading whole when og:title is its first part alone (a title and its subtitle)', () => {
    expect(
      titleWith(
        '<title>小型PCでSSDを比べてみた：静かな夏、速い読み書き（1/2 ページ） - 例のニュース</title>' +
          '<meta property="og:title" content="小型PCでSSDを比べてみた">' +
          '<meta property="og:site_name" content="例のニュース">',
        '<h1><span>小型PCでSSDを比べてみた</span>：静かな夏、速い読み書き（1/2 ページ）</h1>',
      ),
    ).toBe('小型PCでSSDを比べてみた：静かな夏、速い読み書き（1/2 ページ）');
  });
});

describe('title: the heading when the h1 is the site’s logo', () => {
  it('reads the h2 the document title names when the only h1 is the logo', () => {
    expect(
      titleOf(
        '<title>Apfelkuchen vom Blech : Backen mit Oma</title>',
        '<header><h1 class="logo">Backen mit Oma</h1></header>' +
          `<div class="post"><h2>Apfelkuchen vom Blech</h2>${TEXT}</div>`,
      ),
    ).toBe('Apfelkuchen vom Blech');
  });

  it('keeps the document title when no h2 is a part of it', () => {
    expect(
      titleOf(
        '<title>Apfelkuchen vom Blech : Backen mit Oma</title>',
        '<header><h1 class="logo">Backen mit Oma</h1></header>' +
          `<div class="post"><h2>Zutaten für den Teig</h2>${TEXT}</div>`,
      ),
    ).toBe('Apfelkuchen vom Blech : Backen mit Oma');
  });
});

describe('title: a number in parentheses after the heading', () => {
  it('leaves off an issue number og:title adds to the heading', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Die Brücke über den Inn (2021/5)">',
        '<h1>Die Brücke über den Inn</h1>',
      ),
    ).toBe('Die Brücke über den Inn');
  });

  it('leaves off an object number and the section after it in the document title', () => {
    expect(
      titleWith('<title>Haus am Weiher (40222) - Ferienhäuser Lindholm</title>', '<h1>Haus am Weiher</h1>'),
    ).toBe('Haus am Weiher');
  });

  it('keeps words in parentheses that are no number', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Die Brücke über den Inn (und ihre Geschichte)">',
        '<h1>Die Brücke über den Inn</h1>',
      ),
    ).toBe('Die Brücke über den Inn (und ihre Geschichte)');
  });
});

describe('title: the site’s name before the heading in the document title', () => {
  it('leaves off a site name of several words before the heading', () => {
    expect(
      titleWith(
        '<title>Marta Kowalski’s Little Workshop | Why our parser moved to a new language</title>',
        '<h1>Why our parser moved to a new language</h1>',
      ),
    ).toBe('Why our parser moved to a new language');
  });

  it('keeps a long first part that reads as the title, with the heading after it', () => {
    expect(
      titleWith(
        '<title>How a small town in the north rebuilt its old harbour and its market | Harbour news</title>',
        '<h1>Harbour news</h1>',
      ),
    ).toBe('How a small town in the north rebuilt its old harbour and its market');
  });
});

describe('title: the site’s name run into the document title', () => {
  it('leaves off the site’s name before a one-word heading, written in its own case', () => {
    expect(
      titleWith(
        '<title>Bergpfade! Ischgl</title>',
        '<h1>Ischgl</h1>',
        'https://bergpfade.example/regionen/ischgl/',
      ),
    ).toBe('Ischgl');
  });

  it('keeps a word before the heading that is not the site’s name', () => {
    expect(
      titleWith(
        '<title>Wandern! Ischgl</title>',
        '<h1>Ischgl</h1>',
        'https://bergpfade.example/regionen/ischgl/',
      ),
    ).toBe('Wandern! Ischgl');
  });
});

describe('title: a document title that shortens the heading', () => {
  it('takes the heading when the document title runs two of its words together and drops others', () => {
    expect(
      titleWith(
        '<title>Briefaktion an den Landtag</title>',
        '<h1>Brief-Aktion an den Bayerischen Landtag</h1>',
      ),
    ).toBe('Brief-Aktion an den Bayerischen Landtag');
  });

  it('keeps a document title with words the heading does not have', () => {
    expect(
      titleWith(
        '<title>Briefaktion an den Landtag gestartet</title>',
        '<h1>Brief-Aktion an den Bayerischen Landtag</h1>',
      ),
    ).toBe('Briefaktion an den Landtag gestartet');
  });
});

describe('title: og:site_name that repeats the page’s title', () => {
  it('takes off the site’s own name, not the title a CMS also put in og:site_name', () => {
    expect(
      titleOf(
        '<title>Solarpark Lindholm eröffnet | Stadtwerke</title>' +
          '<meta property="og:site_name" content="Solarpark Lindholm eröffnet">',
        `<main><p>Kurz.</p>${TEXT}</main>`,
        'https://www.stadtwerke.example/presse/solarpark',
      ),
    ).toBe('Solarpark Lindholm eröffnet');
  });
});

describe('title: a kicker before a colon in the heading', () => {
  it('keeps the kicker when the document title and og:title repeat the whole heading', () => {
    expect(
      titleWith(
        '<title>Neue Abrechnung: Musiker fordern ein anderes Modell</title>' +
          '<meta property="og:title" content="Neue Abrechnung: Musiker fordern ein anderes Modell">' +
          jsonLd({ '@type': 'NewsArticle', headline: 'Musiker fordern ein anderes Modell' }),
        '<h1>Neue Abrechnung: Musiker fordern ein anderes Modell</h1>',
      ),
    ).toBe('Neue Abrechnung: Musiker fordern ein anderes Modell');
  });

  it('keeps a quoted kicker in a heading marked as the entry’s title', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Springerin verpasst die Spiele in Lindholm - Sprungblatt">' +
          '<meta property="og:site_name" content="Sprungblatt">',
        '<h1 class="entry-title">„Große Leere“: Springerin verpasst die Spiele in Lindholm</h1>',
      ),
    ).toBe('„Große Leere“: Springerin verpasst die Spiele in Lindholm');
  });

  it('keeps the shorter JSON-LD headline when the words before it are no kicker with a colon', () => {
    expect(
      titleWith(
        '<title>Rapport over de nieuwe haven</title>' +
          jsonLd({ '@type': 'Report', headline: 'De nieuwe haven' }),
        '<h1>Rapport over de nieuwe haven</h1>',
      ),
    ).toBe('De nieuwe haven');
  });
});

describe('title: Japanese and Chinese titles compared by their characters', () => {
  it('takes the heading when og:title rewords its end (most characters shared)', () => {
    expect(
      titleOf(
        '<meta property="og:title" content="新しい棚は引越しにも使える！ 本も家具も簡単に固定 | 例のサイト">' +
          '<meta property="og:site_name" content="例のサイト">',
        '<header><h1 class="header_Logo__x1">examplesite</h1></header>' +
          `<article><h1>新しい棚は引越しにも使える！ 家具の固定も簡単</h1>${TEXT}</article>`,
      ),
    ).toBe('新しい棚は引越しにも使える！ 家具の固定も簡単');
  });

  it('keeps og:title when it shares few characters with the heading', () => {
    expect(
      titleOf(
        '<meta property="og:title" content="夏の旅行で役立つ十の道具">',
        `<article><h1>新しい棚は引越しにも使える！</h1>${TEXT}</article>`,
      ),
    ).toBe('夏の旅行で役立つ十の道具');
  });
});

describe('title: UTF-8 a site wrote out as Latin-1', () => {
  it('reads the document title’s characters back (“FÃ¼r” is “Für”)', () => {
    expect(titleWith('<title>Neue Wege fÃ¼r Radfahrer in der Stadt</title>', '<p>Kurz.</p>')).toBe(
      'Neue Wege für Radfahrer in der Stadt',
    );
  });

  it('reads og:title back too, also from Windows-1252, and leaves alone Latin-1 letters that are meant', () => {
    expect(titleWith('<meta property="og:title" content="Quests und NPCÂ´s im Ãœberblick">', '')).toBe(
      'Quests und NPC´s im Überblick',
    );
    expect(titleWith('<meta property="og:title" content="Why itâ€™s time to read again">', '')).toBe(
      'Why it’s time to read again',
    );
    expect(titleWith('<meta property="og:title" content="Ã la carte: Â¡Hola!">', '')).toBe(
      'Ã la carte: Â¡Hola!',
    );
  });
});
