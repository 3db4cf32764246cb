/**
 * The resume state as compact, checksummed ASCII, for SCORM suspend_data (4096/4000 characters in
 * SCORM 1.2 / 2004 2nd ed., 64000 in SCORM 2004 3rd/4th ed. RTE 4.2.21) and other stores:
 *
 *   cm1.<location>.<visited>.<completed>.<base time>.<answers>.<activities>[.<pools>].<checksum>
 *
 * location: base 36; visited: bitset over course.pages, base 32; completed: 0/1; base time: seconds
 * since 1970, base 36 (empty without answers); answers: `!`-separated `qi*ac*dt*response` (question
 * index, attempt*2+correct, seconds after the base time, response-codec.ts); activities:
 * `!`-separated `ai*text` for a shared activity (text-codec.ts) and `ai` alone for a private one,
 * whose text is never stored (see `SubmittedActivity`); pools (only in a course that has question
 * pools): each pool's attempt, draw and best earlier attempt (see encodePools); checksum: FNV-1a of the course's structure and everything
 * before it, 7 base-36 digits, so corruption and a state from another course structure are both
 * rejected.
 *
 * What is not kept (`normalizeProgress` applies exactly this):
 * - visited: known page ids only, in course.pages order; location: an integer clamped to the pages;
 * - answers: known question ids with a response that fits the question (see encodeResponse);
 *   attempt an integer in 1..9999; `at` in whole seconds, within 1970..4453 and at most ~1.9 years
 *   after the earliest answer (an unreadable `at` counts as that earliest time);
 * - activities: known activity ids; a shared reflection cut to 500 UTF-16 units; a private one (or
 *   one saved with text for an activity that is now private) keeps only that it was done;
 * - text: a lone surrogate becomes U+FFFD (UTF-8 cannot carry it).
 */
import type { CourseData, PoolData, QuestionData } from '../../course-data.js';
import { REFLECTION_MAX } from '../../reflection-limit.js';
import type { AnswerRecord, PoolProgress, ProgressState, SubmittedActivity } from '../../tracker.js';
import { base36Digits, bitsetLength, CHECKSUM_LENGTH, checksum, decodeBitset, encodeBitset, fromBase36, toBase36 } from './compact.js';
import { decodeResponse, encodeResponse, responseShape, worstResponseLength } from './response-codec.js';
import { decodeText, encodeText, truncateText, worstTextLength } from './text-codec.js';

/** SCORM 1.2 cmi.suspend_data is CMIString4096; 4000 leaves room for 2004 2nd edition LMSs too. */
export const SCORM12_SUSPEND_BUDGET = 4000;
/** SCORM 2004 3rd/4th ed. cmi.suspend_data: characterstring SPM 64000 (RTE 4.2.21). */
export const SCORM2004_SUSPEND_BUDGET = 64000;
export { REFLECTION_MAX };
const ATTEMPT_MAX = 9999;
const BASE_TIME_MAX = 36 ** 7 - 1;
const OFFSET_MAX = 36 ** 5 - 1;
const TAG = 'cm1';

export type DecodeResult = { readonly ok: true; readonly state: ProgressState } | { readonly ok: false; readonly reason: string };

/** What the indices mean: a state saved under another structure must not decode. */
function structure(course: CourseData): string {
  const parts = [course.id, course.pages.map((p) => p.id), course.questions.map((x) => `${x.id}:${x.type}:${responseShape(x)}`), course.activities.map((a) => a.id)];
  // A course without pools keeps the structure (and so the checksums) it always had.
  const pools = poolsOf(course);
  if (pools.length > 0) parts.push(pools.map((pool) => `${pool.id}:${pool.questions.join(',')}:${pool.draw}:${pool.retries}:${pool.counts}`));
  return parts.join('\n');
}

/**
 * Pools: `!`-separated, one per pool in course order, `attempt*drawn*bestDrawn*bestCorrect` with
 * bitsets over the pool's questions (the best attempt's two empty when none is kept).
 */
