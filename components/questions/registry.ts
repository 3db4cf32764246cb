/**
 * Every question type's browser half, by type. The mapped type makes a type without its module (or
 * a module without one of its parts) a compile error; the functions below are the only places that
 * look a question's type up, so no other code switches over question types.
 */
import type { QuestionData } from '../course-data.js';
import type { LearnerResponse } from '../tracker.js';
import { fillIn } from './fill-in.js';
import { matching } from './matching.js';
import { multipleResponse } from './multiple-response.js';
import { numeric } from './numeric.js';
import type { QuestionKind, QuestionType } from './question-kind.js';
import { sequencing } from './sequencing.js';
import { singleChoice } from './single-choice.js';
import { trueFalse } from './true-false.js';

export type QuestionKindTable = { readonly [K in QuestionType]: QuestionKind<K> };

export const questionKinds = {
  'single-choice': singleChoice,
  'multiple-response': multipleResponse,
  'true-false': trueFalse,
  'fill-in': fillIn,
  numeric,
  matching,
  sequencing,
} as const satisfies QuestionKindTable;

/** The kind of a question whose type is known only at run time. */
export function kindOf(question: QuestionData): QuestionKind<QuestionType> {
  // The mapped type above pairs each type with its own kind; TypeScript cannot carry that pairing
  // through a run-time key (QuestionKind's parameter sits in conditional types, so it is invariant).
  return questionKinds[question.type] as unknown as QuestionKind<QuestionType>;
}

/**
 * The response when it answers a question of its own type, else undefined (a stale saved answer
 * after the author changed the question's type never reaches a type's module).
 */
export function responseFor(question: QuestionData, response: LearnerResponse): LearnerResponse | undefined {
  return response.type === question.type ? response : undefined;
}

/** True when `response` answers `question` correctly; a response of another type is wrong. */
export function isCorrect(question: QuestionData, response: LearnerResponse): boolean {
  const own = responseFor(question, response);
  return own !== undefined && kindOf(question).isCorrect(question, own);
}

/** Reads a response of any type back from untrusted JSON. */
export function readResponse(value: unknown): LearnerResponse | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Readonly<Record<string, unknown>>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(questionKinds, type)) return undefined;
  return questionKinds[type as QuestionType].readResponse(record);
}
