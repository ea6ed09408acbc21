/**
 * Finder: label–value pairs as publishers print them, in every common markup:
 *   <dt>Auteur(s)</dt><dd>…</dd><dd>…</dd>          definition lists
 *   <th>Published</th><td>…</td>                       tables
 *   <h2>Thema's</h2><ul><li>…</li></ul>                headings followed by a list or paragraph
 *   <p><strong>Publicatiejaar:</strong> 2020</p>       bold labels
 *   <p>Authors: A, B and C</p>                         plain "Label: value" lines
 * The label words, Dutch and English, are data (LABEL_WORDS); the first occurrence of a field wins.
 */
import { cleanText, labelKey, textOf } from './text';

export type LabelField = 'published' | 'authors' | 'themes' | 'type' | 'publisher' | 'keywords' | 'doi' | 'isbn';

export interface LabelValue {
  /** The whole value as text. */
  text: string;
  /** The value's parts when the markup separates them (list items, links, several dd). */
  items: string[];
  /** Links in the value, resolved later by the caller. */
  hrefs: string[];
}

export type LabelIndex = Map<LabelField, LabelValue>;

/** Label words per field, as they appear on pages (folded before lookup). */
const LABEL_WORDS: Record<LabelField, string[]> = {
  published: [
    'publicatiejaar', 'jaar', 'jaar van uitgave', 'publicatiedatum', 'datum', 'datum publicatie', 'verschenen',
    'verschijningsdatum', 'gepubliceerd', 'gepubliceerd op', 'uitgegeven', 'published', 'published on', 'publication date',
    'date published', 'date', 'year', 'publication year', 'release date', 'released', 'issued',
  ],
  authors: [
    'auteur', 'auteurs', 'auteur s', 'auteur(s)', 'door', 'geschreven door', 'schrijver', 'schrijvers', 'onderzoekers',
    'author', 'authors', 'author s', 'by', 'written by', 'contributors', 'contributor', 'researchers',
  ],
  themes: [
    'thema', 'themas', 'thema s', "thema's", 'themes', 'theme', 'onderwerp', 'onderwerpen', 'topic', 'topics',
    'dossier', 'dossiers', 'research area', 'research areas', 'subject', 'subjects', 'issue area', 'issues',
  ],
  type: [
    'type', 'publicatietype', 'soort', 'soort publicatie', 'type publicatie', 'publication type', 'content type',
    'document type', 'documenttype', 'format', 'categorie',
  ],
  publisher: ['uitgever', 'uitgegeven door', 'publisher', 'published by', 'organisatie', 'organisation', 'organization'],
  keywords: ['trefwoorden', 'trefwoord', 'tags', 'tag', 'keywords', 'keyword', 'zoektermen'],
  doi: ['doi'],
  isbn: ['isbn', 'isbn 13', 'isbn13', 'e isbn', 'isbn print'],
};

const FIELD_BY_KEY = new Map<string, LabelField>();
for (const [field, words] of Object.entries(LABEL_WORDS) as [LabelField, string[]][]) {
  for (const word of words) FIELD_BY_KEY.set(labelKey(word), field);
}

export function labelField(text: string): LabelField | undefined {
  if (text.length > 40) return undefined;
  return FIELD_BY_KEY.get(labelKey(text));
}

const MAX_CANDIDATES = 4_000;
const MAX_VALUE = 600;
const CANDIDATES = 'dt, th, h2, h3, h4, h5, h6, strong, b, label, p, li, span, div[class*="label"], div[class*="meta"]';
const OUTSIDE = 'nav, footer, form, [role="navigation"], [role="contentinfo"], [role="search"]';

