/** Field: the publication's own title, without site-name suffixes. */
import { firstRule, type ExtractionContext, type Rule } from './context';
import { allMeta, firstMeta } from './meta';
import { isSectionName } from '@/utils/detect/vocabulary';
import { extractAuthors } from './authors-field';
import { cleanText, fold } from './text';
import {
  decodeEntities,
  repairMojibake,
  siteNames,
  stripSiteName,
  TITLE_PARTS,
  titleParts,
  words,
} from './site-names';
import {
  headingForTitle,
  headingLinksUp,
  headingText,
  subheadingNamed,
  headingWithoutKicker,
  withoutNumber,
} from './title-heading';

/**
 * The document <title> without what sites append, after Mozilla Readability's rule of thumb:
 * drop the last separated part unless that leaves four words or fewer; "Topic: Title" keeps the
 * part after the colon unless a heading repeats the whole title.
 */
export function cleanDocumentTitle(raw: string, headings: string[]): string {
  const original = cleanText(raw, 500);
  let title = original;
  let hierarchical = false;
  if (/ [|\-–—\\/>»] /.test(original)) {
    hierarchical = / [\\/>»] /.test(original);
    title = original.replace(/(.*)[|\-–—\\/>»] .*/, '$1');
    if (words(title) < 3) title = original.replace(/[^|\-–—\\/>»]*[|\-–—\\/>»](.*)/, '$1');
  } else if (original.includes(': ')) {
    if (!headings.some((heading) => heading === original)) {
      title = original.slice(original.lastIndexOf(':') + 1);
      if (words(title) < 3) title = original.slice(original.indexOf(':') + 1);
      else if (words(original.slice(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if ((original.length > 150 || original.length < 15) && headings.length === 1) {
    title = headings[0];
  }
  title = cleanText(title, 500);
  const count = words(title);
  if (count <= 4 && (!hierarchical || count !== words(original.replace(/[|\-–—\\/>»]+/g, '')) - 1))
    title = original;
  return title;
}

/**
 * The heading, when it is a whole part of the document title and the rest is short, as a site
 * name or section is ("Leren van doen - NSOB", "Advies 126: Europese digitale autonomie").
 */
const headingIsTitlePart: Rule<string> = (ctx) => {
  if (!ctx.headingText || !ctx.docTitle) return undefined;
  const heading = fold(ctx.headingText);
  if (!heading) return undefined;
  const parts = stripSiteName(ctx.docTitle, siteNames(ctx))
    .split(TITLE_PARTS)
    .map((part) => part.trim());
  // A part may carry a number in parentheses the heading leaves off ("Ferienhaus Feinen (40222)").
  const index = parts.findIndex((part) => fold(part) === heading || fold(withoutNumber(part)) === heading);
  if (index < 0) return undefined;
  const rest = parts.filter((_, i) => i !== index).join(' ');
  // The rest is a site name or section: a few words, not much longer than the heading (in Chinese
  // or Japanese, without spaces, a whole title is one "word"). Before the heading as the last part
  // ("Gregor's Digital Home | Title"), it is the site's name and sections, which may be longer,
  // but not one part longer than a heading that is then a label ("Zorg dichtbij | Beleidsadvies").
  if (index > 0 && index === parts.length - 1 && words(rest) <= 6) {
    if (index > 1 || words(heading) >= words(rest)) return ctx.headingText;
    // A label as the heading ("Beleidsadvies") over the title in an h2: that h2.
    const titled = subheadingNamed(ctx, parts[0]);
    if (titled) return titled;
  }
  return words(rest) <= 3 && rest.length < 2 * ctx.headingText.length ? ctx.headingText : undefined;
};

/**
 * The heading, when the document title opens with it and a separator follows ("Faire Lieferketten -
 * Evangelisches Jugendwerk in Württemberg (ejw) - EJW", "Titel / Politik / Artikel / Home - site"):
 * the two parts or more that follow are the site's name and its sections. Not a heading that is the
 * site's name.
 */
const headingOpensTitle: Rule<string> = (ctx) => {
  if (!ctx.headingText || !ctx.docTitle || words(ctx.headingText) < 2) return undefined;
  const heading = fold(ctx.headingText);
  if (isSectionName(heading) || siteNames(ctx).some((name) => fold(name) === heading)) return undefined;
  const parts = titleParts(ctx.docTitle);
  for (let i = 1, run = parts[0]; i < parts.length && run.length <= ctx.headingText.length; i++) {
    // Two parts or more after it: a trail of sections and names ("Title - Author" is Readability's title).
    if (fold(run) === heading) return parts.length - i >= 2 ? ctx.headingText : undefined;
    run = `${run} ${parts[i]}`;
  }
  return undefined;
};

/**
 * The heading, when the document title (site name removed) is that heading with a word or two
 * in front or behind and no separator ("Verkenning Zorgwerk houdbaar maken" for the heading
 * "Zorgwerk houdbaar maken"): the extra words are a kicker or section, not part of the title.
 * Also a one-word heading when the rest is the site's name.
 */
const headingWithinTitle: Rule<string> = (ctx) => {
  if (!ctx.headingText || !ctx.docTitle) return undefined;
  const heading = ctx.headingText.toLowerCase();
  const names = siteNames(ctx);
  const title = stripSiteName(ctx.docTitle, names).toLowerCase();
  const at = title.indexOf(heading);
  if (at < 0 || title === heading) return undefined;
  // The site's name run into the title without a separator ("Trails! Ischgl"), in any case or spacing.
  const around = fold(`${title.slice(0, at)} ${title.slice(at + heading.length)}`).replace(/ /g, '');
  if (around && names.some((name) => fold(name).replace(/ /g, '') === around)) return ctx.headingText;
  if (words(heading) < 2) return undefined;
  // Only plain words around it: "… · V8" or "… _光明网" is a site suffix, which other rules weigh.
  const extra = `${title.slice(0, at)} ${title.slice(at + heading.length)}`;
  if (!/^[\p{L}\p{N}\s]*$/u.test(extra)) return undefined;
  return words(extra) <= 2 && (at === 0 || /\s$/.test(title.slice(0, at))) ? ctx.headingText : undefined;
};

/**
 * The document title, unless it is a short form of the heading ("CO2-heffing industrie | CPB"
 * for "Effecten van een CO2-heffing voor de industrie"): then the heading.
 */
const documentTitle: Rule<string> = (ctx) => {
  const h1s = [
    ...(ctx.elements.byTag.get('h1') ?? []).slice(0, 10),
    ...ctx.elements.sectionHeadings.filter((el) => el.tagName.toLowerCase() === 'h2').slice(0, 10),
  ].map((el) => cleanText(el.textContent ?? '', 500));
  const title = cleanDocumentTitle(stripSiteName(ctx.docTitle, siteNames(ctx)), h1s);
  if (ctx.headingText) {
    // The heading's words, and each two run together ("Mailaktion" for "Mail-Aktion").
    const folded = fold(ctx.headingText).split(' ');
    const headingWords = new Set([...folded, ...folded.slice(1).map((word, i) => folded[i] + word)]);
    const shortForm = fold(titleParts(stripSiteName(ctx.docTitle, siteNames(ctx)))[0] ?? '')
      .split(' ')
      .filter(Boolean);
    if (
      shortForm.length &&
      shortForm.length < new Set(folded).size &&
      shortForm.every((word) => headingWords.has(word))
    ) {
      return ctx.headingText;
    }
  }
  return title;
};

/**
 * JSON-LD headline, or its name when the two differ and the name is the one the document title
 * repeats (some sites put a description in `headline`, others their own name in `name`).
 */
const fromJsonLd: Rule<string> = (ctx) => {
  const node = ctx.jsonLd.main;
  if (!node) return undefined;
  const headline = typeof node.headline === 'string' ? cleanText(node.headline, 500) : undefined;
  const name = typeof node.name === 'string' ? cleanText(node.name, 500) : undefined;
  if (!headline && name) return nameAsTitle(ctx, name);
  if (!headline || !name || fold(headline) === fold(name)) return headline ?? name;
  return overlap(name, ctx.docTitle) > overlap(headline, ctx.docTitle) ? name : headline;
};

/**
 * A JSON-LD name without a headline may be a section's or a collection's ("Son", "Climate"): a
 * title only when the document title or the heading repeats most of it.
 */
function nameAsTitle(ctx: ExtractionContext, name: string): string | undefined {
  if (!ctx.docTitle) return name;
  return Math.max(overlap(name, ctx.docTitle), overlap(name, ctx.headingText)) >= 0.5 ? name : undefined;
}

/** Chinese and Japanese script, written without spaces between words. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A text's words; in Chinese or Japanese, its characters (a whole sentence runs without spaces). */
function tokens(text: string): string[] {
  const folded = fold(text);
  return CJK.test(folded) ? Array.from(folded.replace(/ /g, '')) : folded.split(' ').filter(Boolean);
}

/** Token F1 of two texts: how much of one the other repeats. */
function overlap(a: string, b: string): number {
  const left = tokens(a);
  const right = new Set(tokens(b));
  if (!left.length || !right.size) return 0;
  const common = left.filter((word) => right.has(word)).length;
  return common ? (2 * common) / (left.length + right.size) : 0;
}

/**
 * A declared title that is the heading plus a series number or section ("Advies 126: …",
 * "… | Publicatie"): the heading. Longer additions (an author's name) are kept as declared.
 */
function headingWithin(title: string, heading: string): string {
  const target = fold(heading);
  if (!target) return title;
  const parts = title.split(TITLE_PARTS).map((part) => part.trim());
  const index = parts.findIndex((part) => fold(part) === target);
  if (index < 0 || parts.length < 2) return title;
  return words(parts.filter((_, i) => i !== index).join(' ')) <= 2 ? heading : title;
}

const METADATA_RULES: Rule<string>[] = [
  fromJsonLd,
  (ctx) => firstMeta(ctx.meta, 'citation_title', 'dc.title', 'dcterms.title', 'prism.title'),
  (ctx) => firstMeta(ctx.meta, 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title'),
  (ctx) => {
    const node = ctx.jsonLd.main;
    return node && typeof node.name === 'string' ? nameAsTitle(ctx, cleanText(node.name, 500)) : undefined;
  },
];

/**
 * The item's own heading against a declared title: the declared title with the heading inside it
 * and a site name, section or kicker around it ("Titel : 31.10.2023", "Titel › Blog") is the
 * heading; a declared title that is a reworded heading (most of its words) gives way to the heading
 * the reader sees. A heading that shares little with it is a section's ("Pressemitteilungen"): the
 * declared title stays.
 */
/** Whether the page names `folded` as its author (meta author, or the byline the extractor reads). */
function namesAnAuthor(ctx: ExtractionContext, folded: string): boolean {
  const words = folded.split(' ').length;
  if (words < 2 || words > 5) return false;
  return [...allMeta(ctx.meta, 'author'), ...extractAuthors(ctx)].some((name) => fold(name) === folded);
}

/** Whether `longer` goes on past its start `start` without a separator ("Title in Tennessee", not "Title | Site"). */
function goesOn(longer: string, start: string): boolean {
  const words = start.trim().split(/\s+/);
  const last = words[words.length - 1].toLowerCase();
  const at = longer.toLowerCase().indexOf(last, longer.toLowerCase().indexOf(words[0].toLowerCase()));
  if (at < 0) return false;
  const after = longer.slice(at + last.length);
  return Boolean(after.trim()) && !/^\s*[|\-–—\\/>»›·•:(]/.test(after);
}

function preferHeading(ctx: ExtractionContext, declared: string, titles: string[]): string {
  const heading = ctx.headingText;
  if (!heading || heading.length < 4 || words(heading) > 40) return declared;
  const h = fold(heading);
  const d = fold(declared);
  if (!h || h === d) return declared;
  // The document title, og:title or JSON-LD headline (site name off) is the heading word for word:
  // the two agree against one reworded for search or sharing ("Schrödinger’s Hack" in og:title, a
  // shorter JSON-LD headline). Not against the end of the heading: the part before it is a kicker.
  // (twitter:title alone is no second voice: it is often the heading where og:title and <title>
  // carry the publisher's chosen title.)
  // A kicker before a colon is the heading's own ("Nutzerbasierte Abrechnung: Musik-Stars …") where
  // another title repeats the whole heading, or where the page marks the heading as the entry's.
  const kicker = colonBefore(heading, declared);
  if (words(h) >= 3 && (!h.endsWith(d) || kicker) && titles.some((title) => fold(title) === h))
    return heading;
  if (kicker && isEntryTitle(ctx)) return heading;
  // The declared title is the start of the heading, which goes on without a separator
  // ("Ultium Cells erhöht Gigafactory-Kapazität" for "… in Tennessee"): the heading the reader
  // sees. Words before it are a kicker run into the heading's text ("Open ProgressWhy …").
  if (h.includes(d))
    return h.startsWith(d) && (words(d) >= 3 || d.length >= 15) && goesOn(heading, declared)
      ? heading
      : declared;
  if (d.includes(h) && words(h) >= 2) {
    // "Title | Author": an opinion piece names its writer in the title on purpose.
    const rest = d.replace(h, ' ').trim();
    if (namesAnAuthor(ctx, rest)) return declared;
    // The heading is the start of a longer declared title without a separator: the title goes on.
    // Not a number in parentheses after it (an issue, an object number: "… (2021/5)").
    const after = declared.slice(declared.toLowerCase().indexOf(heading.toLowerCase()) + heading.length);
    if (after && !/^\s*(?:[|\-–—\\/>»›·•:]|\s-)/.test(after) && d.startsWith(h) && withoutNumber(after))
      return declared;
    return heading;
  }
  if (overlap(heading, declared) >= 0.6) return heading;
  // The heading the page marks as the entry's title (hAtom's class "entry-title"), against a title
  // reworded for search ("… • Site" for "… – Warum …"): the publisher's own mark on the item.
  return isEntryTitle(ctx) ? heading : declared;
}

/** Whether the page marks its heading as the entry's title (hAtom's class "entry-title"). */
function isEntryTitle(ctx: ExtractionContext): boolean {
  return Boolean(ctx.heading && /(?:^|\s)entry-title(?:\s|$)/.test(ctx.heading.getAttribute('class') ?? ''));
}

/** Whether the heading is the declared title after a colon ("„Pure Leere“: Title" for "Title"). */
function colonBefore(heading: string, declared: string): boolean {
  const at = heading.toLowerCase().lastIndexOf(declared.toLowerCase());
  return at > 0 && at + declared.length === heading.length && /[:：]\s*$/.test(heading.slice(0, at));
}

/**
 * Whether a heading that links up names the site: it is one of the site's names, or it is not the
 * main part of <title> or og:title. An item's own title links up too (its second page, AMP, print
 * and comment pages link the heading to the item): that heading is the title.
 */
function headingNamesSite(ctx: ExtractionContext): boolean {
  const heading = fold(ctx.headingText);
  if (!heading) return false;
  const names = siteNames(ctx);
  if (names.some((name) => fold(name) === heading)) return true;
  return ![ctx.docTitle, firstMeta(ctx.meta, 'og:title') ?? ''].some((raw) => {
    if (!raw) return false;
    const title = decodeEntities(raw);
    const main = stripSiteName(title, names);
    return [title, main, titleParts(main)[0] ?? ''].some((part) => fold(part) === heading);
  });
}

export function extractTitle(read: ExtractionContext): string | undefined {
  const heading = headingForTitle(read, [read.docTitle, firstMeta(read.meta, 'og:title') ?? '']);
  const docTitle = repairMojibake(read.docTitle);
  const found =
    heading === read.heading && docTitle === read.docTitle
      ? read
      : {
          ...read,
          docTitle,
          heading,
          headingText: heading === read.heading ? read.headingText : heading ? headingText(heading) : '',
        };
  // The site's name in the heading is taken off the document title too ("Item - Site name").
  const page =
    found.heading && headingLinksUp(found) && headingNamesSite(found)
      ? {
          ...found,
          heading: null,
          headingText: '',
          docTitle: stripSiteName(found.docTitle, [found.headingText]),
        }
      : found;
  const names = siteNames(page);
  const titles = [
    page.docTitle,
    firstMeta(page.meta, 'og:title') ?? '',
    typeof page.jsonLd.main?.headline === 'string' ? page.jsonLd.main.headline : '',
  ]
    .filter(Boolean)
    .map((title) => stripSiteName(repairMojibake(decodeEntities(title)), names));
  const own = page.heading ? headingWithoutKicker(page, titles) : undefined;
  // The rules below read the heading without its kicker.
  const ctx = own ? { ...page, headingText: own } : page;
  // What the publisher declares is taken as written, only the site's own name removed.
  const declared = firstRule(
    ctx,
    METADATA_RULES.map((rule) => (c: ExtractionContext) => {
      const raw = rule(c);
      return raw === undefined
        ? undefined
        : headingWithin(stripSiteName(repairMojibake(decodeEntities(raw)), names), c.headingText);
    }),
    (value) => value.length >= 2 && !isSectionName(fold(value)),
  );
  if (declared) return preferHeading(ctx, declared, titles);
  return firstRule(
    ctx,
    [
      () => own,
      headingIsTitlePart,
      headingOpensTitle,
      headingWithinTitle,
      documentTitle,
      (c) => c.headingText,
    ],
    (value) => value.length >= 2,
  );
}
