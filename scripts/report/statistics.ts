/**
 * The statistics of classical test theory that `coursemark report` shows, as small pure functions
 * over plain numbers. Variances divide by n (the group of learners is the whole population the
 * report describes), as KR-20 and coefficient alpha are usually stated. A figure that cannot be
 * computed (no learners, no spread) is undefined, never NaN.
 */

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

export function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : sum(values) / values.length;
}

/** Population variance: the mean squared distance from the mean. */
export function variance(values: readonly number[]): number | undefined {
  const m = mean(values);
  if (m === undefined) return undefined;
  return sum(values.map((value) => (value - m) ** 2)) / values.length;
}

export function standardDeviation(values: readonly number[]): number | undefined {
  const v = variance(values);
  return v === undefined ? undefined : Math.sqrt(v);
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Pearson's correlation of two equally long lists; undefined when either has no spread. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  if (xs.length !== ys.length || xs.length < 2) return undefined;
  const mx = mean(xs) ?? 0;
  const my = mean(ys) ?? 0;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [i, x] of xs.entries()) {
    const dx = x - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Spread below rounding noise is no spread (a list of equal values summed in another order).
  if (sxx <= 1e-12 || syy <= 1e-12) return undefined;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Point-biserial correlation of an item with the rest of the test: Pearson's r between each
 * learner's item result (1 right, 0 wrong) and their total without that item (`weight` points when
 * right), so the item does not correlate with itself (the "corrected" item-total correlation).
 */
export function pointBiserialRest(correct: readonly number[], totals: readonly number[], weight = 1): number | undefined {
  return pearson(
    correct,
    totals.map((total, i) => total - weight * (correct[i] ?? 0)),
  );
}

/** Learners counted in each of the upper and lower groups: 27% of n (Kelley), at least one. */
export function groupSize(n: number, fraction = 0.27): number {
  return n < 2 ? 0 : Math.max(1, Math.round(n * fraction));
}

/**
 * Upper/lower discrimination index: the proportion correct in the top 27% of learners by total
 * score minus that in the bottom 27%. `correct` is 1 or 0 per learner; ties on the total are broken
 * by the order given (callers pass a stable order).
 */
export function upperLowerIndex(correct: readonly number[], totals: readonly number[], fraction = 0.27): number | undefined {
  const size = groupSize(totals.length, fraction);
  if (size === 0 || correct.length !== totals.length) return undefined;
  const order = totals.map((total, index) => ({ total, index })).sort((a, b) => b.total - a.total || a.index - b.index);
  const share = (group: readonly { index: number }[]): number => sum(group.map(({ index }) => ((correct[index] ?? 0) > 0 ? 1 : 0))) / group.length;
  return share(order.slice(0, size)) - share(order.slice(-size));
}

/**
 * Coefficient alpha (Cronbach 1951) of a learners x items score matrix:
 * k/(k-1) * (1 - sum of item variances / variance of totals). Undefined for fewer than two items or
 * learners, or when the totals do not vary.
 */
export function cronbachAlpha(scores: readonly (readonly number[])[]): number | undefined {
  const k = scores[0]?.length ?? 0;
  if (k < 2 || scores.length < 2 || scores.some((row) => row.length !== k)) return undefined;
  const totalVariance = variance(scores.map((row) => sum(row))) ?? 0;
  if (totalVariance <= 1e-12) return undefined;
  let itemVariances = 0;
  for (let j = 0; j < k; j += 1) itemVariances += variance(scores.map((row) => row[j] ?? 0)) ?? 0;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

/**
 * KR-20 (Kuder and Richardson 1937) of a learners x items matrix of right (1) and wrong (0):
 * k/(k-1) * (1 - sum of p*q / variance of the number right). Alpha of the same 0/1 matrix.
 */
export function kr20(correct: readonly (readonly number[])[]): number | undefined {
  const k = correct[0]?.length ?? 0;
  const n = correct.length;
  if (k < 2 || n < 2 || correct.some((row) => row.length !== k)) return undefined;
  const totalVariance = variance(correct.map((row) => sum(row.map((value) => (value > 0 ? 1 : 0))))) ?? 0;
  if (totalVariance <= 1e-12) return undefined;
  let pq = 0;
  for (let j = 0; j < k; j += 1) {
    const p = sum(correct.map((row) => ((row[j] ?? 0) > 0 ? 1 : 0))) / n;
    pq += p * (1 - p);
  }
  return (k / (k - 1)) * (1 - pq / totalVariance);
}

/** Counts of `values` (0..1) in `bins` equal bins; 1 falls in the last one. */
export function histogram(values: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(value * bins + 1e-9)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}
