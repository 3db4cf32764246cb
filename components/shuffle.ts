/**
 * Deterministic shuffles for matching targets and sequencing steps. The seed comes from the
 * question id, so a reload (or a resumed attempt) shows the same order and a learner's spatial
 * memory of the question stays valid.
 */
import { fnv1a32 as hash, mulberry32 as random } from './hash.js';

/** Fisher-Yates with a seed: the same `seed` and items always give the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  const next = random(hash(seed));
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}

/**
 * A seeded shuffle that never returns the original order when there are two or more items, so a
 * sequencing question is never shown already solved.
 */
export function seededDerangedOrder<T>(items: readonly T[], seed: string): T[] {
  const shuffled = seededShuffle(items, seed);
  const unchanged = shuffled.every((item, i) => item === items[i]);
  if (!unchanged || shuffled.length < 2) return shuffled;
  // Rotating by one moves every item, so the result differs from the original order.
  return [...shuffled.slice(1), shuffled[0] as T];
}
