/** Field: authors, one person (or authoring body) per item, in page order. */
import { cleanAuthors, cleanPersonList, isNameAlone } from './authors';
import { firstRule, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf, resolve, typesOf, type JsonNode } from './jsonld';
import { allMeta, firstMeta } from './meta';
import { extractPublisher } from './publisher';
import { extractType } from './type';
import { fold, squash, uniqueBy } from './text';
import { shownOnPage, signsAsUser } from './authors-shown';
import { bylineLineWhere, fromAuthorLinks, fromBylineElements, fromBylineText } from './authors-bylines';
import { siteNames, titleParts } from './site-names';
import { fromSignature } from './authors-signature';
import { withoutSiteOwner } from './authors-owner';
import { loginName } from './authors-login';

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
  return onlyOrganisations(ctx, value)
    ? undefined
    : namesOf(ctx.jsonLd, value).map((name) => loginName(ctx, name));
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

/** Highwire and Dublin Core give one person per tag, often "Last, First". */
const fromCitationMeta: Rule<string[]> = (ctx) => {
  const values = allMeta(ctx.meta, 'citation_author', 'dc.creator', 'dcterms.creator', 'prism.author');
  return values.length ? cleanPersonList(values) : undefined;
};

/**
 * The first byline line, passing over one that names only the site ("By The Weekly Planet" above
 * the republished article's "Written by: Jan Jansen").
 */
const fromSignedBylineText = bylineLineWhere((ctx, byline) => {
  const names = cleanAuthors([byline], true);
  return !names.length || withoutSiteName(ctx, names, true).length > 0;
});

const RULES: Rule<string[]>[] = [
  fromJsonLd,
  fromCitationMeta,
  fromLabels,
  fromAuthorMeta,
  fromBylineElements,
  fromSignedBylineText,
  fromAuthorLinks,
  fromSignature,
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

/** The editorial desk's name, a CMS placeholder unless both the metadata and the byline sign with it. */
const DESKS = new Set(['redaktion', 'die redaktion', 'redactie', 'de redactie']);

/**
 * "Redaktion" as the author: where the structured data's author and the byline the reader sees
 * both name the desk (<a href="/author/redaktion/">Redaktion</a>), the desk signs the article. On
 * its own, in one place only, it is the CMS's default.
 */
const fromSigningDesk: Rule<string[]> = (ctx) => {
  const declared = [...namesOf(ctx.jsonLd, jsonLdAuthors(ctx)), ...allMeta(ctx.meta, 'author')];
  const desk = declared.map((name) => fold(name)).find((name) => DESKS.has(name));
  if (!desk) return undefined;
  const shown = [fromBylineElements, fromAuthorLinks, fromBylineText].some((rule) =>
    (rule(ctx) ?? []).some((raw) => ` ${fold(raw)} `.includes(` ${desk} `)),
  );
  return shown ? [declared.find((name) => fold(name) === desk)!.trim()] : undefined;
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
  // A visible byline on a personal blog ("von Anna" on anna.example.org) may name its owner: only the
  // declared site name or publisher is the site there, not the host.
  const site = new Set(
    (visible ? ownSiteNames(ctx) : [...siteNames(ctx), ...ownSiteNames(ctx)])
      .map(squash)
      .filter((name) => name.length >= 2),
  );
  // A user name that is the host's ("hejfish" on hejfish.com) is the site's account; on a blog
  // host that gives each user a subdomain ("anna" on anna.blogs.example), it is the blog's owner.
  const labels = ctx.host.split('.');
  const owner = labels.length >= 3 && labels[0] !== 'www' ? labels[0] : undefined;
  const ownerOf = (name: string) => name === owner;
  const hosts = new Set([...siteNames(ctx), ...labels.slice(0, -1)].map(squash));
  names = names.filter((name) => ownerOf(name) || name !== name.toLowerCase() || !hosts.has(squash(name)));
  const unsigned = (name: string) =>
    !ownerOf(name) && (site.has(squash(name)) || (declared && isDesk(name, site)));
  names = withoutSitePart(names, site);
  // An author tag naming the site or an organisation: the CMS's default, unless a byline signs with it.
  if (!declared || !names.some(unsigned)) return names.filter((name) => !unsigned(name));
  // A person the structured data names as author, also the site's name: a personal site.
  const signed = new Set([...visibleBylineNames(ctx), ...jsonLdPersons(ctx)].map(squash));
  return names.filter((name) => !unsigned(name) || signed.has(squash(name)));
}

/**
 * The names the site declares for itself: og:site_name and the publisher, unless the publisher tag
 * only repeats the author tag (a CMS that fills both with the writer: "Ernst Lohoff").
 */
function ownSiteNames(ctx: ExtractionContext): string[] {
  // Asked once per name a rule finds: read once per extraction.
  const cached = ctx.cache.get('ownSiteNames') as string[] | undefined;
  if (cached) return cached;
  const names = readOwnSiteNames(ctx);
  ctx.cache.set('ownSiteNames', names);
  return names;
}

function readOwnSiteNames(ctx: ExtractionContext): string[] {
  const declared = firstMeta(ctx.meta, 'og:site_name', 'application-name') ?? '';
  const publisher = extractPublisher(ctx) ?? '';
  const author = firstMeta(ctx.meta, 'author') ?? '';
  const repeated = squash(publisher) === squash(author) && squash(publisher) !== squash(declared);
  // A site name that holds the page's title ("Achtsam leben | Die Wochenschrift"): its last part too.
  // "Blog | Jan Jansen" holds no title: its last part is the blog's owner, who may sign.
  const parts = titleParts(declared);
  const lastPart = parts.length > 1 && (holdsTitle(ctx, parts) || visibleBylineNames(ctx).length > 0);
  const site = lastPart ? [declared, parts[parts.length - 1]] : [declared];
  return repeated ? site : [...site, publisher];
}

/** A part before the last is the page's heading or its <title>'s first part. */
function holdsTitle(ctx: ExtractionContext, parts: string[]): boolean {
  const titles = [ctx.headingText, titleParts(ctx.docTitle)[0] ?? ''].map(squash).filter(Boolean);
  return parts.slice(0, -1).some((part) => titles.includes(squash(part)));
}

/**
 * The site's desk beside a person in one byline ("Anna de Vries · Omroep Nieuws"): the person
 * only. A name whose first word is the site's name is the site's ("Omroep Nieuws" on
 * omroep.example).
 */
function withoutSitePart(names: string[], site: Set<string>): string[] {
  if (names.length < 2) return names;
  const kept = names.filter((name) => !isDesk(name, site));
  return kept.length ? kept : names;
}

/** "Omroep Nieuws", "Weekblad Staff": the site's name, then more words (its first one or two words). */
function isDesk(name: string, site: Set<string>): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2) return false;
  return [1, 2].some((n) => {
    const head = squash(words.slice(0, n).join(' '));
    return words.length > n && head.length >= 3 && site.has(head);
  });
}

