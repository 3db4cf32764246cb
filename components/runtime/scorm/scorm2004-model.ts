/**
 * SCORM 2004 4th Edition data model (RTE 4.2; standards.md 2.3): element names, vocabularies and
 * the `[,]`/`[.]`/`[:]` response formats (RTE 4.2.9.1, 4.2.9.2).
 */
import { toDecimal, toIsoDuration, toScormTimestamp, truncate } from './formats.js';
import { readableKeys, type ReadableKeys } from '../statements/interaction-definitions.js';
import type { InteractionRecord, Pattern } from './interaction-record.js';
import { PATTERN_LIMIT, readNumber, setAll, type LaunchData, type ScormModel } from './scorm-model.js';

export type CompletionStatus = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
export type SuccessStatus = 'passed' | 'failed' | 'unknown';

/** A structured response or pattern in 2004's form (RTE 4.2.9.1, 4.2.9.2), items named by their text (readable-ids.ts). */
function format2004(response: Pattern, pattern: boolean, type: InteractionRecord['type'], keys: ReadableKeys): string {
  switch (response.kind) {
    case 'boolean':
      return response.value ? 'true' : 'false';
    case 'ids':
      return [...new Set(response.ids.map(keys.choice))].join('[,]');
    case 'pairs':
      return response.pairs.map(([s, t]) => `${keys.source(s)}[.]${keys.target(t)}`).join('[,]');
    case 'number':
      // The learner's response is one real; a pattern is always a `min[:]max` range (RTE 4.2.9.1).
      return pattern ? `${toDecimal(response.min)}[:]${toDecimal(response.max)}` : toDecimal(response.min);
    case 'text': {
      // fill-in items are at most 250 characters, long-fill-in 4000 (SPM).
      const text = truncate(response.text, type === 'long-fill-in' ? 4000 : 250);
      return pattern && response.caseMatters ? `{case_matters=true}${text}` : text;
    }
  }
}

export const scorm2004Model: ScormModel = {
  version: '2004',
  apiName: 'API_1484_11',
  maxParents: 500,
  suspendDataElement: 'cmi.suspend_data',
  suspendDataLimit: 64000,
  locationElement: 'cmi.location',
  locationLimit: 1000,
  responseLimit: 4000,

  read(lms): LaunchData {
    const completion = lms.getValue('cmi.completion_status');
    const success = lms.getValue('cmi.success_status');
    const passing = readNumber(lms, 'cmi.scaled_passing_score');
    const threshold = readNumber(lms, 'cmi.completion_threshold');
    const entry = lms.getValue('cmi.entry');
    // A new attempt has neither; reading them would only draw 403 "not initialized" (RTE 4.2.8).
    const fresh = entry === 'ab-initio';
    return {
      entry,
      suspendData: fresh ? '' : lms.getValue('cmi.suspend_data'),
      location: fresh ? '' : lms.getValue('cmi.location'),
      completed: completion === 'completed',
      passed: success === 'passed',
      started: completion === 'completed' || completion === 'incomplete',
      mastery: passing !== undefined && passing >= -1 && passing <= 1 ? Math.max(0, passing) : undefined,
      completionThreshold: threshold !== undefined && threshold >= 0 && threshold <= 1 ? threshold : undefined,
      interactionCount: readNumber(lms, 'cmi.interactions._count') ?? 0,
    };
  },

  start(lms, launch) {
    if (!launch.started) lms.setValue('cmi.completion_status', 'incomplete');
    // R5 / RTE 4.2.8: anything but `suspend` lets the LMS drop this attempt; set it before the first commit.
    if (!launch.completed) lms.setValue('cmi.exit', 'suspend');
  },

  writeInteraction(lms, index, record) {
    const base = `cmi.interactions.${index}`;
    const patterns = record.patterns.slice(0, PATTERN_LIMIT[record.type]);
    const result = record.correct === undefined ? 'neutral' : record.correct ? 'correct' : 'incorrect';
    const keys = readableKeys(record.items);
    return setAll(lms, [
      [`${base}.id`, record.id],
      // type before any response or pattern (RTE 4.2.9: 408 otherwise)
      [`${base}.type`, record.type],
      [`${base}.timestamp`, toScormTimestamp(record.timestamp)],
      [`${base}.weighting`, record.weighting === undefined ? undefined : toDecimal(record.weighting)],
      [`${base}.description`, record.description === '' ? undefined : truncate(record.description, 250)],
      ...patterns.map((pattern, k) => [`${base}.correct_responses.${k}.pattern`, format2004(pattern, true, record.type, keys)] as const),
      [`${base}.learner_response`, record.response === undefined ? undefined : format2004(record.response, false, record.type, keys)],
      [`${base}.result`, result],
      [`${base}.latency`, record.latencyMs === undefined ? undefined : toIsoDuration(record.latencyMs)],
    ]);
  },

  progress(lms, fraction, launch) {
    const value = Math.min(1, Math.max(0, fraction));
    const ok = lms.setValue('cmi.progress_measure', toDecimal(value));
    // RTE 4.2.4.1: with a completion threshold the LMS judges completion by progress_measure; agree with it.
    const threshold = launch.completionThreshold;
    if (threshold !== undefined && value >= threshold) lms.setValue('cmi.completion_status', 'completed');
    return ok;
  },

  passes(scaled, mastery) {
    return Number(toDecimal(scaled)) >= mastery;
  },

  score(lms, scaled) {
    const value = Math.min(1, Math.max(0, scaled));
    // D1: Moodle grades on score.raw, so raw/min/max go with scaled; Sakai needs scaled (lms-notes).
    setAll(lms, [
      ['cmi.score.scaled', toDecimal(value)],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.score.raw', toDecimal(value * 100, 2)],
    ]);
  },

  status(lms, outcome) {
    // RTE 4.2.4 / 4.2.22: completion and success are separate elements, always set explicitly. Not read
    // back first: an LMS evaluates GetValue against scaled_passing_score or completion_threshold, and
    // may store only what was set. The adapter never turns a pass into a fail (R7).
    if (outcome.completed) lms.setValue('cmi.completion_status', 'completed');
    if (outcome.passed !== undefined) lms.setValue('cmi.success_status', outcome.passed ? 'passed' : 'failed');
    return outcome.completed && (!outcome.scored || outcome.passed !== undefined);
  },

  exit(lms, finished) {
    lms.setValue('cmi.exit', finished ? 'normal' : 'suspend');
  },

  sessionTime(lms, ms) {
    lms.setValue('cmi.session_time', toIsoDuration(ms));
  },
};
