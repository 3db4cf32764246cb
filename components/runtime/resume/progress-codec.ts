/**
 * The resume state as compact, checksummed ASCII, for SCORM suspend_data (4096/4000 characters in
 * SCORM 1.2 / 2004 2nd ed., 64000 in SCORM 2004 3rd/4th ed. RTE 4.2.21) and other stores:
 *
 *   cm1.<location>.<visited>.<completed>.<base time>.<answers>.<activities>.<checksum>
 *
 * location: base 36; visited: bitset over course.pages, base 32; completed: 0/1; base time: seconds
 * since 1970, base 36 (empty without answers); answers: `!`-separated `qi*ac*dt*response` (question
 * index, attempt*2+correct, seconds after the base time, response-codec.ts); activities:
 * `!`-separated `ai*text` (text-codec.ts); checksum: FNV-1a of the course's structure and everything
 * before it, 7 base-36 digits, so corruption and a state from another course structure are both
 * rejected. What is lost is listed in normalize-progress.ts.
 */
import type { CourseData, QuestionData } from '../../course-data.js';
import type { AnswerRecord, ProgressState } from '../../tracker.js';
import { base36Digits, bitsetLength, CHECKSUM_LENGTH, checksum, decodeBitset, encodeBitset, fromBase36, toBase36 } from './compact.js';
import { answerTimes, ATTEMPT_MAX, isoSeconds, normalizeProgress, REFLECTION_MAX } from './normalize-progress.js';
import { decodeResponse, encodeResponse, worstResponseLength } from './response-codec.js';
import { decodeText, encodeText, truncateText, worstTextLength } from './text-codec.js';

export { normalizeProgress } from './normalize-progress.js';

/** SCORM 1.2 cmi.suspend_data is CMIString4096; 4000 leaves room for 2004 2nd edition LMSs too. */
export const SCORM12_SUSPEND_BUDGET = 4000;
/** SCORM 2004 3rd/4th ed. cmi.suspend_data: characterstring SPM 64000 (RTE 4.2.21). */
export const SCORM2004_SUSPEND_BUDGET = 64000;

const TAG = 'cm1';

export type DecodeResult = { readonly ok: true; readonly state: ProgressState } | { readonly ok: false; readonly reason: string };

/** What the indices mean: a state saved under another structure must not decode. */
function structure(course: CourseData): string {
  const q = (x: QuestionData): string => {
    const size = x.type === 'single-choice' || x.type === 'multiple-response' ? x.choices.length : x.type === 'matching' ? `${x.sources.length}/${x.targets.length}` : x.type === 'sequencing' ? x.steps.length : '';
    return `${x.id}:${x.type}:${size}`;
  };
  return [course.id, course.pages.map((p) => p.id).join(','), course.questions.map(q).join(','), course.activities.map((a) => a.id).join(',')].join('\n');
}

function seal(body: string, course: CourseData): string {
  return `${body}.${checksum(`${structure(course)}\n${body}`)}`;
}

export function encodeProgress(state: ProgressState, course: CourseData): string {
  const s = normalizeProgress(state, course);
  const entries: { qi: number; record: AnswerRecord }[] = [];
  course.questions.forEach((q, qi) => {
    const record = s.answers[q.id];
    if (record) entries.push({ qi, record });
  });
  const { base, offsets } = answerTimes(entries.map((e) => e.record));
  const answers = entries.map(({ qi, record }, i) => {
    const question = course.questions[qi] as QuestionData;
    const ac = record.attempt * 2 + (record.correct ? 1 : 0);
    return [toBase36(qi), toBase36(ac), toBase36(offsets[i] ?? 0), encodeResponse(question, record.response) ?? ''].join('*');
  });
  const activities: string[] = [];
  course.activities.forEach((a, ai) => {
    const text = s.activities[a.id];
    if (text !== undefined) activities.push(`${toBase36(ai)}*${encodeText(text)}`);
  });
  const visited = encodeBitset(course.pages.map((p) => s.visited.includes(p.id)));
  const body = [TAG, toBase36(s.location), visited, s.completed ? '1' : '0', entries.length > 0 ? toBase36(base) : '', answers.join('!'), activities.join('!')].join('.');
  return seal(body, course);
}

