/**
 * Elements that mark what kind of page this is (microdata types, a search form, a calendar link, a
 * price, a password field), read in one pass over QUERIES.markers or during the shared walk.
 */
import type { Finder } from './page';

/** Elements that mark what kind of page this is, found in one pass over the document. */
export interface Markers {
  /** schema.org microdata types (`itemtype`), in document order. */
  itemTypes: string[];
  searchForm: boolean;
  calendarLink: boolean;
  price: boolean;
  password: boolean;
}

const MAX_MARKERS = 300;
/** a[href*=…] of QUERIES.markers: a calendar file or an "add to my calendar" link. */
const CALENDAR_LINKS = ['.ics?', 'calendar.google.com/calendar/render', 'outlook.live.com/calendar'];
/** form[action*=…] of QUERIES.markers: a site search. */
const SEARCH_ACTIONS = ['search', 'zoek', 'suche', 'Suche'];

/**
 * Raises the flags `el` stands for, by the same conditions as QUERIES.markers; true when it is a
 * marker at all. Runs on every element of the extractor's walk: an element without attributes is
 * answered at once, and each attribute is read only on the tags it matters for.
 */
export function readMarker(el: Element, markers: Markers): boolean {
  if (!el.hasAttributes()) return false;
  const tag = el.localName;
  let search = false;
  let calendar = false;
  let price = false;
  let password = false;
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? '';
    calendar = href.endsWith('.ics') || CALENDAR_LINKS.some((part) => href.includes(part));
  } else if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    search = type === 'search';
    password = type === 'password';
  } else if (tag === 'form') {
    const action = el.getAttribute('action') ?? '';
    search = SEARCH_ACTIONS.some((part) => action.includes(part));
    price = action.includes('cart');
  } else if (tag === 'button') {
    price = el.getAttribute('name') === 'add-to-cart';
  }
  search ||= el.getAttribute('role') === 'search';
  price ||= el.getAttribute('itemprop') === 'price' || el.hasAttribute('data-add-to-cart');
  markers.searchForm ||= search;
  markers.calendarLink ||= calendar;
  markers.price ||= price;
  markers.password ||= password;
  return (
    search || calendar || price || password || (el.hasAttribute('itemscope') && el.hasAttribute('itemtype'))
  );
}

export function pageMarkers(find: Finder): Markers {
  const markers: Markers = {
    itemTypes: [],
    searchForm: false,
    calendarLink: false,
    price: false,
    password: false,
  };
  const found = find('markers');
  for (let i = 0; i < found.length && i < MAX_MARKERS; i++) {
    const el = found[i];
    const itemType = el.getAttribute('itemtype');
    if (itemType && el.hasAttribute('itemscope') && markers.itemTypes.length < 40)
      markers.itemTypes.push(itemType);
    readMarker(el, markers);
  }
  return markers;
}
