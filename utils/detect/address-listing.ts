/**
 * What an address says about overviews beyond the first check's words (url.ts): German and Dutch
 * listing words, date archives, tag and category pages, search pages. Read by the full check only,
 * so the content script, which runs on every page, stays as small as it is; its signals weigh
 * against a page without ruling it out.
 */
import { wordSet } from './words';

/** Segments of a site's search page. */
const SEARCH_SEGMENTS = wordSet('suche|suchergebnisse|search-results|searchresults|zoekresultaat');

/** A path ending in one of these is an overview of many items. */
const LISTING_SEGMENTS = wordSet(
  'archiv|pressemitteilungen|pressemeldungen|medienmitteilungen|persberichten|nieuwsberichten|press-releases|' +
    'publikationen|veroeffentlichungen|nachrichten|aktuelles|meldungen|articles|posts|beitraege',
);

/** Segments whose overviews may be split by year: `/news/2021`, `/archiv/2020`. */
const PAGED_PARENTS = wordSet(
  'archiv|archive|archief|nieuws|news|blog|presse|press|pressemitteilungen|aktuelles|publicaties|publications|' +
    'publikationen|reports|rapporten',
);

/** `/<one of these>/<slug>`: a tag, category or author page. */
const TAXONOMY_PARENTS = wordSet(
  'schlagwort|schlagworte|stichwort|stichworte|kategorie|kategorien|rubrik|trefwoord|trefwoorden|autor|autoren|' +
    'label|labels',
);

/** Query parameters that address one item (`?p=123`, `?id=5`, TYPO3's `tx_news_pi1[news]=12`). */
const ITEM_PARAM = /^(?:p|id|page_id|article|artikel|item|nr|newsid|articleid|.*\[news\])$/i;

const YEAR = /^(?:19|20)\d\d$/;
const MONTH_OR_DAY = /^\d\d?$/;

/** `address:search`, `address:listing`, `address:hub`: what the address says against a publication. */
export function listingAddressSignals(parsed: URL): string[] {
  for (const [name, value] of parsed.searchParams) if (value.trim() && ITEM_PARAM.test(name)) return [];
  const segments = parsed.pathname
    .toLowerCase()
    .split('/')
    .filter((s) => s && !/^index\.\w+$/.test(s));
  if (segments.slice(0, 6).some((s) => SEARCH_SEGMENTS.has(s))) return ['address:search'];
  const last = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2] ?? '';
  // `/2021/05/` and `/2021/05/12/`: a blog's archive of a month or a day (a bare `/2021` may be a post's number).
  const dateArchive =
    segments.length >= 2 &&
    segments.length <= 3 &&
    YEAR.test(segments[0]) &&
    segments.slice(1).every((s) => MONTH_OR_DAY.test(s));
  if (dateArchive || LISTING_SEGMENTS.has(last) || (PAGED_PARENTS.has(parent) && YEAR.test(last)))
    return ['address:listing'];
  if (segments.length === 2 && TAXONOMY_PARENTS.has(parent)) return ['address:hub'];
  return [];
}
