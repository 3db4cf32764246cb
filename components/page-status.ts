import type { PageInfo } from './course-data.js';
import type { ProgressState } from './tracker.js';

export type PageStatus = 'not-started' | 'visited' | 'completed';

/** A page is completed when seen and every question and activity on it has been answered. */
export function pageStatus(page: Pick<PageInfo, 'id' | 'questions' | 'activities'>, state: ProgressState): PageStatus {
  if (!state.visited.includes(page.id)) return 'not-started';
  const done =
    page.questions.every((id) => state.answers[id] !== undefined) &&
    page.activities.every((id) => state.activities[id] !== undefined);
  return done ? 'completed' : 'visited';
}
