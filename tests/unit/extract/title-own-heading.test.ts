/**
 * The item's own heading as its title (issue 13): a kicker in an element of its own inside the
 * heading is not part of the title, a declared title cut short gives way to the heading that goes
 * on, a JSON-LD name that names a section is no title, and a trail of sections after the heading
 * in the document title is left off.
 */
import { describe, expect, it } from 'vitest';
import { titleOf } from './helpers';

const TEXT =
  '<p>Der erste Absatz des Artikels erzählt, worum es geht, in mehr als achtzig Zeichen, damit er als Text zählt.</p>';

/** The title of a page with this head, and this heading over a paragraph of text in its <main>. */
const titleWith = (head: string, heading: string) => titleOf(head, `<main>${heading}${TEXT}</main>`);

describe('title: a kicker inside the heading', () => {
  it('leaves out a kicker the document title separates from the title', () => {
    expect(
      titleWith(
        '<title>Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum - Beispielblatt</title>' +
          '<meta property="og:site_name" content="Beispielblatt">',
        `<h1>\n  <span>Olympische Spiele in Paris</span> Getränke per Schiff ins Stadtzentrum</h1>`,
      ),
    ).toBe('Getränke per Schiff ins Stadtzentrum');
  });

  it('leaves out a kicker marked as an overline, also when the head repeats the whole heading', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Die Zukunft der Arbeit Wir dekorieren die Liegestühle um">',
        `<h1><span class="overline">Die Zukunft der Arbeit</span>Wir dekorieren die Liegestühle um</h1>`,
      ),
    ).toBe('Wir dekorieren die Liegestühle um');
  });

  it('leaves out a section line styled inside the heading when the document title is the rest', () => {
    expect(
      titleWith(
        '<title>Impfen ist bis Ende Februar noch überall möglich</title>',
        '<h1><style>.a{color:red}</style><span class="a">Medienmitteilung der Direktion <span>:</span></span>' +
          'Impfen ist bis Ende Februar noch überall möglich</h1>',
      ),
    ).toBe('Impfen ist bis Ende Februar noch überall möglich');
  });

  it('keeps a "Kicker: Title" the head declares whole', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Editor’s Letter: bye old friends, hello new ones">',
        `<h1><b>Editor’s Letter:</b><i> bye old friends, hello new ones</i></h1>`,
      ),
    ).toBe('Editor’s Letter: bye old friends, hello new ones');
  });
});

describe('title: the declared title against the heading', () => {
  it('takes the heading when the declared title is its start and the heading goes on', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Ultium Cells erhöht Gigafactory-Kapazität">',
        `<h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee</h1>`,
      ),
    ).toBe('Ultium Cells erhöht Gigafactory-Kapazität in Tennessee');
  });

  it('takes the heading when the document title repeats it word for word against og:title', () => {
    expect(
      titleWith(
        '<title>Hacking, Cryptography, and the Countdown to Quantum Computing | The Magazine</title>' +
          '<meta property="og:title" content="Schrödinger’s Hack"><meta property="og:site_name" content="The Magazine">',
        `<h1>Hacking, Cryptography, and the Countdown to Quantum Computing</h1>`,
      ),
    ).toBe('Hacking, Cryptography, and the Countdown to Quantum Computing');
  });

  it('keeps the declared title when the heading adds a site name after a separator', () => {
    expect(
      titleWith(
        '<meta property="og:title" content="Was wir über uns nicht hören wollen">',
        `<h1>Was wir über uns nicht hören wollen | FASSETTE.NET</h1>`,
      ),
    ).toBe('Was wir über uns nicht hören wollen');
  });

  it('does not take a JSON-LD name that shares little with the document title', () => {
    const ld = '<script type="application/ld+json">{"@type":"WebPage","name":"Climate"}</script>';
    expect(
      titleWith(
        `<title>Forest Management by Indigenous Peoples Is Key to Protecting Climate | The Press</title>${ld}`,
        `<h1>Forest Management by Indigenous Peoples Is Key to Protecting Climate</h1>`,
      ),
    ).toBe('Forest Management by Indigenous Peoples Is Key to Protecting Climate');
  });
});

describe('title: a trail after the heading in the document title', () => {
  const trail = (title: string) =>
    titleWith(`<title>${title}</title>`, `<h1>${title.split(/ [/-] /)[0]}</h1>`);

  it('leaves out two parts or more after the heading', () => {
    const title = 'Verfassungsgericht: Prozess geht weiter / Politik / Artikel / Home - Beispiel Online';
    expect(trail(title)).toBe('Verfassungsgericht: Prozess geht weiter');
  });

  it('keeps one part after the heading, as Readability does ("Title - Author")', () => {
    const title = 'On Recent Controversial Events - Bradley M. Kuhn ( Brad ) ( bkuhn )';
    expect(trail(title)).toBe(title);
  });
});