function encodePools(state: ProgressState, course: CourseData): string {
  return poolsOf(course)
    .map((pool) => {
      const progress = own(state.pools ?? {}, pool.id);
      const flags = (ids: readonly string[] | undefined): string => encodeBitset(pool.questions.map((id) => ids?.includes(id) === true));
      const attempt = progress === undefined ? 1 : clamp(progress.attempt, 1, pool.retries + 1);
      const best = progress?.best;
      return [toBase36(attempt), flags(progress?.drawn), best === undefined ? '' : flags(best.drawn), best === undefined ? '' : flags(best.correct)].join('*');
    })
    .join('!');
}

function decodePools(text: string, course: CourseData): Record<string, PoolProgress> | string {
  const pools = poolsOf(course);
  const entries = text.split('!');
  if (entries.length !== pools.length) return 'malformed pools';
  const decoded: Record<string, PoolProgress> = {};
  for (const [index, pool] of pools.entries()) {
    const [attemptText = '', drawnText = '', bestText = '', correctText = '', extra] = (entries[index] ?? '').split('*');
    const attempt = fromBase36(attemptText);
    const ids = (bits: boolean[] | undefined): string[] | undefined => bits && pool.questions.filter((_, i) => bits[i] === true);
    const drawn = ids(decodeBitset(drawnText, pool.questions.length));
    if (attempt === undefined || attempt < 1 || attempt > pool.retries + 1 || drawn === undefined || extra !== undefined) return `pool ${pool.id} does not fit`;
    let best: PoolProgress['best'];
    if (bestText !== '' || correctText !== '') {
      const bestDrawn = ids(decodeBitset(bestText, pool.questions.length));
      const correct = ids(decodeBitset(correctText, pool.questions.length));
      if (bestDrawn === undefined || correct === undefined || !correct.every((id) => bestDrawn.includes(id))) return `pool ${pool.id} does not fit`;
      best = { drawn: bestDrawn, correct };
    }
    // A state saved before the first draw has none; the session draws then.
    if (drawn.length > 0 || best !== undefined || attempt > 1) decoded[pool.id] = { attempt, drawn, ...(best === undefined ? {} : { best }) };
  }
  return decoded;
}

function seal(body: string, course: CourseData): string {
  return `${body}.${checksum(`${structure(course)}\n${body}`)}`;
}

const poolsOf = (course: Pick<CourseData, 'pools'>): readonly PoolData[] => course.pools ?? [];

/**
 * A pooled question keeps only its answer of the pool's attempt under way (history is not resumed).
 * The rule is pools.ts's currentAnswer, written out here: importing pools.ts (or a module shared
 * with it) adds a chunk to the list a SCORM package's entry preloads with its runtime, past the
 * first-paint budget.
 */
