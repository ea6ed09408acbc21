import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractInTab, ownedBy, ranAt, sameOrigin } from '@/utils/background/extraction';
import { pageResult, publication } from './helpers';

const URL_A = 'https://www.nsob.nl/publicaties/leren-van-doen';

describe('ownedBy', () => {
  it('files the publication under the browser’s address, and drops one of another origin', () => {
    const own = {
      detected: true,
      confidence: 1,
      signals: [],
      publication: publication({ url: `${URL_A}#x` }),
    };
    expect(ownedBy(URL_A, own)?.publication?.url).toBe(URL_A);
    const foreign = { ...own, publication: publication({ url: 'https://evil.example/' }) };
    expect(ownedBy(URL_A, foreign)).toEqual({ detected: true, confidence: 1, signals: [] });
    expect(ownedBy(URL_A, undefined)).toBeUndefined();
  });

  it('never keeps a publication whose address is of another origin, whatever the page claims', () => {
    fc.assert(
      fc.property(fc.webUrl(), (claimed) => {
        const result = ownedBy(URL_A, {
          detected: true,
          confidence: 1,
          signals: [],
          publication: publication({ url: claimed }),
        });
        const kept = result?.publication;
        return kept === undefined || (kept.url === URL_A && sameOrigin(claimed, URL_A));
      }),
    );
  });
});

describe('ranAt', () => {
  it.each([
    [URL_A, true],
    [`${URL_A}#hoofdstuk-2`, true],
    [`${URL_A}?pagina=2`, false],
    ['https://www.nsob.nl/publicaties/volgende', false],
    [undefined, false],
  ])('says whether the script ran on the page at the address, ignoring the #fragment: %s', (seen, same) => {
    expect(ranAt({ url: seen }, URL_A)).toBe(same);
  });
});

describe('sameOrigin', () => {
  it.each([
    ['https://a.nl/x', 'https://a.nl/y?z', true],
    ['http://a.nl/x', 'https://a.nl/x', false],
    ['https://a.nl:8443/', 'https://a.nl/', false],
    ['not a url', 'https://a.nl/', false],
    [undefined, 'https://a.nl/', false],
  ])('compares scheme, host and port; anything unparsable is not the same: %s, %s', (a, b, same) => {
    expect(sameOrigin(a, b)).toBe(same);
  });
});

describe('extractInTab', () => {
  it('gives the sanitised extraction with the page’s own time and the round trip', async () => {
    const extracted = await extractInTab(
      async () => pageResult(publication({ title: `  Leren\u0000 van doen ` })),
      1,
      'extractor',
    );
    expect(extracted?.extraction.publication?.title).toBe('Leren van doen');
    expect(extracted?.ms).toBe(12);
    expect(extracted?.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('gives the address the script ran at and whether it took the full check’s verdict', async () => {
    const output = { ...(pageResult(publication()) as object), url: `${URL_A}#x`, handedOff: true };
    expect(await extractInTab(async () => output, 1, 'extractor')).toMatchObject({
      url: `${URL_A}#x`,
      handedOff: true,
    });
    const odd = { ...(pageResult(publication()) as object), url: 'javascript:alert(1)', handedOff: 'yes' };
    expect(await extractInTab(async () => odd, 1, 'extractor')).toMatchObject({
      url: undefined,
      handedOff: false,
    });
  });

  it('ignores a time that is no time', async () => {
    const output = { ...(pageResult(publication()) as object), ms: -5 };
    expect((await extractInTab(async () => output, 1, 'full-check'))?.ms).toBeUndefined();
  });

  it('gives nothing without access to the tab, or for a result that is no extraction', async () => {
    expect(
      await extractInTab(async () => Promise.reject(new Error('Cannot access')), 1, 'extractor'),
    ).toBeUndefined();
    expect(await extractInTab(async () => ({ result: 'hello' }), 1, 'extractor')).toBeUndefined();
    expect(await extractInTab(async () => undefined, 1, 'extractor')).toBeUndefined();
  });
});
