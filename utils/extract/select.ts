/**
 * Selector queries answered from the element index (elements.ts) instead of the DOM: some DOMs
 * (linkedom) compile the selector and walk the whole tree on every query, so the field rules'
 * repeated `querySelector(All)` calls cost a walk each. Only selector lists of tag and attribute
 * tests (=, ~=, *=) on a few attributes are read here (what the rules ask); anything else, an
 * index that does not hold the whole page, or a scope outside it is asked of the DOM, so the
 * answer is always the DOM's.
 */
import type { ElementIndex } from './elements';

/** What a test reads of the element at a position of the index: its tag, an attribute as written. */
interface Reader {
  tags: string[];
  attribute(name: string, at: number): string | null;
}

type Test = (reader: Reader, at: number) => boolean;

/** A selector list: the tags it asks for alone, and its other compound selectors (all need an attribute). */
interface Compiled {
  tags: Set<string>;
  /** `*` alone: every element. */
  any: boolean;
  withAttributes: Test[];
}

/** One compound selector's parts: a tag, then `[name]`, `[name="value"]`, `[name~="value"]`, `[name*="value"]`. */
const PART = /([a-z][a-z0-9]*|\*)|\[([a-z][\w-]*)(?:([~*]?=)"([^"\\]*)")?\]/iy;
/** What CSS separates `~=` words by: not every JavaScript space (no-break space is a letter here). */
const CSS_SPACE = /[ \t\n\f\r]/;
/** Attributes read here: `rel` matches case-insensitively in HTML, these case-sensitively. */
const ATTRIBUTES =
  /^(?:rel|class|id|itemprop|itemscope|itemtype|href|role|name|datetime|(?:aria|data)-[\w-]+)$/;

/** Whether a space-separated list holds `word` (what `~=` asks), without splitting it. */
function holdsWord(list: string, word: string): boolean {
  for (let at = list.indexOf(word); at >= 0; at = list.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || CSS_SPACE.test(list[at - 1])) && (end === list.length || CSS_SPACE.test(list[end])))
      return true;
  }
  return false;
}

function attributeTest(name: string, op: string | undefined, raw: string): Test | undefined {
  if (!ATTRIBUTES.test(name)) return undefined;
  const ignoreCase = name === 'rel';
  const value = ignoreCase ? raw.toLowerCase() : raw;
  const read = (reader: Reader, at: number) => {
    const found = reader.attribute(name, at);
    return ignoreCase ? found?.toLowerCase() : found;
  };
  if (!op) return (reader, at) => reader.attribute(name, at) !== null;
  if (op === '=') return (reader, at) => read(reader, at) === value;
  // An empty value, or (~=) one with a space, matches nothing.
  if (!value || (op === '~=' && CSS_SPACE.test(value))) return () => false;
  return op === '~='
    ? (reader, at) => {
        const found = read(reader, at);
        return found ? holdsWord(found, value) : false;
      }
    : (reader, at) => !!read(reader, at)?.includes(value);
}

/** A compound selector's tag (undefined: any) and attribute tests, or undefined when it has parts this reader does not know. */
function compound(
  selector: string,
): { tag?: string; tests: Test[]; single?: [string, string, string] } | undefined {
  const tests: Test[] = [];
  let single: [string, string, string] | undefined;
  let tag: string | undefined;
  PART.lastIndex = 0;
  while (PART.lastIndex < selector.length) {
    const at = PART.lastIndex;
    const part = PART.exec(selector);
    if (!part || (part[1] && at > 0)) return undefined;
    if (part[1]) tag = part[1] === '*' ? undefined : part[1].toLowerCase();
    else {
      const name = part[2].toLowerCase();
      const test = attributeTest(name, part[3], part[4] ?? '');
      if (!test) return undefined;
      tests.push(test);
      single =
        (part[3] === '*=' || part[3] === '=') && part[4] && name !== 'rel'
          ? [name, part[3], part[4]]
          : undefined;
    }
  }
  // `[name*="value"]` or `[name="value"]` alone: tested with the list's others on the same attribute at once.
  return { tag, tests, single: tag === undefined && tests.length === 1 ? single : undefined };
}

const compiled = new Map<string, Compiled | null>();

/** A selector list as tags and tests, or null when a part of it is not one this reader knows. */
function compile(selector: string): Compiled | null {
  let known = compiled.get(selector);
  if (known === undefined) {
    const parts = selector.split(',').map((part) => compound(part.trim()));
    known = null;
    if (parts.every(Boolean)) {
      known = { tags: new Set(), any: false, withAttributes: [] };
      const substrings = new Map<string, string[]>();
      const values = new Map<string, Set<string>>();
      for (const { tag, tests, single } of parts as NonNullable<ReturnType<typeof compound>>[]) {
        if (single?.[1] === '*=')
          substrings.set(single[0], [...(substrings.get(single[0]) ?? []), single[2]]);
        else if (single) values.set(single[0], new Set([...(values.get(single[0]) ?? []), single[2]]));
        else if (!tests.length) {
          if (tag === undefined) known.any = true;
          else known.tags.add(tag);
        } else
          known.withAttributes.push((reader, at) => {
            if (tag !== undefined && reader.tags[at] !== tag) return false;
            for (let k = 0; k < tests.length; k++) if (!tests[k](reader, at)) return false;
            return true;
          });
      }
      for (const [name, exact] of values)
        known.withAttributes.unshift((reader, at) => exact.has(reader.attribute(name, at) ?? ''));
      for (const [name, parts] of substrings) {
        const pattern = new RegExp(
          parts.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
        );
        known.withAttributes.unshift((reader, at) => {
          const value = reader.attribute(name, at);
          return value !== null && pattern.test(value);
        });
      }
    }
    compiled.set(selector, known);
  }
  return known;
}

