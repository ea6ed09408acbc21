/**
 * Published dates where metadata and the page disagree (issue 13): the day a CMS made a page that
 * shows no date, an instant in UTC against the local date line, a draft's day against the day
 * the article went up, and a date line that is the page's own against a list of other dates.
 */
import { describe, expect, it } from 'vitest';
import { extract, jsonLd, page } from './helpers';

const INTRO =
  '<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland.</p>';
const article = (row: string) => `<main><article><h1>Neue Regeln</h1>${row}${INTRO}</article></main>`;
/** A comment's date: the page shows dates, if not its own. */
const COMMENT = '<section class="comments"><p>Anna, 3. Januar 2024</p></section>';

describe('a date the page does not show', () => {
  const made = (type: string) =>
    jsonLd({ '@context': 'https://schema.org', '@type': type, datePublished: '2019-01-10T10:44:43+01:00' });

  it('no date from a bare WebPage node where the head states no article date and the page shows none', () => {
    expect(extract(page(made('WebPage'), article('')))?.published).toBeUndefined();
  });

  it('keeps the date of an article node, or of a WebPage whose head states the article date', () => {
    expect(extract(page(made('Article'), article('') + COMMENT))?.published).toBe('2019-01-10');
    expect(
      extract(
        page(
          `${made('WebPage')}<meta property="article:published_time" content="2019-01-10T10:44:43+01:00">`,
          article('') + COMMENT,
        ),
      )?.published,
    ).toBe('2019-01-10');
  });

  it('a bare WebPage whose page shows its date still has it, from the page', () => {
    expect(extract(page(made('WebPage'), article('<p>10.01.2019</p>')))?.published).toBe('2019-01-10');
  });
});

describe('the date line at the heading over a metadata day the page does not show', () => {
  const head = '<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">';

  it('an instant in UTC is the evening before where the page was written', () => {
    expect(extract(page(head, article('<div><span>3. Mai 2022, 23:37</span></div>')))?.published).toBe(
      '2022-05-03',
    );
  });

  it('the day the article went up, not the day its draft was made', () => {
    const draft = jsonLd({ '@type': 'NewsArticle', datePublished: '2021-11-22T18:42:22+01:00' });
    expect(extract(page(draft, article('<p>01.01.2023</p>')))?.published).toBe('2023-01-01');
  });

  it('keeps the metadata day where the page shows it, however the line reads', () => {
    const us = '<meta property="article:published_time" content="2023-11-08">';
    expect(
      extract(page(us, article(`<p>11/08/2023</p>${INTRO}<p>Posted Nov. 8, 2023 in the print edition.</p>`)))
        ?.published,
    ).toBe('2023-11-08');
    expect(
      extract(page(head, article(`<p>3. Mai 2022</p>${INTRO}<p>Online seit 4. Mai 2022, 03:37 Uhr</p>`)))
        ?.published,
    ).toBe('2022-05-04');
  });
});

describe('the page’s own date line before a mention further down', () => {
  it('"10.11.2021" under the heading, not "Nr. 17 vom 08. November 2021" in the list below', () => {
    const body = `<main><div class="content"><h1>Neue Regeln</h1><p>10.11.2021</p>${INTRO}<ul><li>Nr. 17 vom 08. November 2021</li><li>Nr. 15 vom 05. November 2021</li></ul></div></main>`;
    expect(extract(page('', body))?.published).toBe('2021-11-10');
  });
});

describe('the day an address is filed under', () => {
  const at = (instant: string) => `<meta property="article:published_time" content="${instant}">`;
  const url = 'https://www.example.org/2022/05/06/ein-beitrag/';

  it('corrects an instant in UTC to the local day', () => {
    expect(extract(page(at('2022-05-07T03:43:46Z'), article('') + COMMENT), url)?.published).toBe(
      '2022-05-06',
    );
  });

  it('not an instant stated in the page’s own time', () => {
    expect(extract(page(at('2022-05-07T13:43:46-05:00'), article('') + COMMENT), url)?.published).toBe(
      '2022-05-07',
    );
  });
});
