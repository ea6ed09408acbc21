/**
 * The heading's text as the title rules read it when looking for a kicker in an element of its
 * own: read without recursion, so a heading nested thousands of elements deep still gives a title
 * (it gave none when the walk overflowed the stack).
 */
import { describe, expect, it } from 'vitest';
import { titleOf } from './helpers';

const TEXT =
  '<p>De eerste alinea van het stuk vertelt waar het over gaat, in meer dan tachtig tekens, zodat hij telt.</p>';

describe('title: the text of a deeply nested heading', () => {
  it('gives the title when the heading after a kicker is nested 12,000 elements deep', () => {
    const depth = 12_000;
    const nested = `${'<span>'.repeat(depth)}Dijken versterken langs de rivier${'</span>'.repeat(depth)}`;
    const title = titleOf(
      '<title>Dijken versterken langs de rivier</title>',
      `<main><h1><span class="kicker">Waterbeheer</span>${nested}</h1>${TEXT}</main>`,
    );
    expect(title).toBe('Dijken versterken langs de rivier');
  });
});