export interface Selector {
  /** What `scope.querySelectorAll(selector)` gives (scope: the page by default), in document order. */
  all(selector: string, scope?: Element): ArrayLike<Element>;
  /** What `scope.querySelector(selector)` gives. */
  first(selector: string, scope?: Element): Element | null;
}

/**
 * An attribute as written. A form's control shadows the form's method (<input
 * name="getAttributeNode">): then the method is its prototype's, so the answer is still the DOM's.
 */
function attributeOf(el: Element, name: string): string | null {
  let read: unknown = el.getAttributeNode;
  for (
    let proto = Object.getPrototypeOf(el);
    typeof read !== 'function' && proto;
    proto = Object.getPrototypeOf(proto)
  )
    read = Object.getOwnPropertyDescriptor(proto, 'getAttributeNode')?.value;
  return typeof read === 'function'
    ? ((read as Element['getAttributeNode']).call(el, name)?.value ?? null)
    : null;
}

/** Positions (in index.all) of the elements a selector list matches: every element of the page, in plain loops. */
function scan(index: ElementIndex, { tags, any, withAttributes }: Compiled): number[] {
  const reader: Reader = { tags: index.tags, attribute: (name, at) => attributeOf(index.all[at], name) };
  const found: number[] = [];
  const byTag = tags.size > 0;
  for (let i = 0; i < index.all.length; i++) {
    if (any || (byTag && tags.has(index.tags[i]))) {
      found.push(i);
      continue;
    }
    const el = index.all[i];
    // No attribute, no match. A form's <input name="hasAttributes"> shadows the method: test such a form.
    if (!withAttributes.length || (typeof el.hasAttributes === 'function' && !el.hasAttributes())) continue;
    for (let k = 0; k < withAttributes.length; k++)
      if (withAttributes[k](reader, i)) {
        found.push(i);
        break;
      }
  }
  return found;
}

/** Queries over `doc`, from `index` where it holds the whole page. */
export function selector(doc: Document, index: ElementIndex): Selector {
  const matches = new Map<string, number[]>();
  const ranges = new Map<Element, [number, number] | null>();
  /** Positions (in index.all) of the elements matching a known selector, found once per page. */
  const positions = (test: Compiled, selector: string): number[] => {
    let found = matches.get(selector);
    if (!found) matches.set(selector, (found = scan(index, test)));
    return found;
  };
  /** The positions an element's descendants take in index.all. */
  const range = (scope: Element): [number, number] | null => {
    let known = ranges.get(scope);
    if (known === undefined) {
      const start = index.all.indexOf(scope);
      let after: Element | null = null;
      for (let el: Element | null = scope; el && !after; el = el.parentElement) after = el.nextElementSibling;
      const end = after ? index.all.indexOf(after, start) : index.all.length;
      known = start < 0 || end < 0 ? null : [start + 1, end];
      ranges.set(scope, known);
    }
    return known;
  };
  /** The matches' positions and where the scope's first one is in them, or null to ask the DOM. */
  const matchesIn = (selector: string, scope?: Element) => {
    const test = index.whole ? compile(selector) : null;
    const bounds = test && scope ? range(scope) : [0, index.all.length];
    if (!test || !bounds) return null;
    const found = positions(test, selector);
    // Positions ascend: the scope's first by binary search.
    let low = 0;
    for (let high = found.length; low < high;) {
      const mid = (low + high) >>> 1;
      if (found[mid] < bounds[0]) low = mid + 1;
      else high = mid;
    }
    return { found, low, end: bounds[1] };
  };
  const all = (selector: string, scope?: Element): ArrayLike<Element> => {
    const span = matchesIn(selector, scope);
    if (!span) return (scope ?? doc).querySelectorAll(selector);
    const out: Element[] = [];
    for (let k = span.low; k < span.found.length && span.found[k] < span.end; k++)
      out.push(index.all[span.found[k]]);
    return out;
  };
  // The first match alone, without the list of all of them.
  const first = (selector: string, scope?: Element): Element | null => {
    const span = matchesIn(selector, scope);
    if (!span) return (scope ?? doc).querySelector(selector);
    const at = span.found[span.low];
    return at !== undefined && at < span.end ? index.all[at] : null;
  };
  return { all, first };
}
