/**
 * Pure functions over `ProgressState`: the player keeps the state immutable and derives page
 * status, progress and completion from it, so the same rules apply on resume and live.
 */
import type { CourseData, PageInfo } from './course-data.js';
import { poolAttempt, poolsOf } from './pools.js';
import { pageProgress } from './required-pages.js';
import type { AnswerRecord, PoolProgress, ProgressState, SubmittedActivity } from './tracker.js';

export type { PageStatus } from './page-status.js';

export function emptyProgress(): ProgressState {
  return { location: 0, visited: [], answers: {}, activities: {}, completed: false };
}

/**
 * Fits saved progress to the current course: drops ids the course no longer has and clamps the
 * location, so an edited course never shows phantom answers or a page that does not exist.
 */
export function reconcileProgress(course: CourseData, saved: ProgressState): ProgressState {
  const pageIds = new Set(course.pages.map((page) => page.id));
  const questionIds = new Set(course.questions.map((question) => question.id));
  const activities = new Map(course.activities.map((activity) => [activity.id, activity]));
  const answers: Record<string, AnswerRecord> = {};
  for (const [id, record] of Object.entries(saved.answers)) if (questionIds.has(id)) answers[id] = record;
  const submissions: Record<string, SubmittedActivity> = {};
  for (const [id, submitted] of Object.entries(saved.activities)) {
    // An activity made private since the save keeps only that it was done, never its text.
    const activity = activities.get(id);
    if (activity !== undefined) submissions[id] = activity.shared ? submitted : { shared: false };
  }
  const lastPage = Math.max(0, course.pages.length - 1);
  const location = Number.isInteger(saved.location) ? Math.min(Math.max(saved.location, 0), lastPage) : 0;
  return {
    location,
    visited: [...new Set(saved.visited.filter((id) => pageIds.has(id)))],
    answers,
    activities: submissions,
    completed: saved.completed,
    // Draws that no longer fit their pool are drawn again by the session (pools.ts withDraws).
    ...(saved.pools === undefined ? {} : { pools: knownPools(course, saved.pools) }),
  };
}

function knownPools(course: CourseData, pools: Readonly<Record<string, PoolProgress>>): Record<string, PoolProgress> {
  const kept: Record<string, PoolProgress> = {};
  for (const pool of poolsOf(course)) {
    const saved = pools[pool.id];
    if (saved !== undefined) kept[pool.id] = saved;
  }
  return kept;
}

export function withVisit(state: ProgressState, page: PageInfo): ProgressState {
  const visited = state.visited.includes(page.id) ? state.visited : [...state.visited, page.id];
  return { ...state, location: page.index, visited };
}

export function withAnswer(state: ProgressState, questionId: string, record: AnswerRecord): ProgressState {
  return { ...state, answers: { ...state.answers, [questionId]: record } };
}

export function withActivity(state: ProgressState, activityId: string, submitted: SubmittedActivity): ProgressState {
  return { ...state, activities: { ...state.activities, [activityId]: submitted } };
}

/**
 * Questions the completion rule counts, and how many of them are answered: every question outside
 * pools (unless `poolsOnly`), and each pool's draw; a pool counts as answered once one of its
 * attempts has been finished.
 */
function questionCount(course: CourseData, state: ProgressState, poolsOnly = false): { readonly done: number; readonly total: number } {
  const single = poolsOnly ? [] : course.questions.filter((question) => question.poolId === undefined);
  let done = single.filter((question) => state.answers[question.id] !== undefined).length;
  let total = single.length;
  for (const pool of poolsOf(course)) {
    const attempt = poolAttempt(course, pool, state);
    const size = Math.min(pool.draw, pool.questions.length);
    total += size;
    done += (state.pools?.[pool.id]?.attempt ?? 1) > 1 ? size : Math.min(attempt.answered, size);
  }
  return { done, total };
}

/**
 * Progress towards the completion rule, 0..1: the share of the units the rule counts (required
 * pages up to the number it asks for, questions, or both) that the learner has done. Reaching the
 * rule's share of the pages is 1 (with questions, when they are all answered too).
 */
export function progressOf(course: CourseData, state: ProgressState): number {
  const pages = pageProgress(course, state);
  // `assessment`: the question pools alone, each done once an attempt of it is finished.
  const rule = course.completion.questions;
  const questions = rule === 'none' ? { done: 0, total: 0 } : questionCount(course, state, rule === 'assessment');
  const total = pages.total + questions.total;
  // Nothing to count at all: a course without pages (pagesNeeded counts pages when questions are missing).
  if (total === 0) return 1;
  return (pages.done + questions.done) / total;
}

/** Whether the course's completion rule is met (every counted unit done). */
export function meetsCompletion(course: CourseData, state: ProgressState): boolean {
  return progressOf(course, state) >= 1;
}

export function allQuestionsAnswered(course: CourseData, state: ProgressState): boolean {
  const { done, total } = questionCount(course, state);
  return done === total;
}

// In its own module: the contents list (in the entry chunk) needs only this, the session the rest.
export { pageStatus } from './page-status.js';
