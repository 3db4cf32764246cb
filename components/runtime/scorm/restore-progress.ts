/**
 * Rebuilds the learner's progress from what the LMS returns at launch. suspend_data may come back
 * truncated, corrupted or from another course version (reliability R7): the codec never throws, and
 * when it refuses, the bookmark and the LMS's status still give a partial restore.
 */
import type { CourseData } from '../../course-data.js';
import type { ProgressState } from '../../tracker.js';
import { decodeProgress } from '../resume/progress-codec.js';
import type { LaunchData } from './scorm-model.js';

export interface Restored {
  readonly state: ProgressState | undefined;
  /** Something was saved but could not be read in full. */
  readonly partial: boolean;
}

export function restoreProgress(launch: LaunchData, course: CourseData): Restored {
  if (launch.suspendData !== '') {
    const decoded = decodeProgress(launch.suspendData, course);
    if (decoded.ok) {
      // A status the LMS already has as completed is never downgraded (R7).
      return { state: { ...decoded.state, completed: decoded.state.completed || launch.completed }, partial: false };
    }
  }
  const expected = launch.suspendData !== '' || launch.entry === 'resume' || launch.location !== '';
  if (!expected) return { state: undefined, partial: false };
  const page = course.pages.find((candidate) => candidate.id === launch.location);
  return {
    state: {
      location: page?.index ?? 0,
      visited: page === undefined ? [] : [page.id],
      answers: {},
      activities: {},
      completed: launch.completed,
    },
    partial: true,
  };
}
