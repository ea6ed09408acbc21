/**
 * The site's name spelled out in the title (issue 13): a title part whose words begin with every
 * word of a hyphenated host label is the site, not the item.
 */
import { describe, expect, it } from 'vitest';
import { stripSiteName } from '@/utils/extract/site-names';
import { titleOf } from './helpers';

describe('title: the site spelled out after the item', () => {
  it('drops a last part that spells the hyphenated host label', () => {
    expect(
      titleOf(
        '<title>Neue Meister im Norden - Hamburger Schach Verband e.V.</title>',
        '<main><p>Kurz.</p></main>',
        'https://www.schach-hamburg.example/news/meister',
      ),
    ).toBe('Neue Meister im Norden');
  });

  it('keeps a part that shares only one of the label’s words', () => {
    expect(stripSiteName('Schach in der Schule - Ein Bericht', ['schach-hamburg'])).toBe(
      'Schach in der Schule - Ein Bericht',
    );
    expect(stripSiteName('Hamburger Hafen - Neue Regeln', ['schach-hamburg'])).toBe(
      'Hamburger Hafen - Neue Regeln',
    );
  });
});

describe('title: a heading that links up to the front page is the site', () => {
  const article =
    '<article><h2>Rueda-Figuren</h2><p>Die Figur beginnt im Kreis und endet mit einem Partnerwechsel nach rechts, langsam getanzt.</p></article>';

  it('takes it off the document title and does not use it as the title', () => {
    expect(
      titleOf(
        '<title>Vuelta Figuren - Tanzen - Salsa in Ostdorf</title>',
        `<header><h1><a href="/"><span>Tanzen - Salsa in Ostdorf</span></a></h1></header>${article}`,
        'https://salsa-ostdorf.example/figuren/vuelta',
      ),
    ).toBe('Vuelta Figuren');
  });

  it('gives way to the declared title it is part of', () => {
    expect(
      titleOf(
        '<meta property="og:title" content="Ostblog Datenschutzerklärung">',
        `<h1 class="title"><a href="https://ostblog.example/">Datenschutzerklärung</a></h1>${article}`,
        'https://ostblog.example/2020/01/ostblog-datenschutzerklarung.html',
      ),
    ).toBe('Ostblog Datenschutzerklärung');
  });

  it('keeps a heading that links to the page itself (a post title)', () => {
    expect(
      titleOf(
        '<meta property="og:title" content="Ostblog Datenschutzerklärung">',
        `<h1><a href="/2020/01/datenschutz.html">Datenschutzerklärung</a></h1>${article}`,
        'https://ostblog.example/2020/01/datenschutz.html',
      ),
    ).toBe('Datenschutzerklärung');
  });

  it('keeps an item’s title that links up to the item from its second page', () => {
    expect(
      titleOf(
        '<title>Neue Regeln für Gemeinden | Beispiel</title>',
        `<h1><a href="/2021/05/neue-regeln/">Neue Regeln für Gemeinden</a></h1>${article}`,
        'https://beispiel.example/2021/05/neue-regeln/2/',
      ),
    ).toBe('Neue Regeln für Gemeinden');
  });

  it('still drops a heading that links up with the site’s own name', () => {
    expect(
      titleOf(
        '<title>Vuelta Figuren | Salsa Ostdorf</title><meta property="og:site_name" content="Salsa Ostdorf">',
        `<h1><a href="/">Salsa Ostdorf</a></h1>${article}`,
        'https://tanzen.example/figuren/vuelta',
      ),
    ).toBe('Vuelta Figuren');
  });
});
