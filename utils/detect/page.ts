/**
 * What the visible page says, read cheaply: the main heading and what stands right next to it,
 * publication labels, a PDF download, how much running text there is, and repeated cards.
 * Every query is bounded; nothing here reads layout or walks the whole text.
 */
import { evidenceLabelField, type LabelField } from './labels-vocabulary';
import { bylineOf } from './vocabulary';
import { startOfText } from './text-start';
import { wordTable } from './words';

const MAX_LABEL_CANDIDATES = 300;
const MAX_TEXT_NODES = 200;
// Markers (microdata, forms, calendar links, prices) are read in one pass: see pageMarkers.

/** What a label counts as evidence of: a publication's field, a vacancy's or an event's. */
const LABEL_KINDS: Record<LabelField, string> = {
  published: 'year',
  authors: 'author',
  themes: 'theme',
  keywords: 'theme',
  type: 'type',
  publisher: 'identifier',
  doi: 'identifier',
  isbn: 'identifier',
  citation: 'identifier',
  vacancy: 'vacancy',
  event: 'event',
};
const NUMERIC_DATE = /\b\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d\d\b|\b(19|20)\d\d-\d\d-\d\d\b/;
// "22 september 2020", "Sept. 2020", "March 4, 2024": a word, checked against month names below.
const WORD_DATE = /\b([a-z]{3,9})\.?\s+(\d{1,2},?\s+)?(19|20)\d\d\b/gi;
const MONTHS = new Set('jan|feb|mrt|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec'.split('|'));

/** Whether a short line states a date, Dutch or English, numeric or written out. */
function statesDate(line: string): boolean {
  if (NUMERIC_DATE.test(line)) return true;
  WORD_DATE.lastIndex = 0;
  for (let match = WORD_DATE.exec(line); match; match = WORD_DATE.exec(line)) {
    if (MONTHS.has(match[1].slice(0, 3).toLowerCase())) return true;
  }
  return false;
}

/** Places on a page that are chrome, not content: nav, footer, form, and these roles. */
const CHROME_TAGS = new Set(['nav', 'footer', 'form']);
const CHROME_ROLES = new Set(['navigation', 'search', 'dialog']);

/** Whether an element sits in some place: site chrome (navigation, footer, a form, a dialog), a teaser. */
export type ChromeTest = (el: Element) => boolean;

/**
 * Bounds on walks that step by parent and sibling: a form's controls can shadow its members
 * (<input name="parentElement">), which turns such a walk into a cycle on a hostile page.
 */
const MAX_DEPTH = 1_000;
const MAX_MARKUP_NODES = 5_000;

/**
 * A test of whether an element or one of its ancestors matches, for one check, that remembers every
 * ancestor it has seen: hundreds of paragraphs share a few dozen ancestors, and some DOMs
 * (linkedom) compile a selector on every closest().
 */
export function ancestorTest(matches: (node: Element) => boolean): ChromeTest {
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let answer = false;
    for (
      let node: Element | null = el, depth = 0;
      node && depth < MAX_DEPTH;
      node = node.parentElement, depth++
    ) {
      const seen = known.get(node);
      if (seen !== undefined) {
        answer = seen;
        break;
      }
      path.push(node);
      if (matches(node)) {
        answer = true;
        break;
      }
    }
    for (const node of path) known.set(node, answer);
    return answer;
  };
}

/** Whether an element sits in site chrome (navigation, footer, a form, a dialog). */
export function chromeTest(): ChromeTest {
  return ancestorTest(
    (node) =>
      CHROME_TAGS.has(node.localName) ||
      CHROME_ROLES.has(node.getAttribute('role') ?? '') ||
      node.getAttribute('aria-modal') === 'true',
  );
}

/**
 * What the check looks for in the page body, by name, as CSS. The content script asks the DOM for
 * these; the extractor filters the elements it has already walked by the same conditions written
 * out (walked.ts), which keeps those conditions out of the content script.
 */
export const QUERIES = {
  pdfLinks: 'a[href*=".pdf"], a[href*=".PDF"]',
  text: 'p, pre, article',
  articles: 'article',
  cardHeadings: 'h2, h3, h4, h5',
  listTimes: 'li time, article time, li [itemprop="datePublished"]',
  markers:
    '[itemscope][itemtype], input[type="search"], input[type="password"], [role="search"], form[action*="search"], form[action*="zoek"], ' +
    'form[action*="suche"], form[action*="Suche"], ' +
    'form[action*="cart"], a[href$=".ics"], a[href*=".ics?"], a[href*="calendar.google.com/calendar/render"], ' +
    'a[href*="outlook.live.com/calendar"], [itemprop="price"], [data-add-to-cart], button[name="add-to-cart"]',
};
export type Query = keyof typeof QUERIES;
/** The elements that match a query, in document order. */
export type Finder = (query: Query) => ArrayLike<Element>;

/**
 * The element or its nearest ancestor with one of these tags: `closest('li, article')` written out
 * (some DOMs, such as linkedom, compile the selector on every call).
 */
