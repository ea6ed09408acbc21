/**
 * A form's controls shadow the form's own members in a browser (<input name="nextSibling"> makes
 * form.nextSibling that input), in the extension's isolated world too. Walks that step by
 * firstChild/nextSibling/parentNode then meet a cycle: they must still end, with what they read.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { startOfText } from '@/utils/detect/text-start';
import { extractPage } from '@/utils/extract';
import { bylineWordHolders } from '@/utils/extract/byline-words';
import { createContext } from '@/utils/extract/context';
import { indexElements } from '@/utils/extract/elements';
import { selector } from '@/utils/extract/select';
import { readText, walkReadableText } from '@/utils/extract/text';
import { clobber } from './clobber';

const CONTROLS = ['nextSibling', 'parentNode', 'firstChild', 'parentElement'];
/** Not parentNode here: linkedom's own contains() steps by parentNode in script (a browser's is native). */
const WHOLE_PAGE_CONTROLS = [
  'nextSibling',
  'firstChild',
  'parentElement',
  'localName',
  'tagName',
  'hasAttributes',
  'getAttributeNode',
];

function clobberedPage(names: string[]) {
  const inputs = names.map((name) => `<input name="${name}">`).join('');
  const { document } = parseHTML(
    `<html lang="nl"><head><title>Zorg dichtbij</title></head><body><main><article id="item"><h1>Zorg dichtbij</h1>` +
      `<div id="wrap"><p>Gemeenten kiezen</p><form>${inputs}</form></div>` +
      `<p>Dit rapport onderzoekt hoe gemeenten de uitvoering van de Wmo organiseren en welke keuzes zij daarbij maken.</p>` +
      `</article></main></body></html>`,
  );
  return { document, undo: clobber(document as unknown as Document) };
}

describe('walks over a form whose controls shadow its members', () => {
  it.each(CONTROLS.map((name) => [name]))(
    'end, with the text before the form (<input name="%s">)',
    (name) => {
      const { document, undo } = clobberedPage([name]);
      try {
        const wrap = document.getElementById('wrap') as unknown as Element;
        expect(startOfText(wrap, 200)).toContain('Gemeenten kiezen');
        expect(readText(wrap, 200).text).toContain('Gemeenten kiezen');
        expect(walkReadableText(wrap, 200)).toContain('Gemeenten kiezen');
      } finally {
        undo();
      }
    },
  );

  it('leave the page readable as a publication with every such control at once', () => {
    const { document, undo } = clobberedPage(WHOLE_PAGE_CONTROLS);
    try {
      const result = extractPage(document as unknown as Document, 'https://example.org/publicaties/zorg', {
        headMayBeStale: false,
      });
      expect(result.publication?.title).toBe('Zorg dichtbij');
    } finally {
      undo();
    }
  });
});

describe('byline lines on a page whose markup shadows what the walks step by', () => {
  const BYLINE = '<p>Von Jonas Berg</p>';
  // Not parentNode here: linkedom's own contains() steps by parentNode in script (see above).
  // {byline} marks where the byline stands, after the markup where it is left out.
  const SHADOWING = [
    '<form><input name="firstChild"><input name="firstChild"></form>',
    // The byline between the form and its control: the walk would jump from the one to the other.
    '<form id="suche"></form>{byline}<input form="suche" name="firstChild">',
    '<form><input id="nextSibling"></form>',
    '<img name="documentElement" alt="">',
    // The byline's prefix inside a form whose parentElement is shadowed.
    '<div><form>Von<input name="parentElement"></form> Jonas Berg</div>',
  ];

  it.each(SHADOWING.map((markup) => [markup]))('still reads the byline in or beside %s', (markup) => {
    const byline = markup.includes('{byline}')
      ? markup.replace('{byline}', BYLINE)
      : markup.includes('Jonas Berg')
        ? markup
        : markup + BYLINE;
    const { document } = parseHTML(
      `<html lang="de"><head><title>Neue Regeln</title></head><body><main><article><h1>Neue Regeln für Gemeinden</h1>` +
        `${byline}<p>Ein Absatz mit genug Text, um als laufender Text zu gelten, über Verwaltung und Politik in Deutschland und anderswo.</p>` +
        `</article></main></body></html>`,
    );
    const undo = clobber(document as unknown as Document);
    try {
      const result = extractPage(document as unknown as Document, 'https://example.org/artikel/neue-regeln', {
        headMayBeStale: false,
      });
      expect(result.publication?.authors).toEqual(['Jonas Berg']);
    } finally {
      undo();
    }
  });

  it('has every line read where a form shadows parentNode (the walk for byline words is not trusted)', () => {
    const { document, undo } = clobberedPage(['parentNode']);
    try {
      const ctx = createContext(document as unknown as Document, 'https://example.org/publicaties/zorg');
      expect(bylineWordHolders(ctx)).toBeUndefined();
    } finally {
      undo();
    }
  });

  it('answers a selector from the index as the DOM does where a form shadows getAttributeNode', () => {
    const { document } = parseHTML(
      `<html><body><main><form class="byline"><input name="getAttributeNode"></form><p class="byline">Von Jonas Berg</p></main></body></html>`,
    );
    const doc = document as unknown as Document;
    const query = '[class*="byline"], [itemprop="author"]';
    const want = [...doc.querySelectorAll(query)];
    const undo = clobber(doc);
    try {
      expect(Array.from(selector(doc, indexElements(doc)).all(query))).toEqual(want);
    } finally {
      undo();
    }
  });
});
