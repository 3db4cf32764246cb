import type { Position } from 'unist';
import type { CourseData } from '../../components/course-data.js';
import { SCORM12_SUSPEND_BUDGET, worstCaseLength } from '../../components/runtime/resume/progress-codec.js';
import { report } from '../diagnostics/report.js';
import type { CourseModel } from './course-model.js';

/**
 * SCORM 1.2 caps cmi.suspend_data at 4096 characters (RTE 1.2 3.4.2; CMIString4096), and some LMSs
 * count bytes: the runtime keeps a 4000-character budget. When the worst case of this course's
 * resume state (every question answered at its longest, every reflection full) exceeds it, the
 * course cannot promise to resume in every LMS, so the build stops at the first question or
 * activity that no longer fits.
 */
export function checkResumeBudget(model: CourseModel, budget = SCORM12_SUSPEND_BUDGET): void {
  const total = worstCaseLength(model.data);
  if (total <= budget) return;
  const items = model.pages.flatMap((page) => [
    ...page.section.questions.map((question) => ({ id: question.fields.id, kind: 'question' as const, position: question.position, page })),
    ...page.section.activities.map((activity) => ({ id: activity.id, kind: 'activity' as const, position: activity.position, page })),
  ]);
  items.sort((a, b) => a.page.info.index - b.page.info.index || (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
  const kept = { questions: new Set<string>(), activities: new Set<string>() };
  for (const item of items) {
    (item.kind === 'question' ? kept.questions : kept.activities).add(item.id);
    if (worstCaseLength(prefix(model.data, kept)) > budget) {
      place(model, item.page.section.file, item.position, total, budget, item.kind);
      return;
    }
  }
  place(model, model.pages[0]?.section.file, undefined, total, budget, 'course');
}

function prefix(course: CourseData, kept: { questions: ReadonlySet<string>; activities: ReadonlySet<string> }): CourseData {
  return {
    ...course,
    questions: course.questions.filter((question) => kept.questions.has(question.id)),
    activities: course.activities.filter((activity) => kept.activities.has(activity.id)),
  };
}

function place(model: CourseModel, file: Parameters<typeof report>[0] | undefined, position: Position | undefined, total: number, budget: number, what: 'question' | 'activity' | 'course'): void {
  if (!file) return;
  report(
    file,
    'resume-budget',
    `With this ${what}, the SCORM 1.2 resume data of "${model.data.title}" can reach ${total} characters, over the ${budget} that every LMS accepts (cmi.suspend_data). Shared reflection activities and fill-in answers take the most room (a private reflection keeps only that it was done): move some of them to another course, or build this course only for SCORM 2004, cmi5 or xAPI (--target).`,
    position,
  );
}