export function closestTag(el: Element | null | undefined, tags: ReadonlySet<string>): Element | null {
  for (let node = el, depth = 0; node && depth < MAX_DEPTH; node = node.parentElement, depth++)
    if (tags.has(node.localName)) return node;
  return null;
}

/** Sibling links, not `parent.children.length`: that counts every card of a 20,000-card list. */
export function isOnlyChild(el: Element): boolean {
  return !el.previousElementSibling && !el.nextElementSibling;
}

/** The start of an element's text, whitespace folded, reading no further than `max` characters. */
export function text(el: Element | null | undefined, max = 400): string {
  return startOfText(el, max);
}

export interface HeadingContext {
  byline: boolean;
  date: boolean;
  /** What the line just above the heading says the page is ("Rapport", "Vacature", "Event"), folded. */
  kind?: 'publication' | 'vacancy' | 'calendar' | 'hub';
}

/** `body, main, article, [role="main"]`: the byline row is looked for below these. */
const MAIN_REGION = new Set(['body', 'main', 'article']);

/** Kicker words above a heading, by the kind of page they announce. */
const KICKERS = wordTable(
  'publication: essay|rapport|report|policy brief|advies|blog|artikel|article|commentary|analysis|analyse|' +
    'working paper|publicatie|publication|verkenning|notitie|boek|book|research|research report|briefing|' +
    'briefing paper|opinie|column|interview|brief;' +
    'vacancy: vacature|vacancy|job|job opening;' +
    'calendar: evenement|event|bijeenkomst|webinar|debat|public debate|conference|congres|symposium|lezing;' +
    'hub: thema|topic|onderwerp|dossier',
) as Map<string, HeadingContext['kind']>;

/**
 * A byline or date right beside the main heading: in the few elements around it, not in lists or
 * card grids further down (a listing has dates too, but in its cards). `isTeaser`: whether an
 * element is a teaser of another page or a row of them (cards.ts), which lends the heading nothing.
 */
export function headingContext(heading: Element, isTeaser: ChromeTest = () => false): HeadingContext {
  let anchor: Element = heading;
  // Climb wrappers that hold only the heading (<div class="title"><h1>…</h1></div>).
  for (let i = 0; i < 3 && anchor.parentElement && isOnlyChild(anchor); i++) {
    anchor = anchor.parentElement;
  }
  const result: HeadingContext = { byline: false, date: false };
  const kicker = anchor.previousElementSibling;
  if (kicker && !hasMoreChildren(kicker, 2)) {
    result.kind = KICKERS.get(
      text(kicker, 60)
        .replace(/[\s·|:-]+$/, '')
        .toLowerCase(),
    );
  }
  inspectNeighbours(anchor, result, isTeaser);
  // The byline row may sit a level or two up, beside the heading's own row or column.
  let level: Element | null = anchor;
  for (let i = 0; i < 2 && !(result.byline && result.date); i++) {
    level = level.parentElement;
    if (!level || MAIN_REGION.has(level.localName) || level.getAttribute('role') === 'main') break;
    inspectNeighbours(level, result, isTeaser);
  }
  return result;
}

/** Tags of neighbours that are no line of the heading's: lists, tables, navigation, forms, sections, code. */
const NOT_A_LINE = new Set(['ul', 'ol', 'table', 'nav', 'form', 'section', 'script', 'style']);
/** `[rel~="author"]`: the word in the rel list, in any case, as selectors match rel in HTML. */
const AUTHOR_REL = /(?:^|\s)author(?:$|\s)/i;

/** Whether an element has more than `max` element children (without building the list of them). */
function hasMoreChildren(el: Element, max: number): boolean {
  let count = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (++count > max) return true;
  return false;
}

/**
 * Raises `found.byline` or `found.date` where `el` or an element inside it is marked as such:
 * `[rel~="author"], [itemprop="author"], [class*="byline"]` (on `el` itself also
 * `[class*="author"]`); `time[datetime], [itemprop="datePublished"]`. One walk of the subtree, the
 * selectors' conditions written out (some DOMs, such as linkedom, compile a selector per call).
 */
function readMarkup(el: Element, found: HeadingContext): void {
  for (
    let node: Element | null = el, visited = 0;
    node && !(found.byline && found.date) && visited < MAX_MARKUP_NODES;
  ) {
    if (node.hasAttributes()) {
      const itemprop = node.getAttribute('itemprop');
      if (!found.byline) {
        const className = node.getAttributeNode('class')?.value ?? '';
        found.byline =
          itemprop === 'author' ||
          className.includes('byline') ||
          (node === el && className.includes('author')) ||
          AUTHOR_REL.test(node.getAttribute('rel') ?? '');
      }
      if (!found.date)
        found.date =
          itemprop === 'datePublished' || (node.localName === 'time' && node.hasAttribute('datetime'));
    }
    // Next in document order, within el.
    let next: Element | null = node.firstElementChild;
    while (!next && node && node !== el && visited++ < MAX_MARKUP_NODES) {
      next = node.nextElementSibling;
      if (!next) node = node.parentElement;
    }
    node = next;
    visited++;
  }
}

