import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '@/utils/extract';
import { fullCheck, HANDOFF_MS, leaveDetection, takeDetection } from '@/utils/extract/check';

// After the first check the background runs the full check alone (full-check.js), and reads the
// record (extractor.js) only where that finds a publication; a reader who asks to save any page
// always gets one.
const essay = `<!doctype html><html lang="nl"><head><title>Leren van doen | NSOB</title>
  <meta name="citation_title" content="Leren van doen"><meta name="citation_author" content="Jorren Scherpenisse">
</head><body><main><article><h1>Leren van doen</h1><p>Door Jorren Scherpenisse</p></article></main></body></html>`;
const overview = `<!doctype html><html lang="nl"><head><title>Nieuws | CPB</title></head><body><main><h1>Nieuws</h1>
  <ul>${Array.from({ length: 8 }, (_, i) => `<li><time datetime="2024-01-0${i + 1}">${i + 1} januari 2024</time> <a href="/nieuws/${i}">Bericht ${i}</a></li>`).join('')}</ul>
</main></body></html>`;
const ESSAY_URL = 'https://www.nsob.nl/publicaties/leren-van-doen';
const OVERVIEW_URL = 'https://www.cpb.nl/actueel';

function page(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('the full check alone, then the record only where it finds a publication', () => {
  it('finds the publication, and the extractor reads its record under the same verdict', () => {
    const detection = fullCheck(page(essay), ESSAY_URL);
    expect(detection.detected).toBe(true);
    expect(detection).not.toHaveProperty('publication');
    const result = extractPage(page(essay), ESSAY_URL, { detection });
    expect(result).toMatchObject({ detected: true, confidence: detection.confidence });
    expect(result.publication?.authors).toEqual(['Jorren Scherpenisse']);
  });

  it('walks a page that is not a publication not at all, however large', () => {
    const doc = page(overview.replace('</ul>', `${'<li><a href="/x">Bericht</a></li>'.repeat(20_000)}</ul>`));
    const queries: string[] = [];
    const query = doc.querySelectorAll.bind(doc);
    doc.querySelectorAll = ((selector: string) => {
      queries.push(selector);
      return query(selector);
    }) as typeof doc.querySelectorAll;
    expect(fullCheck(doc, OVERVIEW_URL).detected).toBe(false);
    expect(queries.length).toBeGreaterThan(0);
    expect(queries).not.toContain('*');
    extractPage(doc, OVERVIEW_URL);
    expect(queries).toContain('*');
  });

  it('reads a record where the reader asks, also on a page that is not a publication', () => {
    const asked = extractPage(page(overview), OVERVIEW_URL);
    expect(asked.detected).toBe(false);
    expect(asked.publication?.title).toBe('Nieuws');
  });

  it('does not check the page again when given the verdict already made', () => {
    const given = { detected: true, confidence: 0.6, signals: ['from-full-check'] };
    const result = extractPage(page(overview), OVERVIEW_URL, { detection: given });
    expect(result).toMatchObject({ detected: true, confidence: 0.6 });
    expect(result.signals[0]).toBe('from-full-check');
  });
});

describe('the verdict full-check.js leaves for extractor.js', () => {
  const detected = { detected: true, confidence: 0.8, signals: ['citation_title'] };

  it('is taken once, for its own address only', () => {
    const scope = {};
    leaveDetection(scope, ESSAY_URL, detected, 100);
    expect(takeDetection(scope, 'https://www.nsob.nl/publicaties/volgende', 150)).toBeUndefined();
    expect(takeDetection(scope, ESSAY_URL, 150)).toBeUndefined();
    leaveDetection(scope, ESSAY_URL, detected, 100);
    expect(takeDetection(scope, ESSAY_URL, 150)).toEqual(detected);
    expect(takeDetection(scope, ESSAY_URL, 150)).toBeUndefined();
  });

  it('is not taken once it was left behind: a later save checks the page as it is then', () => {
    const scope = {};
    leaveDetection(scope, ESSAY_URL, detected, 1_000);
    expect(takeDetection(scope, ESSAY_URL, 1_000 + HANDOFF_MS)).toEqual(detected);
    leaveDetection(scope, ESSAY_URL, detected, 1_000);
    expect(takeDetection(scope, ESSAY_URL, 1_000 + HANDOFF_MS + 1)).toBeUndefined();
    expect(Object.keys(scope)).toEqual([]);
    leaveDetection(scope, ESSAY_URL, detected, 1_000);
    expect(takeDetection(scope, ESSAY_URL, 999)).toBeUndefined();
  });

  it('is not left by a page that is not a publication, which also drops an earlier view’s', () => {
    const scope = {};
    leaveDetection(scope, ESSAY_URL, detected, 100);
    leaveDetection(scope, ESSAY_URL, { detected: false, confidence: 0.2, signals: [] }, 110);
    expect(takeDetection(scope, ESSAY_URL, 120)).toBeUndefined();
    expect(Object.keys(scope)).toEqual([]);
  });

  it('ignores anything else found under its name', () => {
    const cases = [
      null,
      'x',
      { url: ESSAY_URL },
      { url: ESSAY_URL, detection: { detected: 'yes' }, at: 100 },
      { url: ESSAY_URL, detection: detected },
      { url: ESSAY_URL, detection: detected, at: '100' },
    ];
    for (const value of cases) {
      const scope = { __leesmapFullCheck: value };
      expect(takeDetection(scope, ESSAY_URL, 120)).toBeUndefined();
    }
    const scope = {};
    leaveDetection(scope, ESSAY_URL, { ...detected, signals: ['a'] }, 100);
    (
      Reflect.get(scope, '__leesmapFullCheck') as { detection: { signals: unknown[] } }
    ).detection.signals.push(1);
    expect(takeDetection(scope, ESSAY_URL, 120)).toBeUndefined();
  });
});
