/**
 * What the address alone says about a page. Whole path segments only, so a publication whose
 * slug merely contains a word ("/publicaties/werken-bij-de-overheid") is not caught.
 */

import { wordSet, wordTable } from './words';

/** Language roots that are home pages on bilingual sites: `/nl`, `/en-gb/`. */
const LANGUAGE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2})?$/;

/** Segments that name a page about the organisation or a form, never a publication. */
const SERVICE_SEGMENTS = wordTable(
  'contact: contact|contact-us|neem-contact-op;' +
    'about: about|about-us|who-we-are|organisatie|medewerkers|privacy|cookies|disclaimer;' +
    'vacancy: vacatures|vacature|werken-bij|vacancies|vacancy|jobs|careers;' +
    'newsletter: nieuwsbrief|newsletter|newsletters|subscribe|aanmelden;' +
    'login: inloggen|login|sign-in|account;' +
    'calendar: agenda|evenementen|evenement|bijeenkomsten|events|event|webinars;' +
    'search-results: zoeken|zoekresultaten|search;' +
    'price: winkel|shop|cart|winkelwagen',
);

/** A path ending in one of these is an overview of many items, not one. */
const LISTING_SEGMENTS = wordSet(
  'publicaties|publicatie|publications|rapporten|reports|adviezen|essays|nieuws|news|blogs|blog|research|' +
    'onderzoek|insights|analysis|commentary|themas|thema|topics|onderwerpen|experts|people|projects|projecten|' +
    'archief|archive|page|pagina',
);

/** A path `/<one of these>/<slug>` is the hub page of a theme, a person or a tag. */
const HUB_PARENTS = wordSet(
  'thema|themas|topic|topics|onderwerp|onderwerpen|tag|tags|categorie|category|regions|region|programmes|' +
    'programs|program|experts|expert|people|person|auteur|auteurs|author|authors|dossier|dossiers',
);

/** Query parameters a site's search puts the reader's words in. */
const SEARCH_PARAMS = 'q|s|query|search|keys|keyword|keywords|zoek|zoekterm|term|searchTerm|text'.split('|');

/** What the address says against the page being a publication: `home-page`, `path:<kind>`. */
export function addressNegatives(parsed: URL): string[] {
  const negatives: string[] = [];
  const segments = parsed.pathname
    .toLowerCase()
    .split('/')
    .filter((s) => s && s !== 'index.html' && s !== 'index.php');
  const meaningful = segments.length > 0 && LANGUAGE_SEGMENT.test(segments[0]) ? segments.slice(1) : segments;

  if (meaningful.length === 0) negatives.push('home-page');
  const kinds = new Set<string>();
  for (const segment of meaningful.slice(0, 6)) {
    const kind = SERVICE_SEGMENTS.get(segment);
    if (kind) kinds.add(kind);
  }
  // "/over-ons", "/over-het-scp", "/about-rand": the site's section about itself. Only as the first
  // segment: further down, "over-de-grenzen-van-…" may well be an essay's title.
  if (meaningful.length > 0 && /^(over|about)-/.test(meaningful[0])) kinds.add('about');
  for (const kind of kinds) negatives.push(`path:${kind}`);

  const last = meaningful[meaningful.length - 1];
  if (
    last !== undefined &&
    (LISTING_SEGMENTS.has(last) ||
      (/^\d{1,3}$/.test(last) &&
        meaningful.length > 1 &&
        LISTING_SEGMENTS.has(meaningful[meaningful.length - 2])))
  ) {
    negatives.push('path:listing');
  } else if (meaningful.length === 2 && HUB_PARENTS.has(meaningful[0])) {
    negatives.push('path:hub');
  }

  return negatives;
}

/** Whether the query carries search words (results only count with a search form on the page). */
export function carriesSearchWords(parsed: URL): boolean {
  return SEARCH_PARAMS.some((name) => (parsed.searchParams.get(name) ?? '').trim() !== '');
}