function inspectNeighbours(anchor: Element, result: HeadingContext, isTeaser: ChromeTest): void {
  const neighbours: Element[] = [];
  for (let el = anchor.previousElementSibling, i = 0; el && i < 2; el = el.previousElementSibling, i++)
    neighbours.push(el);
  for (let el = anchor.nextElementSibling, i = 0; el && i < 4; el = el.nextElementSibling, i++)
    neighbours.push(el);
  for (const el of neighbours) {
    if (result.byline && result.date) return;
    // A list or grid beside the heading is navigation or cards, not the heading's own line; nor is
    // a teaser of another page, or a row of them.
    if (NOT_A_LINE.has(el.localName) || hasMoreChildren(el, 8) || isTeaser(el)) continue;
    const line = text(el, 300);
    if (line.length > 280) continue;
    if (!result.byline && bylineOf(line) !== undefined) result.byline = true;
    if (!result.date && statesDate(line)) result.date = true;
    readMarkup(el, result);
  }
}

/**
 * Elements that may be labels: inside the main region when the page marks one, so a mega-menu
 * cannot use up the budget. (walked.ts reads the same from the extractor's walk.)
 */
export function labelCandidates(doc: Document): ArrayLike<Element> {
  const scope = doc.querySelector('main, [role="main"]') ?? doc;
  return scope.querySelectorAll(
    'dt, th, h2, h3, h4, h5, h6, strong, b, p, li, span[class*="label"], div[class*="label"]',
  );
}

/**
 * Distinct kinds of label on the page: a publication's (year, author, theme, type, identifier), a
 * vacancy's or an event's. Not those `elsewhere`: in site chrome, or in teasers of other pages.
 */
export function publicationLabels(
  doc: Document,
  heading: Element | null,
  elsewhere: ChromeTest,
  candidates = labelCandidates(doc),
): string[] {
  const kinds = new Set<string>();
  for (let i = 0; i < candidates.length && i < MAX_LABEL_CANDIDATES; i++) {
    const el = candidates[i];
    const kind = labelKind(text(el, 60));
    if (!kind || kinds.has(kind)) continue;
    // Filter facets on an overview ("Thema's" above checkboxes) are labels of a search, not of a work.
    if (elsewhere(el) || el.parentElement?.querySelector('input, select')) continue;
    kinds.add(kind);
  }
  // "Soort publicatie: Advies<br>Auteurs: …" in a plain block under the heading: line by line.
  for (
    let block = heading?.nextElementSibling, i = 0;
    block && i < 3;
    block = block.nextElementSibling, i++
  ) {
    if (elsewhere(block)) continue;
    const lines = block.childNodes;
    for (let j = 0; j < lines.length && j < 40; j++) {
      const kind =
        lines[j].nodeType === 3 ? labelKind((lines[j].textContent ?? '').slice(0, 60).trim()) : undefined;
      if (kind) kinds.add(kind);
    }
  }
  return [...kinds];
}

/** The kind of label a short text is: "Auteur(s)", "Thema's:" or "Publicatiedatum: 25 november 2021". */
function labelKind(content: string): string | undefined {
  if (!content) return undefined;
  const field = evidenceLabelField(content);
  if (field) return LABEL_KINDS[field];
  const colon = content.indexOf(':');
  const before = colon > 0 && colon <= 40 ? evidenceLabelField(content.slice(0, colon)) : undefined;
  return before && LABEL_KINDS[before];
}

/** Links to a PDF: one to a few is a download of this work; dozens is a list of them. */
export function pdfLinkCount(find: Finder, inChrome: ChromeTest): number {
  let count = 0;
  const links = find('pdfLinks');
  for (let i = 0; i < links.length && i < 50; i++) {
    if (!inChrome(links[i])) count++;
  }
  return count;
}

const LIST_ITEM = new Set(['li', 'article']);

/**
 * Readability's isProbablyReaderable measure, bounded: the square roots of the lengths of long
 * paragraphs (over 140 characters), outside navigation, dialogs and teasers of other pages
 * (`inTeaser`), stopping once clearly long.
 */
export function runningTextScore(
  find: Finder,
  heading: Element | null,
  inChrome: ChromeTest,
  inTeaser: ChromeTest = () => false,
): number {
  let score = 0;
  const nodes = find('text');
  const articles = find('articles').length;
  // Bounded by nodes visited, skipped ones included, so 20,000 teasers cost no more than 200.
  for (let i = 0; i < nodes.length && i < MAX_TEXT_NODES && score < 80; i++) {
    const node = nodes[i];
    // A grid of article cards is not one long text: count an <article> only when it is the page's own.
    if (node.tagName === 'ARTICLE' && articles > 1 && !(heading && node.contains(heading))) continue;
    // Teasers in list items or in other articles' cards belong to those items, not to this page.
    if (node.tagName === 'P') {
      const card = closestTag(node, LIST_ITEM);
      if (card && (card.tagName === 'LI' || (articles > 1 && !(heading && card.contains(heading))))) continue;
    }
    if (inChrome(node) || inTeaser(node)) continue;
    // Capped: past 3,000 characters one node already counts as clearly long.
    const length = text(node, 3000).length;
    if (length >= 140) score += Math.sqrt(length - 140);
  }
  return score;
}
