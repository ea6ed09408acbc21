/**
 * A signature at the end of the text: the writer's name on a line of its own after the last
 * paragraph ("<p><strong>Marina Vogt</strong></p>"), or after an author label that has no colon
 * there ("Autoren Jan Jansen und Els de Wit").
 */
import type { ExtractionContext, Rule } from './context';
import { isNameAlone } from './authors';
import { COMMENTS } from './authors-bylines';
import { elementsByTag } from './elements';
import { fold, textOf } from './text';
import { bylineOf, PERSON_LABELS } from '@/utils/detect/vocabulary';

/** A paragraph of running text. */
const LONG_PARAGRAPH = 200;
/** Paragraphs read to find the article's text. */
const MAX_PARAGRAPHS = 2_000;
/** Lines after the last paragraph that may stand before the signature (a source, a book's data). */
const MAX_CLOSING_LINES = 3;

/** "Autoren Jan Jansen und Els de Wit": an author label, its colon left out, then the names. */
const LABEL_WITHOUT_COLON = new RegExp(`^(?:${PERSON_LABELS.join('|')})\\s+(?=\\p{Lu})`, 'iu');

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

/**
 * Words that make a short line something else than a person's name: a widget or section heading
 * ("Share This Article", "Stay In Touch"), a picture credit ("Getty Images", "Foto Jan Jansen"),
 * an organisation ("Gemeente Utrecht"). Folded.
 */
const NOT_NAME_WORDS = new Set(
  (
    'the this that these our your my us we you and or for with to of in on at from more about ' +
    'share related article articles post posts read reply comment comments leave follow subscribe ' +
    'newsletter stay touch contact kontakt information informationen informatie weitere meer ' +
    'guidelines submissions gesucht team image images photo photos foto fotos bild bilder beeld ' +
    'credit credits copyright quelle bron source gemeente stadt city stichting verein ministerie ' +
    'ministerium ministry university universitat universiteit institut institute provincie'
  ).split(' '),
);

/** A line before the signature that makes the name someone else's: a press note's label, a source. */
const CONTACT_LABEL =
  /^(?:noot voor de redactie|note to editors?|meer informatie|more information|weitere informationen|kontakt|contact|pers(?:contact|informatie)?|press(?:e)?(?:\s*contact|kontakt)?|foto|photo|bild|beeld)\s*[:：]?$/iu;

/** A person's name alone: capitalised words, each a word or an initial, none a widget's or credit's. */
function signatureName(text: string): boolean {
  if (!isNameAlone(text)) return false;
  const words = text.split(/\s+/);
  // Each word a word of two letters or more, or an initial with its full stop ("Leave A Reply").
  if (words.some((word) => !/^(?:\p{Lu}\.|\p{L}[\p{L}'’.-]*\p{L}\.?)$/u.test(word))) return false;
  return !fold(text)
    .split(' ')
    .some((word) => NOT_NAME_WORDS.has(word));
}

/**
 * A line between the last paragraph and the signature that makes the name no signature: a heading,
 * a quotation (the name is the quoted person's), a picture (a credit), a contact label.
 */
function closesOtherwise(el: Element): boolean {
  if (/^(?:h[1-6]|blockquote|figure|img|picture|table|ul|ol)$/i.test(el.tagName)) return true;
  if (el.querySelector('h1, h2, h3, h4, h5, h6, blockquote, q, img, picture, figure')) return true;
  const text = textOf(el, 60);
  if (CONTACT_LABEL.test(text) || /[:：]$/.test(text)) return true;
  // A line wholly in bold or italics and no sentence: a label ("Noot voor de redactie").
  const only = el.children.length === 1 ? el.firstElementChild : null;
  return Boolean(only?.matches('strong, b, em, i') && textOf(only, 60) === text && !/[.!?]$/.test(text));
}

/**
 * The element that closes the text after its last paragraph, if the text closes within a few lines
 * none of which makes the name someone else's.
 */
function closingElement(end: Element): Element | undefined {
  const lines: Element[] = [];
  for (let el = end.nextElementSibling; el; el = el.nextElementSibling) {
    if (!textOf(el, 20) && !el.querySelector('img, picture')) continue;
    if (lines.length >= MAX_CLOSING_LINES) return undefined;
    lines.push(el);
  }
  const last = lines.pop();
  if (!last || lines.some(closesOtherwise)) return undefined;
  // Only a paragraph, maybe wrapping its emphasis; never a heading or a block around one.
  if (last.tagName.toLowerCase() !== 'p' || last.querySelector('h1, h2, h3, h4, h5, h6, img, picture'))
    return undefined;
  return last;
}

/** The names after an author label without its colon, each a name alone ("Jelko Berg und Jutta Klein"). */
function labelledNames(line: string): string[] | undefined {
  const names = line.replace(LABEL_WITHOUT_COLON, '').split(/\s*,\s*|\s+(?:und|and|en|et|&)\s+/u);
  return names.every(signatureName) ? [line.replace(LABEL_WITHOUT_COLON, '')] : undefined;
}

export const fromSignature: Rule<string[]> = (ctx) => {
  const end = lastParagraph(ctx);
  const el = end && closingElement(end);
  const line = el && textOf(el, 200);
  if (!line || line.length > 80) return undefined;
  if (LABEL_WITHOUT_COLON.test(line)) return labelledNames(line);
  const byline = bylineOf(line);
  if (byline) return [byline];
  // A link closing the text is a widget ("Read more", "Abonnieren"), not a signature.
  if (el.matches('a, button') || el.querySelector('a, button')) return undefined;
  return signatureName(line) ? [line] : undefined;
};
