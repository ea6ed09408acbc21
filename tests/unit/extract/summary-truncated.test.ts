/**
 * A description the CMS cut from the opening paragraph with "…" stands for that paragraph while
 * the paragraph is an intro (issue 13); one that runs on to more than three times the cut is a
 * long opening, and the publisher's cut reads better as a summary than all of it.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from './helpers';

const CUT = 'Das Westviertel ist ein Stadtteil von Essen. Es liegt in unmittelbarer Nähe zum Stadtkern...';
const OPENING = 'Das Westviertel ist ein Stadtteil von Essen. Es liegt in unmittelbarer Nähe zum Stadtkern';
const head = `<title>Das Westviertel</title><meta name="description" content="${CUT}">`;
const body = (paragraph: string) =>
  `<main><article><h1>Das Westviertel</h1><p>${paragraph}</p><p>Ein zweiter Absatz mit mehr über das Viertel und seine Geschichte.</p></article></main>`;

describe('summary: a description cut from the opening paragraph', () => {
  it('stands for an intro a little longer than the cut', () => {
    const intro = `${OPENING} und bildet mit dem Südviertel die Innenstadt.`;
    expect(readPage(head, body(intro))?.summary).toBe(intro);
  });

  it('stays the cut when the paragraph runs on to more than three times its length', () => {
    const rest = ' Hier wohnen Familien, Studierende und viele, die in der Innenstadt arbeiten.'.repeat(4);
    expect(
      readPage(head, body(`${OPENING} und bildet mit dem Südviertel die Innenstadt.${rest}`))?.summary,
    ).toBe(CUT);
  });
});
