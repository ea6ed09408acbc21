import { describe, expect, it } from 'vitest';
import { foldKey, identityKeys, normaliseDoi, normaliseUrl, publicationId } from '@/utils/identity';

describe('normaliseUrl', () => {
  const base = 'https://nsob.nl/publicaties/leren-van-doen';
  it.each([
    'https://www.nsob.nl/publicaties/leren-van-doen',
    'HTTPS://NSOB.NL/publicaties/leren-van-doen/',
    'https://nsob.nl/publicaties/leren-van-doen#samenvatting',
    'https://nsob.nl/publicaties/leren-van-doen?utm_source=nieuwsbrief&utm_medium=email',
    'https://nsob.nl/publicaties/leren-van-doen?fbclid=abc&gclid=def&mc_cid=1',
    'https://nsob.nl:443/publicaties/leren-van-doen',
    'https://user:pw@nsob.nl/publicaties/leren-van-doen',
  ])('%s is the same page', (variant) => {
    expect(normaliseUrl(variant)).toBe(base);
  });

  it('keeps meaningful query parameters, sorted', () => {
    expect(normaliseUrl('https://example.org/report?id=7&lang=nl&utm_campaign=x')).toBe(
      'https://example.org/report?id=7&lang=nl',
    );
    expect(normaliseUrl('https://example.org/report?lang=nl&id=7')).toBe(
      'https://example.org/report?id=7&lang=nl',
    );
  });

  it('keeps path case and distinguishes different pages', () => {
    expect(normaliseUrl('https://example.org/Reports/A')).not.toBe(
      normaliseUrl('https://example.org/reports/a'),
    );
    expect(normaliseUrl('https://example.org/report?id=7')).not.toBe(
      normaliseUrl('https://example.org/report?id=8'),
    );
  });

  it('survives malformed input', () => {
    expect(normaliseUrl('not a url')).toBe('not a url');
    expect(normaliseUrl('')).toBe('');
    expect(normaliseUrl('https://example.org/' + 'a'.repeat(100_000)).length).toBeLessThanOrEqual(4096);
  });

  it('reduces a site root to its host', () => {
    expect(normaliseUrl('https://www.wrr.nl/')).toBe('https://wrr.nl');
  });
});

describe('identityKeys', () => {
  it('gives url, canonical, DOI and title keys, http and https alike', () => {
    const keys = identityKeys({
      url: 'http://www.cpb.nl/publicatie/x?utm_source=a',
      canonicalUrl: 'https://cpb.nl/publicatie/x-lange-naam',
      doi: 'https://doi.org/10.1234/ABC.5',
      title: 'Économie & Zorg: een verkenning',
      year: 2024,
      publisher: 'CPB',
    });
    expect(keys).toEqual([
      'url:cpb.nl/publicatie/x',
      'url:cpb.nl/publicatie/x-lange-naam',
      'doi:10.1234/abc.5',
      'title:economie zorg een verkenning|2024|cpb',
    ]);
  });

  it('leaves out the title key without year or publisher, and duplicate keys', () => {
    expect(
      identityKeys({ url: 'https://a.org/x', canonicalUrl: 'https://www.a.org/x/', title: 'T', year: 2020 }),
    ).toEqual(['url:a.org/x']);
  });

  it('ignores malformed DOIs', () => {
    expect(normaliseDoi('not-a-doi')).toBeUndefined();
    expect(normaliseDoi('doi: 10.5555/XYZ')).toBe('10.5555/xyz');
  });

  it('names a keyless item by its folded title', () => {
    expect(publicationId({ title: 'Sturen in  Netwerken!' })).toBe('title:sturen in netwerken');
    expect(foldKey('Leren van doen — een essay')).toBe(foldKey('Leren van Doen: Een Essay'));
  });
});
