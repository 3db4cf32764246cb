import type { PageInfo, PoolData } from './course-data.js';
import type { ProgressState } from './tracker.js';

export type PageStatus = 'not-started' | 'visited' | 'completed';

/**
 * A page is completed when seen and every question and activity on it has been answered; a pool's
 * question counts when it was not drawn, or is answered in the pool's attempt under way (pools.ts).
 */
export function pageStatus(page: Pick<PageInfo, 'id' | 'questions' | 'activities'>, state: ProgressState, pools: readonly Pick<PoolData, 'id' | 'questions'>[] = []): PageStatus {
  if (!state.visited.includes(page.id)) return 'not-started';
  const done =
    page.questions.every((id) => {
      const pool = state.pools?.[pools.find((candidate) => candidate.questions.includes(id))?.id ?? ''];
      const answer = state.answers[id];
      return pool === undefined ? answer !== undefined : !pool.drawn.includes(id) || (answer?.round ?? 0) === pool.attempt;
    }) && page.activities.every((id) => state.activities[id] !== undefined);
  return done ? 'completed' : 'visited';
}
