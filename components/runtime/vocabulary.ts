/**
 * xAPI vocabulary used by the runtime: verb, activity-type and extension IRIs. One place, so the
 * statement emitter, the SCORM translation and the cmi5 rules agree on every id.
 */

// ADL verbs (xAPI 1.0.3 Data 2.4.3; cmi5 9.3 defines the cmi5 subset by these same IRIs).
export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  suspended: 'http://adlnet.gov/expapi/verbs/suspended',
  resumed: 'http://adlnet.gov/expapi/verbs/resumed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
} as const;

export type VerbName = keyof typeof VERBS;

/** English display names, sent in `verb.display` (xAPI Data 2.4.3: recommended). */
export const VERB_DISPLAY: Readonly<Record<VerbName, string>> = {
  initialized: 'initialized',
  experienced: 'experienced',
  answered: 'answered',
  progressed: 'progressed',
  completed: 'completed',
  passed: 'passed',
  failed: 'failed',
  suspended: 'suspended',
  resumed: 'resumed',
  terminated: 'terminated',
  attempted: 'attempted',
};

// ADL activity types (xAPI activity type registry).
export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  // xAPI Video Profile and Audio Profile activity types (w3id.org/xapi/video, w3id.org/xapi/audio).
  video: 'https://w3id.org/xapi/video/activity-type/video',
  audio: 'https://w3id.org/xapi/audio/activity-type/audio',
} as const;

// cmi5 9.6.3 / 9.7: category, session id, mastery score and progress extensions.
export const CMI5 = {
  categoryCmi5: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  categoryMoveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  reason: 'https://w3id.org/xapi/cmi5/result/extensions/reason',
} as const;

/**
 * The player's own extension (xAPI Data 2.4.6.2: any IRI the producer controls): on an answer to a
 * pooled question and on the start of a pool's attempt, which attempt of the pool it belongs to (1-based).
 */
export const EXTENSIONS = {
  poolAttempt: 'https://coursemark.dev/xapi/extensions/pool-attempt',
} as const;

/** The xAPI version every statement and request declares (xAPI Communication 6.2). */
export const XAPI_VERSION = '1.0.3';
