/**
 * The site's owner in an author tag: a name the metadata also gives as the copyright holder or
 * the publisher (a personal site's "Andreas Jaeck" as author, publisher and copyright; Dublin
 * Core's creator and rights holder), where no byline the reader sees signs with it. The tags
 * describe the site then, not the article's writer.
 */
import type { ExtractionContext } from './context';
import { allMeta } from './meta';
import { squash } from './text';

const OWNER_TAGS = [
  'copyright',
  'dc.rights',
  'dcterms.rights',
  'dc.rights.rightsholder',
  'dcterms.rightsholder',
  'publisher',
  'dc.publisher',
  'dcterms.publisher',
];
/** "© 2020 Jan Jansen. All rights reserved." → "Jan Jansen". */
const NOTICE = /©|\(c\)|\bcopyright\b|\b(?:19|20)\d{2}\b|all rights reserved|alle rechte vorbehalten/gi;

/** The owners the metadata names, squashed, read once per extraction. */
function owners(ctx: ExtractionContext): Set<string> {
  const cached = ctx.cache.get('siteOwners') as Set<string> | undefined;
  if (cached) return cached;
  const names = new Set<string>();
  for (const tag of OWNER_TAGS) {
    for (const value of allMeta(ctx.meta, tag).slice(0, 5)) {
      const name = squash(value.replace(NOTICE, ' '));
      if (name.length >= 4) names.add(name);
    }
  }
  ctx.cache.set('siteOwners', names);
  return names;
}

/** The names of an author tag without the site's owner, unless a visible byline (`signed`) names them. */
export function withoutSiteOwner(ctx: ExtractionContext, names: string[], signed: () => string[]): string[] {
  const site = owners(ctx);
  if (!site.size || !names.some((name) => site.has(squash(name)))) return names;
  const shown = new Set(signed().map(squash));
  return names.filter((name) => !site.has(squash(name)) || shown.has(squash(name)));
}
