/**
 * LearnerEvent -> xAPI 1.0.3 statement (see ../README.md and the statement rules of cmi5 9.3-9.7).
 * Pure apart from the injected clock and id source; keeps the session start for durations.
 */
import type { Actor, Context, Result, Statement, StatementObject } from '@xapi/xapi';
import type { CourseData } from '../../course-data.js';
import { progressPercent } from '../../progress-percent.js';
import type { LearnerEvent } from '../../tracker.js';
import { ACTIVITY_TYPES, CMI5, EXTENSIONS, VERB_DISPLAY, VERBS, type VerbName } from '../vocabulary.js';
import { interactionDefinition, longFillInDefinition, responsePattern } from './interaction-definitions.js';
import { isoDuration } from './iso-duration.js';
import { mergeContext } from './merge-context.js';
import { uuidV4 } from './uuid.js';

export interface StatementEmitterOptions {
  readonly course: CourseData;
  readonly actor: Actor;
  /** The launch's activity id: course.id, or the AU's `activityId` launch parameter in cmi5. */
  readonly rootId: string;
  readonly registration?: string;
  /** cmi5 LaunchData contextTemplate, merged into every statement's context (cmi5 9.6.2.1). */
  readonly contextTemplate?: Context;
  /** Adds the cmi5 categories and the mastery score extension (cmi5 9.6.2.2, 9.6.3). */
  readonly cmi5?: boolean;
  /** cmi5 LaunchData masteryScore, when the LMS set one (the masteryscore extension, cmi5 9.6.3.2). */
  readonly masteryScore?: number | undefined;
  readonly now?: () => number;
  readonly uuid?: () => string;
}

export interface StatementEmitter {
  /** The statement for this event, or undefined when the event carries nothing to record. */
  statementFor(event: LearnerEvent): Statement | undefined;
}

/** cmi5 9.3: the verbs whose statements are "cmi5 defined"; moveOn marks those that satisfy moveOn (9.6.2.2). */
const CMI5_DEFINED: ReadonlySet<VerbName> = new Set(['initialized', 'completed', 'passed', 'failed', 'terminated']);
const MOVE_ON: ReadonlySet<VerbName> = new Set(['completed', 'passed', 'failed']);

interface Draft {
  readonly verb: VerbName;
  readonly object?: StatementObject;
  readonly result?: Result;
  readonly extensions?: Record<string, unknown>;
}

