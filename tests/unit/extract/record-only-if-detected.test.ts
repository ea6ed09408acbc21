import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/utils/extract';

// After the first check the background asks for the record only where the full check finds a
// publication; a reader who asks to save any page always gets one.
const essay = `<!doctype html><html lang="nl"><head><title>Leren van doen | NSOB</title>
  <meta name="citation_title" content="Leren van doen"><meta name="citation_author" content="Jorren Scherpenisse">
</head><body><main><article><h1>Leren van doen</h1><p>Door Jorren Scherpenisse</p></article></main></body></html>`;
const overview = `<!doctype html><html lang="nl"><head><title>Nieuws | CPB</title></head><body><main><h1>Nieuws</h1>
  <ul>${Array.from({ length: 8 }, (_, i) => `<li><time datetime="2024-01-0${i + 1}">${i + 1} januari 2024</time> <a href="/nieuws/${i}">Bericht ${i}</a></li>`).join('')}</ul>
</main></body></html>`;

function page(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('the record only where the full check finds a publication', () => {
  it('reads the record of a publication either way', () => {
    const url = 'https://www.nsob.nl/publicaties/leren-van-doen';
    const result = extractPage(page(essay), url, { recordOnlyIfDetected: true });
    expect(result.detected).toBe(true);
    expect(result.publication?.authors).toEqual(['Jorren Scherpenisse']);
    expect(extractPage(page(essay), url).publication?.title).toBe('Leren van doen');
  });

  it('walks a page that is not a publication not at all, however large', () => {
    const doc = page(overview.replace('</ul>', `${'<li><a href="/x">Bericht</a></li>'.repeat(20_000)}</ul>`));
    const queries: string[] = [];
    const query = doc.querySelectorAll.bind(doc);
    doc.querySelectorAll = ((selector: string) => {
      queries.push(selector);
      return query(selector);
    }) as typeof doc.querySelectorAll;
    expect(extractPage(doc, 'https://www.cpb.nl/actueel', { recordOnlyIfDetected: true }).detected).toBe(
      false,
    );
    expect(queries.length).toBeGreaterThan(0);
    expect(queries).not.toContain('*');
    extractPage(doc, 'https://www.cpb.nl/actueel');
    expect(queries).toContain('*');
  });

  it('skips the record of a page that is not a publication, unless asked for it', () => {
    const url = 'https://www.cpb.nl/actueel';
    const checked = extractPage(page(overview), url, { recordOnlyIfDetected: true });
    expect(checked.detected).toBe(false);
    expect(checked.publication).toBeUndefined();
    const asked = extractPage(page(overview), url);
    expect(asked.detected).toBe(false);
    expect(asked.publication?.title).toBe('Nieuws');
  });
});
