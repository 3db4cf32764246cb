/**
 * One learner response as compact indices into its question (course-data.ts ids): the question
 * type comes from the course, so no type tag is stored. Each encoder returns undefined for a
 * response it cannot represent (wrong type, unknown id); the codec then drops that answer.
 */
import type { QuestionData } from '../../course-data.js';
import type { LearnerResponse } from '../../tracker.js';
import { base36Digits, bitsetLength, decodeBitset, encodeBitset, fromBase36, fromFixedBase36, toBase36, toFixedBase36 } from './compact.js';
import { decodeText, encodeText, truncateText, worstTextLength } from './text-codec.js';

/** Fill-in answers are stored up to this many UTF-16 code units. */
export const FILL_IN_MAX = 255;
/** Longest `String(number)` (e.g. `-0.0000012345678901234567`). */
const NUMBER_MAX = 25;

function encodeNumber(n: number): string {
  // '.' is a separator in the codec and '+' is not in its alphabet; '-0' keeps the sign of zero.
  return Object.is(n, -0) ? '-0' : String(n).replace('.', '_').replace('+', '');
}

function decodeNumber(code: string): number | undefined {
  if (!/^(-?[0-9][0-9_e-]*|-?Infinity|NaN)$/.test(code)) return undefined;
  const n = Number(code.replace('_', '.'));
  if (Number.isNaN(n) && code !== 'NaN') return undefined;
  return encodeNumber(n) === code ? n : undefined;
}

/**
 * Response -> ASCII from [0-9A-Za-z_~-]; undefined when it does not fit the question (other type,
 * unknown id). What is not kept: choice order (multiple-response), pairs after the first for a
 * source (matching), repeated steps (sequencing), fill-in text past 255 UTF-16 units.
 */
export function encodeResponse(question: QuestionData, r: LearnerResponse): string | undefined {
  const index = (items: readonly { id: string }[], id: string): number => items.findIndex((x) => x.id === id);
  const known = (items: readonly { id: string }[], ids: readonly string[]): boolean => ids.every((id) => index(items, id) >= 0);
  if (question.type === 'single-choice' && r.type === 'single-choice') {
    const i = index(question.choices, r.choice);
    return i < 0 ? undefined : toBase36(i);
  }
  if (question.type === 'multiple-response' && r.type === 'multiple-response') {
    return known(question.choices, r.choices) ? encodeBitset(question.choices.map((c) => r.choices.includes(c.id))) : undefined;
  }
  if (question.type === 'true-false' && r.type === 'true-false') return r.value ? '1' : '0';
  if (question.type === 'fill-in' && r.type === 'fill-in') return encodeText(truncateText(r.text, FILL_IN_MAX));
  if (question.type === 'numeric' && r.type === 'numeric') return encodeNumber(r.value);
  if (question.type === 'matching' && r.type === 'matching') {
    if (!known(question.sources, r.pairs.map(([s]) => s)) || !known(question.targets, r.pairs.map(([, t]) => t))) return undefined;
    // Per source, in order: 0 = unmatched, else target index + 1, fixed width.
    const width = base36Digits(question.targets.length);
    return question.sources
      .map((s) => {
        const pair = r.pairs.find(([source]) => source === s.id);
        return toFixedBase36(pair ? index(question.targets, pair[1]) + 1 : 0, width);
      })
      .join('');
  }
  if (question.type === 'sequencing' && r.type === 'sequencing') {
    if (!known(question.steps, r.order)) return undefined;
    const width = base36Digits(question.steps.length - 1);
    return [...new Set(r.order)].map((id) => toFixedBase36(index(question.steps, id), width)).join('');
  }
  return undefined;
}

function fixedChunks(code: string, width: number): number[] | undefined {
  if (code.length % width !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < code.length; i += width) {
    const n = fromFixedBase36(code.slice(i, i + width), width);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** ASCII -> response, validated against the question; undefined when it does not fit. */
export function decodeResponse(question: QuestionData, code: string): LearnerResponse | undefined {
  switch (question.type) {
    case 'single-choice': {
      const i = fromBase36(code);
      const choice = i === undefined ? undefined : question.choices[i];
      return choice ? { type: 'single-choice', choice: choice.id } : undefined;
    }
    case 'multiple-response': {
      const flags = decodeBitset(code, question.choices.length);
      return flags ? { type: 'multiple-response', choices: question.choices.filter((_, i) => flags[i]).map((c) => c.id) } : undefined;
    }
    case 'true-false':
      return code === '1' || code === '0' ? { type: 'true-false', value: code === '1' } : undefined;
    case 'fill-in': {
      const text = decodeText(code);
      return text !== undefined && truncateText(text, FILL_IN_MAX) === text ? { type: 'fill-in', text } : undefined;
    }
    case 'numeric': {
      const value = decodeNumber(code);
      return value === undefined ? undefined : { type: 'numeric', value };
    }
    case 'matching': {
      const picks = fixedChunks(code, base36Digits(question.targets.length));
      if (!picks || picks.length !== question.sources.length) return undefined;
      const pairs: (readonly [string, string])[] = [];
      for (const [i, pick] of picks.entries()) {
        const source = question.sources[i];
        if (pick === 0 || !source) continue;
        const target = question.targets[pick - 1];
        if (!target) return undefined;
        pairs.push([source.id, target.id]);
      }
      return { type: 'matching', pairs };
    }
    case 'sequencing': {
      const steps = code === '' ? [] : fixedChunks(code, base36Digits(question.steps.length - 1));
      if (!steps || new Set(steps).size !== steps.length) return undefined;
      const order: string[] = [];
      for (const i of steps) {
        const step = question.steps[i];
        if (!step) return undefined;
        order.push(step.id);
      }
      return { type: 'sequencing', order };
    }
  }
}

/** Longest possible `encodeResponse` output for this question. */
export function worstResponseLength(question: QuestionData): number {
  switch (question.type) {
    case 'single-choice':
      return base36Digits(question.choices.length - 1);
    case 'multiple-response':
      return bitsetLength(question.choices.length);
    case 'true-false':
      return 1;
    case 'fill-in':
      return worstTextLength(FILL_IN_MAX);
    case 'numeric':
      return NUMBER_MAX;
    case 'matching':
      return question.sources.length * base36Digits(question.targets.length);
    case 'sequencing':
      return question.steps.length * base36Digits(question.steps.length - 1);
  }
}
