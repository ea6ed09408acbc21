/** Field: authors, one person (or authoring body) per item, in page order. */
import { cleanAuthors, cleanPersonList } from './authors';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf, resolve, typesOf, type JsonNode } from './jsonld';
import { allMeta, firstMeta } from './meta';
import { extractPublisher } from './publisher';
import { extractType } from './type';
import { fold, readableText, textOf } from './text';
import { BYLINE_LINE, BYLINE_PREFIX_ONLY, bylineOf } from '@/utils/detect/vocabulary';
import { siteNames } from './site-names';

const MAX_BYLINE_NODES = 300;
/** Reader comments (not an article of class "commentary"). */
const COMMENTS = '#comments, [id^="comment"], [class*="comment"]:not([class*="commentary"])';
const BYLINE_SELECTOR =
  '[rel~="author"], [itemprop="author"], [class*="byline"], [id*="byline"], [class*="author"], [class*="Author"], [class*="writtenby"], [class*="p-author"]';

function jsonLdAuthors(ctx: ExtractionContext): unknown {
  const author = mainValue(ctx.jsonLd, 'author');
  return namesOf(ctx.jsonLd, author).length ? author : mainValue(ctx.jsonLd, 'creator');
}

/** Every author node is an organisation (many CMSes put the site there by default). */
function onlyOrganisations(ctx: ExtractionContext, value: unknown): boolean {
  const nodes = (Array.isArray(value) ? value : [value])
    .slice(0, 50)
    .map((item) => resolve(ctx.jsonLd, item));
  return (
    nodes.length > 0 &&
    nodes.every((node) => {
      if (!node || typeof node !== 'object') return false;
      return typesOf(node as JsonNode).some((type) =>
        /organi[sz]ation|corporation|governmentorganization|ngo|researchorganization|educationalorganization/.test(
          type,
        ),
      );
    })
  );
}

/** JSON-LD persons; an organisation only waits for the page's own byline (see fromJsonLdOrganisation). */
const fromJsonLd: Rule<string[]> = (ctx) => {
  const value = jsonLdAuthors(ctx);
  return onlyOrganisations(ctx, value) ? undefined : namesOf(ctx.jsonLd, value);
};

/** The JSON-LD organisation as author, when the page names no person ("Door Jan de Vries" beats it). */
const fromJsonLdOrganisation: Rule<string[]> = (ctx) => {
  const value = jsonLdAuthors(ctx);
  return onlyOrganisations(ctx, value) ? namesOf(ctx.jsonLd, value) : undefined;
};

const fromLabels: Rule<string[]> = (ctx) => {
  const value = ctx.labels.get('authors');
  if (!value) return undefined;
  return value.items.length ? value.items : [value.text];
};

/** URLs and handles are not names ("https://facebook.com/x", "@x"). */
const AUTHOR_META = [
  'article:author',
  'parsely-author',
  'sailthru.author',
  'byl',
  'author',
  'dc.contributor',
];
/**
 * The first author tag that names someone: article:author is often a profile URL (skipped), and
 * a plain `author` tag often the publishing house ("Condé Nast" on every Pitchfork page), so the
 * article's own tags come first.
 */
const fromAuthorMeta: Rule<string[]> = (ctx) => {
  for (const key of AUTHOR_META) {
    const names = allMeta(ctx.meta, key).filter((value) => !/^(?:https?:|@)/.test(value));
    if (names.length) return names;
  }
  return undefined;
};

const HIDDEN = '[hidden], [style*="display: none"], [style*="display:none"]';
/**
 * Outside the article: a related block, navigation or the site's footer. An article's own footer
 * (<article><footer>von Anna · 3. Mai</footer></article>) is where many themes put the byline.
 */
function bylineElsewhere(ctx: ExtractionContext, el: Element): boolean {
  // A byline the theme hides (a microformat copy, style="display: none") is no one the reader sees.
  if (el.closest(HIDDEN)) return true;
  if (!ctx.isElsewhere(el)) return false;
  if (ctx.relatedBlocks.some((block) => block.contains(el))) return true;
  if (el.closest('nav, [role="navigation"], [role="contentinfo"]')) return true;
  return !el.closest('footer')?.parentElement?.closest('article');
}

