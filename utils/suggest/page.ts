/**
 * Page first: the page the reader is on (saved or not) as context for one ranking. What the page
 * lists as related comes first, then what shares its themes ("Bij deze pagina"); the page itself is
 * never suggested. A listed publication the catalog lacks (not written yet, or evicted) becomes a
 * candidate of this ranking only, built from the listing like the catalog would build it.
 * The page comes from a web page: every field is type-checked and bounded here.
 */
import { publicationId } from '@/utils/identity';
import { LIMITS, type CatalogEntry, type RelatedPublication } from '@/utils/record';
import type { DocIndex } from './doc-index';
import { boundedText, catalogDoc, MAX_FIELD_CHARS, urlKeyOf, type CatalogDoc } from './documents';
import type { ThemeAffinities, ThemeMemo } from './score';
import { THEME_MATCH_THRESHOLD, themeKey } from './themes';
import type { SuggestionReason } from './types';

/** The page the reader is on; a `Publication` or `SavedPublication` fits as it is. */
export interface PageContext {
  url?: string;
  canonicalUrl?: string;
  /** Its saved record's id, when it is saved. */
  id?: string;
  title?: string;
  themes?: readonly string[];
  related?: readonly RelatedPublication[];
}

const MAX_PAGE_RELATED = 50;
/** At most this many candidates that only share a theme with the page join its group. */
export const PAGE_THEME_MAX = 5;

interface SharedTheme {
  /** The page's theme, as the page words it. */
  label: string;
  key: string;
  candidateTheme: string;
}

/** The page as one ranking sees it. */
export interface ResolvedPage {
  /** How reasons name the page: its saved id (else its address), title and address. */
  id: string;
  title: string;
  url: string;
  /** The publications it lists, as candidates, by their place on its list. */
  listed: Map<CatalogDoc, number>;
  /** Listed publications the catalog lacks: candidates of this ranking only. */
  extra: CatalogDoc[];
  isSelf(doc: CatalogDoc): boolean;
  /** The first of the page's themes the candidate's own themes match, if any. */
  sharedTheme(doc: CatalogDoc): SharedTheme | undefined;
  /** Whether it has one (no garbage: asked of every candidate). */
  sharesTheme(doc: CatalogDoc): boolean;
}

const strings = (list: unknown, max: number): string[] =>
  Array.isArray(list)
    ? list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, max)
    : [];

const text = (value: unknown, max: number) => boundedText(value, max).trim();

/** A listing as the catalog stores it (see `relatedFields` in utils/db/catalog.ts). */
function listingEntry(related: RelatedPublication, id: string): CatalogEntry {
  const url = text(related.url, LIMITS.url);
  const subtitle = text(related.subtitle, MAX_FIELD_CHARS.subtitle);
  const summary = text(related.summary, MAX_FIELD_CHARS.summary);
  return {
    id,
    title: text(related.title, MAX_FIELD_CHARS.title),
    ...(url ? { url } : {}),
    ...(subtitle ? { subtitle } : {}),
    ...(summary ? { summary } : {}),
    themes: strings(related.themes, LIMITS.relatedThemes),
    keywords: [],
    authors: [],
    sources: [],
    firstSeenAt: 0,
    lastSeenAt: 0,
  };
}

/** The id a listing gets: the one the catalog gives it (`publicationId`); '' for a listing without a title. */
function listingId(item: RelatedPublication): string {
  const title = text(item?.title, MAX_FIELD_CHARS.title);
  if (!title) return '';
  return publicationId({ url: typeof item.url === 'string' ? item.url : undefined, title });
}

/**
 * The entry a suggestion from the page's list stands for, by its id, built from the listing as
 * the engine ranked it: to save a listed publication the catalog lacks.
 */
export function pageListingEntry(page: PageContext, id: string): CatalogEntry | undefined {
  const related = Array.isArray(page?.related) ? page.related.slice(0, MAX_PAGE_RELATED) : [];
  const item = related.find((listing) => listingId(listing) === id);
  return item ? listingEntry(item, id) : undefined;
}

/** The page's listings as candidates: found in the catalog by address, id or title, else built. */
function listedCandidates(index: DocIndex, related: readonly RelatedPublication[]) {
  const listed = new Map<CatalogDoc, number>();
  const extra: CatalogDoc[] = [];
  related.forEach((item, place) => {
    const id = listingId(item);
    if (!id) return;
    const title = text(item.title, MAX_FIELD_CHARS.title);
    const urlKey = urlKeyOf(typeof item.url === 'string' ? item.url : undefined);
    const found =
      index.catalog.get(id) ??
      (urlKey ? index.catalogByUrl(urlKey) : undefined) ??
      index.catalogByTitle(title);
    const doc = found ?? catalogDoc(listingEntry(item, id), 0, index.vocabulary, true);
    if (!listed.has(doc) && !extra.some((other) => other.id === doc.id)) {
      listed.set(doc, place);
      if (!found) extra.push(doc);
    }
  });
  return { listed, extra };
}

