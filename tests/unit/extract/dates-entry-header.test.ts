/**
 * A post's own <header> outside <article>/<main> (a theme's <div class="post"><header
 * class="entry-header">) holds the post's date; the site's header (navigation, a link home) holds a
 * "today" that is not.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const TEXT =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';

describe('a post’s own header outside article and main', () => {
  it('reads the date in it', () => {
    const body = `<div class="post"><header class="entry-header"><span class="posted-on">12. Mai 2021</span></header><div class="entry-content"><h1>Neue Regeln für Gemeinden</h1>${TEXT}</div></div>`;
    expect(extract(page('', body))?.published).toBe('2021-05-12');
  });

  it('not the date in the site’s header, with its navigation', () => {
    const body = `<header class="top"><span class="today">12. Mai 2021</span><nav><a href="/themen">Themen</a></nav></header><div class="post"><h1>Neue Regeln für Gemeinden</h1>${TEXT}</div>`;
    expect(extract(page('', body))?.published).toBeUndefined();
  });
});