/** Byline elements: rel=author, itemprop=author, class "byline"/"author" — short text only. */
const fromBylineElements: Rule<string[]> = (ctx) => {
  const nodes = ctx.doc.querySelectorAll(BYLINE_SELECTOR);
  const found: string[] = [];
  const accepted: Element[] = [];
  const failed: Element[] = [];
  for (let i = 0; i < nodes.length && i < MAX_BYLINE_NODES; i++) {
    const el = nodes[i];
    if (bylineElsewhere(ctx, el) || el.closest(`header[role="banner"], ${COMMENTS}`)) continue;
    if (accepted.some((outer) => outer.contains(el))) continue;
    // A box that yields no name ("By Oli Coleman View author archive …") leaves to its inner
    // elements only a line that is a byline ("By Oli Coleman"), not its other widgets' names.
    const inFailed = failed.some((outer) => outer.contains(el));
    const text = inFailed && !BYLINE_LINE.test(textOf(el, 200)) ? undefined : bylineName(el);
    if (!text) {
      if (!inFailed) failed.push(el);
      continue;
    }
    accepted.push(el);
    found.push(text);
    // The first byline block is the article's; later ones are usually other articles' cards.
    if (!el.matches('[rel~="author"], [itemprop="author"]')) break;
  }
  return found;
};

/**
 * The name in a byline element: its itemprop=name, its own text, or, when the row also holds a
 * date or counts ("by Lucas Nolan 22 Dec 2016 651"), the author element inside it.
 */
function bylineName(el: Element): string | undefined {
  const usable = (text: string) => text && text.length <= 100 && cleanAuthors([text], true).length > 0;
  const listed = listedNames(el);
  if (listed) return listed;
  const text = textOf(el.querySelector('[itemprop="name"]') ?? el, 200);
  if (usable(text)) return text;
  const inner = el.querySelector(
    '[rel~="author"], [class*="byauthor"], [class*="author-name"], [class*="author__name"]',
  );
  const innerText = inner ? textOf(inner, 200) : '';
  return usable(innerText) ? innerText : undefined;
}

/**
 * A byline that lists people one per item, each with a role or photo beside the name
 * (<li><a>Jan de Vries</a><span class="role">Onderzoeker</span></li>): the names, one per line.
 * Text alone would run name and role together ("Jan de VriesOnderzoeker").
 */
function listedNames(el: Element): string | undefined {
  // Only the byline's own list: its items, or those of a list directly inside it.
  const lists = /^(?:ul|ol)$/i.test(el.tagName)
    ? [el]
    : [...el.children].filter((child) => /^(?:ul|ol)$/i.test(child.tagName));
  const items = lists.flatMap((list) =>
    [...list.children].filter((child) => child.tagName.toLowerCase() === 'li'),
  );
  if (items.length < 1 || items.length > 12) return undefined;
  const names: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const name =
      item.querySelector('[itemprop="name"], [class*="__name"], [class*="-name"], [class$="name"]') ??
      item.querySelector('a[href]');
    if (!name) return undefined;
    const text = textOf(name, 100);
    // Names are short: a list of titles (an author bio's other papers) is not a byline.
    if (text.split(' ').length > 5) return undefined;
    if (text) names.push(text);
  }
  return names.length ? names.join('\n') : undefined;
}

/** Elements a byline line may be: blocks and the inline wrappers sites put it in (<p><i>von X</i></p>). */
const BYLINE_LINES = 'p, span, div, li, i, em, small, address, strong, b, font';

/**
 * "Door A en B" / "By A and B" / "Von A" on a line of its own: near the heading first, then in the
 * main region or article (the byline row may sit below a lead image), never in chrome or cards.
 */
const fromBylineText: Rule<string[]> = (ctx) => {
  const near = ctx.heading?.parentElement?.parentElement;
  const main = ctx.doc.querySelector('main, [role="main"], article');
  const scopes = [near, main, ctx.doc.body].filter(
    (scope, i, all): scope is Element => Boolean(scope) && all.indexOf(scope) === i,
  );
  for (const scope of scopes) {
    const lines = scope.querySelectorAll(BYLINE_LINES);
    for (let i = 0; i < lines.length && i < 400; i++) {
      const el = lines[i];
      if (el.children.length > 6) continue;
      const text = textOf(el, 200);
      const byline = text.length < 160 ? (bylineOf(text) ?? prefixApart(el, text)) : undefined;
      if (byline && !bylineElsewhere(ctx, el) && !el.closest(`aside, figure, figcaption, ${COMMENTS}`))
        return [byline];
    }
  }
  return undefined;
};

/**
 * "By" in an element of its own and the name in the next, which textContent runs together
 * ("<span>By</span><a>J.R. Stone</a>" → "ByJ.R. Stone"): the byline with the space put back.
 */
