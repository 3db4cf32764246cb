/**
 * The LMS.LaunchData state document (cmi5 10.2.1), read once before `initialized` and never
 * written (10.2.1.0-5).
 */
import type { Context } from '@xapi/xapi';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';
export type MoveOn = 'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed';

export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
export const LEARNER_PREFERENCES_PROFILE_ID = 'cmi5LearnerPreferences';

const LAUNCH_MODES: readonly string[] = ['Normal', 'Browse', 'Review'] satisfies LaunchMode[];
const MOVE_ONS: readonly string[] = [
  'NotApplicable',
  'Passed',
  'Completed',
  'CompletedAndPassed',
  'CompletedOrPassed',
] satisfies MoveOn[];

export interface LaunchData {
  readonly contextTemplate: Context;
  readonly launchMode: LaunchMode;
  readonly moveOn?: MoveOn;
  readonly masteryScore?: number;
  readonly returnURL?: string;
}

/** Undefined when the document is missing or has no contextTemplate (required, 10.2.1). */
export function parseLaunchData(body: unknown): LaunchData | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const template = record['contextTemplate'];
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return undefined;
  const mode = record['launchMode'];
  const moveOn = record['moveOn'];
  const mastery = record['masteryScore'];
  const returnUrl = record['returnURL'];
  return {
    contextTemplate: template as Context,
    launchMode: typeof mode === 'string' && LAUNCH_MODES.includes(mode) ? (mode as LaunchMode) : 'Normal',
    ...(typeof moveOn === 'string' && MOVE_ONS.includes(moveOn) ? { moveOn: moveOn as MoveOn } : {}),
    ...(typeof mastery === 'number' && mastery >= 0 && mastery <= 1 ? { masteryScore: mastery } : {}),
    ...(typeof returnUrl === 'string' && returnUrl !== '' ? { returnURL: returnUrl } : {}),
  };
}

/** cmi5 10.2.1 / moveOn (13.1.4): whether what the learner achieved satisfies the AU's moveOn. */
export function moveOnSatisfied(moveOn: MoveOn, done: { readonly completed: boolean; readonly passed: boolean }): boolean {
  switch (moveOn) {
    case 'NotApplicable':
      return true;
    case 'Completed':
      return done.completed;
    case 'Passed':
      return done.passed;
    case 'CompletedAndPassed':
      return done.completed && done.passed;
    case 'CompletedOrPassed':
      return done.completed || done.passed;
  }
}
