/** What a page can make Leesmap write over time, and what a tab may keep in session storage. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { available, parseBuckets, refund, spend, WRITE_LIMITS } from '@/utils/rate-limit';
import type { BucketRule, Buckets } from '@/utils/rate-limit';
import { fitTabState, jsonBytes, TAB_STATE_BUDGET } from '@/utils/tab-budget';
import type { ExtractionResult } from '@/utils/record';

const MINUTE = 60_000;

/** A page that navigates its tab to a fresh publication every `everyMs` for `durationMs`: entries written. */
function flood(durationMs: number, everyMs: number, relatedPerPage: number): number {
  const buckets: Buckets = {};
  const named: Array<[string, BucketRule]> = [
    ['tab|1', WRITE_LIMITS.catalogPerTab],
    ['site|flood.example', WRITE_LIMITS.catalogPerSite],
  ];
  let written = 0;
  for (let now = 0; now < durationMs; now += everyMs) {
    const budget = available(buckets, named, now);
    spend(buckets, named, budget, now);
    const used = Math.min(budget, 1 + relatedPerPage);
    refund(buckets, named, budget - used, now);
    written += used;
  }
  return written;
}

describe('write limits', () => {
  it("a 5-minute self-navigating flood writes at most the site's burst plus five minutes of refill", () => {
    const limit = WRITE_LIMITS.catalogPerSite.capacity + (5 * WRITE_LIMITS.catalogPerSite.perHour) / 60;
    const written = flood(5 * MINUTE, 13, 50);
    expect(written).toBeLessThanOrEqual(Math.ceil(limit));
    expect(written).toBeGreaterThan(0);
  });

  it('lets a reader open twenty publications of one site in an hour, each listing six related', () => {
    expect(flood(60 * MINUTE, 3 * MINUTE, 6)).toBe(20 * 7);
  });

  it("auto-save allows a burst per site, then one more per refill interval, and a day's cap over all sites", () => {
    const buckets: Buckets = {};
    const site = (name: string): Array<[string, BucketRule]> => [
      [`site|${name}`, WRITE_LIMITS.autoSavePerSite],
      ['all', WRITE_LIMITS.autoSaveTotal],
    ];
    let saved = 0;
    for (let i = 0; i < 1000; i++) {
      if (available(buckets, site('flood.example'), i * 100) >= 1) {
        spend(buckets, site('flood.example'), 1, i * 100);
        saved++;
      }
    }
    expect(saved).toBe(WRITE_LIMITS.autoSavePerSite.capacity);
    let across = 0;
    for (let i = 0; i < 100; i++) {
      if (available(buckets, site(`s${i}.example`), 200_000) >= 1) {
        spend(buckets, site(`s${i}.example`), 1, 200_000);
        across++;
      }
    }
    expect(saved + across).toBe(WRITE_LIMITS.autoSaveTotal.capacity);
  });

  it('reads back only well-formed buckets from storage', () => {
    const parsed = parseBuckets({
      a: { tokens: 3, at: 1 },
      b: { tokens: 'x', at: 1 },
      __proto__: { tokens: 1, at: 1 },
      c: null,
    });
    expect(Object.keys(parsed)).toEqual(['a']);
    expect(({} as Record<string, unknown>).tokens).toBeUndefined();
  });
});

function maximal(): ExtractionResult {
  const long = (n: number) => 'x'.repeat(n);
  return {
    detected: true,
    confidence: 1,
    signals: Array.from({ length: 40 }, () => long(300)),
    publication: {
      url: 'https://www.nsob.nl/p',
      title: long(500),
      subtitle: long(500),
      authors: Array.from({ length: 50 }, () => long(300)),
      themes: Array.from({ length: 50 }, () => long(300)),
      keywords: Array.from({ length: 50 }, () => long(300)),
      summary: long(2000),
      related: Array.from({ length: 50 }, () => ({
        title: long(500),
        subtitle: long(500),
        url: `https://www.nsob.nl/${long(2000)}`,
        summary: long(2000),
        themes: Array.from({ length: 20 }, () => long(300)),
      })),
    },
  };
}

describe('tab state budget', () => {
  it('keeps a small state as it is', () => {
    const state = { url: 'https://a.org', extraction: { detected: true, confidence: 1, signals: ['x'] } };
    expect(fitTabState(state)).toBe(state);
  });

  it('trims a maximal page to the budget, keeps its title, and marks it trimmed', () => {
    const state: {
      url: string;
      firstCheck: { ruledOut: boolean; signals: string[] };
      extraction: ExtractionResult;
      trimmed?: boolean;
    } = {
      url: 'https://www.nsob.nl/p',
      firstCheck: { ruledOut: false, signals: Array.from({ length: 40 }, () => 'y'.repeat(300)) },
      extraction: maximal(),
    };
    expect(jsonBytes(state)).toBeGreaterThan(200_000);
    const fitted = fitTabState(state);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(TAB_STATE_BUDGET);
    expect(fitted.trimmed).toBe(true);
    expect(fitted.extraction?.detected).toBe(true);
    // The original is left alone (the popup gets the whole record by reading the page again).
    expect(state.extraction.publication?.related).toHaveLength(50);
  });

  it("fits any state within the budget, so 200 tabs stay under Chrome's 10 MB session quota", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(2000), fc.nat(50), (related, summary, authors) => {
        const e = maximal();
        e.publication!.related = e.publication!.related.slice(0, related);
        e.publication!.summary = 'é'.repeat(summary);
        e.publication!.authors = e.publication!.authors.slice(0, authors);
        expect(
          jsonBytes(fitTabState({ url: 'https://a.org/' + 'p'.repeat(2000), extraction: e })),
        ).toBeLessThanOrEqual(TAB_STATE_BUDGET);
      }),
      { numRuns: 200 },
    );
    expect(200 * TAB_STATE_BUDGET).toBeLessThan(10 * 1024 * 1024);
  });
});
