import type { CourseData } from '../../components/course-data.js';
import { walkCourse as walk, type PlayerScope } from '../../scripts/verify/learner.js';

// The end-to-end tests drive the player with the same scripted learner as `coursemark verify`.
export { currentTitle, type PlayerScope } from '../../scripts/verify/learner.js';

export interface WalkOptions {
  /** Answer every question rightly (default) or wrongly. */
  readonly correct?: boolean;
  /** Stop after answering on this page index (0-based), leaving the learner there. */
  readonly stopAfterPage?: number;
}

/** Walks the course from its first page, answering every question and writing every reflection. */
export async function walkCourse(scope: PlayerScope, course: CourseData, options: WalkOptions = {}): Promise<void> {
  await walk(scope, course, {
    answers: options.correct === false ? 'wrong' : 'correct',
    ...(options.stopAfterPage === undefined ? {} : { stopAfterPage: options.stopAfterPage }),
  });
}
