import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Postings, SlotSums } from '@/utils/suggest/postings';

const entries = fc.array(fc.tuple(fc.nat({ max: 3_000 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })), {
  maxLength: 300,
});

describe('Postings', () => {
  it('keeps every pushed entry in order, however many', () => {
    fc.assert(
      fc.property(entries, (pushed) => {
        const list = new Postings();
        for (const [slot, count] of pushed) list.push(slot, count);
        expect(list.length).toBe(pushed.length);
        expect([...list.slots.subarray(0, list.length)]).toEqual(pushed.map(([slot]) => slot));
        expect([...list.counts.subarray(0, list.length)]).toEqual(pushed.map(([, count]) => count));
      }),
    );
  });

  it('compacts to exactly the live entries, in order', () => {
    fc.assert(
      fc.property(entries, fc.uint8Array({ minLength: 3_001, maxLength: 3_001 }), (pushed, alive) => {
        const list = new Postings();
        for (const [slot, count] of pushed) list.push(slot, count);
        list.compact(alive);
        const live = pushed.filter(([slot]) => alive[slot]);
        expect([...list.slots.subarray(0, list.length)]).toEqual(live.map(([slot]) => slot));
        expect([...list.counts.subarray(0, list.length)]).toEqual(live.map(([, count]) => count));
      }),
    );
  });
});

describe('SlotSums', () => {
  it('sums per slot in first-touch order, and starts afresh after each drain', () => {
    const sums = new SlotSums();
    fc.assert(
      fc.property(entries, (added) => {
        const expected = new Map<number, number>();
        for (const [slot, value] of added) {
          sums.add(slot, value);
          expected.set(slot, (expected.get(slot) ?? 0) + value);
        }
        expect(sums.drain()).toEqual([...expected].map(([slot, sum]) => ({ slot, sum })));
        expect(sums.drain()).toEqual([]);
      }),
    );
  });
});
