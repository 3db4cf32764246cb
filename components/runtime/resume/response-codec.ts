/**
 * One learner response as compact indices into its question (course-data.ts ids): the question
 * type comes from the course, so no type tag is stored. Each type's codec is in its module
 * (../../questions/); a response it cannot represent (wrong type, unknown id) encodes to
 * undefined, and the progress codec then drops that answer.
 */
import type { QuestionData } from '../../course-data.js';
import { kindOf, responseFor } from '../../questions/registry.js';
import type { LearnerResponse } from '../../tracker.js';

export { FILL_IN_MAX } from '../../questions/fill-in.js';

/** Response -> ASCII from [0-9A-Za-z_~-]; undefined when it does not fit the question. */
export function encodeResponse(question: QuestionData, response: LearnerResponse): string | undefined {
  const own = responseFor(question, response);
  return own === undefined ? undefined : kindOf(question).codec.encode(question, own);
}

/** ASCII -> response, validated against the question; undefined when it does not fit. */
export function decodeResponse(question: QuestionData, code: string): LearnerResponse | undefined {
  return kindOf(question).codec.decode(question, code);
}

/** Longest possible `encodeResponse` output for this question. */
export function worstResponseLength(question: QuestionData): number {
  return kindOf(question).codec.worst(question);
}

/** What a saved response's indices depend on (the number of choices, pairs or steps). */
export function responseShape(question: QuestionData): string {
  return kindOf(question).codec.shape(question);
}
