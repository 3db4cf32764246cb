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

/** Canonical form of a response for its question, as decoding will return it; undefined when unrepresentable. */
export function normalizeResponse(question: QuestionData, response: LearnerResponse): LearnerResponse | undefined {
  switch (question.type) {
    case 'single-choice':
      if (response.type !== 'single-choice') return undefined;
      return question.choices.some((c) => c.id === response.choice) ? { type: 'single-choice', choice: response.choice } : undefined;
    case 'multiple-response': {
      if (response.type !== 'multiple-response') return undefined;
      if (!response.choices.every((id) => question.choices.some((c) => c.id === id))) return undefined;
      return { type: 'multiple-response', choices: question.choices.filter((c) => response.choices.includes(c.id)).map((c) => c.id) };
    }
    case 'true-false':
      return response.type === 'true-false' ? { type: 'true-false', value: response.value } : undefined;
    case 'fill-in':
      return response.type === 'fill-in' ? { type: 'fill-in', text: truncateText(response.text, FILL_IN_MAX) } : undefined;
    case 'numeric':
      return response.type === 'numeric' ? { type: 'numeric', value: response.value } : undefined;
    case 'matching': {
      if (response.type !== 'matching') return undefined;
      const known = response.pairs.every(([s, t]) => question.sources.some((x) => x.id === s) && question.targets.some((x) => x.id === t));
      if (!known) return undefined;
      // One target per source (the first pair given wins), in source order.
      const pairs: (readonly [string, string])[] = [];
      for (const source of question.sources) {
        const pair = response.pairs.find(([s]) => s === source.id);
        if (pair) pairs.push([pair[0], pair[1]]);
      }
      return { type: 'matching', pairs };
    }
    case 'sequencing': {
      if (response.type !== 'sequencing') return undefined;
      if (!response.order.every((id) => question.steps.some((s) => s.id === id))) return undefined;
      return { type: 'sequencing', order: response.order.filter((id, i) => response.order.indexOf(id) === i) };
    }
  }
}

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

/** Response (already normalized) -> ASCII from [0-9A-Za-z_~-]. */
export function encodeResponse(question: QuestionData, response: LearnerResponse): string | undefined {
  const r = normalizeResponse(question, response);
  if (!r) return undefined;
  if (question.type === 'single-choice' && r.type === 'single-choice') return toBase36(question.choices.findIndex((c) => c.id === r.choice));
  if (question.type === 'multiple-response' && r.type === 'multiple-response') return encodeBitset(question.choices.map((c) => r.choices.includes(c.id)));
  if (r.type === 'true-false') return r.value ? '1' : '0';
  if (r.type === 'fill-in') return encodeText(r.text);
  if (r.type === 'numeric') return encodeNumber(r.value);
  if (question.type === 'matching' && r.type === 'matching') {
    // Per source, in order: 0 = unmatched, else target index + 1, fixed width.
    const width = base36Digits(question.targets.length);
    return question.sources
      .map((s) => {
        const pair = r.pairs.find(([source]) => source === s.id);
        return toFixedBase36(pair ? question.targets.findIndex((t) => t.id === pair[1]) + 1 : 0, width);
      })
      .join('');
  }
  if (question.type === 'sequencing' && r.type === 'sequencing') {
    const width = base36Digits(question.steps.length - 1);
    return r.order.map((id) => toFixedBase36(question.steps.findIndex((s) => s.id === id), width)).join('');
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
