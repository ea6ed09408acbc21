/**
 * On a page without an h1, the h2 that names the site (its name in the <title> beside the item's)
 * is not the item's heading: the site header's "today" under it is no publication date.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const TITLE = '<title>Neue Regeln für Gemeinden | Beispielportal</title>';
const body = (siteTitle: string) =>
  `<header><h2 class="site-title">${siteTitle}</h2><div>Dienstag, 11. Mai 2021</div></header><main>${INTRO}</main>`;

describe('an h2 that is the site’s name', () => {
  it('gives no date from the header under it, named in the title or in the metadata', () => {
    expect(extract(page(TITLE, body('Beispielportal')))?.published).toBeUndefined();
    const named =
      '<title>Beispielportal: Neue Regeln für Gemeinden</title><meta property="og:site_name" content="Beispielportal">';
    expect(extract(page(named, body('Beispielportal')))?.published).toBeUndefined();
  });

  it('the h2 that is the item’s title still reads the date line under it', () => {
    expect(extract(page(TITLE, body('Neue Regeln für Gemeinden')))?.published).toBe('2021-05-11');
  });
});
