/**
 * A form's controls shadow the form's own members in a browser (<input name="nextSibling"> makes
 * form.nextSibling that input), in the extension's isolated world too. Walks that step by
 * firstChild/nextSibling/parentNode then meet a cycle: they must still end, with what they read.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { startOfText } from '@/utils/detect/text-start';
import { extractPage } from '@/utils/extract';
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
