/**
 * The start of an element's text, read no further than needed: textContent would copy all of it (a
 * whole article body when the element is its wrapper), and some DOMs (linkedom) build a
 * TreeWalker's whole list of nodes when it is made.
 */

const MAX_NODES = 5_000;

/**
 * The text nodes under `el`, in document order, joined until more than `max` characters are
 * collected, then cut to `max`; whitespace folded, trimmed. What a SHOW_TEXT TreeWalker gives.
 */
export function startOfText(el: Element | null | undefined, max: number): string {
  if (!el) return '';
  let collected = '';
  let node: Node | null = el.firstChild;
  // A node budget: a form's controls can shadow its firstChild, nextSibling and parentNode
  // (<input name="nextSibling">), which turns this walk into a cycle on a hostile page.
  for (let visited = 0; node && collected.length <= max && visited < MAX_NODES; visited++) {
    if (node.nodeType === 3) collected += node.nodeValue;
    // Next in document order, within el.
    let next: Node | null = node.firstChild;
    while (!next && node && node !== el && visited++ < MAX_NODES) {
      next = node.nextSibling;
      if (!next) node = node.parentNode;
    }
    node = next;
  }
  return collected.slice(0, max).replace(/\s+/g, ' ').trim();
}