/** Label–value pairs under `scope`, skipping elements `skip` says belong elsewhere (related cards). */
export function findLabels(scope: ParentNode, skip?: (el: Element) => boolean): LabelIndex {
  const found: LabelIndex = new Map();
  const candidates = scope.querySelectorAll(CANDIDATES);
  const count = Math.min(candidates.length, MAX_CANDIDATES);
  for (let i = 0; i < count; i++) {
    const el = candidates[i];
    const pair = readPair(el);
    if (!pair || found.has(pair.field)) continue;
    if (el.closest(OUTSIDE) || skip?.(el)) continue;
    found.set(pair.field, pair.value);
  }
  return found;
}

function readPair(el: Element): { field: LabelField; value: LabelValue } | undefined {
  const tag = el.tagName.toLowerCase();
  if (tag === 'p' || tag === 'li' || tag === 'span' || tag === 'div') return readLine(el);
  // Cheap before textContent: labels are short elements without much inside.
  if (el.children.length > 3) return undefined;
  const label = textOf(el, 60);
  const field = label ? labelField(label) : undefined;
  if (!field) return undefined;
  let value: LabelValue | undefined;
  if (tag === 'dt') value = ddValue(el);
  else if (tag === 'th') value = el.nextElementSibling ? valueOf(el.nextElementSibling) : undefined;
  else if (tag === 'strong' || tag === 'b' || tag === 'label') value = inlineValue(el, label);
  else value = el.nextElementSibling ? valueOf(el.nextElementSibling) : undefined;
  return value && value.text ? { field, value } : undefined;
}

/** "Label: value" where the label is the leading text of a line (no markup around the label). */
function readLine(el: Element): { field: LabelField; value: LabelValue } | undefined {
  const first = el.firstChild;
  if (!first) return undefined;
  if (first.nodeType !== 3) {
    // <span class="label">Published</span><span>…</span> as siblings inside a div/span/li.
    const cls = el.getAttribute('class') ?? '';
    if (/label/i.test(cls) && el.children.length <= 1) {
      const label = textOf(el, 60);
      const field = labelField(label);
      const next = el.nextElementSibling;
      if (field && next) {
        const value = valueOf(next);
        if (value.text) return { field, value };
      }
    }
    return undefined;
  }
  const head = (first.nodeValue ?? '').slice(0, 80);
  const match = /^\s*([^:\n]{2,30}):\s*(.*)$/s.exec(head);
  if (!match) return undefined;
  const field = labelField(match[1]);
  if (!field) return undefined;
  const whole = textOf(el, MAX_VALUE + 40);
  const text = cleanText(whole.slice(whole.indexOf(':') + 1), MAX_VALUE);
  const links = el.querySelectorAll('a[href]');
  const items = [...links].slice(0, 50).map((a) => textOf(a, 200)).filter(Boolean);
  return text ? { field, value: { text, items, hrefs: hrefsOf(links) } } : undefined;
}

function ddValue(dt: Element): LabelValue | undefined {
  const items: string[] = [];
  const hrefs: string[] = [];
  for (let dd = dt.nextElementSibling, n = 0; dd && dd.tagName.toLowerCase() === 'dd' && n < 50; dd = dd.nextElementSibling, n++) {
    const part = valueOf(dd);
    items.push(...(part.items.length ? part.items : [part.text]));
    hrefs.push(...part.hrefs);
  }
  // <dt>Auteur(s)</dt> inside a <div> wrapper: the dd is the wrapper's next element's first child.
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
  return {
    text: rest,
    items: links.slice(0, 50).map((a) => textOf(a, 200)).filter(Boolean),
    hrefs: hrefsOf(links),
  };
}

/** The value in an element: list items, else links (when more than one), else the text. */
export function valueOf(el: Element): LabelValue {
  const text = textOf(el, MAX_VALUE);
  const tag = el.tagName.toLowerCase();
  const links = el.querySelectorAll('a[href]');
  if (tag === 'ul' || tag === 'ol') {
    const items = [...el.children].slice(0, 50).map((li) => textOf(li, 200)).filter(Boolean);
    return { text, items, hrefs: hrefsOf(links) };
  }
  const items = links.length > 1 ? [...links].slice(0, 50).map((a) => textOf(a, 200)).filter(Boolean) : [];
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
