/**
 * Finder: label–value pairs as publishers print them, in every common markup:
 *   <dt>Auteur(s)</dt><dd>…</dd><dd>…</dd>          definition lists
 *   <th>Published</th><td>…</td>                       tables
 *   <h2>Thema's</h2><ul><li>…</li></ul>                headings followed by a list or paragraph
 *   <p><strong>Publicatiejaar:</strong> 2020</p>       bold labels
 *   <p>Authors: A, B and C</p>                         plain "Label: value" lines
 * The label words, Dutch, English and German, are the detection's too (utils/detect/labels-vocabulary.ts);
 * the first occurrence of a field wins.
 */
import {
  labelWordField,
  labelWords,
  type LabelField as VocabularyField,
} from '@/utils/detect/labels-vocabulary';
import { cleanText, readText, shortText, textOf } from './text';

export type LabelField = Exclude<VocabularyField, 'citation' | 'vacancy' | 'event'>;

export interface LabelValue {
  /** The whole value as text. */
  text: string;
  /** The value's parts when the markup separates them (list items, links, several dd). */
  items: string[];
  /** Links in the value, resolved later by the caller. */
  hrefs: string[];
}

export type LabelIndex = Map<LabelField, LabelValue>;

/** The fields extraction reads a value of; the vocabulary's other words only mark a kind of page. */
const FIELDS = new Set<string>([
  'published',
  'authors',
  'themes',
  'type',
  'publisher',
  'keywords',
  'doi',
  'isbn',
]);

export function labelField(text: string): LabelField | undefined {
  const field = labelWordField(text);
  return field && FIELDS.has(field) ? (field as LabelField) : undefined;
}

/** Elements looked at; the check per element is a tag test and a look at its first text. */
const MAX_CANDIDATES = 20_000;
const MAX_VALUE = 600;
const CANDIDATES = 'dt, th, h2, h3, h4, h5, h6, strong, b, label, p, li, span, div';

/**
 * Site chrome: navigation, search, a sidebar's widgets (a blog's "Kategorien", its tag cloud under
 * "Schlagwörter": the site's, not this item's), the site footer (an article's own <footer> is content).
 */
function isChrome(el: Element): boolean {
  if (el.closest('nav, form, [role="navigation"], [role="contentinfo"], [role="search"], .widget'))
    return true;
  const footer = el.closest('footer');
  return Boolean(footer && !footer.closest('article, main, [role="main"]'));
}

/** Label–value pairs under `scope`, skipping elements `skip` says belong elsewhere (related cards). */
export function findLabels(
  scope: ParentNode,
  skip?: (el: Element) => boolean,
  candidates: ArrayLike<Element> = scope.querySelectorAll(CANDIDATES),
): LabelIndex {
  const found: LabelIndex = new Map();
  const count = Math.min(candidates.length, MAX_CANDIDATES);
  // A field already found is not read again: its value may cost a walk of a large parent, and a
  // page can repeat a label thousands of times under one.
  const wanted = (field: LabelField) => !found.has(field);
  for (let i = 0; i < count; i++) {
    const el = candidates[i];
    const pairs = readPairs(el, wanted);
    if (!pairs.length) continue;
    if (isChrome(el) || skip?.(el)) continue;
    for (const pair of pairs) if (!found.has(pair.field)) found.set(pair.field, pair.value);
  }
  return found;
}

type Pair = { field: LabelField; value: LabelValue };

/**
 * The class attribute as written. Not getAttribute('class') or className: some DOMs (linkedom)
 * answer those by building the element's token list.
 */
function classOf(el: Element): string {
  return el.getAttributeNode('class')?.value ?? '';
}

const LABEL_TAGS = new Set(['dt', 'th', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'label']);
const LINE_TAGS = new Set(['p', 'li', 'span', 'div']);
const LEADING_LABEL = /^[^:\n]{2,30}:/;

/** Cheapest checks first: this runs on thousands of elements per page. Values only of `wanted` fields. */
function readPairs(el: Element, wanted: (field: LabelField) => boolean = () => true): Pair[] {
  const tag = el.localName;
  const isLine = LINE_TAGS.has(tag);
  if (LABEL_TAGS.has(tag) || (isLine && /label/i.test(classOf(el))) || (tag === 'span' && isColonLabel(el))) {
    // A label is short: an element holding more text or nodes is none (read no further).
    const raw = shortText(el, 120);
    if (raw !== undefined) {
      const label = cleanText(raw, 60);
      const field = label ? labelField(label) : undefined;
      if (field && !wanted(field)) return [];
      if (field) {
        const value = labelValue(el, tag, label);
        return value && value.text ? [{ field, value }] : [];
      }
    }
  }
  if (!isLine) return [];
  const first = el.firstChild;
  if (!first || first.nodeType !== 3) return [];
  // Trimmed first: leading whitespace would make the pattern backtrack.
  const lead = (first.nodeValue ?? '').slice(0, 120).trimStart();
  if (LEADING_LABEL.test(lead)) return readLines(el, wanted);
  return labelBeforeLinks(el, lead, wanted);
}

