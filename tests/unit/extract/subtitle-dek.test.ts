/**
 * The dek right under the heading (issue 13): a line the site marks as its dek wins over the
 * description shown as a summary above it, and a plain one-line standfirst under the heading is the
 * subtitle, not a site's motto under its name nor the body's first paragraph.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const BODY =
  '<p>The first paragraph of the story tells what happened, at length, in more than eighty characters of text.</p>' +
  '<p>A second paragraph follows it with more detail about the matter at hand and what comes next.</p>';

describe('subtitle: the dek under the heading', () => {
  it('prefers the marked dek to the description shown as a summary', () => {
    const description = 'Islanders, visitors and traders have expected this for months now.';
    const record = readPage(
      `<meta property="og:description" content="${description}">`,
      `<main><h1>Ferry service cut for the winter</h1><div class="detailSummary">${description}</div>` +
        `<h2 class="deck">Crossings to the island drop to two a day from November</h2>${BODY}</main>`,
    );
    expect(record?.subtitle).toBe('Crossings to the island drop to two a day from November');
  });

  it('takes a plain one-line standfirst right under the heading', () => {
    const record = readPage(
      '',
      '<main><h1>City extends free bike rentals for night-shift staff</h1>' +
        `<div>Nurses, cleaners and bakers on late shifts won't need to pay.</div><section><a href="/a">Ida</a></section>${BODY}</main>`,
    );
    expect(record?.subtitle).toBe("Nurses, cleaners and bakers on late shifts won't need to pay.");
  });

  it('does not take the body’s first paragraph or a site’s motto', () => {
    const first = readPage(
      '',
      `<main><h1>City extends free bike rentals for night-shift staff</h1><p>Short opening line of the story.</p>${BODY}</main>`,
    );
    expect(first?.subtitle).toBeUndefined();
    const motto = readPage(
      '<title>A post | Freie Gärten</title>',
      '<header><h1>Freie Gärten</h1><div>Grow your own! Gardens for all.</div></header>' +
        `<article><h2>A post</h2>${BODY}</article>`,
    );
    expect(motto?.subtitle).toBeUndefined();
  });

  it('does not take a label line under the heading (themes, reading time)', () => {
    for (const line of ["Thema's: Klimaat, Energie en Wonen", 'Reading time: twelve minutes or so']) {
      const record = readPage(
        '',
        `<main><h1>City extends free bike rentals for night-shift staff</h1><div>${line}</div><section><a href="/a">Ida</a></section>${BODY}</main>`,
      );
      expect(record?.subtitle, line).toBeUndefined();
    }
  });
});
