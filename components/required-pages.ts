/**
 * The page part of the completion rule (course.yaml `completion`, course-data.ts `CompletionRule`):
 * which pages count, how many of them the learner must view, and which are still to view. Pure
 * functions, shared by progress (progress.ts) and the results view.
 */
import type { CourseData, PageInfo } from './course-data.js';
import type { ProgressState } from './tracker.js';

type Course = Pick<CourseData, 'pages' | 'questions' | 'completion' | 'pools'>;

/**
 * The pages completion counts: every page not marked optional. A launch that presents optional
 * pages only (a cmi5 AU of such pages, whose moveOn is NotApplicable) counts them all, so that
 * viewing it still completes it.
 */
export function requiredPages(course: Pick<CourseData, 'pages'>): readonly PageInfo[] {
  const required = course.pages.filter((page) => page.optional !== true);
  return required.length > 0 ? required : course.pages;
}

/**
 * How many required pages the rule asks the learner to view: its share of them, rounded up to
 * whole pages (80% of 7 is 6); 0 when pages do not count. A rule that counts nothing in this course
 * (questions only, in a course without questions) asks for every required page instead.
 */
export function pagesNeeded(course: Course): number {
  const { pages, questions } = course.completion;
  const counted = questions === 'assessment' ? (course.pools ?? []).length : questions === 'none' ? 0 : course.questions.length;
  const share = pages === 0 && counted === 0 ? 1 : pages;
  const required = requiredPages(course).length;
  // The share is a whole percentage: the small allowance keeps 0.7 x 10 (7.000000000000001) at 7.
  return Math.min(required, Math.ceil(share * required - 1e-9));
}

/** The required pages the learner has not viewed yet, in course order. */
export function unviewedPages(course: Pick<CourseData, 'pages'>, state: ProgressState): readonly PageInfo[] {
  return requiredPages(course).filter((page) => !state.visited.includes(page.id));
}

/** The required pages viewed, and how many of them count towards the rule (never more than it needs). */
export function pageProgress(course: Course, state: ProgressState): { readonly done: number; readonly total: number } {
  const total = pagesNeeded(course);
  const viewed = requiredPages(course).length - unviewedPages(course, state).length;
  return { done: Math.min(viewed, total), total };
}

/** How many more pages the learner must view to meet the page part of the rule. */
export function pagesStillNeeded(course: Course, state: ProgressState): number {
  const { done, total } = pageProgress(course, state);
  return total - done;
}
