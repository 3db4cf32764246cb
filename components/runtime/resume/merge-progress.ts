/**
 * Progress only moves forward. Two records of one attempt (the bookmark the LRS holds and the one
 * this page is about to write, a local copy and a remote one, or what the LMS gave at launch and
 * what this page reached) are merged so that nothing either holds is lost: pages visited and
 * answers are united, the furthest location is kept, completion is never undone. Whatever order
 * the writes of two tabs or two launches land in, the saved progress never goes back.
 */
import type { AnswerRecord, ProgressState } from '../../tracker.js';

/** The later of two answers to one question: the later attempt, then the later submission. */
function laterAnswer(a: AnswerRecord, b: AnswerRecord): AnswerRecord {
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
  };
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
