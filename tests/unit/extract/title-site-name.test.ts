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
