/**
 * Finder: blocks that list other publications ("Gerelateerde publicaties", "Lees ook",
 * "Related content", "See also", ...), found by their heading text, as data.
 */
import { fold, textOf } from './text';

const RELATED_HEADINGS = [
  'gerelateerde publicaties', 'gerelateerde publicatie', 'gerelateerd', 'gerelateerde artikelen', 'gerelateerde content',
  'gerelateerde items', 'lees ook', 'meer over dit thema', 'meer over dit onderwerp',
  'meer publicaties', 'andere publicaties', 'ook interessant', 'bekijk ook', 'zie ook', 'meer lezen', 'verder lezen',
  'related publications', 'related publication', 'related content', 'related research', 'related reports',
  'related articles', 'related reading', 'related', 'related work', 'related items', 'related posts', 'see also',
  'read also', 'more on this topic', 'more on this issue', 'more from this series', 'you may also like',
  'further reading', 'also of interest', 'more research', 'related commentary', 'related books', 'more publications',
  'you might also like', 'you may also be interested in', 'you might also be interested in', 'recommended reading',
  'more like this', 'related resources', 'related analysis', 'related insights', 'misschien ook interessant',
  'dit vindt u misschien ook interessant', 'dit vind je misschien ook interessant', 'ook interessant voor u',
  'gerelateerde inhoud',
].map(fold);
const RELATED = new Set(RELATED_HEADINGS);

const MAX_HEADINGS = 2_000;
const HEADINGS = 'h2, h3, h4, h5, h6, strong, [role="heading"]';

export function isRelatedHeading(text: string): boolean {
  if (!text || text.length > 60) return false;
  return RELATED.has(fold(text));
}

export function findRelatedBlocks(doc: Document, headings: ArrayLike<Element> = doc.querySelectorAll(HEADINGS)): Element[] {
  const blocks: Element[] = [];
  const count = Math.min(headings.length, MAX_HEADINGS);
  for (let i = 0; i < count; i++) {
    const heading = headings[i];
    const raw = heading.textContent ?? '';
    if (raw.length > 120 || !isRelatedHeading(textOf(heading, 80))) continue;
    if (blocks.some((block) => block.contains(heading))) continue;
    const container = containerOf(heading);
    if (container) blocks.push(container);
    if (blocks.length >= 5) break;
  }
  return blocks;
}

/** The smallest ancestor of the heading that also holds links other than the heading's own. */
function containerOf(heading: Element): Element | undefined {
  let el: Element | null = heading.parentElement;
  for (let level = 0; el && level < 4; level++, el = el.parentElement) {
    if (el.matches('body, main, article, [role="main"]') && level > 0) return undefined;
    const links = el.querySelectorAll('a[href]');
    for (let i = 0; i < links.length && i < 200; i++) {
      if (!heading.contains(links[i])) return el;
    }
  }
  return undefined;
}
