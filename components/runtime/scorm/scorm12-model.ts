/**
 * SCORM 1.2 data model (RTE 1.2 section 3.4; standards.md 1.3): element names, vocabularies and
 * the CMIFeedback response formats, with one-character ids for choices.
 */
import { toCmiTime, toCmiTimespan, toDecimal, truncate } from './formats.js';
import type { InteractionItems } from '../../questions/question-kind.js';
import type { ReadableKeys } from '../statements/interaction-definitions.js';
import type { InteractionRecord, Pattern } from './interaction-record.js';
import type { LmsConnection } from './lms-connection.js';
import type { Scorm12StatusMode } from '../../course-data.js';
import { PATTERN_LIMIT, readNumber, setAll, type LaunchData, type Outcome, type ScormModel } from './scorm-model.js';

export type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

const LETTERS_FIRST = 'abcdefghijklmnopqrstuvwxyz0123456789';
// Matching sources count 1, 2, 3 and targets a, b, c, as the player numbers them: "1.c,2.a".
const DIGITS_FIRST = '1234567890abcdefghijklmnopqrstuvwxyz';

/**
 * 1.2 choice, matching and sequencing responses are single characters [0-9a-z] (RTE 3.4.4
 * CMIFeedback). Ids that already are stay as they are; otherwise every id becomes the character
 * of its position (at most 36 options, standards.md 1.3).
 */
function charMap(ids: readonly string[], alphabet = LETTERS_FIRST): (id: string) => string {
  const keep = ids.every((id) => /^[0-9a-z]$/.test(id));
  return (id) => {
    if (keep || ids.length === 0) return /^[0-9a-z]$/.test(id) ? id : '';
    return alphabet[ids.indexOf(id)] ?? '';
  };
}

const idsOf = (items: readonly { readonly id: string }[]): string[] => items.map((item) => item.id);

/** Player ids -> 1.2 characters for an interaction's items (`coursemark report` reads them back through this too). */
export function scorm12Keys(items: InteractionItems): ReadableKeys {
  return { choice: charMap(idsOf(items.choices)), source: charMap(idsOf(items.source), DIGITS_FIRST), target: charMap(idsOf(items.target)) };
}

/** A structured response or pattern in 1.2's CMIFeedback form (RTE 3.4.4), with one character per item. */
function format12(record: InteractionRecord, response: Pattern): string {
  const { choice, source, target } = scorm12Keys(record.items);
  switch (response.kind) {
    case 'boolean':
      return response.value ? 't' : 'f';
    case 'ids':
      return response.ids.map(choice).filter((id) => id !== '').join(',');
    case 'pairs':
      return response.pairs.map(([s, t]) => `${source(s)}.${target(t)}`).join(',');
    case 'number':
      // 1.2 numeric is one decimal: a tolerance range is reported by its centre.
      return toDecimal((response.min + response.max) / 2);
    case 'text':
      return truncate(response.text, 255);
  }
}

const STATUS_DONE: readonly string[] = ['passed', 'completed', 'failed'];

const RANK: Readonly<Record<LessonStatus, number>> = { 'not attempted': 0, browsed: 0, incomplete: 0, failed: 1, completed: 2, passed: 2 };

/**
 * The one status SCORM 1.2 has room for, by the course's mode (course-data.ts Scorm12StatusMode):
 * a course with a score reports its verdict once every question is answered, as the mode words it;
 * `completed` also waits for the completion rule. A course without a score is `completed` when its
 * completion rule is met. Everything else is `incomplete`, so the learner resumes and may retry.
 */
export function lessonStatus(mode: Scorm12StatusMode, outcome: Outcome): LessonStatus {
  if (!outcome.scored) return outcome.completed ? 'completed' : 'incomplete';
  const [onPass, onFail] = mode.split('-') as ['completed' | 'passed', 'incomplete' | 'failed'];
  if (outcome.passed === true) return onPass === 'passed' ? 'passed' : outcome.completed ? 'completed' : 'incomplete';
  if (outcome.passed === false) return onFail;
  return 'incomplete';
}

