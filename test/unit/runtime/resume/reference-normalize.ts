/**
 * The documented losses of the resume-state codec, as one function: `decodeProgress(encodeProgress(s))`
 * equals `normalizeProgress(s)` for every state `s` of the course.
 * - visited: known page ids only, in course.pages order (stored as a bitset);
 * - location: an integer clamped to the course's pages;
 * - answers: known question ids whose response fits the question (compact indices, see
 *   response-codec.ts); fill-in text cut to 255 UTF-16 units; attempt an integer in 1..9999;
 *   `at` to whole seconds, clamped to 1970..year 4453, and to at most ~1.9 years after the
 *   earliest answer (an unreadable `at` counts as that earliest time);
 * - activities: known activity ids, reflection cut to 500 UTF-16 units;
 * - text: a lone surrogate becomes U+FFFD (UTF-8 cannot carry it).
 */
import type { CourseData } from '../../course-data.js';
import type { AnswerRecord, ProgressState } from '../../tracker.js';
import { normalizeResponse } from './response-codec.js';
import { truncateText } from './text-codec.js';

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

export function normalizeProgress(state: ProgressState, course: CourseData): ProgressState {
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
  const activities: Record<string, string> = {};
  for (const a of course.activities) {
    const text = hasOwn(state.activities, a.id) ? state.activities[a.id] : undefined;
    if (typeof text === 'string') activities[a.id] = truncateText(text, REFLECTION_MAX);
  }
  return {
    location: normalizeLocation(state.location, course),
    visited: course.pages.filter((p) => state.visited.includes(p.id)).map((p) => p.id),
    answers,
    activities,
    completed: state.completed === true,
  };
}