/**
 * An author tag naming an organisation that no visible byline signs with: the CMS's default
 * (the ministry, the publishing house, the web agency), not the author. Reports keep theirs.
 */
function unsignedBody(ctx: ExtractionContext, raw: string): boolean {
  if (!ORGANISATION.test(raw)) return false;
  const type = extractType(ctx);
  if (type && INSTITUTIONAL_TYPES.has(type)) return false;
  const signed = new Set(visibleBylineNames(ctx).map(squash));
  return !cleanAuthors([raw]).every((name) => signed.has(squash(name)));
}

/** An author tag that is the site's address card ("Glaube und Alltag, Musterstadt, Germany"). */
function siteLed(ctx: ExtractionContext, raw: string): boolean {
  const parts = raw.split(',');
  if (parts.length < 2) return false;
  const first = squash(parts[0]);
  return first.length >= 3 && siteNames(ctx).some((name) => squash(name) === first);
}

/**
 * citation_author / DC.creator naming the site ("Madame Beispiel") yields to a byline the reader
 * sees naming someone else; with no such byline, the site is the author it declares.
 */
function citedOrByline(ctx: ExtractionContext, names: string[]): string[] | undefined {
  if (withoutSiteName(ctx, names, false, true).length === names.length) return names;
  const cited = new Set(names.map(squash));
  return visibleBylineNames(ctx).some((name) => !cited.has(squash(name))) ? undefined : names;
}

/**
 * Words of an organisation's name, never of a person's ("Perform Media Deutschland GmbH", "TOUR Magazin"), also
 * as the end of a German compound ("Landtagsfraktion", "Wirtschaftsverband").
 */
const ORGANISATION =
  /(?<!\p{L})(?:gmbh|ag|e\.\s?v|ltd|inc|llc|b\.?v|n\.?v|verlag|media|medien|magazin|magazine|zeitung|krant|redaktion|redactie|bundesministerium|ministerium|ministerie|ministry|departement|department|fraktion|partei|stiftung|stichting|foundation|verband|vereniging|association|agentur|sekretariat|secretariaat)(?!\p{L})|\p{L}(?:fraktion|ministerium|verband|stiftung|zeitung|verlag|agentur|redaktion|partei)(?!\p{L})/iu;

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
    for (const raw of visibleBylines(ctx)) names.push(...cleanAuthors(raw));
    ctx.cache.set('visibleBylines', names);
  }
  return ctx.cache.get('visibleBylines') as string[];
}

