/**
 * Progress only moves forward. Two records of one attempt (the bookmark the LRS holds and the one
 * this page is about to write, a local copy and a remote one, or what the LMS gave at launch and
 * what this page reached) are merged so that nothing either holds is lost: pages visited and
 * answers are united, the furthest location is kept, completion is never undone. Whatever order
 * the writes of two tabs or two launches land in, the saved progress never goes back.
 */
import type { AnswerRecord, PoolProgress, ProgressState } from '../../tracker.js';

/** The later of two answers to one question: the later pool attempt, the later try, then the later submission. */
function laterAnswer(a: AnswerRecord, b: AnswerRecord): AnswerRecord {
  if ((a.round ?? 1) !== (b.round ?? 1)) return (a.round ?? 1) > (b.round ?? 1) ? a : b;
  if (a.attempt !== b.attempt) return a.attempt > b.attempt ? a : b;
  return b.at >= a.at ? b : a;
}

/**
 * `older` and `newer` merged. On a true conflict (two different reflections for one activity) the
 * newer record's text wins; everything else is a union.
 */
export function mergeProgress(older: ProgressState, newer: ProgressState): ProgressState {
  const answers: Record<string, AnswerRecord> = { ...older.answers };
  for (const [id, answer] of Object.entries(newer.answers)) {
    const other = answers[id];
    answers[id] = other === undefined ? answer : laterAnswer(other, answer);
  }
  const visited = [...older.visited, ...newer.visited.filter((id) => !older.visited.includes(id))];
  return {
    ...older,
    ...newer,
    location: Math.max(older.location, newer.location),
    visited,
    answers,
    activities: { ...older.activities, ...newer.activities },
    completed: older.completed || newer.completed,
    ...(older.pools === undefined && newer.pools === undefined ? {} : { pools: laterPools(older.pools ?? {}, newer.pools ?? {}) }),
  };
}

/**
 * Each pool as the record with the later attempt holds it (a retry is never undone); in the same
 * attempt, the newer record's draw. Answers of an attempt that lost are history (pools.ts).
 */
function laterPools(older: Readonly<Record<string, PoolProgress>>, newer: Readonly<Record<string, PoolProgress>>): Record<string, PoolProgress> {
  const pools: Record<string, PoolProgress> = { ...older };
  for (const [id, pool] of Object.entries(newer)) {
    const other = pools[id];
    pools[id] = other !== undefined && other.attempt > pool.attempt ? other : pool;
  }
  return pools;
}

/** Merges encoded progress texts; a text that does not decode is left out (never a throw). */
export function mergeEncoded(
  texts: readonly (string | undefined)[],
  codec: { decode(text: string): ProgressState | undefined; encode(state: ProgressState): string },
): string | undefined {
  let merged: ProgressState | undefined;
  let only: string | undefined;
  let count = 0;
  for (const text of texts) {
    if (text === undefined) continue;
    const state = codec.decode(text);
    if (state === undefined) continue;
    merged = merged === undefined ? state : mergeProgress(merged, state);
    only = text;
    count += 1;
  }
  if (merged === undefined) return undefined;
  return count === 1 ? only : codec.encode(merged);
}
