/**
 * xAPI interaction activity definitions and responses per question type (xAPI Data 2.4.4.1.2,
 * "Interaction Activities"). Exported for the SCORM adapters too: cmi.interactions use the same
 * patterns with other delimiters (SCORM 2004 RTE 4.2.9.1). Options, items and steps are named by
 * readable ids derived from their text (readable-ids.ts), never by the player's 'a', 'b'.
 */
import type { InteractionActivityDefinition, InteractionComponent, LanguageMap } from '@xapi/xapi';
import type { MatchItem, QuestionData } from '../../course-data.js';
import type { LearnerResponse } from '../../tracker.js';
import { ACTIVITY_TYPES } from '../vocabulary.js';
import { readableIds } from './readable-ids.js';

export type InteractionType = 'choice' | 'true-false' | 'fill-in' | 'long-fill-in' | 'numeric' | 'matching' | 'sequencing';

/** xAPI Data 2.4.4.1.2: list delimiter `[,]`, pair delimiter `[.]`, range delimiter `[:]`. */
export const LIST = '[,]';
export const PAIR = '[.]';
export const RANGE = '[:]';

export function interactionType(question: QuestionData): InteractionType {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return 'choice';
    default:
      return question.type;
  }
}

/** Removes binary floating-point noise from `answer ± tolerance` (0.3 - 0.1 -> 0.2, not 0.19999999999999998). */
function tidy(n: number): number {
  return Number(n.toPrecision(15));
}

/** Player ids -> readable ids for one question's options, items and steps (readable-ids.ts). */
interface Keys {
  readonly choice: (id: string) => string;
  readonly source: (id: string) => string;
  readonly target: (id: string) => string;
}

function keysOf(question: QuestionData): Keys {
  const lookup = (map: ReadonlyMap<string, string>) => (id: string) => map.get(id) ?? id;
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response': {
      const choice = lookup(readableIds(question.choices));
      return { choice, source: choice, target: choice };
    }
    case 'sequencing': {
      const step = lookup(readableIds(question.steps));
      return { choice: step, source: step, target: step };
    }
    case 'matching':
      return { choice: (id) => id, source: lookup(readableIds(question.sources)), target: lookup(readableIds(question.targets)) };
    default:
      return { choice: (id) => id, source: (id) => id, target: (id) => id };
  }
}

/** The correct responses pattern (xAPI Data 2.4.4.1.2: an array of response patterns). */
export function correctResponsesPattern(question: QuestionData): string[] {
  const keys = keysOf(question);
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return [question.choices.filter((c) => c.correct).map((c) => keys.choice(c.id)).join(LIST)];
    case 'true-false':
      return [String(question.answer)];
    case 'fill-in':
      // xAPI Data 2.4.4.1.2: `{case_matters=true}` prefixes a pattern that is case sensitive.
      return question.answers.map((a) => (question.caseSensitive ? `{case_matters=true}${a}` : a));
    case 'numeric':
      return [question.tolerance > 0 ? `${tidy(question.answer - question.tolerance)}${RANGE}${tidy(question.answer + question.tolerance)}` : String(question.answer)];
    case 'matching':
      return [question.pairs.map(([s, t]) => `${keys.source(s)}${PAIR}${keys.target(t)}`).join(LIST)];
    case 'sequencing':
      return [question.steps.map((s) => keys.choice(s.id)).join(LIST)];
  }
}

/** The learner's response to `question` in the same format as the pattern (`result.response`). */
export function responsePattern(question: QuestionData, response: LearnerResponse): string {
  const keys = keysOf(question);
  switch (response.type) {
    case 'single-choice':
      return keys.choice(response.choice);
    case 'multiple-response':
      return response.choices.map(keys.choice).join(LIST);
    case 'true-false':
      return String(response.value);
    case 'fill-in':
      return response.text;
    case 'numeric':
      return String(response.value);
    case 'matching':
      return response.pairs.map(([s, t]) => `${keys.source(s)}${PAIR}${keys.target(t)}`).join(LIST);
    case 'sequencing':
      return response.order.map(keys.choice).join(LIST);
  }
}

function components(items: readonly MatchItem[], language: string, key: (id: string) => string): InteractionComponent[] {
  return items.map((item) => ({ id: key(item.id), description: { [language]: item.text } }));
}

/** The full interaction definition of a question, in the course language. */
export function interactionDefinition(question: QuestionData, language: string): InteractionActivityDefinition {
  const text: LanguageMap = { [language]: question.promptText };
  const keys = keysOf(question);
  const base = { type: ACTIVITY_TYPES.interaction, name: text, description: text, correctResponsesPattern: correctResponsesPattern(question) };
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return { ...base, interactionType: 'choice', choices: components(question.choices, language, keys.choice) };
    case 'true-false':
      return { ...base, interactionType: 'true-false', correctResponsesPattern: [question.answer ? 'true' : 'false'] };
    case 'fill-in':
      return { ...base, interactionType: 'fill-in' };
    case 'numeric':
      return { ...base, interactionType: 'numeric' };
    case 'matching':
      return { ...base, interactionType: 'matching', source: components(question.sources, language, keys.source), target: components(question.targets, language, keys.target) };
    case 'sequencing':
      return { ...base, interactionType: 'sequencing', choices: components(question.steps, language, keys.choice) };
  }
}

/** A reflection activity: free text, `long-fill-in` without a correct response. */
export function longFillInDefinition(name: string, prompt: string, language: string): InteractionActivityDefinition {
  return { type: ACTIVITY_TYPES.interaction, name: { [language]: name }, description: { [language]: prompt }, interactionType: 'long-fill-in' };
}
