/**
 * Learner journeys from page statements: how many learners reached each page, where those who did
 * not finish stopped, and how long learners spent on each page (the time from opening it to opening
 * the next one, within one attempt; longer than half an hour counts as having left).
 */
import type { CourseData } from '../../components/course-data.js';
import { pageFlags } from './flags.js';
import type { LearnerRecord } from './learner-records.js';
import type { LearnerFigures, PageFigures } from './report-data.js';
import { median } from './statistics.js';

export const MAX_PAGE_TIME_MS = 30 * 60 * 1000;

/** Milliseconds each learner spent on each page (summed over visits), by page id. */
function pageTimes(record: LearnerRecord): Map<string, number> {
  const times = new Map<string, number>();
  for (const [i, view] of record.pages.entries()) {
    const next = record.pages[i + 1];
    if (next === undefined || next.attempt !== view.attempt || view.at === undefined || next.at === undefined) continue;
    const spent = next.at - view.at;
    if (spent > 0 && spent <= MAX_PAGE_TIME_MS) times.set(view.pageId, (times.get(view.pageId) ?? 0) + spent);
  }
  return times;
}

/** The index of the furthest page the learner opened, or -1. */
function furthest(course: CourseData, record: LearnerRecord): number {
  const seen = new Set(record.pages.map((view) => view.pageId));
  return course.pages.reduce((far, page) => (seen.has(page.id) ? Math.max(far, page.index) : far), -1);
}

export function analysePages(course: CourseData, records: readonly LearnerRecord[]): PageFigures[] {
  const travellers = records.filter((record) => record.pages.length > 0);
  const times = travellers.map(pageTimes);
  const last = course.pages.length - 1;
  return course.pages.map((page) => {
    const reached = travellers.filter((record) => record.pages.some((view) => view.pageId === page.id)).length;
    // Stopping on the last page is finishing the pages; only the pages before it lose learners.
    const stoppedHere = page.index === last ? 0 : travellers.filter((record) => !record.completed && furthest(course, record) === page.index).length;
    const spent = times.flatMap((byPage) => (byPage.has(page.id) ? [byPage.get(page.id) ?? 0] : []));
    return {
      id: page.id,
      title: page.title,
      index: page.index,
      reached,
      stoppedHere,
      dropOff: reached === 0 ? null : stoppedHere / reached,
      medianTimeMs: median(spent) ?? null,
      flags: pageFlags(page.id, reached, stoppedHere),
    };
  });
}

export function learnerList(course: CourseData, records: readonly LearnerRecord[], totals: ReadonlyMap<string, number>, maxPoints: number): LearnerFigures[] {
  return records.map((record) => {
    const far = furthest(course, record);
    const total = totals.get(record.id);
    return {
      id: record.id,
      answered: record.answers.size,
      score: total === undefined || maxPoints === 0 ? null : total / maxPoints,
      furthestPage: far < 0 ? null : (course.pages[far]?.id ?? null),
      completed: record.completed,
    };
  });
}
