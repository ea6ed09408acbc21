import { describe, expect, it } from 'vitest';
import { sanitizeExtraction, sanitizeFirstCheck, sanitizePublication, safeHttpUrl } from '@/utils/sanitize';

const base = { url: 'https://www.nsob.nl/publicaties/leren-van-doen', title: 'Leren van doen', authors: [], themes: [], keywords: [], related: [] };

describe('sanitizePublication', () => {
  it('keeps a well-formed record as it is', () => {
    const record = { ...base, authors: ['Martijn van der Steen'], published: '2020', year: 2020, language: 'nl', themes: ['Sturen in netwerken'] };
    expect(sanitizePublication(record)).toEqual(record);
  });

  it('refuses records without an http(s) address or a title', () => {
    expect(sanitizePublication({ ...base, url: 'javascript:alert(1)' })).toBeUndefined();
    expect(sanitizePublication({ ...base, title: '   ' })).toBeUndefined();
    expect(sanitizePublication(null)).toBeUndefined();
  });

  it('drops unsafe links and unknown keys', () => {
    const clean = sanitizePublication({ ...base, pdfUrl: 'javascript:alert(1)', evil: '<script>', related: [{ title: 'X', url: 'data:text/html,hi', themes: [] }] });
    expect(clean).not.toHaveProperty('pdfUrl');
    expect(clean).not.toHaveProperty('evil');
    expect(clean?.related[0]).toEqual({ title: 'X', themes: [] });
  });

  it('keeps markup as inert text, collapsed to one line', () => {
    const clean = sanitizePublication({ ...base, title: '<img src=x onerror=alert(1)>\n  Titel' });
    expect(clean?.title).toBe('<img src=x onerror=alert(1)> Titel');
  });

  it('bounds sizes of hostile input', () => {
    const clean = sanitizePublication({
      ...base,
      summary: 'x'.repeat(1_000_000),
      authors: Array.from({ length: 10_000 }, (_, i) => `Author ${i}`),
      related: Array.from({ length: 10_000 }, (_, i) => ({ title: `R ${i}`, themes: [] })),
    });
    expect(clean!.summary!.length).toBeLessThanOrEqual(2_000);
    expect(clean!.authors.length).toBeLessThanOrEqual(50);
    expect(clean!.related.length).toBeLessThanOrEqual(50);
  });

  it('derives the year from the date and rejects malformed dates and DOIs', () => {
    const clean = sanitizePublication({ ...base, published: '2021-03', year: 'soon', doi: 'doi:nonsense' });
    expect(clean).toMatchObject({ published: '2021-03', year: 2021 });
    expect(clean).not.toHaveProperty('doi');
    expect(sanitizePublication({ ...base, published: 'March 2021' })).not.toHaveProperty('published');
  });
});

describe('sanitizeExtraction', () => {
  it('clamps confidence and keeps signals as short strings', () => {
    const result = sanitizeExtraction({ detected: true, confidence: 7, signals: ['citation_title', 42], publication: base });
    expect(result).toMatchObject({ detected: true, confidence: 1, signals: ['citation_title'] });
  });
  it('treats anything but a literal true as not detected', () => {
    expect(sanitizeExtraction({ detected: 'yes', confidence: 0.9, signals: [] })?.detected).toBe(false);
  });
});

describe('sanitizeFirstCheck', () => {
  it('keeps a ruling and a bounded list of short signals', () => {
    const many = Array.from({ length: 500 }, (_, i) => `path:${i}`);
    const result = sanitizeFirstCheck({ ruledOut: true, signals: ['home-page', 42, ...many], extra: 'dropped' });
    expect(result?.ruledOut).toBe(true);
    expect(result?.signals[0]).toBe('home-page');
    expect(result?.signals.length).toBeLessThanOrEqual(40);
    expect(result).not.toHaveProperty('extra');
  });
  it('refuses a message without a ruling', () => {
    expect(sanitizeFirstCheck({ ruledOut: 'yes', signals: [] })).toBeUndefined();
    expect(sanitizeFirstCheck(null)).toBeUndefined();
  });
});

describe('safeHttpUrl', () => {
  it('accepts only absolute http and https addresses', () => {
    expect(safeHttpUrl('https://wrr.nl/a')).toBe('https://wrr.nl/a');
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl('chrome://settings')).toBeUndefined();
  });
});