function prefixApart(el: Element, text: string): string | undefined {
  const first = el.firstElementChild;
  if (!first || (el.firstChild?.nodeType === 3 && el.firstChild.textContent?.trim())) return undefined;
  const prefix = textOf(first, 40);
  if (!prefix || !BYLINE_PREFIX_ONLY.test(prefix) || !text.startsWith(prefix)) return undefined;
  return bylineOf(`${prefix} ${text.slice(prefix.length).trim()}`);
}

/** Highwire and Dublin Core give one person per tag, often "Last, First". */
const fromCitationMeta: Rule<string[]> = (ctx) => {
  const values = allMeta(ctx.meta, 'citation_author', 'dc.creator', 'dcterms.creator', 'prism.author');
  return values.length ? cleanPersonList(values) : undefined;
};

const RULES: Rule<string[]>[] = [
  fromJsonLd,
  fromCitationMeta,
  fromLabels,
  fromAuthorMeta,
  fromBylineElements,
  fromBylineText,
];

/**
 * An advice or report that names no person is the institution's own: the Onderwijsraad's advice
 * is by the Onderwijsraad. Articles and blogs without a byline stay without an author.
 */
const INSTITUTIONAL_TYPES = new Set(['advice', 'report']);
const fromPublishingBody: Rule<string[]> = (ctx) => {
  const type = extractType(ctx);
  if (!type || !INSTITUTIONAL_TYPES.has(type)) return undefined;
  const publisher = extractPublisher(ctx);
  return publisher ? [publisher] : undefined;
};

/**
 * The site's own name (og:site_name, the host, the publisher) in an author slot is the CMS's
 * default, not a byline: dropped, except on an advice or report, which the institution signs, and
 * where a byline the reader sees names the site ("Von Presse Beispiel - 6. Mai 2023").
 */
function withoutSiteName(
  ctx: ExtractionContext,
  names: string[],
  visible: boolean,
  declared = false,
): string[] {
  const type = extractType(ctx);
  if (type && INSTITUTIONAL_TYPES.has(type)) return names;
  const squash = (value: string) => fold(value).replace(/ /g, '');
  // A visible byline on a personal blog ("von Anna" on anna.example.org) may name its owner: only the
  // declared site name or publisher is the site there, not the host.
  const ownNames = [
    firstMeta(ctx.meta, 'og:site_name', 'application-name') ?? '',
    extractPublisher(ctx) ?? '',
  ];
  const site = new Set(
    (visible ? ownNames : [...siteNames(ctx), ...ownNames]).map(squash).filter((name) => name.length >= 2),
  );
  // An author tag naming the site or an organisation: the CMS's default, unless a byline signs with it.
  const unsigned = (name: string) => site.has(squash(name));
  // A user name that is the host's ("hejfish" on hejfish.com) is the site's account.
  const hosts = new Set([...siteNames(ctx), ...ctx.host.split('.').slice(0, -1)].map(squash));
  names = names.filter((name) => name !== name.toLowerCase() || !hosts.has(squash(name)));
  if (!declared || !names.some(unsigned)) return names.filter((name) => !site.has(squash(name)));
  // A person the structured data names as author, also the site's name: a personal site.
  const signed = new Set([...visibleBylineNames(ctx), ...jsonLdPersons(ctx)].map(squash));
  return names.filter((name) => !unsigned(name) || signed.has(squash(name)));
}

/**
 * An author tag naming an organisation that no visible byline signs with: the CMS's default
 * (the ministry, the publishing house, the web agency), not the author. Reports keep theirs.
 */
function unsignedBody(ctx: ExtractionContext, raw: string): boolean {
  if (!ORGANISATION.test(raw)) return false;
  const type = extractType(ctx);
  if (type && INSTITUTIONAL_TYPES.has(type)) return false;
  const squash = (value: string) => fold(value).replace(/ /g, '');
  const signed = new Set(visibleBylineNames(ctx).map(squash));
  return !cleanAuthors([raw]).every((name) => signed.has(squash(name)));
}

/** Words of an organisation's name, never of a person's ("Perform Media Deutschland GmbH", "TOUR Magazin"). */
const ORGANISATION =
  /(?<!\p{L})(?:gmbh|ag|e\.\s?v|ltd|inc|llc|b\.?v|n\.?v|verlag|media|medien|magazin|magazine|zeitung|krant|redaktion|redactie|bundesministerium|ministerium|ministerie|ministry|departement|department|fraktion|partei|stiftung|stichting|foundation|verband|vereniging|association|agentur|sekretariat|secretariaat)(?!\p{L})/iu;