export const scorm12Model: ScormModel = {
  version: '1.2',
  apiName: 'API',
  maxParents: 7,
  suspendDataElement: 'cmi.suspend_data',
  suspendDataLimit: 4096,
  locationElement: 'cmi.core.lesson_location',
  locationLimit: 255,
  responseLimit: 255,

  read(lms): LaunchData {
    const status = lms.getValue('cmi.core.lesson_status');
    const mastery = readNumber(lms, 'cmi.student_data.mastery_score');
    return {
      entry: lms.getValue('cmi.core.entry'),
      suspendData: lms.getValue('cmi.suspend_data'),
      location: lms.getValue('cmi.core.lesson_location'),
      completed: STATUS_DONE.includes(status),
      passed: status === 'passed',
      started: status !== '' && status !== 'not attempted',
      mastery: mastery !== undefined && mastery >= 0 && mastery <= 100 ? mastery / 100 : undefined,
      completionThreshold: undefined,
      interactionCount: readNumber(lms, 'cmi.interactions._count') ?? 0,
    };
  },

  start(lms, launch) {
    // C1: a first launch moves `not attempted` to `incomplete`; never touch a status already set.
    if (!launch.started) lms.setValue('cmi.core.lesson_status', 'incomplete');
    if (!launch.completed) lms.setValue('cmi.core.exit', 'suspend');
  },

  writeInteraction(lms, index, record) {
    const base = `cmi.interactions.${index}`;
    const patterns = record.patterns.slice(0, PATTERN_LIMIT[record.type]);
    const result = record.correct === undefined ? 'neutral' : record.correct ? 'correct' : 'wrong';
    return setAll(lms, [
      [`${base}.id`, record.id],
      [`${base}.type`, record.type === 'long-fill-in' ? 'fill-in' : record.type],
      [`${base}.time`, toCmiTime(record.timestamp)],
      [`${base}.weighting`, record.weighting === undefined ? undefined : toDecimal(Math.min(100, record.weighting), 2)],
      ...patterns.map((pattern, k) => [`${base}.correct_responses.${k}.pattern`, format12(record, pattern)] as const),
      // An empty choice set has no 1.2 form (CMIFeedback choice needs one character): leave it unset.
      [`${base}.student_response`, record.response === undefined ? undefined : format12(record, record.response) || undefined],
      [`${base}.result`, result],
      [`${base}.latency`, record.latencyMs === undefined ? undefined : toCmiTimespan(record.latencyMs)],
    ]);
  },

  progress() {
    return false;
  },

  passes(scaled, mastery) {
    // Moodle compares the raw score it stores with the mastery score (C4): compare the same numbers.
    return Number(toDecimal(scaled * 100, 2)) >= Number(toDecimal(mastery * 100, 2));
  },

  score(lms, scaled) {
    // Brightspace records a 1.2 grade only with raw and a max above 0 (lms-notes); Moodle grades on raw.
    setAll(lms, [
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', toDecimal(Math.min(1, Math.max(0, scaled)) * 100, 2)],
    ]);
  },

  status(lms, outcome, course) {
    const wanted = lessonStatus(course.scorm12Status, outcome);
    const current = lms.getValue('cmi.core.lesson_status');
    // R7: never lower a status the LMS holds (a passed attempt stays passed after a worse retry).
    if (wanted !== current && RANK[wanted] >= (RANK[current as LessonStatus] ?? 0)) lms.setValue('cmi.core.lesson_status', wanted);
    return STATUS_DONE.includes(wanted) || STATUS_DONE.includes(current);
  },

  exit(lms, finished) {
    lms.setValue('cmi.core.exit', finished ? '' : 'suspend');
  },

  sessionTime(lms, ms) {
    lms.setValue('cmi.core.session_time', toCmiTimespan(ms));
  },
};
