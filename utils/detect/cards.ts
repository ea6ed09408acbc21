/**
 * Repeated items on a page: cards (sibling items each with a linked heading) and dated list items.
 * An overview is made of them; a publication has a few beside its own text (related, recirculation).
 */
import { isOnlyChild, text, type ChromeTest, type Finder } from './page';

const MAX_CARD_HEADINGS = 300;
const MAX_TIMES = 200;

/** Headings of blocks that list other publications beside this one. */
const RELATED_HEADING =
  /gerelateerd|lees ook|lees meer|meer over|ook interessant|related|see also|read more|more on|recommended/i;

/** Whether a list stands beside the page's own content: outside its article, or under a "related" heading. */
function isBeside(list: Element, ownArticle: Element | null): boolean {
  if (ownArticle && !ownArticle.contains(list)) return true;
  return RELATED_HEADING.test(
    text(list.previousElementSibling ?? list.parentElement?.previousElementSibling, 60),
  );
}

export interface CardGroups {
  /** The largest number of sibling items that each carry a linked heading, in the page's own content. */
  largest: number;
  /** The same, for groups outside the <article> that holds the main heading or under a "related" heading. */
  largestBesideArticle: number;
}

/** Elements of a card heading looked at for its link: a heading that holds more is not a card's. */
const MAX_HEADING_ELEMENTS = 100;

/**
 * Whether a heading holds a link among its first elements. Not getElementsByTagName: that walks
 * the whole subtree, for each of thousands of headings that may be nested around a large one.
 */
function holdsLink(el: Element): boolean {
  let node: Element | null = el.firstElementChild;
  for (let visited = 0; node && visited < MAX_HEADING_ELEMENTS; visited++) {
    if (node.localName === 'a') return true;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
  return false;
}

/**
 * Repeated cards: sibling items (list items, articles, divs) each with a heading that is or holds a
 * link. Five related publications under an essay are normal; an overview has many more.
 */
export function cardGroups(find: Finder, heading: Element | null, inChrome: ChromeTest): CardGroups {
  const groups = new Map<Element, Set<Element>>();
  // Headings first, then whether each is or holds a link: one plain tag query instead of eight
  // descendant selectors over every element.
  const headings = find('cardHeadings');
  for (let i = 0, seen = 0; i < headings.length && seen < MAX_CARD_HEADINGS; i++) {
    const cardHeading = headings[i];
    if (cardHeading === heading || (!holdsLink(cardHeading) && !cardHeading.closest('a'))) continue;
    seen++;
    let item =
      cardHeading.closest('li, article') ??
      cardHeading.parentElement?.closest('div') ??
      cardHeading.parentElement;
    // Views wrap each card in its own row (<div class="views-row"><article>…): the rows are the siblings.
    for (let up = 0; up < 3 && item?.parentElement && isOnlyChild(item); up++) item = item.parentElement;
    const list = item?.parentElement;
    if (!item || !list) continue;
    let members = groups.get(list);
    if (!members) groups.set(list, (members = new Set()));
    members.add(item);
  }
  // Only the few big groups need the dearer checks: navigation, and where they stand.
  const ownArticle = heading?.closest('article') ?? null;
  let largest = 0;
  let largestBesideArticle = 0;
  for (const [list, members] of groups) {
    if (members.size < 6 || inChrome(list)) continue;
    if (isBeside(list, ownArticle)) largestBesideArticle = Math.max(largestBesideArticle, members.size);
    else largest = Math.max(largest, members.size);
  }
  return { largest, largestBesideArticle };
}

/** Dates shown in repeated items (a news list without headings still dates every entry), related blocks aside. */
export function datedItems(find: Finder, heading: Element | null, inChrome: ChromeTest): number {
  const items = new Set<Element>();
  const ownArticle = heading?.closest('article') ?? null;
  const besideByList = new Map<Element, boolean>();
  const times = find('listTimes');
  for (let i = 0; i < times.length && i < MAX_TIMES; i++) {
    const item = times[i].closest('li, article');
    const list = item?.parentElement;
    if (!item || !list || (heading && item.contains(heading))) continue;
    let beside = besideByList.get(list);
    if (beside === undefined) besideByList.set(list, (beside = isBeside(list, ownArticle) || inChrome(list)));
    if (!beside) items.add(item);
  }
  return items.size;
}