export function createStatementEmitter(options: StatementEmitterOptions): StatementEmitter {
  const { course, rootId } = options;
  const now = options.now ?? Date.now;
  const uuid = options.uuid ?? (() => uuidV4());
  const lang = course.language;
  let start = now();

  function context(verb: VerbName, object: StatementObject, extensions: Record<string, unknown> | undefined): Context | undefined {
    const own: Context = {};
    if (options.registration !== undefined) own.registration = options.registration;
    const activities: NonNullable<Context['contextActivities']> = {};
    if ('id' in object && object.id !== rootId) activities.parent = [{ id: rootId }];
    // A cmi5 AU is part of the course: group its statements under the course (cmi5 9.6.2.3 allows extra grouping).
    if (rootId !== course.id) activities.grouping = [{ id: course.id }];
    // Only statements about the AU itself are cmi5 defined; the same verb on a part of it is "cmi5 allowed".
    if (options.cmi5 === true && CMI5_DEFINED.has(verb) && 'id' in object && object.id === rootId) {
      activities.category = [{ id: CMI5.categoryCmi5 }, ...(MOVE_ON.has(verb) ? [{ id: CMI5.categoryMoveOn }] : [])];
    }
    if (Object.keys(activities).length > 0) own.contextActivities = activities;
    if (extensions) own.extensions = extensions;
    const merged = mergeContext(own, options.contextTemplate);
    return Object.keys(merged).length > 0 ? merged : undefined;
  }

  function draft(event: LearnerEvent, at: number): Draft | undefined {
    switch (event.kind) {
      case 'launched':
        start = at;
        return { verb: 'initialized' };
      case 'resumed':
        return { verb: 'resumed' };
      case 'page-viewed':
        return { verb: 'experienced', object: { objectType: 'Activity', id: event.page.iri, definition: { type: ACTIVITY_TYPES.lesson, name: { [lang]: event.page.title } } } };
      case 'question-answered': {
        const { question, answer } = event;
        const correct = answer.correct;
        return {
          verb: 'answered',
          object: { objectType: 'Activity', id: question.iri, definition: interactionDefinition(question, lang) },
          result: {
            response: responsePattern(question, answer.response),
            success: correct,
            score: { scaled: correct ? 1 : 0, raw: correct ? question.weight : 0, min: 0, max: question.weight },
            duration: isoDuration(event.latencyMs),
          },
          // A pooled question says which attempt of its pool it answers (the same question may be drawn again).
          ...(question.poolId === undefined ? {} : { extensions: { [EXTENSIONS.poolAttempt]: answer.round ?? 1 } }),
        };
      }
      case 'pool-retried': {
        const { pool, attempt } = event;
        return {
          verb: 'attempted',
          object: { objectType: 'Activity', id: pool.iri, definition: { type: ACTIVITY_TYPES.assessment, name: { [lang]: pool.title } } },
          extensions: { [EXTENSIONS.poolAttempt]: attempt },
        };
      }
      case 'activity-submitted': {
        const { activity } = event;
        // A video or sound played to its end: "experienced" with completion (not "completed", which
        // LMSs and cmi5 checkers read as the AU's own, cmi5 9.3), on the media typed as the xAPI Video
        // and Audio profiles type it.
        if (activity.kind !== 'reflection') {
          const type = activity.kind === 'video' ? ACTIVITY_TYPES.video : ACTIVITY_TYPES.audio;
          return { verb: 'experienced', object: { objectType: 'Activity', id: activity.iri, definition: { type, name: { [lang]: activity.promptText } } }, result: { completion: true } };
        }
        const name = activity.title.trim() === '' ? activity.promptText : activity.title;
        const object: StatementObject = { objectType: 'Activity', id: activity.iri, definition: longFillInDefinition(name, activity.promptText, lang) };
        // A private activity is reported as done and nothing more: its text never leaves the device.
        const { submission } = event;
        return { verb: 'answered', object, result: submission.shared ? { response: submission.text, completion: true } : { completion: true } };
      }
      case 'progressed':
        return { verb: 'progressed', result: { extensions: { [CMI5.progress]: progressPercent(event.progress) } } };
      case 'scored': {
        const { score } = event;
        if (!score.final) return undefined;
        return {
          verb: score.passed ? 'passed' : 'failed',
          result: { success: score.passed, score: { scaled: score.scaled, raw: score.raw, min: 0, max: score.max }, duration: isoDuration(at - start) },
          // cmi5 9.6.3.2: passed/failed judged against the LMS's masteryScore carry it; an AU the LMS gave
          // none judges by the course's own mastery and claims no LMS mastery score.
          ...(options.cmi5 === true && options.masteryScore !== undefined ? { extensions: { [CMI5.masteryScore]: options.masteryScore } } : {}),
        };
      }
      case 'completed':
        return { verb: 'completed', result: { completion: true, duration: isoDuration(at - start) } };
      case 'suspended':
        return { verb: 'suspended' };
      case 'exited':
        return { verb: 'terminated', result: { duration: isoDuration(at - start) } };
    }
  }

  return {
    statementFor(event) {
      const at = now();
      const d = draft(event, at);
      if (!d) return undefined;
      // A fresh root object per statement: callers may decorate one statement without touching the next.
      const object: StatementObject = d.object ?? { objectType: 'Activity', id: rootId };
      const statement: Statement = {
        id: uuid(),
        actor: options.actor,
        verb: { id: VERBS[d.verb], display: { 'en-US': VERB_DISPLAY[d.verb] } },
        object,
        timestamp: new Date(at).toISOString(),
      };
      if (d.result) statement.result = d.result;
      const ctx = context(d.verb, object, d.extensions);
      if (ctx) statement.context = ctx;
      return statement;
    },
  };
}
