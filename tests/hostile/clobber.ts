/**
 * DOM clobbering, as a browser does it, applied to a linkedom document (linkedom has no named
 * properties). In a browser a page's markup alone shadows DOM members, in the content script's
 * isolated world too:
 *  - `document.<name>` is the <form>, <img>, <embed>, <object> or <iframe> named `name` (an
 *    <object> or an <img> that also has a name: by id too), a collection when several share it,
 *    an iframe's window for an iframe; before any member of Document, except `location`.
 *  - `form.<name>` is the form's control (input, button, select, textarea, fieldset, output,
 *    object) or img with that name or id, inside it or naming it in its form attribute, before any
 *    member of the form element.
 * Values are defined as own properties of the document and the forms; `clobber` returns the undo.
 * `head` and `body`, unless clobbered, are fixed to the real ones: linkedom's getters go through
 * `documentElement` (shadowed here) and create the element they miss, a browser's do neither.
 */

const DOCUMENT_NAMED = new Set(['form', 'img', 'embed', 'object', 'iframe']);
const FORM_LISTED = 'input, button, select, textarea, fieldset, output, object, img';
/** [LegacyUnforgeable] members: no name shadows them. */
const UNFORGEABLE = new Set(['location']);

/** What a browser gives for an iframe: its window, which has none of an element's members. */
function windowStandIn(): object {
  return Object.freeze({ closed: false, length: 0 });
}

function valueOf(elements: Element[]): unknown {
  if (elements.length === 1) return elements[0].localName === 'iframe' ? windowStandIn() : elements[0];
  // An HTMLCollection: array-like, item() and namedItem().
  const collection: Record<string | number, unknown> = {
    length: elements.length,
    item: (i: number) => elements[i] ?? null,
    namedItem: () => elements[0],
  };
  elements.forEach((el, i) => (collection[i] = el));
  return collection;
}

function shadow(target: object, names: Map<string, Element[]>, undo: (() => void)[]): void {
  for (const [name, elements] of names) {
    if (UNFORGEABLE.has(name)) continue;
    const own = Object.getOwnPropertyDescriptor(target, name);
    Object.defineProperty(target, name, {
      value: valueOf(elements),
      configurable: true,
      enumerable: false,
      writable: true,
    });
    undo.push(() => {
      if (own) Object.defineProperty(target, name, own);
      else delete (target as Record<string, unknown>)[name];
    });
  }
}

function add(names: Map<string, Element[]>, name: string | null, el: Element): void {
  if (!name) return;
  const list = names.get(name);
  if (list) {
    if (!list.includes(el)) list.push(el);
  } else names.set(name, [el]);
}

/** Shadow `doc`'s and its forms' members as a browser would for this markup. Returns the undo. */
export function clobber(doc: Document): () => void {
  // Read everything first: once shadowed, the DOM's own methods may be gone.
  const all = [...doc.querySelectorAll('*')];
  const documentNames = new Map<string, Element[]>();
  const forms: [Element, Map<string, Element[]>][] = [];
  for (const el of all) {
    const tag = el.localName;
    if (DOCUMENT_NAMED.has(tag)) add(documentNames, el.getAttribute('name'), el);
    if ((tag === 'object' || (tag === 'img' && el.getAttribute('name'))) && el.getAttribute('id'))
      add(documentNames, el.getAttribute('id'), el);
    if (tag === 'form') {
      const controls = new Map<string, Element[]>();
      // Its controls: inside it, and anywhere whose form attribute names it (<input form="search">).
      const id = el.getAttribute('id');
      const owned = id
        ? all.filter((other) => other.matches(FORM_LISTED) && other.getAttribute('form') === id)
        : [];
      for (const control of [...el.querySelectorAll(FORM_LISTED), ...owned]) {
        add(controls, control.getAttribute('id'), control);
        add(controls, control.getAttribute('name'), control);
      }
      forms.push([el, controls]);
    }
  }
  const undo: (() => void)[] = [];
  for (const [form, controls] of forms) shadow(form, controls, undo);
  const html = [...doc.childNodes].find((node) => (node as Element).localName === 'html') as
    Element | undefined;
  const children = html ? [...html.children] : [];
  const real: [string, Element | null][] = [
    ['head', children.find((el) => el.localName === 'head') ?? null],
    ['body', children.find((el) => el.localName === 'body' || el.localName === 'frameset') ?? null],
  ];
  for (const [name, el] of real) {
    if (documentNames.has(name)) continue;
    Object.defineProperty(doc, name, { value: el, configurable: true, enumerable: false, writable: true });
    undo.push(() => delete (doc as unknown as Record<string, unknown>)[name]);
  }
  shadow(doc, documentNames, undo);
  return () => {
    for (const step of undo.reverse()) step();
  };
}
