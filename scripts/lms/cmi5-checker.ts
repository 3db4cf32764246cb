/**
 * A strict cmi5 statement checker over what an LRS stored, in arrival order: the rules CATAPULT's
 * lrs.js enforces (reliability X7), each finding tagged with its cmi5 requirement id.
 */
import type { Statement } from '@xapi/xapi';

export type StoredStatement = Statement & { readonly id: string; readonly stored: string };

export interface CheckedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
}

const V = 'http://adlnet.gov/expapi/verbs/';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CMI5_VERBS = new Set(['initialized', 'completed', 'passed', 'failed', 'terminated'].map((v) => V + v));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const UTC = /(Z|[+-]00(:?00)?)$/;

const verbName = (s: Statement): string => s.verb.id.replace(V, '');

function extension(s: Statement, key: string): unknown {
  return s.context?.extensions?.[key];
}

/** The key of an AU's attempt: cmi5's once-per-registration rules hold per AU (9.3.0.0-3, -6). */
export const auAttemptKey = (registration: string, activityId: string): string => `${registration}|${activityId}`;

/** `masteryByAu`: the masteryScore each AU was launched with, by `auAttemptKey`. */
export function checkCmi5(
  statements: readonly StoredStatement[],
  requests: readonly CheckedRequest[],
  masteryByAu: ReadonlyMap<string, number> = new Map(),
): string[] {
  const findings: string[] = [];
  const sessions = new Map<string, string[]>();
  const registrations = new Map<string, string[]>();
  for (const s of statements) {
    const tag = `${verbName(s)} ${s.id}`;
    if (!UUID.test(s.id)) findings.push(`9.1.0.0-1 id is not a UUID: ${tag}`);
    if (s.timestamp === undefined || !UTC.test(s.timestamp)) findings.push(`9.7.0.0-2 timestamp not UTC: ${tag}`);
    if (s.verb.id === `${V}voided`) findings.push(`6.3.0.0-1 voided sent: ${tag}`);
    const session = extension(s, SESSION_ID);
    if (typeof session !== 'string') findings.push(`9.6.3.1 no sessionid extension: ${tag}`);
    // cmi5-defined statements name the AU itself (9.4); the rest are per session anyway.
    const registration = auAttemptKey(s.context?.registration ?? '', 'id' in s.object && typeof s.object.id === 'string' ? s.object.id : '');
    const key = typeof session === 'string' ? session : '?';
    const inSession = sessions.get(key) ?? [];
    const inRegistration = registrations.get(registration) ?? [];
    const verb = verbName(s);
    if (inSession.length === 0 && verb !== 'initialized') findings.push(`9.3.1.0-1 first statement is not initialized: ${tag}`);
    if (inSession.includes('terminated')) findings.push(`9.3.0.0-5 statement after terminated: ${tag}`);
    if (CMI5_VERBS.has(s.verb.id) && inSession.includes(verb)) findings.push(`9.3.0.0-2 ${verb} twice in a session: ${tag}`);
    if ((verb === 'completed' || verb === 'passed') && inRegistration.includes(verb)) {
      findings.push(`9.3.0.0-3 ${verb} twice in a registration: ${tag}`);
    }
    if (verb === 'failed' && inRegistration.includes('passed')) findings.push(`9.3.0.0-6 failed after passed: ${tag}`);
    if ((verb === 'passed' && inSession.includes('failed')) || (verb === 'failed' && inSession.includes('passed'))) {
      findings.push(`9.3.0.0-7 passed and failed in one session: ${tag}`);
    }
    if (verb === 'passed' || verb === 'failed') {
      const mastery = extension(s, MASTERY) ?? masteryByAu.get(registration);
      if (extension(s, MASTERY) === undefined && masteryByAu.has(registration)) {
        findings.push(`9.6.3.2 no masteryscore extension on ${verb}: ${tag}`);
      }
      const scaled = s.result?.score?.scaled;
      if (typeof mastery === 'number' && typeof scaled === 'number') {
        if (verb === 'passed' && scaled < mastery) findings.push(`9.3.4.0-2 passed below mastery: ${tag}`);
        if (verb === 'failed' && scaled >= mastery) findings.push(`9.3.5.0-2 failed at or above mastery: ${tag}`);
      }
      if (s.result?.success !== (verb === 'passed')) findings.push(`9.5.2 success does not match ${verb}: ${tag}`);
    }
    if (verb === 'completed' && s.result?.completion !== true) findings.push(`9.5.3 completed without completion: ${tag}`);
    if (['completed', 'passed', 'failed', 'terminated'].includes(verb) && s.result?.duration === undefined) {
      findings.push(`9.5.4.1 ${verb} without duration: ${tag}`);
    }
    inSession.push(verb);
    inRegistration.push(verb);
    sessions.set(key, inSession);
    registrations.set(registration, inRegistration);
  }
  // 11.0.0.0-3 (CATAPULT): learner preferences are read before the first statement.
  const firstPost = requests.findIndex((r) => r.path.endsWith('/statements') && r.method !== 'GET');
  const prefs = requests.findIndex(
    (r) => r.method === 'GET' && r.path.endsWith('/agents/profile') && r.query.get('profileId') === 'cmi5LearnerPreferences',
  );
  if (firstPost !== -1 && (prefs === -1 || prefs > firstPost)) findings.push('11.0.0.0-3 statements before learner preferences');
  return findings;
}
