/**
 * A launch that presents part of a course: a cmi5 AU of the per-page or per-part layout
 * (scripts/package/cmi5-manifest.ts). The player, the session and the LMS then see only those
 * pages, their questions and activities: contents, navigation, progress, completion and score are
 * all the AU's own (cmi5 10.2.3: an AU is judged on its own). Pages are renumbered from 0, in course
 * order; page, question and activity ids and IRIs stay as they are.
 */
import type { CourseData, CourseOutline } from './course-data.js';

export interface LaunchScope {
  /** The outline the shell paints: the AU's pages only. */
  readonly outline: CourseOutline;
  /** The page loaders (one per course page, in course order) of the AU's pages. */
  pages<T>(loaders: readonly T[]): T[];
  /** The course data narrowed to the AU's pages, questions and activities. */
  course(course: CourseData): CourseData;
}

export function scopeTo(outline: CourseOutline, pageIds: ReadonlySet<string>): LaunchScope {
  const keep = <T extends { readonly id: string }>(pages: readonly T[]): T[] => pages.filter((page) => pageIds.has(page.id)).map((page, index) => ({ ...page, index }));
  return {
    // An AU is launched on its own: it offers no further parts, and opens on its first page: the
    // cover speaks of the whole course (its duration, what the learner will do), and the LMS has
    // already shown the AU's title.
    outline: { ...outline, pages: keep(outline.pages), parts: [], cover: false },
    pages: (loaders) => loaders.filter((_, index) => pageIds.has(outline.pages[index]?.id ?? '')),
    course: ({ cover: _cover, ...course }) => ({
      ...course,
      pages: keep(course.pages),
      questions: course.questions.filter((question) => pageIds.has(question.pageId)),
      activities: course.activities.filter((activity) => pageIds.has(activity.pageId)),
      // A pool is on one page: an AU without that page has none of it to draw, count or score.
      ...(course.pools === undefined ? {} : { pools: course.pools.filter((pool) => pageIds.has(pool.pageId)) }),
      parts: [],
    }),
  };
}
