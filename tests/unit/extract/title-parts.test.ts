/**
 * Titles as real pages build them (issue 13): a heading in parts, a logo h1, a number in
 * parentheses, the site's name before the heading or run into the title, a document-type label as
 * the h1, a document title that shortens the heading, og:site_name holding the title, a kicker
 * before a colon, Japanese and Chinese titles, and UTF-8 written out as Latin-1 (but not capitals
 * before an ellipsis). Each case: what the reader sees, the title.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, titleOf } from './helpers';

const TEXT =
  '<p>Der erste Absatz des Artikels erzählt, worum es geht, in mehr als achtzig Zeichen, damit er als Text zählt.</p>';
const main = (heading: string) => `<main>${heading}${TEXT}</main>`;
const logo = (name: string, cls = 'logo') => `<header><h1 class="${cls}">${name}</h1></header>`;
const title = (text: string) => `<title>${text}</title>`;
const og = (property: string, content: string) => `<meta property="${property}" content="${content}">`;

interface Case {
  it: string;
  head: string;
  body: string;
  url?: string;
  want: string;
}

const GROUPS: Record<string, Case[]> = {
  'the heading in parts': [
    {
      it: 'keeps the heading whole when og:title is its first part alone (a title and its subtitle)',
      head:
        title('小型PCでSSDを比べてみた：静かな夏、速い読み書き（1/2 ページ） - 例のニュース') +
        og('og:title', '小型PCでSSDを比べてみた') +
        og('og:site_name', '例のニュース'),
      body: main('<h1><span>小型PCでSSDを比べてみた</span>：静かな夏、速い読み書き（1/2 ページ）</h1>'),
      want: '小型PCでSSDを比べてみた：静かな夏、速い読み書き（1/2 ページ）',
    },
  ],
  'the heading when the h1 is the site’s logo': [
    {
      it: 'reads an h1 whose class only modifies a block as “brand” (“hero__title--brand”)',
      head: title('Zorg dichtbij | Instituut'),
      body: main('<h1 class="hero__title hero__title--brand">Zorg dichtbij: keuzes voor gemeenten</h1>'),
      want: 'Zorg dichtbij: keuzes voor gemeenten',
    },
    {
      it: 'passes over an h1 marked as the brand (“navbar-brand”)',
      head: title('Apfelkuchen vom Blech : Backen mit Oma'),
      body: `${logo('Backen mit Oma', 'navbar-brand')}${main('<h2>Apfelkuchen vom Blech</h2>')}`,
      want: 'Apfelkuchen vom Blech',
    },
    {
      it: 'reads the h2 the document title names when the only h1 is the logo',
      head: title('Apfelkuchen vom Blech : Backen mit Oma'),
      body: `${logo('Backen mit Oma')}<div class="post"><h2>Apfelkuchen vom Blech</h2>${TEXT}</div>`,
      want: 'Apfelkuchen vom Blech',
    },
    {
      it: 'keeps the document title when no h2 is a part of it',
      head: title('Apfelkuchen vom Blech : Backen mit Oma'),
      body: `${logo('Backen mit Oma')}<div class="post"><h2>Zutaten für den Teig</h2>${TEXT}</div>`,
      want: 'Apfelkuchen vom Blech : Backen mit Oma',
    },
  ],
  'a number in parentheses after the heading': [
    {
      it: 'leaves off an issue number og:title adds to the heading',
      head: og('og:title', 'Die Brücke über den Inn (2021/5)'),
      body: main('<h1>Die Brücke über den Inn</h1>'),
      want: 'Die Brücke über den Inn',
    },
    {
      it: 'leaves off an object number and the section after it in the document title',
      head: title('Haus am Weiher (40222) - Ferienhäuser Lindholm'),
      body: main('<h1>Haus am Weiher</h1>'),
      want: 'Haus am Weiher',
    },
    {
      it: 'keeps words in parentheses that are no number',
      head: og('og:title', 'Die Brücke über den Inn (und ihre Geschichte)'),
      body: main('<h1>Die Brücke über den Inn</h1>'),
      want: 'Die Brücke über den Inn (und ihre Geschichte)',
    },
  ],
  'the site’s name before the heading in the document title': [
    {
      it: 'leaves off a site name of several words before the heading',
      head: title('Marta Kowalski’s Little Workshop | Why our parser moved to a new language'),
      body: main('<h1>Why our parser moved to a new language</h1>'),
      want: 'Why our parser moved to a new language',
    },
    {
      it: 'keeps a long first part that reads as the title, with the heading after it',
      head: title('How a small town in the north rebuilt its old harbour and its market | Harbour news'),
      body: main('<h1>Harbour news</h1>'),
      want: 'How a small town in the north rebuilt its old harbour and its market',
    },
  ],
  'the site’s name run into the document title': [
    {
      it: 'leaves off the site’s name before a one-word heading, written in its own case',
      head: title('Bergpfade! Ischgl'),
      body: main('<h1>Ischgl</h1>'),
      url: 'https://bergpfade.example/regionen/ischgl/',
      want: 'Ischgl',
    },
    {
      it: 'keeps a word before the heading that is not the site’s name',
      head: title('Wandern! Ischgl'),
      body: main('<h1>Ischgl</h1>'),
      url: 'https://bergpfade.example/regionen/ischgl/',
      want: 'Wandern! Ischgl',
    },
  ],
  'a document title that shortens the heading': [
    {
      it: 'takes the heading when the document title runs two of its words together and drops others',
      head: title('Briefaktion an den Landtag'),
      body: main('<h1>Brief-Aktion an den Bayerischen Landtag</h1>'),
      want: 'Brief-Aktion an den Bayerischen Landtag',
    },
    {
      it: 'keeps a document title with words the heading does not have',
      head: title('Briefaktion an den Landtag gestartet'),
      body: main('<h1>Brief-Aktion an den Bayerischen Landtag</h1>'),
      want: 'Briefaktion an den Landtag gestartet',
    },
  ],
  'og:site_name that repeats the page’s title': [
    {
      it: 'takes off the site’s own name, not the title a CMS also put in og:site_name',
      head:
        title('Solarpark Lindholm eröffnet | Stadtwerke') + og('og:site_name', 'Solarpark Lindholm eröffnet'),
      body: main('<p>Kurz.</p>'),
      url: 'https://www.stadtwerke.example/presse/solarpark',
      want: 'Solarpark Lindholm eröffnet',
    },
  ],
  'a kicker before a colon in the heading': [
    {
      it: 'keeps the kicker when the document title and og:title repeat the whole heading',
      head:
        title('Neue Abrechnung: Musiker fordern ein anderes Modell') +
        og('og:title', 'Neue Abrechnung: Musiker fordern ein anderes Modell') +
        jsonLd({ '@type': 'NewsArticle', headline: 'Musiker fordern ein anderes Modell' }),
      body: main('<h1>Neue Abrechnung: Musiker fordern ein anderes Modell</h1>'),
      want: 'Neue Abrechnung: Musiker fordern ein anderes Modell',
    },
    {
      it: 'keeps a quoted kicker in a heading marked as the entry’s title',
      head:
        og('og:title', 'Springerin verpasst die Spiele in Lindholm - Sprungblatt') +
        og('og:site_name', 'Sprungblatt'),
      body: main('<h1 class="entry-title">„Große Leere“: Springerin verpasst die Spiele in Lindholm</h1>'),
      want: '„Große Leere“: Springerin verpasst die Spiele in Lindholm',
    },
    {
      it: 'keeps the shorter JSON-LD headline when the words before it are no kicker with a colon',
      head:
        title('Rapport over de nieuwe haven') + jsonLd({ '@type': 'Report', headline: 'De nieuwe haven' }),
      body: main('<h1>Rapport over de nieuwe haven</h1>'),
      want: 'De nieuwe haven',
    },
  ],
  'Japanese and Chinese titles compared by their characters': [
    {
      it: 'takes the heading when og:title rewords its end (most characters shared)',
      head:
        og('og:title', '新しい棚は引越しにも使える！ 本も家具も簡単に固定 | 例のサイト') +
        og('og:site_name', '例のサイト'),
      body: `${logo('examplesite', 'header_Logo__x1')}<article><h1>新しい棚は引越しにも使える！ 家具の固定も簡単</h1>${TEXT}</article>`,
      want: '新しい棚は引越しにも使える！ 家具の固定も簡単',
    },
    {
      it: 'keeps og:title when it shares few characters with the heading',
      head: og('og:title', '夏の旅行で役立つ十の道具'),
      body: `<article><h1>新しい棚は引越しにも使える！</h1>${TEXT}</article>`,
      want: '夏の旅行で役立つ十の道具',
    },
  ],
  'a document-type label as the heading': [
    {
      it: 'reads the h2 the document title names when the h1 is a label after it (“Title | Beleidsadvies”)',
      head: title('Zorg dichtbij voor ouderen | Beleidsadvies'),
      body: main('<h1>Beleidsadvies</h1><h2>Zorg dichtbij voor ouderen</h2>'),
      want: 'Zorg dichtbij voor ouderen',
    },
    {
      it: 'does so for a label of two words (“Policy Brief”)',
      head: title('Care close to home | Policy Brief'),
      body: main('<h1>Policy Brief</h1><h2>Care close to home</h2>'),
      want: 'Care close to home',
    },
    {
      it: 'still reads the heading after the site’s name and its sections',
      head: title('Instituut | Publicaties | Zorg dichtbij'),
      body: main('<h1>Zorg dichtbij</h1>'),
      want: 'Zorg dichtbij',
    },
  ],
  'UTF-8 a site wrote out as Latin-1': [
    {
      it: 'reads the document title’s characters back (“fÃ¼r” is “für”)',
      head: title('Neue Wege fÃ¼r Radfahrer in der Stadt'),
      body: main('<p>Kurz.</p>'),
      want: 'Neue Wege für Radfahrer in der Stadt',
    },
    {
      it: 'reads og:title back too',
      head: og('og:title', 'Quests und NPCÂ´s im Ãœberblick'),
      body: main(''),
      want: 'Quests und NPC´s im Überblick',
    },
    {
      it: 'reads Windows-1252 back (“itâ€™s” is “it’s”)',
      head: og('og:title', 'Why itâ€™s time to read again'),
      body: main(''),
      want: 'Why it’s time to read again',
    },
    {
      it: 'leaves alone a title in capitals whose accented letter comes before an ellipsis (“É…”)',
      head: title('CAFÉ… EN ZO'),
      body: main(''),
      want: 'CAFÉ… EN ZO',
    },
    {
      it: 'leaves alone Latin-1 letters that are meant',
      head: og('og:title', 'Ã la carte: Â¡Hola!'),
      body: main(''),
      want: 'Ã la carte: Â¡Hola!',
    },
  ],
};

describe('title: a document-type label as the heading without an h2 that names the title', () => {
  it('keeps the title the document title names, not the label', () => {
    const got = titleOf(title('Zorg dichtbij voor ouderen | Kamerbrief'), main('<h1>Kamerbrief</h1>'));
    expect(got).toContain('Zorg dichtbij voor ouderen');
  });
});

for (const [group, cases] of Object.entries(GROUPS)) {
  describe(`title: ${group}`, () => {
    for (const { it: what, head, body, url, want } of cases) {
      it(what, () => {
        expect(titleOf(head, body, url)).toBe(want);
      });
    }
  });
}
