/**
 * patches/linkedom+0.18.15.patch makes linkedom (1) allocate a node's listener table on its first
 * addEventListener instead of in every node's constructor (a WeakMap entry and a Map per element,
 * text and attribute: over half of the parse time on real pages, and most of its garbage), and
 * (2) keep compiled selectors across closest()/matches()/querySelector() calls instead of
 * compiling each time, and (3) lower-case an HTML element's attribute names as browsers do (old
 * pages write `<META NAME="Description">`, which the extension reads in the browser). The CLI,
 * eval and tests read pages through linkedom, so events and selectors on its nodes must still
 * behave.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

function page() {
  return parseHTML('<html><body><main><p id="lead">Tekst</p></main></body></html>');
}

describe('linkedom with listeners allocated on first use', () => {
  it('delivers an event to listeners on the target and, when it bubbles, on its ancestors', () => {
    const { document, Event } = page();
    const lead = document.getElementById('lead')!;
    const heard: string[] = [];
    lead.addEventListener('ping', () => heard.push('p'));
    document.querySelector('main')!.addEventListener('ping', () => heard.push('main'));
    lead.dispatchEvent(new Event('ping', { bubbles: true }));
    lead.dispatchEvent(new Event('ping'));
    expect(heard).toEqual(['p', 'main', 'p']);
  });

  it('removes a listener, also from a node that never had one, and keeps `once` listeners to one call', () => {
    const { document, Event } = page();
    const lead = document.getElementById('lead')!;
    const calls: string[] = [];
    const listener = () => calls.push('kept');
    expect(() => lead.removeEventListener('ping', listener)).not.toThrow();
    lead.addEventListener('ping', listener);
    lead.addEventListener('ping', () => calls.push('once'), { once: true });
    lead.dispatchEvent(new Event('ping'));
    lead.removeEventListener('ping', listener);
    lead.dispatchEvent(new Event('ping'));
    expect(calls).toEqual(['kept', 'once']);
  });

  it('dispatches on a node without listeners without throwing', () => {
    const { document, Event } = page();
    expect(document.body.dispatchEvent(new Event('ping', { bubbles: true }))).toBe(true);
  });
});

describe('linkedom with compiled selectors kept across calls', () => {
  it('answers a kept selector from the document as it is now, not as it was', () => {
    const { document } = parseHTML(
      '<html><body><section id="s"><p class="x">Een</p></section><section id="t"></section></body></html>',
    );
    const p = document.querySelector('p.x')!;
    expect(document.querySelector('section:has(p.x)')?.id).toBe('s');
    expect(p.closest('section')?.id).toBe('s');
    document.getElementById('t')!.appendChild(p);
    expect(document.querySelector('section:has(p.x)')?.id).toBe('t');
    expect(p.closest('section')?.id).toBe('t');
    expect(p.matches('#t > p')).toBe(true);
    expect(p.matches('#s > p')).toBe(false);
    p.className = 'y';
    expect(document.querySelectorAll('p.x').length).toBe(0);
    expect(p.matches('p.x')).toBe(false);
  });

  it('keeps :scope selectors bound to the element they were asked of', () => {
    const { document } = parseHTML(
      '<html><body><div id="a"><p>A</p></div><div id="b"><p>B</p><p>C</p></div></body></html>',
    );
    expect(document.getElementById('a')!.querySelectorAll(':scope > p').length).toBe(1);
    expect(document.getElementById('b')!.querySelectorAll(':scope > p').length).toBe(2);
  });

  it('still refuses a selector that is not one', () => {
    const { document } = parseHTML('<html><body><p>A</p></body></html>');
    expect(() => document.querySelector('p[')).toThrow();
    expect(() => document.querySelector('p[')).toThrow();
  });
});

describe('linkedom reading attribute names as a browser does', () => {
  it('finds an upper-case meta description by its lower-case name, the first of a repeated name winning', () => {
    const { document } = parseHTML(
      '<html><head><META NAME="Description" CONTENT="Over de woningmarkt" name="later"></head><body></body></html>',
    );
    const meta = document.querySelector('meta[name="Description"]');
    expect(meta?.getAttribute('content')).toBe('Over de woningmarkt');
    expect(meta?.getAttributeNames()).toEqual(['name', 'content']);
  });

  it("keeps an SVG drawing's attribute names in their case", () => {
    const { document } = parseHTML(
      '<html><body><svg viewBox="0 0 2 2"><path fillRule="evenodd"/></svg></body></html>',
    );
    expect(document.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 2 2');
    expect(document.querySelector('path')?.getAttributeNames()).toEqual(['fillRule']);
  });
});
