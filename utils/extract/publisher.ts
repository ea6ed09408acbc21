/** Field: the publishing organisation ("NSOB", "Brookings Institution"). */
import { publisherForHost } from '@/utils/publishers';
import { firstRule, kickerText, type ExtractionContext, type Rule } from './context';
import { mainValue, namesOf, typesOf } from './jsonld';
import { firstMeta } from './meta';
import { cleanText, fold } from './text';
import { titleParts } from './site-names';
import { typeFromWord } from './type';

const fromJsonLd: Rule<string> = (ctx) =>
  namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'publisher'))[0] ??
  namesOf(ctx.jsonLd, mainValue(ctx.jsonLd, 'sourceOrganization'))[0];

/** A WebSite or Organization node of the page's own graph. */
const fromJsonLdSite: Rule<string> = (ctx) => {
  for (const node of ctx.jsonLd.nodes) {
    const types = typesOf(node);
    if ((types.includes('website') || types.includes('organization')) && typeof node.name === 'string')
      return node.name;
  }
  return undefined;
};

/** The kicker above the heading: "NSOB | essay" → the part that is not a publication type. */
const fromKicker: Rule<string> = (ctx) => {
  const kicker = kickerText(ctx);
  if (!kicker) return undefined;
  const parts = kicker.split(/\s*[|·•/]\s*/).filter(Boolean);
  if (parts.length < 2) return undefined;
  return parts.find((part) => !typeFromWord(part) && part.split(/\s+/).length <= 5);
};

/** "Title | Section | Site": the last part, when the first part is the heading. */
const fromTitleSuffix: Rule<string> = (ctx) => {
  const parts = titleParts(ctx.docTitle);
  if (parts.length < 2) return undefined;
  const last = parts[parts.length - 1];
  const hostLabel = ctx.host.replace(/^www\./, '').split('.')[0];
  // "… | CPB" on cpb.nl: the suffix is the site's name even when the first part is not the heading;
  // so is "IPPR" in "… | IPPR - The Progressive Policy Think Tank" on ippr.org.
  const namedForHost =
    hostLabel && parts.slice(1).find((part) => fold(part).replace(/ /g, '') === hostLabel.toLowerCase());
  if (namedForHost) return namedForHost;
  if (fold(parts[0]) !== fold(ctx.headingText)) return undefined;
  return last.split(/\s+/).length <= 6 ? last : undefined;
};

const RULES: Rule<string>[] = [
  fromJsonLd,
  (ctx) =>
    firstMeta(
      ctx.meta,
      'citation_publisher',
      'citation_technical_report_institution',
      'dc.publisher',
      'dcterms.publisher',
      'citation_dissertation_institution',
    ),
  (ctx) => firstMeta(ctx.meta, 'og:site_name', 'application-name', 'apple-mobile-web-app-title'),
  (ctx) => ctx.labels.get('publisher')?.text,
  fromJsonLdSite,
  fromKicker,
  fromTitleSuffix,
  (ctx) => publisherForHost(ctx.host)?.name,
];

function extractPublisherUncached(ctx: ExtractionContext): string | undefined {
  return firstRule(
    ctx,
    RULES.map((rule) => (c: ExtractionContext) => cleanText(rule(c) ?? '', 200) || undefined),
  );
}

/** Cached per extraction: the authors rule asks for it too (an advice that names nobody). */
export function extractPublisher(ctx: ExtractionContext): string | undefined {
  if (!ctx.cache.has('publisher')) ctx.cache.set('publisher', extractPublisherUncached(ctx));
  return ctx.cache.get('publisher') as string | undefined;
}
