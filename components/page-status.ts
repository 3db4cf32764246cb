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
      const poolId = pools.find((candidate) => candidate.questions.includes(id))?.id;
      const pool = poolId === undefined ? undefined : state.pools?.[poolId];
      if (poolId === undefined) return state.answers[id] !== undefined;
      // An undrawn question is not asked; a drawn one counts when answered in the attempt under way
      // (pools.ts currentAnswer's rule, written out: a shared module would be one more chunk name
      // in the shell's preload lists, past the SCORM first-paint budget).
      const answer = state.answers[id];
      return pool !== undefined && (!pool.drawn.includes(id) || (answer !== undefined && (answer.round ?? 1) === pool.attempt));
    }) && page.activities.every((id) => state.activities[id] !== undefined);
  return done ? 'completed' : 'visited';
}
