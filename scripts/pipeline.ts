import { VFile } from 'vfile';
import type { GlossaryEntry } from '../components/course-data.js';
import { hasErrors, report } from './diagnostics/report.js';
import type { SectionCache } from './cache/section-cache.js';
import { defaultLimits, type InputLimits } from './limits/input-limits.js';
import type { CourseSource } from './load/read-course-folder.js';
import { buildCourseModel } from './model/build-course-model.js';
import { checkCartridgeProfile } from './model/check-cartridge-profile.js';
import { checkResumeBudget } from './model/check-resume-budget.js';
import type { CourseModel } from './model/course-model.js';
import type { SectionDraft } from './model/section-draft.js';
import { analyzeSections } from './parse/analyze-sections.js';
import { analyzeSectionText, restoreSection, type SectionAnalysis } from './parse/section-analysis.js';
import { readCourseConfig, type ResolvedCourseConfig } from './validate/course-config.js';
import { readGlossary } from './validate/glossary.js';

export interface CheckOptions {
  /**
   * Check that the resume state fits SCORM 1.2's suspend_data (needed when building scorm12).
   * @default true
   */
  readonly scorm12?: boolean;
  /**
   * Warn about questions a Common Cartridge cannot grade in the LMS's quizzes (needed when building cc).
   * @default false
   */
  readonly cc?: boolean;
  /** Page size and nesting limits (docs/authoring.md, "Limits and exit codes"). */
  readonly limits?: InputLimits;
}

export interface AsyncCheckOptions extends CheckOptions {
  /** Sections analysed by earlier checks, by content hash (the CLI's cache folder, the preview's memory). */
  readonly cache?: SectionCache | undefined;
  /**
   * Worker threads for parsing, besides this thread: a number (0: none) or 'auto' (workers only for
   * a course large enough to pay for them).
   * @default 'auto'
   */
  readonly threads?: number | 'auto';
  /** Whether this thread parses too while workers run (false: every section goes through a worker). */
  readonly shareWork?: boolean;
}

export interface CheckResult {
  /** Every file that was read, each carrying its messages. */
  readonly files: readonly VFile[];
  /** The course model, when there are no errors (warnings allowed). */
  readonly model: CourseModel | undefined;
}

/**
 * parse -> validate -> course model, over a course already in memory, in this thread. Never throws
 * for author mistakes: all of them, across all files, end up as messages on `files`. A course with
 * maths or code needs their renderers loaded first (`await loadRenderersFor(texts)`); checkCourseAsync
 * does that itself.
 */
export function checkCourse(source: CourseSource, options: CheckOptions = {}): CheckResult {
  const limits = options.limits ?? defaultLimits;
  return finishCheck(source, options, source.sections.map((file) => analyzeSectionText(file.path, String(file.value), limits)));
}

/**
 * The same check as `checkCourse`, with the same result, but sections come from the cache when
 * they are unchanged and are parsed in worker threads when there are many. Rejects only for a bug
 * (a worker that crashed), never for an author mistake.
 */
export async function checkCourseAsync(source: CourseSource, options: AsyncCheckOptions = {}): Promise<CheckResult> {
  const analyses = await analyzeSections(source.sections, { limits: options.limits ?? defaultLimits, cache: options.cache, threads: options.threads ?? 'auto', shareWork: options.shareWork ?? true });
  return finishCheck(source, options, analyses);
}

/** Everything after each section's own analysis: course.yaml, the glossary, and the checks across files. */
function finishCheck(source: CourseSource, options: CheckOptions, analyses: readonly SectionAnalysis[]): CheckResult {
  const configFile = source.config ?? new VFile({ cwd: source.root, path: 'course.yaml' });
  if (!source.config) {
    report(configFile, 'config-missing', 'The course folder has no course.yaml. Create one with id, title, language and version ("coursemark init" writes a starter; "coursemark explain config-missing" shows one).');
  }
  const config = source.config ? readCourseConfig(configFile) : undefined;
  const glossary: GlossaryEntry[] = source.glossary ? readGlossary(source.glossary) : [];
  const sections: SectionDraft[] = [];
  const unreadableSections: string[] = [];
  for (const [index, file] of source.sections.entries()) {
    const analysis = analyses[index];
    const draft = analysis ? restoreSection(file, analysis) : undefined;
    if (draft) sections.push(draft);
    else unreadableSections.push(file.basename ?? '');
  }
  if (source.sections.length === 0) {
    report(configFile, 'no-sections', 'The course has no pages: add Markdown files to the sections/ folder (01-introduction.md, ...).', { line: 1, column: 1 });
  }
  const files = [configFile, ...(source.glossary ? [source.glossary] : []), ...source.sections, ...(source.problems ?? [])];
  // The checks across files run even when course.yaml is missing or wrong, so that one run lists
  // every problem; the model is then only a means to those checks and is not returned.
  const glossaryReadable = source.glossary?.messages.every((message) => message.fatal !== true) ?? true;
  const model = buildCourseModel({ config: config ?? STAND_IN_CONFIG, configFile, sections, glossary, files: source.files, unreadableSections, glossaryReadable });
  if (config) applySeverities(files, config.rules);
  if (config && !hasErrors(files) && options.scorm12 !== false) checkResumeBudget(model);
  if (config && !hasErrors(files) && options.cc === true) checkCartridgeProfile(model);
  return { files, model: config && !hasErrors(files) ? model : undefined };
}

/** The configuration the checks across files use while course.yaml cannot be read (never built). */
const STAND_IN_CONFIG: ResolvedCourseConfig = {
  id: 'https://coursemark.invalid/course',
  title: '',
  description: '',
  language: 'en',
  dir: 'ltr',
  version: '0',
  authors: [],
  license: '',
  mastery: 0.8,
  completion: { pages: 1, questions: 'all' },
  completionPlace: undefined,
  scorm12Status: 'completed-incomplete',
  theme: { accent: '#3b5ba9', font: 'sans' },
  cover: undefined,
  strings: {},
  rules: {},
  parts: [],
  cmi5Layout: { value: 'single', place: { offset: 0, endOffset: 0 } },
  passing: { value: 'all', place: { offset: 0, endOffset: 0 } },
};

/** Applies course.yaml's `rules` severities (an author's choice for drafts) to the messages found. */
function applySeverities(files: readonly VFile[], overrides: ResolvedCourseConfig['rules']): void {
  for (const file of files) {
    for (const message of file.messages) {
      const severity = overrides[message.ruleId as keyof typeof overrides];
      if (severity !== undefined) message.fatal = severity === 'error';
    }
  }
}
