/**
 * patches/linkedom+0.18.15.patch makes linkedom allocate a node's listener table on its first
 * addEventListener instead of in every node's constructor (a WeakMap entry and a Map per element,
 * text and attribute: over half of the parse time on real pages, and most of its garbage). The CLI,
 * eval and tests read pages through linkedom, so events on its nodes must still behave.
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
