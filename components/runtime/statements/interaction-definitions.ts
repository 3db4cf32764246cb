/**
 * xAPI interaction activity definitions and responses (xAPI Data 2.4.4.1.2, "Interaction
 * Activities"), written from the structured patterns of each question type (../../questions/).
 * Options, items and steps are named by readable ids derived from their text (readable-ids.ts),
 * never by the player's 'a', 'b'; SCORM 2004 uses the same names (../scorm/scorm2004-model.ts).
 */
import type { InteractionActivityDefinition, InteractionComponent, LanguageMap } from '@xapi/xapi';
import type { MatchItem, QuestionData } from '../../course-data.js';
import type { InteractionItems, InteractionType, Pattern } from '../../questions/question-kind.js';
import { kindOf, responseFor } from '../../questions/registry.js';
import type { LearnerResponse } from '../../tracker.js';
import { ACTIVITY_TYPES } from '../vocabulary.js';
import { readableIds } from './readable-ids.js';

export type { InteractionType } from '../../questions/question-kind.js';

/** xAPI Data 2.4.4.1.2: list delimiter `[,]`, pair delimiter `[.]`, range delimiter `[:]`. */
export const LIST = '[,]';
export const PAIR = '[.]';
export const RANGE = '[:]';

export function interactionType(question: QuestionData): InteractionType {
  return kindOf(question).interaction.type;
}

/** Player ids -> readable ids for one question's choices or steps, matching sources and targets. */
export interface ReadableKeys {
  readonly choice: (id: string) => string;
  readonly source: (id: string) => string;
  readonly target: (id: string) => string;
}

/** The items a question's interaction names, each list complete (empty when the type has none). */
export function interactionItems(question: QuestionData): InteractionItems {
  return { choices: [], source: [], target: [], ...kindOf(question).interaction.items(question) };
}

export function readableKeys(items: InteractionItems): ReadableKeys {
  const lookup = (list: readonly MatchItem[]) => {
    const map = readableIds(list);
    return (id: string) => map.get(id) ?? id;
  };
  return { choice: lookup(items.choices), source: lookup(items.source), target: lookup(items.target) };
}

/** One pattern in xAPI's text form (xAPI Data 2.4.4.1.2), ids already readable. */
export function xapiPattern(pattern: Pattern, keys: ReadableKeys, asPattern: boolean): string {
  switch (pattern.kind) {
    case 'ids':
      return pattern.ids.map(keys.choice).join(LIST);
    case 'pairs':
      return pattern.pairs.map(([s, t]) => `${keys.source(s)}${PAIR}${keys.target(t)}`).join(LIST);
    case 'boolean':
      return String(pattern.value);
    case 'number':
      return pattern.min === pattern.max ? String(pattern.min) : `${pattern.min}${RANGE}${pattern.max}`;
    case 'text':
      // `{case_matters=true}` prefixes a pattern that is case sensitive.
      return asPattern && pattern.caseMatters ? `{case_matters=true}${pattern.text}` : pattern.text;
  }
}

/** The correct responses pattern (xAPI Data 2.4.4.1.2: an array of response patterns). */
export function correctResponsesPattern(question: QuestionData): string[] {
  const keys = readableKeys(interactionItems(question));
  return kindOf(question).interaction.correct(question).map((pattern) => xapiPattern(pattern, keys, true));
}

/** The learner's response as structure, or undefined when it is of another type than the question. */
export function responseOf(question: QuestionData, response: LearnerResponse): Pattern | undefined {
  const own = responseFor(question, response);
  return own === undefined ? undefined : kindOf(question).interaction.response(question, own);
}

/** The learner's response to `question` in the same format as the pattern (`result.response`). */
export function responsePattern(question: QuestionData, response: LearnerResponse): string {
  const pattern = responseOf(question, response);
  return pattern === undefined ? '' : xapiPattern(pattern, readableKeys(interactionItems(question)), false);
}

function components(items: readonly MatchItem[], language: string, key: (id: string) => string): InteractionComponent[] {
  return items.map((item) => ({ id: key(item.id), description: { [language]: item.text } }));
}

/** The full interaction definition of a question, in the course language. */
export function interactionDefinition(question: QuestionData, language: string): InteractionActivityDefinition {
  const text: LanguageMap = { [language]: question.promptText };
  const type = interactionType(question);
  const items = interactionItems(question);
  const keys = readableKeys(items);
  const base = { type: ACTIVITY_TYPES.interaction, name: text, description: text, correctResponsesPattern: correctResponsesPattern(question) };
  // xAPI Data 2.4.4.1.3: choice and sequencing list `choices`, matching `source` and `target`.
  switch (type) {
    case 'choice':
    case 'sequencing':
      return { ...base, interactionType: type, choices: components(items.choices, language, keys.choice) };
    case 'matching':
      return { ...base, interactionType: type, source: components(items.source, language, keys.source), target: components(items.target, language, keys.target) };
    case 'true-false':
      // The xAPI types spell the pattern out: exactly ['true'] or ['false'].
      return { ...base, interactionType: type, correctResponsesPattern: [base.correctResponsesPattern[0] === 'true' ? 'true' : 'false'] };
    case 'fill-in':
      return { ...base, interactionType: type };
    case 'long-fill-in':
      return { ...base, interactionType: type };
    case 'numeric':
      return { ...base, interactionType: type };
  }
}

/** A reflection activity: free text, `long-fill-in` without a correct response. */
export function longFillInDefinition(name: string, prompt: string, language: string): InteractionActivityDefinition {
  return { type: ACTIVITY_TYPES.interaction, name: { [language]: name }, description: { [language]: prompt }, interactionType: 'long-fill-in' };
}
