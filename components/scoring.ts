/**
 * Pure scoring: whether one response is right, and the weighted course score. No DOM, no state,
 * so the same rules run in the player, in tests and (if a target needs it) in the build.
 */
import type { CourseData, QuestionData } from './course-data.js';
import type { AnswerRecord, CourseScore, LearnerResponse } from './tracker.js';

/** Trim and collapse runs of white space, as docs/authoring.md promises for fill-in answers. */
export function normaliseText(text: string, caseSensitive: boolean): string {
  const collapsed = text.trim().replace(/\s+/gu, ' ');
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size !== right.size) return false;
  for (const item of left) if (!right.has(item)) return false;
  return true;
}

/**
 * True when `response` answers `question` correctly. A response of another type than the question
 * (for example a stale saved answer after the author changed the question type) is wrong.
 */
export function isCorrect(question: QuestionData, response: LearnerResponse): boolean {
  switch (question.type) {
    case 'single-choice': {
      if (response.type !== 'single-choice') return false;
      return question.choices.some((choice) => choice.correct && choice.id === response.choice);
    }
    case 'multiple-response': {
      if (response.type !== 'multiple-response') return false;
      const correct = question.choices.filter((choice) => choice.correct).map((choice) => choice.id);
      return sameSet(correct, response.choices) && response.choices.length === new Set(response.choices).size;
    }
    case 'true-false':
      return response.type === 'true-false' && response.value === question.answer;
    case 'fill-in': {
      if (response.type !== 'fill-in') return false;
      const given = normaliseText(response.text, question.caseSensitive);
      if (given === '') return false;
      return question.answers.some((answer) => normaliseText(answer, question.caseSensitive) === given);
    }
    case 'numeric': {
      if (response.type !== 'numeric' || !Number.isFinite(response.value)) return false;
      // A tiny epsilon absorbs binary floating-point error (0.1 + 0.2) at the tolerance boundary.
      return Math.abs(response.value - question.answer) <= question.tolerance + 1e-9;
    }
    case 'matching': {
      if (response.type !== 'matching') return false;
      const given = new Map(response.pairs);
      return question.sources.every((source) => {
        const expected = question.pairs.find(([from]) => from === source.id)?.[1];
        return expected !== undefined && given.get(source.id) === expected;
      });
    }
    case 'sequencing': {
      if (response.type !== 'sequencing') return false;
      const expected = question.steps.map((step) => step.id);
      return expected.length === response.order.length && expected.every((id, i) => response.order[i] === id);
    }
  }
}

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
