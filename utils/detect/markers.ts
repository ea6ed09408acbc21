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

/** The attributes the conditions below read: an element with none of them is no marker. */
const MARKER_ATTRIBUTES = new Set([
  'type',
  'action',
  'href',
  'role',
  'itemprop',
  'data-add-to-cart',
  'name',
  'itemscope',
]);

/** Raises the flags `el` stands for, by the same conditions as QUERIES.markers; true when it is a marker at all. */
export function readMarker(el: Element, markers: Markers): boolean {
  if (!el.getAttributeNames().some((name) => MARKER_ATTRIBUTES.has(name))) return false;
  const tag = el.localName;
  const type = tag === 'input' ? (el.getAttribute('type') ?? '').toLowerCase() : '';
  const action = tag === 'form' ? (el.getAttribute('action') ?? '') : '';
  const href = tag === 'a' ? (el.getAttribute('href') ?? '') : '';
  const search =
    type === 'search' ||
    el.getAttribute('role') === 'search' ||
    action.includes('search') ||
    action.includes('zoek') ||
    action.includes('suche') ||
    action.includes('Suche');
  const calendar =
    href.endsWith('.ics') ||
    href.includes('.ics?') ||
    href.includes('calendar.google.com/calendar/render') ||
    href.includes('outlook.live.com/calendar');
  const price =
    action.includes('cart') ||
    el.getAttribute('itemprop') === 'price' ||
    el.hasAttribute('data-add-to-cart') ||
    (tag === 'button' && el.getAttribute('name') === 'add-to-cart');
  const password = type === 'password';
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
