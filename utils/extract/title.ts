/** Field: the publication's own title, without site-name suffixes. */
import { firstRule, type ExtractionContext, type Rule } from './context';
import { firstMeta } from './meta';
import { mainValue, namesOf } from './jsonld';
import { cleanText, fold } from './text';

const SEPARATORS = /\s+[|\-–—·•»:/\\]\s+|\s+::\s+/;

/** Split "Title | Section | Site" into its parts (only on separators with spaces around). */
export function titleParts(title: string): string[] {
  return title.split(SEPARATORS).map((part) => part.trim()).filter(Boolean);
}

/**
 * Drop a site suffix or prefix: a part equal to the site name, else a short last part when
 * what is left still reads as a title (Readability's rule of thumb: more than three words).
 */
export function cleanTitle(raw: string, siteNames: string[] = []): string {
  const title = cleanText(raw, 500);
  if (!title) return '';
  const names = new Set(siteNames.map(fold).filter(Boolean));
  let parts = titleParts(title);
  if (parts.length < 2) return title;
  const isSite = (part: string) => names.has(fold(part));
  if (parts.some(isSite)) {
    parts = parts.filter((part) => !isSite(part));
    // The remaining "Title | Publicaties" pattern: drop short trailing section names too.
    while (parts.length > 1 && parts[parts.length - 1].split(/\s+/).length <= 2) parts.pop();
    return cleanText(title.slice(0, title.indexOf(parts[parts.length - 1]) + parts[parts.length - 1].length)) || title;
  }
  const last = parts[parts.length - 1];
  const head = title.slice(0, title.lastIndexOf(last)).replace(/\s*[|\-–—·•»:/\\]+\s*$/, '');
  if (last.split(/\s+/).length <= 4 && head.split(/\s+/).length > 3 && !/[:]/.test(title.slice(title.length - last.length - 3))) {
    return cleanTitle(head, siteNames);
  }
  return title;
}

function siteNames(ctx: ExtractionContext): string[] {
  const names: string[] = [];
  const site = firstMeta(ctx.meta, 'og:site_name', 'application-name', 'citation_publisher', 'dc.publisher');
  if (site) names.push(site);
  names.push(...namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'publisher')));
  if (ctx.host) names.push(ctx.host, ctx.host.replace(/^www\./, ''));
  return names;
}

/** The heading, when the document title contains it (so it is the page's subject, not a banner). */
const headingInTitle: Rule<string> = (ctx) => {
  if (!ctx.headingText || !ctx.docTitle) return undefined;
  const heading = fold(ctx.headingText);
  return heading.length >= 3 && fold(ctx.docTitle).includes(heading) ? ctx.headingText : undefined;
};

const RULES: Rule<string>[] = [
  (ctx) => namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'headline'))[0],
  (ctx) => firstMeta(ctx.meta, 'citation_title', 'dc.title', 'dcterms.title', 'prism.title'),
  (ctx) => firstMeta(ctx.meta, 'og:title', 'twitter:title', 'parsely-title', 'sailthru.title'),
  (ctx) => {
    const node = ctx.jsonLd.main;
    return node && typeof node.name === 'string' ? node.name : undefined;
  },
  headingInTitle,
  (ctx) => ctx.docTitle,
  (ctx) => ctx.headingText,
];

export function extractTitle(ctx: ExtractionContext): string | undefined {
  const names = siteNames(ctx);
  return firstRule(ctx, RULES.map((rule) => (c: ExtractionContext) => {
    const raw = rule(c);
    return raw === undefined ? undefined : cleanTitle(raw, names);
  }), (value) => value.length >= 2);
}
