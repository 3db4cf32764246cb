/**
 * Reads a recorded response back into the learner's response, from each format the packages write:
 * xAPI `result.response` (xAPI Data 2.4.4.1.2: `[,]` lists, `[.]` pairs, items named by their
 * readable ids), SCORM 2004 `learner_response` (RTE 4.2.9.2, the same delimiters and ids) and SCORM
 * 1.2 `student_response` (RTE 3.4.4 CMIFeedback: `,` and `.`, one character per item, `t`/`f`).
 * The ids are mapped back with the same functions that wrote them; what the pattern means is the
 * question type's own business (scripts/questions/*.ts, `report.fromPattern`).
 */
import type { QuestionData } from '../../components/course-data.js';
import type { InteractionItems, Pattern } from '../../components/questions/question-kind.js';
import { isCorrect, kindOf } from '../../components/questions/registry.js';
import { interactionItems, LIST, PAIR, readableKeys, type ReadableKeys } from '../../components/runtime/statements/interaction-definitions.js';
import { scorm12Keys } from '../../components/runtime/scorm/scorm12-model.js';
import type { LearnerResponse } from '../../components/tracker.js';
import { readerOf } from '../questions/registry.js';

export type ResponseFormat = 'xapi' | 'scorm2004' | 'scorm12';

/** Reverses one side of the keys: recorded id -> player id. */
function reverse(items: readonly { readonly id: string }[], key: (id: string) => string): (recorded: string) => string | undefined {
  const map = new Map(items.map((item) => [key(item.id), item.id]));
  return (recorded) => map.get(recorded);
}

interface Readers {
  readonly choice: (recorded: string) => string | undefined;
  readonly source: (recorded: string) => string | undefined;
  readonly target: (recorded: string) => string | undefined;
}

function readersOf(items: InteractionItems, keys: ReadableKeys): Readers {
  return { choice: reverse(items.choices, keys.choice), source: reverse(items.source, keys.source), target: reverse(items.target, keys.target) };
}

const allDefined = (values: readonly (string | undefined)[]): values is string[] => values.every((value) => value !== undefined);

/** A decimal as SCORM and xAPI write it (no exponent needed, but JSON numbers may have one). */
function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The structure of a recorded response of `kind`, or undefined when the text is not one. */
export function parsePattern(text: string, kind: Pattern['kind'], format: ResponseFormat, readers: Readers): Pattern | undefined {
  const list = format === 'scorm12' ? ',' : LIST;
  const pair = format === 'scorm12' ? '.' : PAIR;
  switch (kind) {
    case 'ids': {
      const ids = text === '' ? [] : text.split(list).map((id) => readers.choice(id.trim()));
      return allDefined(ids) ? { kind, ids } : undefined;
    }
    case 'pairs': {
      const pairs: (readonly [string, string])[] = [];
      for (const item of text === '' ? [] : text.split(list)) {
        const sides = item.split(pair);
        const source = readers.source((sides[0] ?? '').trim());
        const target = readers.target((sides[1] ?? '').trim());
        if (sides.length !== 2 || source === undefined || target === undefined) return undefined;
        pairs.push([source, target]);
      }
      return { kind, pairs };
    }
    case 'boolean': {
      // SCORM 1.2 CMIFeedback true-false: "0", "1", "t" or "f" (RTE 3.4.4); xAPI and 2004 spell it out.
      const value = text.trim().toLowerCase();
      const truthy = format === 'scorm12' ? ['t', '1', 'true'] : ['true'];
      const falsy = format === 'scorm12' ? ['f', '0', 'false'] : ['false'];
      return truthy.includes(value) ? { kind, value: true } : falsy.includes(value) ? { kind, value: false } : undefined;
    }
    case 'number': {
      const value = readNumber(text);
      return value === undefined ? undefined : { kind, min: value, max: value };
    }
    case 'text':
      return { kind, text, caseMatters: false };
  }
}

/** A recorded response read back: the learner's response and whether the course's answer key accepts it. */
export interface DecodedResponse {
  readonly response: LearnerResponse;
  readonly correct: boolean;
}

/** The response `text` records for `question` in `format`, or undefined when it cannot be read. */
export function decodeResponse(question: QuestionData, text: string, format: ResponseFormat): DecodedResponse | undefined {
  const kind = kindOf(question);
  const items = interactionItems(question);
  // The correct-response pattern has the same structure as a response (xAPI Data 2.4.4.1.2).
  const patternKind = kind.interaction.correct(question)[0]?.kind;
  if (patternKind === undefined) return undefined;
  const keys = format === 'scorm12' ? scorm12Keys(items) : readableKeys(items);
  const pattern = parsePattern(text, patternKind, format, readersOf(items, keys));
  if (pattern === undefined) return undefined;
  const response = readerOf(question.type).report.fromPattern(question, pattern);
  return response === undefined ? undefined : { response, correct: isCorrect(question, response) };
}
