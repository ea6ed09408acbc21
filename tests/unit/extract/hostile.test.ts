/** Hostile and broken pages: the extractor never throws, never changes the page, bounds its work. */
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/utils/extract';
import { MAX_JSONLD_BYTES } from '@/utils/extract/jsonld';
import { doc, extract, extractResult, jsonLd, page } from './helpers';

const ARTICLE =
  '<main><h1>Weerbare democratie</h1><p>Een alinea met genoeg tekst om als lopende tekst te gelden, over bestuur en beleid in Nederland.</p></main>';

describe('hostile pages', () => {
  it('skips a malformed JSON-LD block and reads the good one beside it', () => {
    const html = page(
      `<script type="application/ld+json">{"@type": "Report", "headline": "Kapot", </script>${jsonLd({ '@type': 'Report', headline: 'Goed blok', author: { '@type': 'Person', name: 'Maarten Vos' } })}`,
      ARTICLE,
    );
    expect(extract(html)).toMatchObject({ title: 'Goed blok', authors: ['Maarten Vos'] });
  });

  it('ignores JSON-LD of unexpected shapes (numbers, nulls, nested arrays, strings for objects)', () => {
    const html = page(
      `${jsonLd(null)}${jsonLd(42)}${jsonLd([[[{ '@type': 'Article', headline: 'Diep genest', author: 7, publisher: [null, 'Uitgever'], datePublished: { x: 1 } }]]])}`,
      ARTICLE,
    );
    const publication = extract(html);
    expect(publication?.title).toBe('Diep genest');
    expect(publication?.authors).toEqual([]);
    expect(publication?.published).toBeUndefined();
  });

  it('does not read 5 MB of JSON-LD (over the byte cap), and still reads the page', () => {
    const huge = JSON.stringify({
      '@type': 'Report',
      headline: 'Uit de enorme blok',
      description: 'x'.repeat(5 * 1024 * 1024),
    });
    expect(huge.length).toBeGreaterThan(MAX_JSONLD_BYTES);
    const publication = extract(
      page(
        `<script type="application/ld+json">${huge}</script><title>Weerbare democratie | WRR</title>`,
        ARTICLE,
      ),
    );
    expect(publication?.title).toBe('Weerbare democratie');
    expect(publication?.summary?.length ?? 0).toBeLessThanOrEqual(1_000);
  });

  it('skips an oversized JSON-LD block but still reads a normal one after it', () => {
    const huge = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Report', headline: 'Enorm', filler: 'x'.repeat(MAX_JSONLD_BYTES) })}</script>`;
    const publication = extract(
      page(`${huge}${jsonLd({ '@type': 'Report', headline: 'Het normale blok' })}`, ARTICLE),
    );
    expect(publication?.title).toBe('Het normale blok');
  });

  it('reads a page of 200,000 nodes and caps what it returns', () => {
    const cards = Array.from(
      { length: 20_000 },
      (_, i) => `<li><a href="/p/${i}"><h3>Publicatie ${i}</h3></a><p>Tekst</p><span>x</span></li>`,
    ).join('');
    const html = page(
      '<title>Weerbare democratie</title>',
      `${ARTICLE}<section><h2>Lees ook</h2><ul>${cards}</ul></section><div>${'<span>y</span>'.repeat(100_000)}</div>`,
    );
    const document = doc(html);
    expect(document.querySelectorAll('*').length).toBeGreaterThan(200_000);
    const result = extractPage(document, 'https://www.wrr.nl/publicaties/x');
    expect(result.publication?.title).toBe('Weerbare democratie');
    expect(result.publication?.related.length).toBeLessThanOrEqual(50);
    // Parsing 200,000 nodes takes seconds on a loaded shared machine; this is no speed test
    // (npm run bench is), only a guard that the page is read at all.
  }, 60_000);

  it('survives deeply nested markup', () => {
    const depth = 5_000;
    const html = page(
      '<title>Diep</title>',
      `${'<div>'.repeat(depth)}<h1>Diep geneste kop</h1><p>Door Anna de Vries</p>${'</div>'.repeat(depth)}`,
    );
    const result = extractResult(html);
    expect(result.publication?.title).toBe('Diep geneste kop');
  });

  it('caps very long text fields', () => {
    const long = 'woord '.repeat(50_000);
    const publication = extract(
      page(
        `<meta name="description" content="${long}"><meta name="citation_title" content="${long}">`,
        ARTICLE,
      ),
    );
    expect(publication!.title.length).toBeLessThanOrEqual(500);
    expect(publication!.summary!.length).toBeLessThanOrEqual(1_000);
  });

  it('never changes the page it reads', () => {
    const html = page(
      `<title>Leren van doen | NSOB</title>${jsonLd({ '@type': 'Report', headline: 'Leren van doen' })}`,
      `${ARTICLE}<section><h2>Gerelateerde publicaties</h2><div><article><h3><a href="/a">Ander essay</a></h3></article></div></section>`,
    );
    const document = doc(html);
    const before = document.documentElement.outerHTML;
    extractPage(document, 'https://www.nsob.nl/publicaties/leren-van-doen');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('never throws, even when the DOM itself fails', () => {
    const broken = new Proxy(doc(page('<title>x</title>')), {
      get(target, key) {
        if (key === 'querySelectorAll' || key === 'querySelector')
          return () => {
            throw new Error('boom');
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const result = extractPage(broken as Document, 'https://example.org/');
    expect(result.detected).toBe(false);
    expect(result.publication).toBeUndefined();
  });

  it('an empty document or a nonsense URL gives no record, not an error', () => {
    expect(extractResult('', 'not a url').publication).toBeUndefined();
    expect(extractResult('<html></html>', '').detected).toBe(false);
  });

  it('javascript: links are never returned as URLs', () => {
    const html = page(
      '<link rel="canonical" href="javascript:alert(1)">',
      `${ARTICLE}<a href="javascript:alert(1)//.pdf">Download pdf</a><section><h2>Related publications</h2><ul><li><a href="javascript:alert(1)"><h3>Bad card</h3></a></li></ul></section>`,
    );
    const publication = extract(html)!;
    expect(publication.canonicalUrl).toBeUndefined();
    expect(publication.pdfUrl).toBeUndefined();
    expect(publication.related[0]?.url).toBeUndefined();
  });
});
