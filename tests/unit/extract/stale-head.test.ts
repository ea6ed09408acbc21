import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/utils/extract';

// A single-page app after in-page navigation: the body shows the new publication, while the head
// still carries the previous one's metadata (canonical, og, citation_*, JSON-LD).
const spaPage = `<!doctype html><html lang="en"><head>
  <title>Housing supply | Think Tank</title>
  <link rel="canonical" href="https://www.example.org/research/housing-supply">
  <meta property="og:url" content="https://www.example.org/research/housing-supply">
  <meta name="citation_title" content="Housing supply and the missing middle">
  <meta name="citation_author" content="Ann Old">
  <script type="application/ld+json">{"@type":"Report","headline":"Housing supply and the missing middle","author":{"@type":"Person","name":"Ann Old"}}</script>
</head><body><main><article>
  <h1>Governing algorithms in the public sector</h1>
  <p class="byline">By Jane New</p>
  <p>Public agencies increasingly rely on automated systems to allocate benefits and inspections, and the rules that govern them lag behind.</p>
</article></main></body></html>`;

describe('stale head after in-page navigation', () => {
  it('reads the new view and ignores metadata that names another page of the site', () => {
    const { document } = parseHTML(spaPage);
    const result = extractPage(
      document as unknown as Document,
      'https://www.example.org/research/governing-algorithms',
    );
    expect(result.signals).toContain('stale-metadata');
    expect(result.publication?.title).toBe('Governing algorithms in the public sector');
    expect(result.publication?.authors).toEqual(['Jane New']);
    expect(result.publication?.canonicalUrl).not.toBe('https://www.example.org/research/housing-supply');
  });

  it("keeps the head on a document's own first load, whatever its canonical says", () => {
    const { document } = parseHTML(spaPage);
    const result = extractPage(
      document as unknown as Document,
      'https://www.example.org/research/governing-algorithms',
      { headMayBeStale: false },
    );
    expect(result.signals).not.toContain('stale-metadata');
    expect(result.publication?.authors).toEqual(['Ann Old']);
  });

  it('keeps the head when it describes the page itself', () => {
    const { document } = parseHTML(spaPage);
    const result = extractPage(
      document as unknown as Document,
      'https://www.example.org/research/housing-supply',
    );
    expect(result.signals).not.toContain('stale-metadata');
    expect(result.publication?.authors).toEqual(['Ann Old']);
  });
});
