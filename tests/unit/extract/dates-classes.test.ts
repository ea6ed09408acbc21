/**
 * Classes of pages whose date the general rules misread (issue 13): layout wrappers named after a
 * sidebar, update stamps shown at the heading, metadata dates on pages that show none.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

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