function attemptAnswer(question: QuestionData, state: ProgressState): AnswerRecord | undefined {
  const answer = own(state.answers, question.id);
  const pool = question.poolId === undefined ? undefined : state.pools?.[question.poolId];
  if (question.poolId === undefined) return answer;
  return answer !== undefined && pool !== undefined && pool.drawn.includes(question.id) && (answer.round ?? 1) === pool.attempt ? answer : undefined;
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
const clamp = (n: number, min: number, max: number): number => Math.min(Math.max(Math.floor(n), min), max);

export function encodeProgress(state: ProgressState, course: CourseData): string {
  const entries: { qi: number; record: AnswerRecord; code: string; secs: number | undefined }[] = [];
  course.questions.forEach((q, qi) => {
    const record = attemptAnswer(q, state);
    const code = record && encodeResponse(q, record.response);
    const ms = record ? Date.parse(record.at) : NaN;
    if (record && code !== undefined) entries.push({ qi, record, code, secs: Number.isFinite(ms) ? clamp(ms / 1000, 0, BASE_TIME_MAX) : undefined });
  });
  const base = Math.min(...entries.map((e) => e.secs ?? Infinity));
  const answers = entries.map(({ qi, record, code, secs }) => {
    const attempt = Number.isFinite(record.attempt) ? clamp(record.attempt, 1, ATTEMPT_MAX) : 1;
    const offset = secs === undefined ? 0 : Math.min(secs - base, OFFSET_MAX);
    return [toBase36(qi), toBase36(attempt * 2 + (record.correct === true ? 1 : 0)), toBase36(offset), code].join('*');
  });
  const activities: string[] = [];
  course.activities.forEach((a, ai) => {
    const submitted = own(state.activities, a.id);
    if (submitted === undefined) return;
    // Privacy by construction: only a shared activity's text is ever written.
    if (a.shared && submitted.shared) activities.push(`${toBase36(ai)}*${encodeText(truncateText(submitted.text, REFLECTION_MAX))}`);
    else activities.push(toBase36(ai));
  });
  const location = Number.isFinite(state.location) ? clamp(state.location, 0, Math.max(course.pages.length - 1, 0)) : 0;
  const visited = encodeBitset(course.pages.map((p) => state.visited.includes(p.id)));
  const baseText = entries.length === 0 ? '' : toBase36(Number.isFinite(base) ? base : 0);
  const fields = [TAG, toBase36(location), visited, state.completed === true ? '1' : '0', baseText, answers.join('!'), activities.join('!')];
  if (poolsOf(course).length > 0) fields.push(encodePools(state, course));
  return seal(fields.join('.'), course);
}

/** The state as it comes back after a save and a resume (see the losses above). */
export function normalizeProgress(state: ProgressState, course: CourseData): ProgressState {
  const result = decodeProgress(encodeProgress(state, course), course);
  if (!result.ok) throw new Error(`resume codec: ${result.reason}`); // unreachable: encode output always decodes
  return result.state;
}

/** Upper bound of `encodeProgress(state, course).length` over every state of this course. */
export function worstCaseLength(course: CourseData): number {
  const { pages, questions, activities } = course;
  const answer = (q: QuestionData): number => base36Digits(questions.length - 1) + base36Digits(ATTEMPT_MAX * 2 + 1) + base36Digits(OFFSET_MAX) + worstResponseLength(q) + 4; // 3 '*' and a '!'
  const activity = (a: CourseData['activities'][number]): number => base36Digits(activities.length - 1) + (a.shared ? worstTextLength(REFLECTION_MAX) + 1 : 0) + 1;
  const fixed = TAG.length + base36Digits(pages.length - 1) + bitsetLength(pages.length) + 1 + base36Digits(BASE_TIME_MAX) + CHECKSUM_LENGTH + 7; // 7 '.'
  // A pool: its attempt, three bitsets, three '*' and a '!', and the '.' before the pools.
  const pools = poolsOf(course).reduce((sum, pool) => sum + base36Digits(pool.retries + 1) + 3 * bitsetLength(pool.questions.length) + 4, poolsOf(course).length > 0 ? 1 : 0);
  return fixed + questions.reduce((sum, q) => sum + answer(q), 0) + activities.reduce((sum, a) => sum + activity(a), 0) + pools;
}

function decodeAnswers(text: string, course: CourseData, base: number | undefined): Record<string, AnswerRecord> | string {
  const answers: Record<string, AnswerRecord> = {};
  if (text === '' || base === undefined) return text === '' && base === undefined ? answers : 'answers and base time disagree';
  let last = -1;
  for (const entry of text.split('!')) {
    const [qi, ac, dt, code, extra] = entry.split('*').map((part, i) => (i < 3 ? fromBase36(part) : part));
    const question = typeof qi === 'number' ? course.questions[qi] : undefined;
    if (typeof qi !== 'number' || typeof ac !== 'number' || typeof dt !== 'number' || typeof code !== 'string' || extra !== undefined || !question || qi <= last) return 'malformed answer';
    last = qi;
    const attempt = Math.floor(ac / 2);
    const response = decodeResponse(question, code);
    if (attempt < 1 || attempt > ATTEMPT_MAX || dt > OFFSET_MAX || !response) return `answer ${question.id} does not fit the question`;
    answers[question.id] = { response, correct: ac % 2 === 1, attempt, at: new Date((base + dt) * 1000).toISOString() };
  }
  return answers;
}

function decodeActivities(text: string, course: CourseData): Record<string, SubmittedActivity> | string {
  const activities: Record<string, SubmittedActivity> = {};
  if (text === '') return activities;
  let last = -1;
  for (const entry of text.split('!')) {
    const [aiText = '', code, extra] = entry.split('*');
    const ai = fromBase36(aiText);
    const activity = ai === undefined ? undefined : course.activities[ai];
    const value = code === undefined ? undefined : decodeText(code);
    if (ai === undefined || !activity || ai <= last || extra !== undefined || (code !== undefined && (value === undefined || truncateText(value, REFLECTION_MAX) !== value))) return 'malformed activity';
    last = ai;
    // Text saved for an activity that is private now is dropped; a shared one saved without text (it
    // was private then) counts as done, with nothing to show.
    activities[activity.id] = activity.shared && value !== undefined ? { shared: true, text: value } : { shared: false };
  }
  return activities;
}

const fail = (reason: string): DecodeResult => ({ ok: false, reason });

function decodeChecked(text: string, course: CourseData): DecodeResult {
  if (!/^[\x21-\x7e]*$/.test(text)) return fail('not printable ASCII');
  const parts = text.split('.');
  const withPools = poolsOf(course).length > 0;
  if (parts[0] !== TAG || parts.length !== (withPools ? 9 : 8)) return fail(`not a ${TAG} resume state`);
  if (seal(text.slice(0, -CHECKSUM_LENGTH - 1), course) !== text) return fail('checksum mismatch: corrupted, or saved by a course with other pages or questions');
  const [, locText = '', visitedText = '', completedText = '', baseText = '', answersText = '', activitiesText = '', poolsText = ''] = parts;
  const location = fromBase36(locText);
  if (location === undefined || location >= Math.max(course.pages.length, 1)) return fail('location out of range');
  const flags = decodeBitset(visitedText, course.pages.length);
  if (!flags || (completedText !== '0' && completedText !== '1')) return fail('malformed visited pages or completed flag');
  const base = baseText === '' ? undefined : fromBase36(baseText);
  if (baseText !== '' && (base === undefined || base > BASE_TIME_MAX)) return fail('malformed base time');
  const answers = decodeAnswers(answersText, course, base);
  if (typeof answers === 'string') return fail(answers);
  const activities = decodeActivities(activitiesText, course);
  if (typeof activities === 'string') return fail(activities);
  const visited = course.pages.filter((_, i) => flags[i]).map((p) => p.id);
  const state: ProgressState = { location, visited, answers, activities, completed: completedText === '1' };
  if (!withPools) return { ok: true, state };
  const pools = decodePools(poolsText, course);
  if (typeof pools === 'string') return fail(pools);
  // A pooled answer was saved for the attempt under way: it belongs to that attempt, and a question
  // not in the draw has no answer to keep.
  const pooled: Record<string, AnswerRecord> = {};
  for (const [id, record] of Object.entries(answers)) {
    const poolId = course.questions.find((question) => question.id === id)?.poolId;
    if (poolId === undefined) pooled[id] = record;
    else if (pools[poolId]?.drawn.includes(id) === true) pooled[id] = { ...record, round: pools[poolId]?.attempt ?? 1 };
  }
  return { ok: true, state: { ...state, answers: pooled, pools } };
}

/** Text -> state of this course. Never throws: anything unexpected is `{ ok: false, reason }`. */
export function decodeProgress(text: string, course: CourseData): DecodeResult {
  if (typeof text !== 'string') return fail('not a string');
  try {
    return decodeChecked(text, course);
  } catch (error) {
    // Defensive: a malformed course object must not break resume; the caller starts fresh.
    return fail(`unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
}
