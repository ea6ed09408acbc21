/**
 * The full check runs on most pages of a publisher's site, whatever that page holds: it never
 * throws, never changes the page, and reads bounded amounts of hostile input.
 */
import { describe, expect, it } from 'vitest';
import { isPublicationPage } from '@/utils/detect';
import { jsonLdTypes } from '@/utils/detect/jsonld';
import { documentOf, LONG_PARAGRAPH, page } from './helpers';

const URL_ESSAY = 'https://www.nsob.nl/publicaties/leren-van-doen';

describe('hostile pages', () => {
  it('survives a huge JSON-LD block and still reads the types at its start', () => {
    const filler = 'x'.repeat(5_000_000);
    const doc = page(
      `<script type="application/ld+json">{"@type":"Report","name":"Leren van doen","text":"${filler}","@type":"Event"}</script>`,
      '<h1>Leren van doen</h1>',
    );
    const detection = isPublicationPage(doc, URL_ESSAY);
    expect(detection.signals).toContain('jsonld:Report');
    // The Event type lies beyond the bytes the check reads.
    expect(detection.signals).not.toContain('jsonld:Event');
  });

  it('reads only a bounded number of JSON-LD blocks and types', () => {
    const blocks = Array.from(
      { length: 500 },
      (_, i) => `<script type="application/ld+json">{"@type":"Type${i}"}</script>`,
    ).join('');
    const types = jsonLdTypes(page(blocks, '<h1>X</h1>').getElementsByTagName('script'));
    expect(types.size).toBeGreaterThan(0);
    expect(types.size).toBeLessThanOrEqual(64);
    const many = `<script type="application/ld+json">[${Array.from({ length: 5000 }, (_, i) => `{"@type":"T${i}"}`).join(',')}]</script>`;
    expect(jsonLdTypes(page(many, '<h1>X</h1>').getElementsByTagName('script')).size).toBeLessThanOrEqual(64);
  });

  it('survives malformed JSON-LD, empty blocks and odd @type values', () => {
    const doc = page(
      '<script type="application/ld+json">{{{ not json</script><script type="application/ld+json"></script>' +
        '<script type="application/ld+json">{"@type": 42, "@type": null, "@type": ["", "http://schema.org/Article"]}</script>',
      '<h1>Titel</h1>',
    );
    const detection = isPublicationPage(doc, URL_ESSAY);
    expect(detection.signals).toContain('jsonld:Article');
  });

  it('handles 100,000 nodes: a listing that size stays undetected', () => {
    const cards = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<li><h3><a href="/p/${i}">Publicatie ${i}</a></h3><p><time datetime="2024-01-01">1 januari 2024</time></p></li>`,
    ).join('');
    const doc = page(
      '<meta property="og:type" content="article">',
      `<h1>Alle publicaties</h1><ul>${cards}</ul>`,
    );
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(100_000);
    const detection = isPublicationPage(doc, 'https://www.nsob.nl/alle-uitgaven');
    expect(detection.detected).toBe(false);
    expect(detection.signals).toContain('listing:cards');
  }, 60_000); // Parsing 100,000 nodes in linkedom takes a while on a busy machine; the check itself is bounded.

  it('handles very deep nesting and thousands of headings', () => {
    const deep = '<div>'.repeat(5000) + `<h1>Diep</h1>${LONG_PARAGRAPH}` + '</div>'.repeat(5000);
    expect(() => isPublicationPage(page('', deep), URL_ESSAY)).not.toThrow();
    const headings = Array.from({ length: 5000 }, (_, i) => `<h1>Kop ${i}</h1><dt>Auteur</dt>`).join('');
    expect(() => isPublicationPage(page('', headings), URL_ESSAY)).not.toThrow();
  });

  it('survives empty documents, missing head or body, and nonsense addresses', () => {
    for (const html of ['', '<html></html>', '<p>los</p>', '<!DOCTYPE html><html><head></head></html>']) {
      for (const url of ['', 'not a url', 'javascript:alert(1)', 'https://www.nsob.nl/%E0%A4%A', URL_ESSAY]) {
        const detection = isPublicationPage(documentOf(html), url);
        expect(detection.detected, `${html} ${url}`).toBe(false);
        expect(detection.confidence).toBeGreaterThanOrEqual(0);
        expect(detection.confidence).toBeLessThanOrEqual(1);
      }
    }
  });

  it('survives malformed canonical and og:url values and odd links in the heading', () => {
    const doc = page(
      '<link rel="canonical" href="http://[::1"><meta property="og:url" content="%%%"><meta name="citation_title" content="X">',
      '<h1><a href="http://[bad">X</a></h1>',
    );
    expect(isPublicationPage(doc, 'https://www.nsob.nl/publicaties/x%ZZ').signals).toContain(
      'citation_title',
    );
  });

  it('never changes the page it reads', () => {
    const doc = page(
      '<meta property="og:type" content="article"><script type="application/ld+json">{"@type":"Report"}</script>',
      `<article><p>Essay</p><h1>Leren van doen</h1><p>Door Martijn van der Steen · 22 september 2020</p><dl><dt>Thema's</dt><dd>Sturen</dd></dl>${LONG_PARAGRAPH}<a href="/x.pdf">PDF</a></article>`,
    );
    const before = doc.documentElement.outerHTML;
    isPublicationPage(doc, URL_ESSAY);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
