/**
 * What differs between SCORM 1.2 and 2004 for this runtime: element names, vocabularies, formats
 * and limits. The adapter (scorm-adapter.ts) is written once against this interface.
 */
import type { CourseData } from '../../course-data.js';
import type { ApiName } from './api-discovery.js';
import type { InteractionRecord } from './interaction-record.js';
import type { LmsConnection, ScormVersion } from './lms-connection.js';

/** What the learner has achieved in this attempt, as the status elements report it. */
export interface Outcome {
  /** The course's completion rule is met (or the LMS already had the attempt completed). */
  readonly completed: boolean;
  /** Whether the course has a score at all (questions with weight). */
  readonly scored: boolean;
  /** The final score's verdict once every question is answered; undefined before. A pass is kept (R7). */
  readonly passed: boolean | undefined;
}

/** What the LMS tells the content at launch. */
export interface LaunchData {
  readonly entry: string;
  readonly suspendData: string;
  readonly location: string;
  /** The LMS already has the attempt completed (never downgrade it: reliability R7). */
  readonly completed: boolean;
  readonly passed: boolean;
  /** The attempt has a status other than the initial one (a first launch has not). */
  readonly started: boolean;
  /** Passing threshold from the package, 0..1, overriding the course's mastery. */
  readonly mastery: number | undefined;
  /** 2004 cmi.completion_threshold, 0..1. */
  readonly completionThreshold: number | undefined;
  readonly interactionCount: number;
}

export interface ScormModel {
  readonly version: ScormVersion;
  readonly apiName: ApiName;
  /** ADL's sample discovery depth. */
  readonly maxParents: number;
  readonly suspendDataElement: string;
  /** The spec's limit for suspend_data: never SetValue more than this. */
  readonly suspendDataLimit: number;
  readonly locationElement: string;
  readonly locationLimit: number;
  /** Characters of free text an interaction's response keeps (1.2 CMIFeedback 255, 2004 long-fill-in 4000). */
  readonly responseLimit: number;
  read(lms: LmsConnection): LaunchData;
  /** After Initialize (statement `initialized`): mark the attempt started and suspendable (R5). */
  start(lms: LmsConnection, launch: LaunchData): void;
  writeInteraction(lms: LmsConnection, index: number, record: InteractionRecord): boolean;
  /** 2004 progress_measure; 1.2 has none. Returns true when something was written. */
  progress(lms: LmsConnection, fraction: number, launch: LaunchData): boolean;
  /** Whether `scaled` passes `mastery` as the LMS will compare them (C4). */
  passes(scaled: number, mastery: number): boolean;
  /** The final score (every question answered), with raw, min and max beside it (D1). */
  score(lms: LmsConnection, scaled: number): void;
  /**
   * Writes the status elements for the learner's outcome so far, never lowering what the LMS already
   * holds (R7). Returns true when the attempt is finished in the LMS's eyes (exit may be normal).
   */
  status(lms: LmsConnection, outcome: Outcome, course: Pick<CourseData, 'scorm12Status'>): boolean;
  exit(lms: LmsConnection, finished: boolean): void;
  sessionTime(lms: LmsConnection, ms: number): void;
}

/** Numeric GetValue result, or undefined when blank or not a number. */
export function readNumber(lms: LmsConnection, element: string): number | undefined {
  const text = lms.getValue(element).trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Patterns each interaction type may carry (SCORM 2004 RTE 4.2.9.1 smallest permitted maximum). */
export const PATTERN_LIMIT: Readonly<Record<InteractionRecord['type'], number>> = {
  'true-false': 1,
  choice: 10,
  'fill-in': 5,
  'long-fill-in': 5,
  matching: 5,
  sequencing: 5,
  numeric: 1,
};

/** Writes `pairs` in order and stops at the first refusal (later values depend on earlier ones). */
export function setAll(lms: LmsConnection, pairs: readonly (readonly [string, string | undefined])[]): boolean {
  for (const [element, value] of pairs) {
    if (value !== undefined && !lms.setValue(element, value)) return false;
  }
  return true;
}