/** First letters of the theme and keyword label words: most "text then link" lines are no label. */
const TOPIC_LABEL_LEADS = new Set(labelWords('themes', 'keywords').map((word) => word.slice(0, 3)));

/** <p class="tags">Onderwerpen <a>A</a> <a>B</a></p>: a theme or tag label without a colon, then links. */
function labelBeforeLinks(el: Element, lead: string, wanted: (field: LabelField) => boolean): Pair[] {
  // The text node is followed directly by the first link (cheap sibling test before any folding).
  if (lead.length > 40 || el.firstChild?.nextSibling?.nodeName.toLowerCase() !== 'a') return [];
  if (!TOPIC_LABEL_LEADS.has(lead.slice(0, 3).toLowerCase())) return [];
  const field = labelField(cleanText(lead, 40));
  // Only topic lists: "by <a>Name</a>" in any card would pass for the page's author.
  if ((field !== 'themes' && field !== 'keywords') || !wanted(field)) return [];
  const links = [...el.querySelectorAll('a[href]')].slice(0, 50);
  const items = links.map((a) => textOf(a, 200)).filter(Boolean);
  if (!items.length) return [];
  return [{ field, value: { text: cleanText(items.join(', '), MAX_VALUE), items, hrefs: hrefsOf(links) } }];
}

/** <span>Topics:</span> <a>…</a>: a bare span is a label only when it ends in a colon and has no children. */
function isColonLabel(el: Element): boolean {
  // One text child, read directly: cheaper than children and textContent in some DOMs.
  const first = el.firstChild;
  if (!first || first.nodeType !== 3 || first.nextSibling) return false;
  const raw = first.nodeValue ?? '';
  return raw.length <= 40 && /[:：]\s*$/.test(raw);
}

function labelValue(el: Element, tag: string, label: string): LabelValue | undefined {
  if (tag === 'dt') return ddValue(el);
  if (tag === 'th') return el.nextElementSibling ? valueOf(el.nextElementSibling) : undefined;
  const next = el.nextElementSibling;
  // <strong>Label:</strong> value, <span class="label">Topics</span> <a>A</a>, <a>B</a>: the rest of the parent.
  if (/^(?:strong|b|label|span)$/.test(tag) && (!next || next.localName === 'a' || next.localName === 'br')) {
    return inlineValue(el, label);
  }
  return next ? siblingRunValue(next) : inlineValue(el, label);
}

/**
 * The value after a label: the next element, or the run of like siblings that follows it
 * (<h3>Research areas</h3><a>A</a><a>B</a>; <p>Auteurs</p><div class="author">…</div><div class="author">…</div>).
 */
function siblingRunValue(first: Element): LabelValue {
  const run: Element[] = [first];
  const tag = first.localName;
  const className = classOf(first);
  for (let el = first.nextElementSibling; el && run.length < 50; el = el.nextElementSibling) {
    if (el.localName !== tag || classOf(el) !== className) break;
    run.push(el);
  }
  if (run.length === 1) return valueOf(first);
  const items = run.map((el) => textOf(nameElement(el), 200)).filter(Boolean);
  const links = run.flatMap((el) => (el.matches('a[href]') ? [el] : [...el.querySelectorAll('a[href]')]));
  return { text: cleanText(items.join(', '), MAX_VALUE), items, hrefs: hrefsOf(links) };
}

/** A person's name beside their role or photo caption (<span class="author__name">, itemprop=name). */
function nameElement(el: Element): Element {
  return el.querySelector('[itemprop="name"], [class*="__name"], [class*="-name"], [class$="name"]') ?? el;
}

/**
 * "Label: value" lines: the element's leading text, or each line of a block broken by <br>
 * ("Soort publicatie: Working paper<br>Datum: 5 juli 2021<br>Auteurs: A, B en C").
 */
