import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import type { ResolvedCourseConfig } from '../validate/course-config.js';
import type { PageModel } from './course-model.js';

/**
 * Checks pages marked `optional: true` against the course: an optional page holds no questions (the
 * score is final only when every question is answered, so the learner would have to open the page
 * after all), and at least one page is required (otherwise nothing completes the course).
 */
export function checkOptionalPages(pages: readonly PageModel[], config: ResolvedCourseConfig, configFile: VFile): void {
  for (const page of pages) {
    if (page.info.optional !== true || page.info.questions.length === 0) continue;
    const listed = page.info.questions.map((id) => `"${id}"`).join(', ');
    report(
      page.section.file,
      'optional-page-questions',
      `This page is optional, but it has ${page.info.questions.length === 1 ? 'a question' : 'questions'} (${listed}). The score is final only when every question is answered, so a learner would have to open it after all. Move the questions to a required page, or remove "optional: true".`,
      page.section.frontmatter.optionalPlace,
    );
  }
  if (pages.length === 0 || pages.some((page) => page.info.optional !== true)) return;
  report(
    configFile,
    'no-required-pages',
    `Every page is marked "optional: true", so the course has nothing for its completion rule to count. Remove "optional: true" from the pages a learner must view (at least one).`,
    config.completionPlace ?? { line: 1, column: 1 },
  );
}
