/**
 * The item's own heading as its title (issue 13): a kicker in an element of its own inside the
 * heading is not part of the title, a declared title cut short gives way to the heading that goes
 * on, a JSON-LD name that names a section is no title, and a trail of sections after the heading
 * in the document title is left off.
 */
import { describe, expect, it } from 'vitest';
import { jsonLd, titleOf } from './helpers';

const TEXT =
  '<p>Der erste Absatz des Artikels erzählt, worum es geht, in mehr als achtzig Zeichen, damit er als Text zählt.</p>';

/** The title of a page with this head, and this heading over a paragraph of text in its <main>. */
const titleWith = (head: string, heading: string) => titleOf(head, `<main>${heading}${TEXT}</main>`);

describe('title: a kicker inside the heading', () => {
  it('leaves out a kicker the document title separates from the title', () => {
    expect(
      titleWith(
        '<title>Stadtfest in Lindholm - Brot per Lastenrad in die Altstadt - Beispielblatt</title>' +
          '<meta property="og:site_name" content="Beispielblatt">',
        `<h1>\n  <span>Stadtfest in Lindholm</span> Brot per Lastenrad in die Altstadt</h1>`,
      ),
    ).toBe('Brot per Lastenrad in die Altstadt');
  });

  it('leaves out a kicker marked as an overline, also when the head repeats the whole heading', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Die Zukunft der Schule Wir stellen die Tische anders auf">',
        `<h1><span class="overline">Die Zukunft der Schule</span>Wir stellen die Tische anders auf</h1>`,
      ),
    ).toBe('Wir stellen die Tische anders auf');
  });

  it('leaves out a section line styled inside the heading when the document title is the rest', () => {
    expect(
      titleWith(
        '<title>Anmelden ist bis Ende März noch überall möglich</title>',
        '<h1><style>.a{color:red}</style><span class="a">Mitteilung des Bauamts <span>:</span></span>' +
          'Anmelden ist bis Ende März noch überall möglich</h1>',
      ),
    ).toBe('Anmelden ist bis Ende März noch überall möglich');
  });

  it('keeps a "Kicker: Title" the head declares whole', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Editor’s Note: farewell old desks, welcome new ones">',
        `<h1><b>Editor’s Note:</b><i> farewell old desks, welcome new ones</i></h1>`,
      ),
    ).toBe('Editor’s Note: farewell old desks, welcome new ones');
  });
});

