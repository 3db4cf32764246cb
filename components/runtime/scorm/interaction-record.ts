/**
 * The version-neutral interaction record of an answered question or a submitted activity, made
 * from the learner event itself (the question's structured patterns, ../../questions/), from which
 * each SCORM version writes its own formats. Nothing here reads a statement's text back.
 */
import type { ActivityData, QuestionData } from '../../course-data.js';
import type { InteractionItems, InteractionType, Pattern } from '../../questions/question-kind.js';
import { kindOf } from '../../questions/registry.js';
import type { LearnerEvent } from '../../tracker.js';
import { interactionItems, responseOf } from '../statements/interaction-definitions.js';
import { toIdentifier } from './formats.js';

export type { InteractionType, Pattern } from '../../questions/question-kind.js';

export interface InteractionRecord {
  readonly id: string;
  readonly type: InteractionType;
  /** undefined for a private reflection: the LMS learns only that it was done. */
  readonly response: Pattern | undefined;
  readonly patterns: readonly Pattern[];
  /** undefined for reflections, which have no right answer. */
  readonly correct: boolean | undefined;
  readonly weighting: number | undefined;
  readonly latencyMs: number | undefined;
  /** ISO 8601 time of the answer. */
  readonly timestamp: string;
  readonly description: string;
  /** The items the ids name, in definition order (1.2 numbers them; 2004 names them by their text). */
  readonly items: InteractionItems;
}

const NO_ITEMS: InteractionItems = { choices: [], source: [], target: [] };

/**
 * The interaction id of an answer: the question's id, and for an answer in a pool's second or later
 * attempt `<id>_attempt-<n>` (interactions are a journal the LMS keeps: an id never changes its
 * meaning; an author's ids have no underscore, so no question id can look like one). SCORM 1.2
 * CMIIdentifier and 2004 long_identifier_type both take it as it is.
 */
export function interactionId(questionId: string, round: number | undefined): string {
  return round === undefined || round <= 1 ? questionId : `${questionId}_attempt-${round}`;
}

/** The question id an interaction id names (`interactionId` read back). */
export function questionOfInteraction(id: string): string {
  return id.replace(/_attempt-\d+$/, '');
}

function questionRecord(question: QuestionData, event: Extract<LearnerEvent, { kind: 'question-answered' }>, timestamp: string): InteractionRecord {
  return {
    id: toIdentifier(interactionId(question.id, event.answer.round)),
    type: kindOf(question).interaction.type,
    response: responseOf(question, event.answer.response),
    patterns: kindOf(question).interaction.correct(question),
    correct: event.answer.correct,
    weighting: question.weight,
    latencyMs: event.latencyMs,
    timestamp,
    description: question.promptText,
    items: interactionItems(question),
  };
}

function activityRecord(activity: ActivityData, event: Extract<LearnerEvent, { kind: 'activity-submitted' }>, timestamp: string): InteractionRecord {
  const { submission } = event;
  return {
    id: toIdentifier(activity.id),
    type: 'long-fill-in',
    // A private activity is reported as done and nothing more: its text never leaves the device.
    response: submission.shared ? { kind: 'text', text: submission.text, caseMatters: false } : undefined,
    patterns: [],
    correct: undefined,
    weighting: undefined,
    latencyMs: undefined,
    timestamp,
    // A media activity's record says what was done: "Played to the end: <title>".
    description: activity.kind === 'reflection' ? activity.promptText || activity.title.trim() : `Played to the end: ${activity.promptText}`,
    items: NO_ITEMS,
  };
}

/** The record for an answered question or a submitted activity, or undefined for any other event. */
export function interactionRecord(event: LearnerEvent, timestamp: string): InteractionRecord | undefined {
  if (event.kind === 'question-answered') return questionRecord(event.question, event, timestamp);
  if (event.kind === 'activity-submitted') return activityRecord(event.activity, event, timestamp);
  return undefined;
}
