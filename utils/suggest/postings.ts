/**
 * The two flat structures behind the engine's nearest-neighbour queries. Both keep numbers in
 * typed arrays so a query over thousands of documents allocates nothing per document.
 */

/**
 * One term's postings as parallel typed arrays (document slot, weighted count): walking them
 * touches no document object, which keeps nearest-neighbour queries memory-friendly.
 */
export class Postings {
  slots = new Int32Array(4);
  counts = new Float64Array(4);
  length = 0;

  push(slot: number, count: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      const counts = new Float64Array(this.length * 2);
      counts.set(this.counts);
      this.slots = slots;
      this.counts = counts;
    }
    this.slots[this.length] = slot;
    this.counts[this.length] = count;
    this.length++;
  }

  /** Drops dead slots, keeping the order. */
  compact(alive: Uint8Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!alive[this.slots[i]]) continue;
      this.slots[kept] = this.slots[i];
      this.counts[kept] = this.counts[i];
      kept++;
    }
    this.length = kept;
  }
}

/** Per-slot sums for one query; `drain` lists the touched slots in first-touch order and resets. */
export class SlotSums {
  private sums = new Float64Array(1024);
  private seen = new Uint8Array(1024);
  private touched: number[] = [];

  add(slot: number, value: number): void {
    if (slot >= this.sums.length) {
      const size = Math.max(slot + 1, this.sums.length * 2);
      const sums = new Float64Array(size);
      sums.set(this.sums);
      const seen = new Uint8Array(size);
      seen.set(this.seen);
      this.sums = sums;
      this.seen = seen;
    }
    if (!this.seen[slot]) {
      this.seen[slot] = 1;
      this.sums[slot] = 0;
      this.touched.push(slot);
    }
    this.sums[slot] += value;
  }

  drain(): { slot: number; sum: number }[] {
    const result = this.touched.map((slot) => ({ slot, sum: this.sums[slot] }));
    for (const slot of this.touched) this.seen[slot] = 0;
    this.touched = [];
    return result;
  }
}
