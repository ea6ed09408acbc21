/**
 * Token buckets: what a web page may make Leesmap write, per tab and per site, over time. A page
 * that keeps navigating its tab to fresh addresses would otherwise fill the catalog (and, with
 * auto-save on, the reader's list) faster than the reader could ever read. Pure and serialisable:
 * the background keeps one `Buckets` in memory and mirrors it to `storage.session`.
 */

export interface BucketRule {
  /** Tokens a full bucket holds: the burst a page may spend at once. */
  capacity: number;
  /** Tokens that flow back per hour, up to the capacity. */
  perHour: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export type Buckets = Record<string, Bucket>;

const HOUR = 3_600_000;
/** Buckets that are full again are forgotten; past this many the fullest go first. */
const MAX_BUCKETS = 2_000;

function level(bucket: Bucket | undefined, rule: BucketRule, now: number): number {
  if (!bucket) return rule.capacity;
  const elapsed = Math.max(0, now - bucket.at);
  return Math.min(rule.capacity, bucket.tokens + (elapsed * rule.perHour) / HOUR);
}

/** Whole tokens available now in every named bucket: the least of them. */
export function available(
  buckets: Buckets,
  named: ReadonlyArray<[key: string, rule: BucketRule]>,
  now: number,
): number {
  let least = Number.POSITIVE_INFINITY;
  for (const [key, rule] of named) least = Math.min(least, Math.floor(level(buckets[key], rule, now)));
  return Math.max(0, least);
}

/** Sets every named bucket to `next` of its level now. */
function setLevels(
  buckets: Buckets,
  named: ReadonlyArray<[key: string, rule: BucketRule]>,
  now: number,
  next: (tokens: number, rule: BucketRule) => number,
): void {
  for (const [key, rule] of named)
    buckets[key] = { tokens: next(level(buckets[key], rule, now), rule), at: now };
}

/** Takes `count` tokens from every named bucket (never below zero). */
export function spend(
  buckets: Buckets,
  named: ReadonlyArray<[key: string, rule: BucketRule]>,
  count: number,
  now: number,
): void {
  if (count > 0) setLevels(buckets, named, now, (tokens) => Math.max(0, tokens - count));
}

/** Gives back `count` tokens a reservation did not use (never above the capacity). */
export function refund(
  buckets: Buckets,
  named: ReadonlyArray<[key: string, rule: BucketRule]>,
  count: number,
  now: number,
): void {
  if (count > 0) setLevels(buckets, named, now, (tokens, rule) => Math.min(rule.capacity, tokens + count));
}

/** Drops buckets that have filled up again (they hold nothing a fresh one would not). */
export function forgetFull(
  buckets: Buckets,
  rules: (key: string) => BucketRule | undefined,
  now: number,
): void {
  const keys = Object.keys(buckets);
  for (const key of keys) {
    const rule = rules(key);
    if (!rule || level(buckets[key], rule, now) >= rule.capacity) delete buckets[key];
  }
  const left = Object.keys(buckets);
  if (left.length > MAX_BUCKETS) {
    left.sort((a, b) => buckets[b].tokens - buckets[a].tokens);
    for (const key of left.slice(0, left.length - MAX_BUCKETS)) delete buckets[key];
  }
}

/** Reads buckets back from storage, keeping only well-formed ones. */
export function parseBuckets(value: unknown): Buckets {
  const out: Buckets = Object.create(null) as Buckets;
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, bucket] of Object.entries(value as Record<string, unknown>).slice(0, MAX_BUCKETS)) {
    const b = bucket as Partial<Bucket> | null;
    if (
      b &&
      typeof b.tokens === 'number' &&
      Number.isFinite(b.tokens) &&
      typeof b.at === 'number' &&
      Number.isFinite(b.at)
    ) {
      out[key] = { tokens: b.tokens, at: b.at };
    }
  }
  return out;
}

/**
 * The limits Leesmap puts on what pages make it write. A reader who opens twenty publications of
 * one site in an hour, each listing half a dozen related ones, stays within them.
 */
export const WRITE_LIMITS = {
  /** Catalog entries (a visited page, each related publication it lists) one tab may add. */
  catalogPerTab: { capacity: 150, perHour: 3_600 },
  /** ... and one site, over all its tabs. */
  catalogPerSite: { capacity: 300, perHour: 300 },
  /** Publications auto-save may add from one site. */
  autoSavePerSite: { capacity: 5, perHour: 5 },
  /** ... and from all sites together: the cap, about a day's reading. */
  autoSaveTotal: { capacity: 20, perHour: 20 / 24 },
} as const satisfies Record<string, BucketRule>;
