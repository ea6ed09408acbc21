/**
 * Finder: blocks that list other publications ("Gerelateerde publicaties", "Lees ook",
 * "Related content", "See also", ...), found by their heading text, as data.
 */
import { fold, readText, shortText, textOf } from './text';

const RELATED_HEADINGS = [
  'gerelateerde publicaties',
  'gerelateerde publicatie',
  'gerelateerd',
  'gerelateerde artikelen',
  'gerelateerde content',
  'gerelateerde items',
  'lees ook',
  'meer over dit thema',
  'meer over dit onderwerp',
  'meer publicaties',
  'andere publicaties',
  'ook interessant',
  'bekijk ook',
  'zie ook',
  'meer lezen',
  'verder lezen',
  'related publications',
  'related publication',
  'related content',
  'related research',
  'related reports',
  'related articles',
  'related reading',
  'related',
  'related work',
  'related items',
  'related posts',
  'see also',
  'read also',
  'more on this topic',
  'more on this issue',
  'more from this series',
  'you may also like',
  'further reading',
  'also of interest',
  'more research',
  'related commentary',
  'related books',
  'more publications',
  'you might also like',
  'you may also be interested in',
  'you might also be interested in',
  'recommended reading',
  'more like this',
  'related resources',
  'related analysis',
  'related insights',
  'misschien ook interessant',
  'dit vindt u misschien ook interessant',
  'dit vind je misschien ook interessant',
  'ook interessant voor u',
  'gerelateerde inhoud',
].map(fold);
const RELATED = new Set(RELATED_HEADINGS);

const MAX_HEADINGS = 4_000;
/**
 * Headings that name a related block, looked into at most: finding a block's container walks its
 * ancestors' subtrees, and a page can repeat "Lees ook" thousands of times under one of them.
 */
const MAX_MATCHED_HEADINGS = 20;
const HEADINGS = 'h2, h3, h4, h5, h6, strong, [role="heading"]';

/** The first letters of every phrase: a cheap test before folding a candidate's text. */
const RELATED_LEADS = new Set(RELATED_HEADINGS.map((phrase) => phrase.slice(0, 3)));
const HEADING_TAG = /^(?:h\d|strong)$/i;

/** Phrases of two words or more may open a longer heading: "Related research and commentary". */
const RELATED_PREFIXES = RELATED_HEADINGS.filter((phrase) => phrase.includes(' ')).map(
  (phrase) => `${phrase} `,
);

/** 'exact' for a known heading, 'prefix' for a known phrase opening a longer one. */
function relatedHeadingMatch(text: string): 'exact' | 'prefix' | undefined {
  if (!text || text.length > 60) return undefined;
  // "Gerelateerde publicaties (3)": a count is not part of the heading.
  const heading = fold(text).replace(/(?: \d+)+$/, '');
  if (RELATED.has(heading)) return 'exact';
  // "Meer over dit thema: Arbeidsmarkt", "Related research and commentary".
  return RELATED_PREFIXES.some((prefix) => heading.startsWith(prefix)) ? 'prefix' : undefined;
}

/** A block of cards has short teasers; two long paragraphs mean the heading is a section of running text ("See also [edit]"). */
function holdsRunningText(el: Element): boolean {
  const paragraphs = el.querySelectorAll('p');
  let long = 0;
  for (let i = 0; i < paragraphs.length && i < 200; i++) {
    if (readText(paragraphs[i], 300).text.length > 300 && ++long >= 2) return true;
  }
  return false;
}

export function findRelatedBlocks(
  doc: Document,
  headings: ArrayLike<Element> = doc.querySelectorAll(HEADINGS),
): Element[] {
  const blocks: Element[] = [];
  const count = Math.min(headings.length, MAX_HEADINGS);
  for (let i = 0, matched = 0; i < count && matched < MAX_MATCHED_HEADINGS; i++) {
    const heading = headings[i];
    const region = heading.getAttribute('aria-label');
    let match: 'exact' | 'prefix' | undefined;
    if (region !== null && !/^h\d$/i.test(heading.tagName)) {
      match = relatedHeadingMatch(region.slice(0, 80).trim());
    } else if (HEADING_TAG.test(heading.tagName)) {
      if (shortText(heading, 120) === undefined) continue;
      match = relatedHeadingMatch(textOf(heading, 80));
    } else {
      // A p, div or span holding one short text (elements.ts): most are not headings at all.
      const text = (heading.firstChild?.nodeValue ?? '').trim();
      if (!RELATED_LEADS.has(text.slice(0, 3).toLowerCase())) continue;
      match = relatedHeadingMatch(text);
    }
    if (!match) continue;
    if (blocks.some((block) => block.contains(heading))) continue;
    matched++;
    const container =
      region !== null && !/^h\d$/i.test(heading.tagName) ? regionBlock(heading) : containerOf(heading);
    if (container && (match === 'exact' || !holdsRunningText(container))) blocks.push(container);
    if (blocks.length >= 5) break;
  }
  return blocks;
}

/** A named region is its own block, when it lists links and is not the article. */
function regionBlock(region: Element): Element | undefined {
  return region.querySelector('a[href]') && !region.querySelector('h1') ? region : undefined;
}

/** The smallest ancestor of the heading that also holds links other than the heading's own. */
function containerOf(heading: Element): Element | undefined {
  let el: Element | null = heading.parentElement;
  for (let level = 0; el && level < 4; level++, el = el.parentElement) {
    if (el.matches('body, main, article, [role="main"]') && level > 0) return undefined;
    // Climbing into the article itself (an empty widget filled by a script later): no block.
    if (el.querySelector('h1')) return undefined;
    const links = el.querySelectorAll('a[href]');
    for (let i = 0; i < links.length && i < 200; i++) {
      if (!heading.contains(links[i])) return el;
    }
  }
  return undefined;
}
