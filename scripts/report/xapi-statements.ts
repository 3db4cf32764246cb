/**
 * xAPI statements (as an LRS exports them) -> observations of this course. The ids are the ones the
 * statement emitter writes (components/runtime/statements/statement-emitter.ts): a page is
 * `<course id>/pages/<id>` (experienced), a question `<course id>/questions/<id>` and an activity
 * `<course id>/activities/<id>` (answered), the course or its cmi5 AU (completed). Statements of
 * other courses, other verbs, or without a single identified learner are counted and left out.
 */
import type { CourseData } from '../../components/course-data.js';
import { parseIsoDuration } from '../../components/runtime/scorm/formats.js';
import { VERBS } from '../../components/runtime/vocabulary.js';
import { activityIri, pageIri, questionIri } from '../model/course-model.js';
import { countReason, type Observation } from './observations.js';

type Json = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An Agent's inverse functional identifier (xAPI Data 2.4.2.3), or undefined for a Group or an unidentified actor. */
export function actorKey(actor: unknown): string | undefined {
  if (!isRecord(actor) || actor.objectType === 'Group') return undefined;
  const mbox = text(actor.mbox);
  if (mbox !== undefined) return `mbox:${mbox.toLowerCase()}`;
  const sha1 = text(actor.mbox_sha1sum);
  if (sha1 !== undefined) return `mbox_sha1sum:${sha1.toLowerCase()}`;
  const openid = text(actor.openid);
  if (openid !== undefined) return `openid:${openid}`;
  const account = actor.account;
  if (isRecord(account) && text(account.homePage) !== undefined && text(account.name) !== undefined) return `account:${String(account.homePage)}|${String(account.name)}`;
  return undefined;
}

/** Ids -> local id for one kind of course activity. */
function index(ids: readonly string[], iri: (id: string) => string): ReadonlyMap<string, string> {
  return new Map(ids.map((id) => [iri(id), id]));
}

export interface StatementLookup {
  readonly pages: ReadonlyMap<string, string>;
  readonly questions: ReadonlyMap<string, string>;
  readonly activities: ReadonlyMap<string, string>;
  readonly roots: ReadonlySet<string>;
  readonly prefix: string;
}

export function statementLookup(course: CourseData): StatementLookup {
  return {
    pages: index(course.pages.map((page) => page.id), (id) => pageIri(course.id, id)),
    questions: index(course.questions.map((question) => question.id), (id) => questionIri(course.id, id)),
    activities: index(course.activities.map((activity) => activity.id), (id) => activityIri(course.id, id)),
    roots: new Set([course.id, `${course.id}/au`]),
    prefix: `${course.id}/`,
  };
}

const ANSWERED = VERBS.answered;
const EXPERIENCED = VERBS.experienced;
const COMPLETED = VERBS.completed;

/**
 * The observation one statement makes, or the reason it does not count. `order` is its position
 * in the input.
 */
export function readStatement(statement: unknown, lookup: StatementLookup, order: number, ignored: Record<string, number>): Observation | undefined {
  if (!isRecord(statement)) {
    countReason(ignored, 'not a statement object');
    return undefined;
  }
  const object = statement.object;
  const objectId = isRecord(object) ? text(object.id) : undefined;
  const verb = isRecord(statement.verb) ? text(statement.verb.id) : undefined;
  if (objectId === undefined || verb === undefined) {
    countReason(ignored, 'no verb or object id');
    return undefined;
  }
  if (!lookup.roots.has(objectId) && !objectId.startsWith(lookup.prefix)) {
    countReason(ignored, 'another course or activity');
    return undefined;
  }
  if (isRecord(object) && object.objectType !== undefined && object.objectType !== 'Activity') {
    countReason(ignored, 'another course or activity');
    return undefined;
  }
  const learner = actorKey(statement.actor);
  if (learner === undefined) {
    countReason(ignored, 'no single identified learner (a group, or an actor without mbox, account or openid)');
    return undefined;
  }
  const context = isRecord(statement.context) ? statement.context : {};
  const attempt = text(context.registration) ?? '';
  const time = Date.parse(text(statement.timestamp) ?? text(statement.stored) ?? '');
  const common = { learner, attempt, at: Number.isNaN(time) ? undefined : time, order };
  const result = isRecord(statement.result) ? statement.result : {};
  if (verb === EXPERIENCED && lookup.pages.has(objectId)) return { kind: 'page', pageId: lookup.pages.get(objectId) ?? '', ...common };
  if (verb === ANSWERED && lookup.questions.has(objectId)) {
    const response = text(result.response);
    if (response === undefined) {
      countReason(ignored, 'an answer without result.response');
      return undefined;
    }
    const success = result.success;
    return {
      kind: 'answer',
      questionId: lookup.questions.get(objectId) ?? '',
      text: response,
      format: 'xapi',
      recordedCorrect: typeof success === 'boolean' ? success : undefined,
      latencyMs: parseIsoDuration(text(result.duration)),
      ...common,
    };
  }
  if (verb === ANSWERED && lookup.activities.has(objectId)) return { kind: 'activity', activityId: lookup.activities.get(objectId) ?? '', text: text(result.response), ...common };
  if (verb === COMPLETED && lookup.roots.has(objectId)) return { kind: 'completed', ...common };
  // initialized, progressed, passed, terminated...; or an answer to what the course no longer has.
  const known = verb === ANSWERED || verb === EXPERIENCED;
  countReason(ignored, known ? 'a page, question or activity the course does not have (now)' : 'a session statement (initialized, progressed, passed, terminated...)');
  return undefined;
}