/** Matches candidates' own themes against the page's, memoised by theme key for one ranking. */
function themeMatcher(themes: readonly string[], memo: ThemeMemo) {
  const page = themes.map((label) => {
    const key = themeKey(label);
    return { label: label.trim(), key, shape: memo.shapeOf(key, label) };
  });
  const byKey = new Map<string, { label: string; key: string } | null>();
  const matchOf = (key: string, label: string) => {
    let match = byKey.get(key);
    if (match === undefined) {
      const shape = memo.shapeOf(key, label);
      const hit = page.find((theme) => memo.similarity(shape, theme.shape) >= THEME_MATCH_THRESHOLD);
      byKey.set(key, (match = hit ? { label: hit.label, key: hit.key } : null));
    }
    return match;
  };
  /** The index of the candidate's first theme that matches one of the page's; -1 for none. */
  const firstShared = (doc: CatalogDoc) => {
    if (page.length === 0) return -1;
    for (let i = 0; i < doc.themeKeys.length; i++) if (matchOf(doc.themeKeys[i], doc.themes[i])) return i;
    return -1;
  };
  return {
    sharesTheme: (doc: CatalogDoc) => firstShared(doc) !== -1,
    sharedTheme(doc: CatalogDoc): SharedTheme | undefined {
      const at = firstShared(doc);
      if (at === -1) return undefined;
      return { ...matchOf(doc.themeKeys[at], doc.themes[at])!, candidateTheme: doc.themes[at] };
    },
  };
}

/** Resolves the page against the index for one ranking. Needs a current IDF. */
export function resolvePage(index: DocIndex, page: PageContext, memo: ThemeMemo): ResolvedPage {
  const url = text(page.canonicalUrl, LIMITS.url) || text(page.url, LIMITS.url);
  const selfKeys = new Set(
    [urlKeyOf(text(page.url, LIMITS.url)), urlKeyOf(text(page.canonicalUrl, LIMITS.url))].filter(
      (key): key is string => !!key,
    ),
  );
  const savedId =
    (typeof page.id === 'string' && index.saved.has(page.id) ? page.id : undefined) ??
    [...selfKeys].map((key) => index.savedByUrl.get(key)).find((id) => id !== undefined);
  const title = text(page.title, MAX_FIELD_CHARS.title);
  const selfIds = new Set([savedId, page.id].filter((id): id is string => typeof id === 'string'));
  for (const key of selfKeys) selfIds.add(`url:${key}`);
  const isSelf = (doc: CatalogDoc) =>
    selfIds.has(doc.id) || (doc.urlKey !== undefined && selfKeys.has(doc.urlKey));
  const related = Array.isArray(page.related) ? page.related.slice(0, MAX_PAGE_RELATED) : [];
  const { listed, extra } = listedCandidates(index, related);
  for (const doc of listed.keys()) if (isSelf(doc)) listed.delete(doc);
  return {
    id: savedId ?? url,
    title,
    url,
    listed,
    extra: extra.filter((doc) => listed.has(doc)),
    isSelf,
    ...themeMatcher(strings(page.themes, LIMITS.relatedThemes), memo),
  };
}

/** The reasons a page-group candidate leads with: the page lists it, or it shares the page's theme. */
export function pageReasons(
  page: ResolvedPage,
  doc: CatalogDoc,
  affinities: ThemeAffinities,
): SuggestionReason[] {
  if (page.listed.has(doc)) {
    return [{ kind: 'listedBy', id: page.id, title: page.title, url: page.url, currentPage: true }];
  }
  const shared = page.sharedTheme(doc);
  if (!shared) return [];
  return [
    {
      kind: 'theme',
      theme: shared.label,
      savedCount: affinities.of(shared.key, shared.label).best?.savedCount ?? 0,
      candidateTheme: shared.candidateTheme,
      currentPage: true,
    },
  ];
}

/** Drops the reasons a page reason already gives: the page's own listing, the same theme again. */
export function withoutRepeats(
  page: ResolvedPage,
  lead: readonly SuggestionReason[],
  reasons: readonly SuggestionReason[],
): SuggestionReason[] {
  const pageKey = urlKeyOf(page.url);
  return reasons.filter((reason) => {
    if (reason.kind === 'listedBy') return reason.id !== page.id && urlKeyOf(reason.url) !== pageKey;
    if (reason.kind === 'theme')
      return !lead.some((first) => first.kind === 'theme' && first.candidateTheme === reason.candidateTheme);
    return true;
  });
}
