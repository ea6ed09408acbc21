/**
 * extractor.js asks the browser's DOM its selector queries (`askDom`); Node, over linkedom, filters
 * the one list of the page's elements instead. Both must read the same record and verdict from
 * every fixture page, whichever way the check and the field rules get their answers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/utils/extract';

const FIXTURES = join(__dirname, '../../fixtures');
const pages = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).filter(
      (name) =>
        existsSync(join(FIXTURES, name, 'source.html')) && existsSync(join(FIXTURES, name, 'expected.json')),
    )
  : [];

function read(name: string, askDom: boolean) {
  const html = readFileSync(join(FIXTURES, name, 'source.html'), 'utf8');
  const { url } = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as { url: string };
  return extractPage(parseHTML(html).document as unknown as Document, url, { headMayBeStale: false, askDom });
}

describe('asking the DOM or filtering the element list', () => {
  it('has fixture pages to read', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('reads the same verdict and record from %s', (name) => {
    const asked = read(name, true);
    expect(asked).toEqual(read(name, false));
  });
});
