import { report } from '../diagnostics/report.js';
import { isInProfile } from '../package/cc/qti-question.js';
import { readerOf } from '../questions/registry.js';
import type { CourseModel } from './course-model.js';

/**
 * For a Common Cartridge build: one warning per question that the cartridge's QTI profile cannot
 * score (matching, sequencing, a numeric answer with a tolerance). Such a question stays on its page
 * as a self-check and is left out of the page's quiz, so the LMS's grade does not count it. And one
 * per question pool that draws or retries: a cartridge's quiz asks every question of the pool.
 */
export function checkCartridgeProfile(model: CourseModel): void {
  const byId = new Map(model.data.questions.map((question) => [question.id, question]));
  for (const page of model.pages) {
    for (const draft of page.section.questions) {
      const question = byId.get(draft.fields.id);
      if (question === undefined) continue;
      const item = readerOf(question.type).cartridge(question);
      if (isInProfile(item)) continue;
      report(
        page.section.file,
        'cc-question-type',
        `Question "${question.id}" is ${item.notInProfile}. In the Common Cartridge it stays on its page as a self-check with its answer, and the page's LMS quiz leaves it out, so it does not count towards the LMS grade. Use single-choice, multiple-response, true-false or fill-in (or an exact numeric answer) to have it graded there.`,
        draft.position,
      );
    }
    for (const info of page.section.pools) {
      const pool = model.data.pools?.find((candidate) => candidate.id === info.id);
      if (pool === undefined || (pool.draw === pool.questions.length && pool.retries === 0)) continue;
      const what = [pool.draw < pool.questions.length ? `draws ${pool.draw} of its ${pool.questions.length} questions` : undefined, pool.retries > 0 ? `offers ${pool.retries} ${pool.retries === 1 ? 'retry' : 'retries'}` : undefined].filter((part) => part !== undefined).join(' and ');
      report(
        page.section.file,
        'cc-question-pool',
        `Question pool "${pool.id}" ${what}. A Common Cartridge quiz has neither a random draw nor "Try again": the page's LMS quiz asks all ${pool.questions.length} questions, and the LMS's own quiz settings decide how many attempts a learner has. Set them there, or use the SCORM or cmi5 package, which keep the draw and the retries.`,
        info.position,
      );
    }
  }
}
