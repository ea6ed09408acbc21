/**
 * The sentence a blog theme puts under a post ("This entry was posted on …", "Dieser Beitrag wurde
 * am … veröffentlicht"), the post's only date line (issue 13), and what it is not.
 */
import { describe, expect, it } from 'vitest';
import { extract, page } from './helpers';

const BODY =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const post = (foot: string, after = '') =>
  page(
    '',
    `<div id="content"><div class="post hentry"><h1>Neue Regeln</h1>${BODY}${foot}</div>${after}</div>`,
  );

describe('the sentence under a post', () => {
  it('reads the day of "Dieser Beitrag wurde am … veröffentlicht" and "This entry was posted on …"', () => {
    const de =
      '<p class="postmetadata"><small>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:15 Uhr veröffentlicht und unter <a href="/k">Politik</a> gespeichert.</small></p>';
    expect(extract(post(de))?.published).toBe('2011-12-03');
    const en =
      '<p class="postmetadata">This entry was posted on Saturday, December 3rd, 2011 at 10:15 am and is filed under <a href="/k">Policy</a>.</p>';
    expect(extract(post(en))?.published).toBe('2011-12-03');
    const written =
      '<div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben und unter dem Stichwort Arduino eingeordnet.</div>';
    expect(extract(post(written))?.published).toBe('2015-12-14');
  });

  it('not a sentence that only mentions a date, nor one outside the post', () => {
    const event =
      '<p>Dieser Beitrag wurde am 3. Dezember 2011 im Ausschuss für Inneres besprochen, danach an den Rat verwiesen und dort noch einmal verschoben.</p>';
    expect(extract(post(event))?.published).toBeUndefined();
    const other = '<div class="widget"><p>Dieser Beitrag wurde am 3. Dezember 2011 veröffentlicht.</p></div>';
    expect(extract(post('', other))?.published).toBeUndefined();
  });
});
