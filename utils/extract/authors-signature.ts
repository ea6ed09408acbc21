/**
 * A signature at the end of the text: the writer's name on a line of its own after the last
 * paragraph ("<p><strong>Marina Vogt</strong></p>"), or after an author label that has no colon
 * there ("Autoren Jan Jansen und Els de Wit").
 */
import type { ExtractionContext, Rule } from './context';
import { isNameAlone } from './authors';
import { elementsByTag } from './elements';
import { textOf } from './text';
import { AUTHOR_LABELS, bylineOf } from '@/utils/detect/vocabulary';

/** Reader comments (their last paragraph is no end of the article). */
const COMMENTS = '#comments, [id^="comment"], [class*="comment"]:not([class*="commentary"])';
/** A paragraph of running text. */
const LONG_PARAGRAPH = 200;
/** Paragraphs read to find the article's text. */
const MAX_PARAGRAPHS = 2_000;
/** Lines after the last paragraph that may stand before the signature (a source, a book's data). */
const MAX_CLOSING_LINES = 3;

/** "Autoren Jan Jansen und Els de Wit": an author label, its colon left out, then the names. */
const LABEL_WITHOUT_COLON = new RegExp(
  `^(?:${AUTHOR_LABELS.filter((word) => !/^(?:text|tekst|redaktion|redactie)$/.test(word)).join('|')})\\s+(?=\\p{Lu})`,
  'iu',
);

/**
 * The last paragraph of the article's text: of the element that holds the most long paragraphs
 * (not a teaser block further down), outside chrome, cards and comments.
 */
function lastParagraph(ctx: ExtractionContext): Element | undefined {
  const paragraphs = elementsByTag(ctx.elements, 'p');
  const byParent = new Map<Element, { count: number; last: Element }>();
  let best: { count: number; last: Element } | undefined;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const p = paragraphs[i];
    const parent = p.parentElement;
    if (!parent || textOf(p, LONG_PARAGRAPH).length < LONG_PARAGRAPH) continue;
    if (ctx.isElsewhere(p) || p.closest(`aside, ${COMMENTS}`)) continue;
    const seen = byParent.get(parent) ?? { count: 0, last: p };
    seen.count++;
    seen.last = p;
    byParent.set(parent, seen);
    if (!best || seen.count > best.count) best = seen;
  }
  return best?.last;
}

/** The element that closes the text after its last paragraph, if the text closes within a few lines. */
function closingElement(end: Element): Element | undefined {
  let last: Element | undefined;
  let lines = 0;
  for (let el = end.nextElementSibling; el; el = el.nextElementSibling) {
    if (!textOf(el, 20)) continue;
    if (++lines > MAX_CLOSING_LINES) return undefined;
    last = el;
  }
  return last;
}

export const fromSignature: Rule<string[]> = (ctx) => {
  const end = lastParagraph(ctx);
  const el = end && closingElement(end);
  const line = el && textOf(el, 200);
  if (!line || line.length > 80) return undefined;
  if (LABEL_WITHOUT_COLON.test(line)) return [line.replace(LABEL_WITHOUT_COLON, '')];
  const byline = bylineOf(line);
  if (byline) return [byline];
  // A link closing the text is a widget ("Read more", "Abonnieren"), not a signature.
  if (el.matches('a, button') || el.querySelector('a, button')) return undefined;
  return isNameAlone(line) ? [line] : undefined;
};
