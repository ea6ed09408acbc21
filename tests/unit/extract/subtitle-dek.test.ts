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
    const description = 'New numbers confirm what buyers, sellers and owners have known for a while.';
    const record = readPage(
      `<meta property="og:description" content="${description}">`,
      `<main><h1>Housing market slowdown continues</h1><div class="detailSummary">${description}</div>` +
        `<h2 class="deck">Average price of a home sold in September fell again</h2>${BODY}</main>`,
    );
    expect(record?.subtitle).toBe('Average price of a home sold in September fell again');
  });

  it('takes a plain one-line standfirst right under the heading', () => {
    const record = readPage(
      '',
      '<main><h1>Lyft extends free scooter rides for critical workers</h1>' +
        `<div>Emergency, healthcare and transit workers won't need to pay.</div><section><a href="/a">Jon</a></section>${BODY}</main>`,
    );
    expect(record?.subtitle).toBe("Emergency, healthcare and transit workers won't need to pay.");
  });

  it('does not take the body’s first paragraph or a site’s motto', () => {
    const first = readPage(
      '',
      `<main><h1>Lyft extends free scooter rides for critical workers</h1><p>Short opening line of the story.</p>${BODY}</main>`,
    );
    expect(first?.subtitle).toBeUndefined();
    const motto = readPage(
      '<title>A post | Echte Demokratie</title>',
      '<header><h1>Echte Demokratie</h1><div>Yes we camp! Democracy now.</div></header>' +
        `<article><h2>A post</h2>${BODY}</article>`,
    );
    expect(motto?.subtitle).toBeUndefined();
  });
});
