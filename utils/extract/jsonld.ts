/**
 * Finder: JSON-LD blocks parsed once per extraction. Each block is parsed on its own, so one
 * malformed block (a stray comma, an unescaped quote) costs only itself. `@graph`, arrays and
 * nested objects are flattened to a node list; `@id` references resolve through an index.
 */

/** Bytes of JSON-LD read in total; a page with more is hostile or broken, not richer. */
export const MAX_JSONLD_BYTES = 512 * 1024;
const MAX_BLOCKS = 30;
const MAX_NODES = 2_000;
const MAX_DEPTH = 6;

export type JsonNode = Record<string, unknown>;

export interface JsonLdIndex {
  nodes: JsonNode[];
  byId: Map<string, JsonNode>;
  /** The node that describes the page's publication, if any. */
  main?: JsonNode;
}

/** Types that describe a publication, best first. */
const PUBLICATION_TYPES = [
  'scholarlyarticle',
  'report',
  'book',
  'chapter',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'blogposting',
  'article',
  'techarticle',
  'socialmediaposting',
  'creativework',
  'thesis',
  'publicationissue',
  'webpage',
  'itempage',
  'aboutpage',
];

export function typesOf(node: JsonNode): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

export function indexJsonLd(allScripts: ArrayLike<Element>): JsonLdIndex {
  const index: JsonLdIndex = { nodes: [], byId: new Map() };
  const scripts = Array.from(allScripts).filter((script) =>
    /^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? ''),
  );
  let budget = MAX_JSONLD_BYTES;
  for (let i = 0; i < scripts.length && i < MAX_BLOCKS && budget > 0; i++) {
    const raw = scripts[i].textContent ?? '';
    // A block over the budget is skipped unparsed; smaller blocks after it are still read.
    if (raw.length > budget) continue;
    budget -= raw.length;
    let parsed: unknown;
    try {
      // CMSes wrap blocks in HTML comments or CDATA sections; JSON.parse accepts neither.
      parsed = JSON.parse(
        raw.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/g, ''),
      );
    } catch {
      continue;
    }
    collect(parsed, index, 0);
  }
  index.main = pickMain(index.nodes);
  return index;
}

function collect(value: unknown, index: JsonLdIndex, depth: number): void {
  if (depth > MAX_DEPTH || index.nodes.length >= MAX_NODES || value === null || typeof value !== 'object')
    return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 200)) collect(item, index, depth + 1);
    return;
  }
  const node = value as JsonNode;
  if (node['@type'] !== undefined) {
    index.nodes.push(node);
    const id = node['@id'];
    if (typeof id === 'string' && !index.byId.has(id)) index.byId.set(id, node);
  }
  if (node['@graph'] !== undefined) collect(node['@graph'], index, depth + 1);
  // Nested publications (WebPage.mainEntity, ItemList) are nodes too; authors/publishers are reached by reference.
  for (const key of ['mainEntity', 'mainEntityOfPage', 'hasPart', 'isPartOf', 'itemListElement', 'item']) {
    const child = node[key];
    if (child && typeof child === 'object') collect(child, index, depth + 1);
  }
}

function pickMain(nodes: JsonNode[]): JsonNode | undefined {
  let best: JsonNode | undefined;
  let bestRank = Infinity;
  for (const node of nodes) {
    for (const type of typesOf(node)) {
      const rank = PUBLICATION_TYPES.indexOf(type);
      if (rank >= 0 && rank < bestRank) {
        best = node;
        bestRank = rank;
      }
    }
  }
  return best;
}

/** Resolve `{ "@id": ... }` references to the full node when the graph has it. */
export function resolve(index: JsonLdIndex, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as JsonNode)['@id'];
    if (typeof id === 'string' && Object.keys(value).length <= 2) return index.byId.get(id) ?? value;
  }
  return value;
}

/** Strings of a JSON-LD value: a string, a `name`, or arrays of either. */
export function namesOf(index: JsonLdIndex, value: unknown, depth = 0): string[] {
  if (depth > 3 || value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.slice(0, 100).flatMap((item) => namesOf(index, item, depth + 1));
  if (typeof value === 'object') {
    const node = resolve(index, value) as JsonNode;
    const name = node.name ?? node.headline ?? node['@value'];
    if (typeof name === 'string') return [name];
    if (Array.isArray(name)) return namesOf(index, name, depth + 1);
    const given = node.givenName;
    const family = node.familyName;
    if (typeof given === 'string' || typeof family === 'string') {
      return [[given, family].filter((part) => typeof part === 'string').join(' ')];
    }
  }
  return [];
}

/** A property of the main publication node, with `@id` references resolved. */
export function mainValue(index: JsonLdIndex, key: string): unknown {
  return index.main ? resolve(index, index.main[key]) : undefined;
}
