/**
 * Test oracle, written independently of the codec: the documented losses of the resume-state codec, as one function: `decodeProgress(encodeProgress(s))`
 * must equal `referenceNormalize(s)` for every state `s` of the course.
 * - visited: known page ids only, in course.pages order (stored as a bitset);
 * - location: an integer clamped to the course's pages;
 * - answers: known question ids whose response fits the question (compact indices, see
 *   response-codec.ts); fill-in text cut to 255 UTF-16 units; attempt an integer in 1..9999;
 *   `at` to whole seconds, clamped to 1970..year 4453, and to at most ~1.9 years after the
 *   earliest answer (an unreadable `at` counts as that earliest time);
 * - activities: known activity ids, reflection cut to 500 UTF-16 units;
 * - text: a lone surrogate becomes U+FFFD (UTF-8 cannot carry it).
 */

import type { CourseData, QuestionData } from '../../../../components/course-data.js';
import type { AnswerRecord, LearnerResponse, ProgressState, SubmittedActivity } from '../../../../components/tracker.js';
import { FILL_IN_MAX } from '../../../../components/runtime/resume/response-codec.js';
import { truncateText } from '../../../../components/runtime/resume/text-codec.js';

/** Reflections are stored up to this many UTF-16 code units. */
export const REFLECTION_MAX = 500;
export const ATTEMPT_MAX = 9999;
/** Largest stored base time, seconds since 1970 (7 base-36 digits). */
export const BASE_TIME_MAX = 36 ** 7 - 1;
/** Largest stored offset from the base time, seconds (5 base-36 digits, about 1.9 years). */
export const TIME_OFFSET_MAX = 36 ** 5 - 1;

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

function seconds(at: string): number | undefined {
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? Math.min(Math.max(Math.floor(ms / 1000), 0), BASE_TIME_MAX) : undefined;
}

/** Whole seconds of each answer's `at`, relative to the earliest readable one. */
export function answerTimes(records: readonly AnswerRecord[]): { base: number; offsets: number[] } {
  const secs = records.map((r) => seconds(r.at));
  const known = secs.filter((s): s is number => s !== undefined);
  const base = known.length > 0 ? Math.min(...known) : 0;
  return { base, offsets: secs.map((s) => Math.min((s ?? base) - base, TIME_OFFSET_MAX)) };
}

export function isoSeconds(secs: number): string {
  return new Date(secs * 1000).toISOString();
}

export function normalizeAttempt(attempt: number): number {
  return Number.isFinite(attempt) ? Math.min(Math.max(Math.floor(attempt), 1), ATTEMPT_MAX) : 1;
}

export function normalizeLocation(location: number, course: CourseData): number {
  const last = Math.max(course.pages.length - 1, 0);
  return Number.isFinite(location) ? Math.min(Math.max(Math.floor(location), 0), last) : 0;
}

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

export function referenceNormalize(state: ProgressState, course: CourseData): ProgressState {
  const kept: [string, AnswerRecord][] = [];
  for (const q of course.questions) {
    const record = hasOwn(state.answers, q.id) ? state.answers[q.id] : undefined;
    const response = record && normalizeResponse(q, record.response);
    if (record && response) kept.push([q.id, { ...record, response }]);
  }
  const { base, offsets } = answerTimes(kept.map(([, r]) => r));
  const answers: Record<string, AnswerRecord> = {};
  kept.forEach(([id, r], i) => {
    answers[id] = { response: r.response, correct: r.correct === true, attempt: normalizeAttempt(r.attempt), at: isoSeconds(base + (offsets[i] ?? 0)) };
  });
  const activities: Record<string, SubmittedActivity> = {};
  for (const a of course.activities) {
    const submitted = hasOwn(state.activities, a.id) ? state.activities[a.id] : undefined;
    if (submitted === undefined) continue;
    // Only a shared activity's text is kept; everything else is "done", without text.
    activities[a.id] = a.shared && submitted.shared ? { shared: true, text: truncateText(submitted.text, REFLECTION_MAX) } : { shared: false };
  }
  return {
    location: normalizeLocation(state.location, course),
    visited: course.pages.filter((p) => state.visited.includes(p.id)).map((p) => p.id),
    answers,
    activities,
    completed: state.completed === true,
  };
}