/** Upper bound of `encodeProgress(state, course).length` over every state of this course. */
export function worstCaseLength(course: CourseData): number {
  const sep = (n: number): number => Math.max(n - 1, 0);
  const qiDigits = base36Digits(course.questions.length - 1);
  const answers = course.questions.reduce((sum, q) => sum + qiDigits + 1 + base36Digits(ATTEMPT_MAX * 2 + 1) + 1 + 5 + 1 + worstResponseLength(q), 0);
  const aiDigits = base36Digits(course.activities.length - 1);
  const activities = course.activities.length * (aiDigits + 1 + worstTextLength(REFLECTION_MAX));
  return TAG.length + 1 + base36Digits(course.pages.length - 1) + 1 + bitsetLength(course.pages.length) + 2 + 1 + 7 + 1 + answers + sep(course.questions.length) + 1 + activities + sep(course.activities.length) + 1 + CHECKSUM_LENGTH;
}

const fail = (reason: string): DecodeResult => ({ ok: false, reason });

function decodeAnswers(text: string, course: CourseData, base: number | undefined): Record<string, AnswerRecord> | string {
  const answers: Record<string, AnswerRecord> = {};
  if (text === '') return answers;
  if (base === undefined) return 'answers without a base time';
  let last = -1;
  for (const entry of text.split('!')) {
    const [qiText, acText, dtText, code, extra] = entry.split('*');
    const qi = fromBase36(qiText ?? '');
    const ac = fromBase36(acText ?? '');
    const dt = fromBase36(dtText ?? '');
    if (qi === undefined || ac === undefined || dt === undefined || code === undefined || extra !== undefined) return 'malformed answer';
    const question = course.questions[qi];
    if (!question || qi <= last) return `unknown or repeated question index ${qi}`;
    last = qi;
    const attempt = Math.floor(ac / 2);
    if (attempt < 1 || attempt > ATTEMPT_MAX || dt > 36 ** 5 - 1) return `answer ${question.id}: attempt or time out of range`;
    const response = decodeResponse(question, code);
    if (!response) return `answer ${question.id}: response does not fit the question`;
    answers[question.id] = { response, correct: ac % 2 === 1, attempt, at: isoSeconds(base + dt) };
  }
  return answers;
}

function decodeActivities(text: string, course: CourseData): Record<string, string> | string {
  const activities: Record<string, string> = {};
  if (text === '') return activities;
  let last = -1;
  for (const entry of text.split('!')) {
    const [aiText, code, extra] = entry.split('*');
    const ai = fromBase36(aiText ?? '');
    const activity = ai === undefined ? undefined : course.activities[ai];
    if (ai === undefined || !activity || ai <= last || code === undefined || extra !== undefined) return 'malformed activity';
    last = ai;
    const value = decodeText(code);
    if (value === undefined || truncateText(value, REFLECTION_MAX) !== value) return `activity ${activity.id}: malformed text`;
    activities[activity.id] = value;
  }
  return activities;
}

function decodeChecked(text: string, course: CourseData): DecodeResult {
  if (!/^[\x21-\x7e]*$/.test(text)) return fail('not printable ASCII');
  const parts = text.split('.');
  if (parts[0] !== TAG) return fail(`unknown format (expected ${TAG}.)`);
  if (parts.length !== 8) return fail('wrong number of fields');
  const body = text.slice(0, text.length - CHECKSUM_LENGTH - 1);
  if (seal(body, course) !== text) return fail('checksum mismatch: corrupted, or saved by a course with other pages or questions');
  const [, locText = '', visitedText = '', completedText = '', baseText = '', answersText = '', activitiesText = ''] = parts;
  const location = fromBase36(locText);
  if (location === undefined || location >= Math.max(course.pages.length, 1)) return fail('location out of range');
  const visitedFlags = decodeBitset(visitedText, course.pages.length);
  if (!visitedFlags) return fail('malformed visited pages');
  if (completedText !== '0' && completedText !== '1') return fail('malformed completed flag');
  const base = baseText === '' ? undefined : fromBase36(baseText);
  if (baseText !== '' && (base === undefined || base > 36 ** 7 - 1)) return fail('malformed base time');
  const answers = decodeAnswers(answersText, course, base);
  if (typeof answers === 'string') return fail(answers);
  if (base !== undefined && Object.keys(answers).length === 0) return fail('base time without answers');
  const activities = decodeActivities(activitiesText, course);
  if (typeof activities === 'string') return fail(activities);
  const visited = course.pages.filter((_, i) => visitedFlags[i]).map((p) => p.id);
  return { ok: true, state: { location, visited, answers, activities, completed: completedText === '1' } };
}

/** Text -> state of this course. Never throws: anything unexpected is `{ ok: false, reason }`. */
export function decodeProgress(text: string, course: CourseData): DecodeResult {
  if (typeof text !== 'string') return fail('not a string');
  try {
    return decodeChecked(text, course);
  } catch (error) {
    // Defensive: a course object that breaks the validators above must not break resume.
    return fail(`unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
}
