/**
 * The write limits of utils/rate-limit.ts, kept for this browser session: in memory while the
 * service worker runs, mirrored to session storage so a worker restart does not refill them.
 */
import {
  available,
  forgetFull,
  parseBuckets,
  refund,
  spend,
  WRITE_LIMITS,
  type BucketRule,
  type Buckets,
} from '@/utils/rate-limit';
import type { SessionStore } from './ports';

const KEY = 'write-limits';

type Named = Array<[string, BucketRule]>;

const catalogBuckets = (tabId: number, site: string): Named => [
  [`catalogPerTab|${tabId}`, WRITE_LIMITS.catalogPerTab],
  [`catalogPerSite|${site}`, WRITE_LIMITS.catalogPerSite],
];
const autoSaveBuckets = (site: string): Named => [
  [`autoSavePerSite|${site}`, WRITE_LIMITS.autoSavePerSite],
  ['autoSaveTotal|all', WRITE_LIMITS.autoSaveTotal],
];

function ruleOf(key: string): BucketRule | undefined {
  const kind = key.slice(0, key.indexOf('|')) as keyof typeof WRITE_LIMITS;
  return WRITE_LIMITS[kind];
}

export interface WriteLimits {
  /**
   * Reserves what a visit in this tab, on this site, may write to the catalog now; give back what
   * it did not use with `releaseCatalog`. Reserving first keeps two visits at once from both
   * spending it.
   */
  reserveCatalog(tabId: number, site: string, now: number): Promise<number>;
  releaseCatalog(tabId: number, site: string, unused: number, now: number): Promise<void>;
  /** Takes one auto-save from the site's and the overall bucket; false when either is empty. */
  takeAutoSave(site: string, now: number): Promise<boolean>;
  /** Gives back an auto-save taken for a visit that did not save (the page was saved already). */
  refundAutoSave(site: string, now: number): Promise<void>;
}

export function createWriteLimits(session: SessionStore): WriteLimits {
  let loading: Promise<Buckets> | undefined;
  const buckets = () =>
    (loading ??= session
      .get(KEY)
      .then(parseBuckets)
      .catch(() => parseBuckets(undefined)));

  async function persist(all: Buckets, now: number): Promise<void> {
    forgetFull(all, ruleOf, now);
    // Losing this write only means a worker restart refills the buckets a little early.
    await session.set(KEY, all).catch(() => {});
  }

  return {
    async reserveCatalog(tabId, site, now) {
      const all = await buckets();
      const named = catalogBuckets(tabId, site);
      const budget = available(all, named, now);
      spend(all, named, budget, now);
      return budget;
    },
    async releaseCatalog(tabId, site, unused, now) {
      const all = await buckets();
      refund(all, catalogBuckets(tabId, site), unused, now);
      await persist(all, now);
    },
    async takeAutoSave(site, now) {
      const all = await buckets();
      const named = autoSaveBuckets(site);
      if (available(all, named, now) < 1) return false;
      spend(all, named, 1, now);
      await persist(all, now);
      return true;
    },
    async refundAutoSave(site, now) {
      const all = await buckets();
      refund(all, autoSaveBuckets(site), 1, now);
      await persist(all, now);
    },
  };
}