/** What each visible-byline rule reads (labels, byline lines, byline elements), read once per extraction. */
function visibleBylines(ctx: ExtractionContext): string[][] {
  if (!ctx.cache.has('visibleBylineRows')) {
    const rows = [fromLabels, fromBylineText, fromBylineElements].map((rule) => {
      try {
        return rule(ctx) ?? [];
      } catch {
        // One broken rule never sinks the field.
        return [];
      }
    });
    ctx.cache.set('visibleBylineRows', rows);
  }
  return ctx.cache.get('visibleBylineRows') as string[][];
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

/**
 * A first name alone in the structured data ("Todd") where the byline shows the whole name
 * ("By Todd Bates"): the byline's. Two names in the byline that begin with it ("By Anna Berg and
 * Anna Klein"): the structured data's, as no one can tell which is meant.
 */
function fullerName(ctx: ExtractionContext, name: string): string {
  if (/\s/.test(name)) return name;
  const head = `${fold(name)} `;
  const fuller = new Set(visibleBylineNames(ctx).filter((shown) => fold(shown).startsWith(head)));
  return fuller.size === 1 ? [...fuller][0] : name;
}

/**
 * The structured data names the byline's first writer only ("Rudolf Berg") where the byline the
 * reader sees names more ("von Rudolf Berg, Simon Kohl"): the byline's writers.
 */
function withCoauthors(ctx: ExtractionContext, names: string[]): string[] {
  if (!names.length) return names;
  for (const raw of visibleBylines(ctx)) {
    // One byline row names them all (not a byline and an author box's "About the author").
    if (raw.length !== 1) continue;
    const byline = uniqueBy(cleanAuthors(raw), squash);
    if (byline.length <= names.length || byline.length > 6) continue;
    const signed = new Set(byline.map(squash));
    if (names.every((name) => signed.has(squash(name))) && byline.every(isNameAlone)) return byline;
  }
  return names;
}

/** Rules that read a byline the reader sees, as opposed to metadata a CMS fills in. */
const VISIBLE_RULES = new Set<Rule<string[]>>([fromLabels, fromSignedBylineText]);
/** Rules that read what the page shows, where a blog's lower-case user name signs ("karstenruppert"). */
const SHOWN_RULES = new Set<Rule<string[]>>([fromLabels, fromSignedBylineText, fromBylineElements]);
/** Tags that name the author on purpose (citation_author, DC.creator, meta author), even when that is the site. */
const DECLARED_RULES = new Set<Rule<string[]>>([fromCitationMeta, fromAuthorMeta]);

export function extractAuthors(ctx: ExtractionContext): string[] {
  // A person the structured data names but the page never shows: an author tag repeating the
  // name is no more evidence that the reader sees them as the author.
  const hidden = new Set<string>();
  // A blog's address in a byline ("Von: www.reiseblog.example"): the author only where no rule names a person.
  let address: string[] | undefined;
  const found = firstRule(
    ctx,
    [...RULES, fromJsonLdOrganisation].map((rule) => (c: ExtractionContext) => {
      const raw = rule(c);
      if (!raw) return undefined;
      let names = cleanAuthors(
        DECLARED_RULES.has(rule) || rule === fromJsonLd
          ? raw.filter((item) => !unsignedBody(c, item) && !siteLed(c, item))
          : raw,
        raw.length === 1 && (SHOWN_RULES.has(rule) || (rule === fromJsonLd && signsAsUser(c, raw[0]))),
      );
      // Not on a paper (citation_* tags, a JSON-LD report): its self-archiving writer holds its rights.
      const paper = isDocument(c) || firstMeta(c.meta, 'citation_author', 'citation_title');
      if (DECLARED_RULES.has(rule) && !paper)
        names = withoutSiteOwner(c, names, () => [...visibleBylineNames(c), ...jsonLdPersons(c)]);
      if (rule === fromCitationMeta) return citedOrByline(c, names);
      const metadata = METADATA_RULES.has(rule) && !isDocument(c);
      const shown = (
        metadata
          ? withCoauthors(
              c,
              names.map((name) => fullerName(c, name)),
            )
          : names
      ).filter((name) => {
        if (rule === fromAuthorMeta) return !hidden.has(squash(name));
        if (!metadata || shownOnPage(c, name)) return true;
        // A person's own site shows their name as the site's (og:site_name "Jana Klein").
        if (!ownSiteNames(c).some((site) => squash(site) === squash(name))) hidden.add(squash(name));
        return false;
      });
      const kept = withoutSiteName(c, shown, VISIBLE_RULES.has(rule), DECLARED_RULES.has(rule));
      if (!kept.length || !kept.every((name) => /^www\./i.test(name))) return kept;
      address ??= kept;
      return undefined;
    }),
    (names) => names.length > 0,
  );
  return (
    found ??
    address ??
    firstRule(ctx, [fromSigningDesk, fromPublishingBody], (names) => names.length > 0) ??
    []
  );
}
