/**
 * Pure scoring: whether one response is right, and the weighted course score. No DOM, no state,
 * so the same rules run in the player, in tests and (if a target needs it) in the build.
 */
import type { CourseData } from './course-data.js';
import { isCorrect } from './questions/registry.js';
import type { AnswerRecord, CourseScore } from './tracker.js';

/**
 * True when `response` answers `question` correctly (by the question type's rule, questions/). A
 * response of another type than the question (for example a stale saved answer after the author
 * changed the question type) is wrong.
 */
export { isCorrect } from './questions/registry.js';

/**
 * The weighted course score. Answers are re-scored against the course rather than trusting the
 * stored `correct` flag, so saved progress cannot claim a score the responses do not earn.
 * `passed` is only true once the score is final (every question answered) and reaches mastery.
 */
export function courseScore(
  course: Pick<CourseData, 'questions' | 'mastery'>,
  answers: Readonly<Record<string, AnswerRecord>>,
): CourseScore {
  let raw = 0;
  let max = 0;
  let answered = 0;
  for (const question of course.questions) {
    max += question.weight;
    const record = answers[question.id];
    if (record === undefined) continue;
    answered += 1;
    if (isCorrect(question, record.response)) raw += question.weight;
  }
  const final = answered === course.questions.length;
  // With no weight at all (no questions, or every weight 0) there is nothing to fail.
  const scaled = max > 0 ? raw / max : final ? 1 : 0;
  // Compare with a small epsilon: 0.8 mastery with 4 of 5 points is 0.8000000000000002 vs 0.8.
  const passed = final && scaled + 1e-9 >= course.mastery;
  return { scaled, raw, max, final, passed };
}
