/**
 * Pure scoring: whether one response is right, and the weighted course score. No DOM, no state,
 * so the same rules run in the player, in tests and (if a target needs it) in the build.
 */
import type { CourseData } from './course-data.js';
import { isCorrect } from './questions/registry.js';
import { countedPoolResult, poolAttempt, poolsOf, retryPending } from './pools.js';
import type { CourseScore, ProgressState } from './tracker.js';

/**
 * True when `response` answers `question` correctly (by the question type's rule, questions/). A
 * response of another type than the question (for example a stale saved answer after the author
 * changed the question type) is wrong.
 */
export { isCorrect } from './questions/registry.js';

/**
 * The weighted course score. Answers are re-scored against the course rather than trusting the
 * stored `correct` flag, so saved progress cannot claim a score the responses do not earn. A pool
 * adds the questions of the attempt that counts (pools.ts), never the ones it did not draw; with
 * `passing: pools` (course.yaml) only pools count.
 * `passed` is only true once the score is final and reaches mastery; a score below mastery is
 * final only when no pool can be tried again (a retry could still change it).
 */
export function courseScore(course: Pick<CourseData, 'questions' | 'mastery' | 'pools' | 'scoreOver'>, state: Pick<ProgressState, 'answers' | 'pools'>): CourseScore {
  let raw = 0;
  let max = 0;
  let complete = true;
  for (const question of course.questions) {
    // Pools are counted below; with `passing: pools` the other questions are practice.
    if (question.poolId !== undefined || course.scoreOver === 'pools') continue;
    max += question.weight;
    const record = state.answers[question.id];
    if (record === undefined) {
      complete = false;
      continue;
    }
    if (isCorrect(question, record.response)) raw += question.weight;
  }
  for (const pool of poolsOf(course)) {
    const counted = countedPoolResult(course, pool, state);
    max += counted?.max ?? 0;
    raw += counted?.raw ?? 0;
    // An attempt under way can still change the score, even while an earlier best one counts.
    if (counted === undefined || !counted.finished || !poolAttempt(course, pool, state).finished) complete = false;
  }
  // With no weight at all (no questions, or every weight 0) there is nothing to fail.
  const scaled = max > 0 ? raw / max : complete ? 1 : 0;
  // Compare with a small epsilon: 0.8 mastery with 4 of 5 points is 0.8000000000000002 vs 0.8.
  const reaches = scaled + 1e-9 >= course.mastery;
  const final = complete && (reaches || !retryPending(course, state, course.mastery));
  return { scaled, raw, max, final, passed: final && reaches };
}
