/**
 * The content script's first check (head and address only): it rules out what the address or the
 * declared type says is another kind of page, lets every publication through to the full check,
 * and agrees with the full check, which honours the same ruling.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstCheck, isPublicationPage, rulesOut } from '@/utils/detect';
import { documentOf, LONG_PARAGRAPH, page } from './helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const URL_ESSAY = 'https://www.nsob.nl/publicaties/leren-van-doen';

const fixtures = readdirSync(FIXTURES)
  .filter(
    (slug) =>
      existsSync(join(FIXTURES, slug, 'expected.json')) && existsSync(join(FIXTURES, slug, 'source.html')),
  )
  .map((slug) => ({
    slug,
    expected: JSON.parse(readFileSync(join(FIXTURES, slug, 'expected.json'), 'utf8')) as {
      url: string;
      detected?: boolean;
    },
  }))
  .filter(({ expected }) => typeof expected.detected === 'boolean');

/** An essay page's body: heading, byline, labels and running text, enough for the full check on its own. */
const ESSAY_BODY = `<article><h1>Leren van doen</h1><p>Door Jorren Scherpenisse</p>
  <dl><dt>Publicatiejaar</dt><dd>2021</dd><dt>Auteur(s)</dt><dd>Jorren Scherpenisse</dd><dt>Thema's</dt><dd>Samenwerking</dd></dl>
  ${LONG_PARAGRAPH}${LONG_PARAGRAPH}${LONG_PARAGRAPH}</article>`;

describe('first check on the fixture pages', () => {
  for (const { slug, expected } of fixtures) {
    it(`${expected.detected ? 'lets through' : 'agrees with the full check on'} ${slug}`, () => {
      const doc = documentOf(readFileSync(join(FIXTURES, slug, 'source.html'), 'utf8'));
      // A first load, as the content script and then full-check.js see it.
      const first = firstCheck(doc, expected.url);
      const full = isPublicationPage(doc, expected.url, { headMayBeStale: false });
      // Never rules out a publication.
      if (expected.detected) expect(first.ruledOut, first.signals.join(' ')).toBe(false);
      // Reading only what can change the answer gives the answer the full check gives.
      expect(first.ruledOut).toBe(rulesOut(full.signals));
      for (const signal of first.signals) expect(full.signals).toContain(signal);
      // After in-page navigation both read the whole head, and the full check goes on from there.
      const afterNavigation = firstCheck(doc, expected.url, true);
      const fullAfterNavigation = isPublicationPage(doc, expected.url);
      expect(fullAfterNavigation.signals.slice(0, afterNavigation.signals.length)).toEqual(
        afterNavigation.signals,
      );
      if (afterNavigation.ruledOut) expect(fullAfterNavigation.detected).toBe(false);
    });
  }

  it('rules out most of the pages that are not publications', () => {
    const others = fixtures.filter(({ expected }) => expected.detected === false);
    const ruledOut = others.filter(
      ({ slug, expected }) =>
        firstCheck(documentOf(readFileSync(join(FIXTURES, slug, 'source.html'), 'utf8')), expected.url)
          .ruledOut,
    );
    expect(ruledOut.length).toBeGreaterThan(others.length / 2);
  });
});

describe('what rules a page out', () => {
  it('the address of a home page, an overview, a theme hub or a service page', () => {
    const doc = page('', ESSAY_BODY);
    expect(firstCheck(doc, 'https://www.nsob.nl/').signals).toContain('home-page');
    for (const url of [
      'https://www.nsob.nl/',
      'https://www.nsob.nl/en/',
      'https://www.nsob.nl/publicaties',
      'https://www.nsob.nl/thema/samenwerking',
      'https://www.nsob.nl/contact',
      'https://www.nsob.nl/over-ons/medewerkers',
    ]) {
      expect(firstCheck(doc, url).ruledOut, url).toBe(true);
    }
    expect(firstCheck(doc, URL_ESSAY)).toEqual({ ruledOut: false, signals: [] });
  });

  it('a declared type of another kind of page', () => {
    const event = page(
      '<script type="application/ld+json">{"@type":"Event","name":"Lezing"}</script>',
      ESSAY_BODY,
    );
    expect(firstCheck(event, URL_ESSAY)).toEqual({ ruledOut: true, signals: ['jsonld:Event'] });
  });

  it('not when the publisher declares a publication, whatever the address', () => {
    const citation = page('<meta name="citation_title" content="Leren van doen">', ESSAY_BODY);
    expect(firstCheck(citation, 'https://www.nsob.nl/publicaties').ruledOut).toBe(false);
    const report = page(
      '<script type="application/ld+json">[{"@type":"CollectionPage"},{"@type":"Report"}]</script>',
      ESSAY_BODY,
    );
    expect(firstCheck(report, URL_ESSAY).ruledOut).toBe(false);
  });

  it('not by a stale head after in-page navigation: only the address counts then', () => {
    const stale = page(
      '<link rel="canonical" href="https://www.nsob.nl/agenda/lezing"><script type="application/ld+json">{"@type":"Event"}</script>',
      ESSAY_BODY,
    );
    expect(firstCheck(stale, URL_ESSAY, true)).toEqual({ ruledOut: false, signals: ['stale-metadata'] });
    // On the document's own first load the head is its own, whatever its canonical says.
    expect(firstCheck(stale, URL_ESSAY)).toEqual({ ruledOut: true, signals: ['jsonld:Event'] });
    // Asked lazily: only when the head alone would rule the page out.
    expect(firstCheck(stale, URL_ESSAY, () => true)).toEqual({
      ruledOut: false,
      signals: ['stale-metadata'],
    });
    expect(firstCheck(stale, URL_ESSAY, () => false).ruledOut).toBe(true);
    let asked = 0;
    firstCheck(page('', ESSAY_BODY), URL_ESSAY, () => ++asked > 0);
    firstCheck(stale, 'https://www.nsob.nl/agenda', () => ++asked > 0);
    expect(asked).toBe(0);
  });

  it('keeps a ruled-out page undetected in the full check, however much its body looks like an essay', () => {
    const doc = page('<meta property="og:type" content="article">', ESSAY_BODY);
    expect(isPublicationPage(doc, URL_ESSAY).detected).toBe(true);
    const atContact = isPublicationPage(doc, 'https://www.nsob.nl/contact');
    expect(atContact.detected).toBe(false);
    expect(atContact.confidence).toBeLessThan(0.5);
  });
});

describe('first check on hostile pages', () => {
  it('reads a bounded head and never throws', () => {
    const metas = Array.from(
      { length: 20_000 },
      (_, i) => `<meta name="m${i}" content="${'x'.repeat(50)}">`,
    ).join('');
    const broken = '<script type="application/ld+json">{"@type": "Report", "name": "unterminated</script>';
    const check = firstCheck(page(metas + broken, '<h1>X</h1>'), URL_ESSAY);
    expect(check).toEqual({ ruledOut: false, signals: ['jsonld:Report'] });
    expect(firstCheck(page('', ''), 'not a url').ruledOut).toBe(false);
  });
});