describe('title: the declared title against the heading', () => {
  it('takes the heading when the declared title is its start and the heading goes on', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Voltara Zellen erhöht Fabrik-Kapazität">',
        `<h1>Voltara Zellen erhöht Fabrik-Kapazität in Sachsen</h1>`,
      ),
    ).toBe('Voltara Zellen erhöht Fabrik-Kapazität in Sachsen');
  });

  it('takes the heading when the document title repeats it word for word against og:title', () => {
    expect(
      titleWith(
        '<title>Locks, Keys, and the Race to Faster Machines | The Weekly</title>' +
          '<meta property="og:title" content="Pandora’s Lock"><meta property="og:site_name" content="The Weekly">',
        `<h1>Locks, Keys, and the Race to Faster Machines</h1>`,
      ),
    ).toBe('Locks, Keys, and the Race to Faster Machines');
  });

  it('takes the heading when og:title repeats it against a reworded JSON-LD headline', () => {
    expect(
      titleWith(
        '<title>Zonnepanelen op het dak | Gemeente Voorbeeld</title>' +
          '<meta property="og:title" content="Schone stroom: de sporthal krijgt zonnepanelen">' +
          jsonLd({ '@type': 'NewsArticle', headline: 'Zonnepanelen op het dak van de sporthal' }),
        `<h1>Schone stroom: de sporthal krijgt zonnepanelen</h1>`,
      ),
    ).toBe('Schone stroom: de sporthal krijgt zonnepanelen');
  });

  it('takes the heading the document title repeats over a JSON-LD headline that is its start', () => {
    const ld = jsonLd({ '@type': 'Article', headline: 'Können Vögel Farben sehen?' });
    expect(
      titleWith(
        `<title>Können Vögel Farben sehen / unterscheiden?</title>${ld}`,
        `<h1>Können Vögel Farben sehen / unterscheiden?</h1>`,
      ),
    ).toBe('Können Vögel Farben sehen / unterscheiden?');
  });

  it('takes a heading marked entry-title over a title reworded for search', () => {
    expect(
      titleWith(
        '<title>Regenwater opvangen in de tuin • Tuinblad</title>' +
          '<meta property="og:title" content="Regenwater opvangen in de tuin • Tuinblad">',
        `<h1 class="entry-title">Regenton – waarom elke tuin er een nodig heeft</h1>`,
      ),
    ).toBe('Regenton – waarom elke tuin er een nodig heeft');
  });

  it('keeps the declared title over a section heading that is not marked as the entry', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Regenwater opvangen in de tuin • Tuinblad">' +
          '<meta property="og:site_name" content="Tuinblad">',
        `<h1 class="page-title">Tips voor de moestuin</h1>`,
      ),
    ).toBe('Regenwater opvangen in de tuin');
  });

  it('keeps the declared title when the heading adds a site name after a separator', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Was wir über uns lieber nicht wissen">',
        `<h1>Was wir über uns lieber nicht wissen | WEEKBLAD.EXAMPLE</h1>`,
      ),
    ).toBe('Was wir über uns lieber nicht wissen');
  });

  it('does not take a JSON-LD name that shares little with the document title', () => {
    const ld = '<script type="application/ld+json">{"@type":"WebPage","name":"Neighbours"}</script>';
    expect(
      titleWith(
        `<title>Community Gardens in Small Towns Are Key to Feeding Neighbours | The Courier</title>${ld}`,
        `<h1>Community Gardens in Small Towns Are Key to Feeding Neighbours</h1>`,
      ),
    ).toBe('Community Gardens in Small Towns Are Key to Feeding Neighbours');
  });
});

describe('title: a trail after the heading in the document title', () => {
  const trail = (title: string) =>
    titleWith(`<title>${title}</title>`, `<h1>${title.split(/ [/-] /)[0]}</h1>`);

  it('leaves out two parts or more after the heading', () => {
    const title = 'Landgericht: Verhandlung wird vertagt / Politik / Artikel / Home - Beispiel Online';
    expect(trail(title)).toBe('Landgericht: Verhandlung wird vertagt');
  });

  it('keeps one part after the heading, as Readability does ("Title - Author")', () => {
    const title = 'On Some Recent Debates - Jonas P. Berg ( Jon ) ( jberg )';
    expect(trail(title)).toBe(title);
  });
});

describe('title: a kicker beside a part marked as the headline', () => {
  it('leaves out the kicker when the rest of the heading is marked as the headline', () => {
    expect(
      titleWith(
        '<title>Netzausbau, Speicher: Länder fordern schnellere Genehmigungen - Beispielportal</title>',
        '<h1><span class="text-green small">Netzausbau – Speicher</span><span class="invisible">: </span>' +
          '<span class="headline">Länder fordern schnellere Genehmigungen, Verbände protestieren</span></h1>',
      ),
    ).toBe('Länder fordern schnellere Genehmigungen, Verbände protestieren');
  });

  it('keeps a lead-in when the rest is not marked as the headline', () => {
    expect(
      titleWith(
        '<title>Netzausbau, Speicher: Länder fordern schnellere Genehmigungen - Beispielportal</title>',
        '<h1><span class="text-green small">Netzausbau – Speicher</span><span class="invisible">: </span>' +
          '<span class="big">Länder fordern schnellere Genehmigungen, Verbände protestieren</span></h1>',
      ),
    ).toBe('Netzausbau – Speicher: Länder fordern schnellere Genehmigungen, Verbände protestieren');
  });
});
