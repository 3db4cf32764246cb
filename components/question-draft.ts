/**
 * What a learner has entered into a question but not yet submitted, and its conversion to and
 * from `LearnerResponse`, by the question's type (questions/). Pure, so restoring a saved answer
 * and building a response are testable without a browser.
 */
import type { QuestionData } from './course-data.js';
import type { Draft } from './questions/question-kind.js';
import { kindOf, responseFor } from './questions/registry.js';
import type { LearnerResponse } from './tracker.js';

export type { Draft } from './questions/question-kind.js';
export { parseNumber } from './questions/numeric.js';

/** The starting draft: nothing selected, and sequencing steps in a seeded, never-solved order. */
export function emptyDraft(question: QuestionData): Draft {
  return kindOf(question).emptyDraft(question);
}

export function draftFromResponse(question: QuestionData, response: LearnerResponse): Draft {
  const own = responseFor(question, response);
  return own === undefined ? emptyDraft(question) : kindOf(question).draftFrom(question, own);
}

/** The response a draft represents, or undefined when the learner has not answered yet. */
export function responseFromDraft(question: QuestionData, draft: Draft): LearnerResponse | undefined {
  return kindOf(question).responseFrom(question, draft);
}
