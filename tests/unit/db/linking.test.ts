/** Which saved record a page may touch: its address, or a declared key Leesmap could check. */
import { describe, expect, it } from 'vitest';
import { identityKeys } from '@/utils/identity';
import { contradicts, linkPage, pageKeys, sameSite, siteOf, trustedCanonical } from '@/utils/linking';
import type { Publication } from '@/utils/record';
import { publication } from './helpers';

function stored(p: Publication, savedAt = 1) {
  return { ...p, id: identityKeys(p)[0], savedAt, identity: pageKeys(p) };
}

const A = publication({
  url: 'https://www.wrr.nl/publicaties/rapport-a',
  title: 'Rapport A',
  doi: '10.1234/a',
  publisher: 'WRR',
});
const B = publication({
  url: 'https://www.rathenau.nl/nl/rapport-b',
  title: 'Rapport B',
  doi: '10.5555/b',
  publisher: 'Rathenau',
});

describe('sites', () => {
  it('knows one publisher under two hosts, and tells private suffixes apart', () => {
    expect(sameSite('https://www.rijksoverheid.nl/a', 'https://www.government.nl/b')).toBe(true);
    expect(sameSite('https://english.wrr.nl/a', 'https://www.wrr.nl/b')).toBe(true);
    expect(sameSite('https://a.github.io/x', 'https://b.github.io/x')).toBe(false);
    expect(sameSite('https://www.bbc.co.uk/a', 'https://www.gov.co.uk/b')).toBe(false);
    expect(siteOf('javascript:alert(1)')).toBeUndefined();
  });
});

describe('declared canonical', () => {
  const at = (canonicalUrl: string, url = 'https://www.nsob.nl/publicaties/leren-van-doen') =>
    trustedCanonical({ url, canonicalUrl });

  it("is taken on the page's own site, for one item", () => {
    expect(at('https://nsob.nl/publicaties/leren-van-doen-2')).toBe(
      'https://nsob.nl/publicaties/leren-van-doen-2',
    );
  });

  it('is not taken for another site, the home page, a listing, over http, or as a non-http address', () => {
    expect(at('https://www.wrr.nl/publicaties/rapport-a')).toBeUndefined();
    expect(at('https://www.nsob.nl/')).toBeUndefined();
    expect(at('https://www.nsob.nl/nl')).toBeUndefined();
    expect(at('https://www.nsob.nl/publicaties')).toBeUndefined();
    expect(
      at('https://www.nsob.nl/publicaties/x', 'http://www.nsob.nl/publicaties/leren-van-doen'),
    ).toBeUndefined();
    expect(at('http://www.nsob.nl/publicaties/x')).toBeUndefined();
    expect(at('javascript:alert(1)')).toBeUndefined();
  });

  it('gives a page over http its address as its only key', () => {
    const page = publication({
      url: 'http://www.nsob.nl/x',
      canonicalUrl: 'https://www.nsob.nl/y',
      doi: '10.1/x',
    });
    expect(pageKeys(page)).toEqual(['url:nsob.nl/x']);
  });
});

describe('linkPage', () => {
  const forged = publication({
    url: 'https://www.nsob.nl/publicaties/gekaapt',
    title: 'Hijacked title',
    canonicalUrl: A.url,
    doi: B.doi,
  });

  it('links a forged page to neither record it names, and does not offer them as look-alikes', () => {
    const link = linkPage(forged, [stored(A, 1), stored(B, 2)]);
    expect(link.record).toBeUndefined();
    expect(link.resembles).toEqual([]);
  });

  it('offers a copy that agrees in title as a look-alike, not a link', () => {
    const copy = { ...forged, title: 'Rapport A' };
    const link = linkPage(copy, [stored(A)]);
    expect(link.record).toBeUndefined();
    expect(link.resembles.map((r) => r.title)).toEqual(['Rapport A']);
  });

  it('links by address first, and lists other records it names as look-alikes, never two links', () => {
    const page = publication({ url: A.url, title: 'Rapport A', doi: '10.9999/z' });
    const other = stored(
      publication({ url: 'https://www.wrr.nl/elders', title: 'Rapport A', doi: '10.9999/z' }),
      0,
    );
    const link = linkPage(page, [other, stored(A, 5)]);
    expect(link.record?.url).toBe(A.url);
    expect(link.mayUpdate).toBe(true);
    expect(link.resembles.map((r) => r.url)).toEqual(['https://www.wrr.nl/elders']);
  });

  it('links by a same-site canonical unless the page contradicts the record', () => {
    const moved = publication({ url: 'https://www.wrr.nl/p/123', title: 'Rapport A', canonicalUrl: A.url });
    expect(linkPage(moved, [stored(A)]).record?.url).toBe(A.url);
    const other = { ...moved, title: 'Iets heel anders over belastingen' };
    expect(linkPage(other, [stored(A)]).record).toBeUndefined();
  });

  it('two reports whose CMS points canonical at the home page stay two', () => {
    const first = publication({
      url: 'https://www.nsob.nl/publicaties/een',
      title: 'Een',
      canonicalUrl: 'https://www.nsob.nl/',
    });
    const second = publication({
      url: 'https://www.nsob.nl/publicaties/twee',
      title: 'Twee',
      canonicalUrl: 'https://www.nsob.nl/',
    });
    expect(linkPage(second, [stored(first)]).record).toBeUndefined();
  });

  it('over http shows the saved https record but may not change it', () => {
    const page = publication({ url: 'http://www.wrr.nl/publicaties/rapport-a', title: 'Rapport A' });
    const link = linkPage(page, [stored(A)]);
    expect(link.record?.url).toBe(A.url);
    expect(link.mayUpdate).toBe(false);
  });
});

describe('contradicts', () => {
  it('reads a different title, a year two apart or no shared surname as another work', () => {
    const base = { title: 'Leren van doen', year: 2023, authors: ['Mark van Twist'] };
    expect(contradicts(base, { ...base, title: 'Leren van doen: een essay' })).toBe(false);
    expect(contradicts(base, { ...base, title: 'Sturen op vertrouwen' })).toBe(true);
    expect(contradicts(base, { ...base, year: 2021 })).toBe(true);
    expect(contradicts(base, { ...base, authors: ['Anna de Vries'] })).toBe(true);
    expect(contradicts(base, { title: 'Leren van doen', authors: [] })).toBe(false);
  });
});
