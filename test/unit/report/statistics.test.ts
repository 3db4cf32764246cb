import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, groupSize, histogram, kr20, mean, median, pearson, pointBiserialRest, standardDeviation, upperLowerIndex, variance } from '../../../scripts/report/statistics.js';

// Every expected value below is worked out by hand in the comment beside it.
describe('report statistics on hand-checked cases', () => {
  it('mean, variance (over n), standard deviation and median', () => {
    // 2 4 4 4 5 5 7 9: mean 40/8 = 5; squared distances 9 1 1 1 0 0 4 16 = 32; 32/8 = 4; sd 2.
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBe(4);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([])).toBeUndefined();
    expect(median([])).toBeUndefined();
  });

  it('Pearson correlation, undefined without spread', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeUndefined();
    expect(pearson([1], [1])).toBeUndefined();
  });

  it('point-biserial against the rest score', () => {
    // item 1 1 0 0, totals 4 3 1 0 -> rest 3 2 1 0. Deviations: item ±0.5, rest 1.5 0.5 -0.5 -1.5.
    // Sxy = 0.75 + 0.25 + 0.25 + 0.75 = 2, Sxx = 1, Syy = 5: r = 2 / sqrt(5) = 0.894427...
    expect(pointBiserialRest([1, 1, 0, 0], [4, 3, 1, 0])).toBeCloseTo(2 / Math.sqrt(5), 12);
    // totals 3 2 2 1 -> rest 2 1 2 1: Sxy = 0.25 - 0.25 - 0.25 + 0.25 = 0.
    expect(pointBiserialRest([1, 1, 0, 0], [3, 2, 2, 1])).toBeCloseTo(0, 12);
    // Weight 2: totals 6 5 1 0 -> rest 4 3 1 0, deviations 2 1 -1 -2: Sxy = 1 + 0.5 + 0.5 + 1 = 3, Syy = 10.
    expect(pointBiserialRest([1, 1, 0, 0], [6, 5, 1, 0], 2)).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('upper/lower 27% index', () => {
    // 10 learners: round(2.7) = 3 per group. The top three by total are right, the bottom three wrong.
    expect(groupSize(10)).toBe(3);
    expect(groupSize(100)).toBe(27);
    expect(groupSize(1)).toBe(0);
    const totals = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(upperLowerIndex([1, 1, 1, 0, 0, 0, 0, 0, 0, 0], totals)).toBe(1);
    // Upper 3: right, wrong, right (2/3); lower 3: right, wrong, wrong (1/3): 1/3.
    expect(upperLowerIndex([1, 0, 1, 0, 0, 0, 0, 1, 0, 0], totals)).toBeCloseTo(1 / 3, 12);
    expect(upperLowerIndex([1], [1])).toBeUndefined();
  });

  it('KR-20 and coefficient alpha', () => {
    // Number right 3 2 1 0: variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25. p = .75 .5 .25,
    // sum pq = .1875 + .25 + .1875 = .625. KR-20 = 3/2 * (1 - .625/1.25) = 0.75.
    const matrix = [
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ];
    expect(kr20(matrix)).toBeCloseTo(0.75, 12);
    expect(cronbachAlpha(matrix)).toBeCloseTo(0.75, 12);
    // Weighted columns 1 and 2: totals 3 1 2 0 (variance 1.25), item variances .25 + 1: alpha = 2 * (1 - 1.25/1.25) = 0.
    expect(cronbachAlpha([[1, 2], [1, 0], [0, 2], [0, 0]])).toBeCloseTo(0, 12);
    expect(kr20([[1, 1], [1, 1]])).toBeUndefined();
    expect(kr20([[1, 0, 1]])).toBeUndefined();
  });

  it('histogram of shares', () => {
    expect(histogram([0, 0.05, 0.1, 0.95, 1], 10)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});

describe('report statistics, properties', () => {
  const matrix = fc.integer({ min: 2, max: 6 }).chain((k) => fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: k, maxLength: k }), { minLength: 2, maxLength: 30 }));

  it('KR-20 equals alpha of the same right/wrong matrix, and neither exceeds 1', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const a = kr20(rows);
        const b = cronbachAlpha(rows);
        expect(a === undefined).toBe(b === undefined);
        if (a !== undefined && b !== undefined) {
          expect(a).toBeCloseTo(b, 9);
          expect(a).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
    );
  });

  it('correlations are symmetric and within [-1, 1]', () => {
    const pairs = fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(pairs, (list) => {
        const xs = list.map(([x]) => x);
        const ys = list.map(([, y]) => y);
        const r = pearson(xs, ys);
        expect(r === undefined).toBe(pearson(ys, xs) === undefined);
        if (r !== undefined) {
          expect(Math.abs(r)).toBeLessThanOrEqual(1);
          expect(r).toBeCloseTo(pearson(ys, xs) ?? 0, 9);
        }
      }),
    );
  });
});