function readLines(el: Element, wanted: (field: LabelField) => boolean): Pair[] {
  let hasBreak = false;
  // Sibling steps, not `children[i]`: some DOMs (linkedom) build the whole list on every access.
  for (let child = el.firstElementChild, i = 0; child && i < 60; child = child.nextElementSibling, i++) {
    if (child.localName === 'br') {
      hasBreak = true;
      break;
    }
  }
  if (!hasBreak) {
    const pair = lineToPair(textOf(el, MAX_VALUE + 40), () => [...el.querySelectorAll('a[href]')], wanted);
    return pair ? [pair] : [];
  }
  const pairs: Pair[] = [];
  let text = '';
  // The line's elements: their links are looked for only when the line is a wanted label.
  let parts: Element[] = [];
  const flush = () => {
    const elements = parts;
    const linksOf = () =>
      elements.flatMap((element) =>
        element.matches('a[href]') ? [element] : [...element.querySelectorAll('a[href]')],
      );
    const pair = lineToPair(cleanText(text, MAX_VALUE + 40), linksOf, wanted);
    if (pair) pairs.push(pair);
    text = '';
    parts = [];
  };
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length && i < 200; i++) {
    const node = nodes[i];
    if (node.nodeType === 1 && (node as Element).localName === 'br') {
      flush();
      continue;
    }
    text += node.nodeType === 1 ? readText(node, MAX_VALUE * 2).text : (node.textContent ?? '');
    if (node.nodeType === 1) parts.push(node as Element);
    if (text.length > MAX_VALUE * 2) break;
  }
  flush();
  return pairs;
}

/** `linksOf`: the line's links, asked for only when the line is a label of a wanted field. */
function lineToPair(
  line: string,
  linksOf: () => Element[],
  wanted: (field: LabelField) => boolean,
): Pair | undefined {
  const match = /^\s*([^:\n]{2,30}):\s*(.*)$/s.exec(line);
  if (!match) return undefined;
  const field = labelField(match[1]);
  const text = cleanText(match[2], MAX_VALUE);
  if (!field || !text || !wanted(field)) return undefined;
  const links = linksOf();
  const items = links
    .slice(0, 50)
    .map((a) => textOf(a, 200))
    .filter(Boolean);
  return { field, value: { text, items: items.length > 1 ? items : [], hrefs: hrefsOf(links) } };
}

function ddValue(dt: Element): LabelValue | undefined {
  const items: string[] = [];
  const hrefs: string[] = [];
  for (
    let dd = dt.nextElementSibling, n = 0;
    dd && dd.localName === 'dd' && n < 50;
    dd = dd.nextElementSibling, n++
  ) {
    const part = valueOf(dd);
    items.push(...(part.items.length ? part.items : [part.text]));
    hrefs.push(...part.hrefs);
  }
  if (!items.length) return undefined;
  return { text: cleanText(items.join(', '), MAX_VALUE), items: items.filter(Boolean), hrefs };
}

/** <strong>Label:</strong> value — the value is the rest of the parent, or the next sibling. */
function inlineValue(labelEl: Element, label: string): LabelValue | undefined {
  const parent = labelEl.parentElement;
  if (!parent) return undefined;
  const whole = textOf(parent, MAX_VALUE + 60);
  let rest = whole.startsWith(label) ? whole.slice(label.length) : '';
  rest = cleanText(rest.replace(/^\s*[:：]\s*/, ''), MAX_VALUE);
  if (!rest) return labelEl.nextElementSibling ? valueOf(labelEl.nextElementSibling) : undefined;
  const links = [...parent.querySelectorAll('a[href]')].filter((a) => !labelEl.contains(a));
  const items = links
    .slice(0, 50)
    .map((a) => textOf(a, 200))
    .filter(Boolean);
  return { text: rest, items: items.length > 1 ? items : [], hrefs: hrefsOf(links) };
}

/** The value in an element: list items, else links (when more than one), else the text. */
export function valueOf(el: Element): LabelValue {
  const text = textOf(el, MAX_VALUE);
  const tag = el.localName;
  const links = el.querySelectorAll('a[href]');
  if (tag === 'ul' || tag === 'ol') {
    // A person's name beside their role (<span itemprop="name">…</span> <span>Director</span>).
    const items = [...el.children]
      .slice(0, 50)
      .map((li) => textOf(nameElement(li), 200))
      .filter(Boolean);
    return { text, items, hrefs: hrefsOf(links) };
  }
  const items =
    links.length > 1
      ? [...links]
          .slice(0, 50)
          .map((a) => textOf(a, 200))
          .filter(Boolean)
      : [];
  return { text, items, hrefs: hrefsOf(links) };
}

function hrefsOf(links: ArrayLike<Element>): string[] {
  const out: string[] = [];
  for (let i = 0; i < links.length && i < 50; i++) {
    const href = links[i].getAttribute('href');
    if (href) out.push(href);
  }
  return out;
}
