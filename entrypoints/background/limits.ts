/**
 * The write limits of utils/rate-limit.ts, kept for this browser session: in memory while the
 * service worker runs, mirrored to `storage.session` so a worker restart does not refill them.
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

const KEY = 'write-limits';
let loading: Promise<Buckets> | undefined;

function buckets(): Promise<Buckets> {
  loading ??= browser.storage.session
    .get(KEY)
    .then((stored) => parseBuckets(stored[KEY]))
    .catch(() => parseBuckets(undefined));
  return loading;
}

function ruleOf(key: string): BucketRule | undefined {
  const kind = key.slice(0, key.indexOf('|')) as keyof typeof WRITE_LIMITS;
  return WRITE_LIMITS[kind];
}

type Named = Array<[string, BucketRule]>;

const catalogBuckets = (tabId: number, site: string): Named => [
  [`catalogPerTab|${tabId}`, WRITE_LIMITS.catalogPerTab],
  [`catalogPerSite|${site}`, WRITE_LIMITS.catalogPerSite],
];
const autoSaveBuckets = (site: string): Named => [
  [`autoSavePerSite|${site}`, WRITE_LIMITS.autoSavePerSite],
  ['autoSaveTotal|all', WRITE_LIMITS.autoSaveTotal],
];

async function persist(all: Buckets, now: number): Promise<void> {
  forgetFull(all, ruleOf, now);
  // Losing this write only means a worker restart refills the buckets a little early.
  await browser.storage.session.set({ [KEY]: all }).catch(() => {});
}

/**
 * Reserves what a visit in this tab, on this site, may write to the catalog now; give back what it
 * did not use with `releaseCatalog`. Reserving first keeps two visits at once from both spending it.
 */
export async function reserveCatalog(tabId: number, site: string, now: number = Date.now()): Promise<number> {
  const all = await buckets();
  const named = catalogBuckets(tabId, site);
  const budget = available(all, named, now);
  spend(all, named, budget, now);
  return budget;
}

export async function releaseCatalog(
  tabId: number,
  site: string,
  unused: number,
  now: number = Date.now(),
): Promise<void> {
  const all = await buckets();
  refund(all, catalogBuckets(tabId, site), unused, now);
  await persist(all, now);
}

/** Takes one auto-save from the site's and the overall bucket; false when either is empty. */
export async function takeAutoSave(site: string, now: number = Date.now()): Promise<boolean> {
  const all = await buckets();
  const named = autoSaveBuckets(site);
  if (available(all, named, now) < 1) return false;
  spend(all, named, 1, now);
  await persist(all, now);
  return true;
}
