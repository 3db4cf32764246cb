import { report } from '../diagnostics/report.js';
import { isInProfile } from '../package/cc/qti-question.js';
import { readerOf } from '../questions/registry.js';
import type { CourseModel } from './course-model.js';

/**
 * For a Common Cartridge build: one warning per question that the cartridge's QTI profile cannot
 * score (matching, sequencing, a numeric answer with a tolerance). Such a question stays on its page
 * as a self-check and is left out of the page's quiz, so the LMS's grade does not count it.
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
  }
}