/** The JSON-LD authors typed Person. */
function jsonLdPersons(ctx: ExtractionContext): string[] {
  const value = jsonLdAuthors(ctx);
  return (Array.isArray(value) ? value : [value])
    .slice(0, 50)
    .map((item) => resolve(ctx.jsonLd, item))
    .filter((node) => node && typeof node === 'object' && typesOf(node as JsonNode).includes('person'))
    .flatMap((node) => namesOf(ctx.jsonLd, node));
}

/** The names the page's visible byline rows give (labels, "Von …" lines, byline elements), cleaned. */
function visibleBylineNames(ctx: ExtractionContext): string[] {
  if (!ctx.cache.has('visibleBylines')) {
    const names: string[] = [];
    for (const rule of [fromLabels, fromBylineText, fromBylineElements]) {
      try {
        names.push(...cleanAuthors(rule(ctx) ?? []));
      } catch {
        // One broken rule never sinks the field.
      }
    }
    ctx.cache.set('visibleBylines', names);
  }
  return ctx.cache.get('visibleBylines') as string[];
}

/**
 * A report, paper or book described in JSON-LD: its landing page may list the authors in the
 * metadata alone, and they are the authors all the same.
 */
const DOCUMENT_TYPES = new Set(['scholarlyarticle', 'report', 'book', 'chapter', 'thesis']);
function isDocument(ctx: ExtractionContext): boolean {
  return Boolean(ctx.jsonLd.main && typesOf(ctx.jsonLd.main).some((type) => DOCUMENT_TYPES.has(type)));
}

/** Rules that read an author from metadata only. */
const METADATA_RULES = new Set<Rule<string[]>>([fromJsonLd]);

/** The page's text, folded, read once (capped). */
function pageText(ctx: ExtractionContext): { words: string; squashed: string } {
  if (!ctx.cache.has('pageText')) {
    const raw = readableText(ctx);
    // fold() reads 10,000 characters at most: fold the text piece by piece.
    let words = ' ';
    for (let at = 0; at < raw.length; at += 10_000) words += `${fold(raw.slice(at, at + 10_000))} `;
    ctx.cache.set('pageText', { words, squashed: words.replace(/ /g, '') });
  }
  return ctx.cache.get('pageText') as { words: string; squashed: string };
}

/**
 * The name appears in the page's text: whole (textContent may run it into the next word,
 * "Evan HalperStaff Writer") or by its last word (a surname on its own, "Von Halper").
 */
function shownOnPage(ctx: ExtractionContext, name: string): boolean {
  const text = pageText(ctx);
  const words = fold(name).split(' ').filter(Boolean);
  const last = words[words.length - 1] ?? '';
  return text.squashed.includes(words.join('')) || (last.length >= 4 && text.words.includes(` ${last} `));
}

/** Rules that read a byline the reader sees, as opposed to metadata a CMS fills in. */
const VISIBLE_RULES = new Set<Rule<string[]>>([fromLabels, fromBylineText]);
/** Rules that read what the page shows, where a blog's lower-case user name signs ("karstenruppert"). */
const SHOWN_RULES = new Set<Rule<string[]>>([fromLabels, fromBylineText, fromBylineElements]);
/** Tags that name the author on purpose (citation_author, DC.creator, meta author), even when that is the site. */
const DECLARED_RULES = new Set<Rule<string[]>>([fromCitationMeta, fromAuthorMeta]);

export function extractAuthors(ctx: ExtractionContext): string[] {
  const found = firstRule(
    ctx,
    [...RULES, fromJsonLdOrganisation].map((rule) => (c: ExtractionContext) => {
      const raw = rule(c);
      if (!raw) return undefined;
      const names = cleanAuthors(
        DECLARED_RULES.has(rule) ? raw.filter((item) => !unsignedBody(c, item)) : raw,
        SHOWN_RULES.has(rule) && raw.length === 1,
      );
      if (rule === fromCitationMeta) return names;
      const shown =
        METADATA_RULES.has(rule) && !isDocument(c) ? names.filter((name) => shownOnPage(c, name)) : names;
      return withoutSiteName(c, shown, VISIBLE_RULES.has(rule), DECLARED_RULES.has(rule));
    }),
    (names) => names.length > 0,
  );
  return found ?? firstRule(ctx, [fromPublishingBody], (names) => names.length > 0) ?? [];
}
