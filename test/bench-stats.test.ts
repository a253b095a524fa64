import { describe, expect, it } from 'vitest';
import { growthExponent, interleave, pairedRatios, ratio, summarise } from '../bench/lib/stats.js';

describe('bench statistics', () => {
  it('When the count is odd, then the median is the middle value, with min and max', () => {
    expect(summarise([5, 1, 3])).toMatchObject({ median: 3, min: 1, max: 5, n: 3, samples: [5, 1, 3] });
  });

  it('When the count is even, then the median is the mean of the two middle values', () => {
    expect(summarise([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('When there are no samples or a non-finite one, then it refuses', () => {
    expect(() => summarise([])).toThrow(RangeError);
    expect(() => summarise([1, Number.NaN])).toThrow(RangeError);
  });

  it('When ratios are taken, then medians divide and paired samples divide run by run', () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(pairedRatios([2, 3, 8], [1, 2, 4])).toMatchObject({ median: 2, min: 1.5, max: 2 });
    expect(() => pairedRatios([1], [1, 2])).toThrow(RangeError);
  });

  it('When arms are interleaved, then they run A B A B and keep their own samples', async () => {
    const order: string[] = [];
    const out = await interleave(2, {
      a: (r) => (order.push(`a${r}`), r),
      b: async (r) => (order.push(`b${r}`), 10 + r),
    });
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1']);
    expect(out).toEqual({ a: [0, 1], b: [10, 11] });
  });

  it('When y grows like x, x² or not at all, then the growth exponent is 1, 2 or 0', () => {
    expect(growthExponent([[1, 3], [10, 30], [50, 150]])).toBe(1);
    expect(growthExponent([[1, 1], [10, 100], [50, 2500]])).toBe(2);
    expect(growthExponent([[1, 7], [50, 7]])).toBe(0);
    expect(() => growthExponent([[1, 1]])).toThrow(RangeError);
  });
});
