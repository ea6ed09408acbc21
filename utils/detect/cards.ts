/**
 * Repeated items on a page: cards (sibling items each with a linked heading) and dated list items.
 * An overview is made of them; a publication has a few beside its own text (related, recirculation).
 */
import { closestTag, isOnlyChild, text, type ChromeTest, type Finder } from './page';

const LINK = new Set(['a']);
const ITEM = new Set(['li', 'article']);
const DIV = new Set(['div']);
const ARTICLE = new Set(['article']);

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
  /**
   * The items of every group of three or more whose headings link to other pages, the main
   * heading's own item aside: teasers, whose text belongs to the pages they link to.
   */
  teasers: Set<Element>;
  /** The elements that hold those teasers side by side. */
  teaserLists: Set<Element>;
}

/** Sibling items, each with a linked heading, from one list; `away`: those whose link leaves the page. */
interface Group {
  members: Set<Element>;
  away: Element[];
}

/** Teasers this many or more side by side are a list of other pages, however few. */
const MIN_TEASERS = 3;

/** Elements of a card heading looked at for its link: a heading that holds more is not a card's. */
const MAX_HEADING_ELEMENTS = 100;

/**
 * The link a heading holds among its first elements, or the link around it. Not
 * getElementsByTagName: that walks the whole subtree, for each of thousands of headings that may be
 * nested around a large one.
 */
function linkOf(el: Element): Element | null {
  let node: Element | null = el.firstElementChild;
  for (let visited = 0; node && visited < MAX_HEADING_ELEMENTS; visited++) {
    if (node.localName === 'a') return node;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      continue;
    }
    // Counted too: a form's control may shadow its parentElement (<input name="parentElement">).
    while (node && node !== el && !node.nextElementSibling && visited++ < MAX_HEADING_ELEMENTS)
      node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
  return closestTag(el, LINK);
}

/** A link to another page, not an anchor on this one ("#section-2") or a named anchor. */
function linksAway(link: Element): boolean {
  const href = link.getAttribute('href')?.trim();
  return Boolean(href) && !href!.startsWith('#');
}

/**
 * Repeated cards: sibling items (list items, articles, divs) each with a heading that is or holds a
 * link. Five related publications under an essay are normal; an overview has many more.
 */
export function cardGroups(find: Finder, heading: Element | null, inChrome: ChromeTest): CardGroups {
  const groups = new Map<Element, Group>();
  // Headings first, then whether each is or holds a link: one plain tag query instead of eight
  // descendant selectors over every element.
  const headings = find('cardHeadings');
  for (let i = 0, seen = 0; i < headings.length && seen < MAX_CARD_HEADINGS; i++) {
    const cardHeading = headings[i];
    const link = cardHeading === heading ? null : linkOf(cardHeading);
    if (!link) continue;
    seen++;
    let item =
      closestTag(cardHeading, ITEM) ??
      closestTag(cardHeading.parentElement, DIV) ??
      cardHeading.parentElement;
    // Views wrap each card in its own row (<div class="views-row"><article>…): the rows are the siblings.
    for (let up = 0; up < 3 && item?.parentElement && isOnlyChild(item); up++) item = item.parentElement;
    const list = item?.parentElement;
    if (!item || !list) continue;
    let group = groups.get(list);
    if (!group) groups.set(list, (group = { members: new Set(), away: [] }));
    if (!group.members.has(item) && linksAway(link)) group.away.push(item);
    group.members.add(item);
  }
  // Only the few big groups need the dearer checks: navigation, and where they stand.
  const ownArticle = closestTag(heading, ARTICLE);
  const found: CardGroups = {
    largest: 0,
    largestBesideArticle: 0,
    teasers: new Set(),
    teaserLists: new Set(),
  };
  for (const [list, { members, away }] of groups) {
    if (away.length >= MIN_TEASERS) {
      found.teaserLists.add(list);
      for (const item of away) if (!(heading && item.contains(heading))) found.teasers.add(item);
    }
    if (members.size < 6 || inChrome(list)) continue;
    if (isBeside(list, ownArticle))
      found.largestBesideArticle = Math.max(found.largestBesideArticle, members.size);
    else found.largest = Math.max(found.largest, members.size);
  }
  return found;
}

/** Dates shown in repeated items (a news list without headings still dates every entry), related blocks aside. */
export function datedItems(find: Finder, heading: Element | null, inChrome: ChromeTest): number {
  const items = new Set<Element>();
  const ownArticle = closestTag(heading, ARTICLE);
  const besideByList = new Map<Element, boolean>();
  const times = find('listTimes');
  for (let i = 0; i < times.length && i < MAX_TIMES; i++) {
    const item = closestTag(times[i], ITEM);
    const list = item?.parentElement;
    if (!item || !list || (heading && item.contains(heading))) continue;
    let beside = besideByList.get(list);
    if (beside === undefined) besideByList.set(list, (beside = isBeside(list, ownArticle) || inChrome(list)));
    if (!beside) items.add(item);
  }
  return items.size;
}
