import type { VFile } from 'vfile';
import { componentsDir } from '../bundle/bundle-course.js';
import { pageSpecifier } from '../bundle/course-plugin.js';
import { formatText, plainStyle } from '../cli/format-messages.js';
import { PageModuleCache } from '../cache/page-module-cache.js';
import { SectionCache } from '../cache/section-cache.js';
import { hasErrors } from '../diagnostics/report.js';
import { readCourseFolder } from '../load/read-course-folder.js';
import type { CourseModel } from '../model/course-model.js';
import { checkCourseAsync } from '../pipeline.js';
import { buildMessage, interfaceTable } from '../render/message-modules.js';
import { renderModules, type RenderedModules } from '../render/render-modules.js';

/** The first error of a failed check, where Vite's overlay shows it (file:line:column and a frame). */
export interface PreviewError {
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly frame: string;
}

export type PreviewCourse =
  | { readonly ok: true; readonly model: CourseModel; readonly modules: RenderedModules; readonly report: string }
  | { readonly ok: false; readonly error: PreviewError; readonly report: string };

function codeFrame(file: VFile, line: number, column: number): string {
  const lines = String(file.value).split('\n');
  const out: string[] = [];
  for (let number = Math.max(1, line - 2); number <= Math.min(lines.length, line + 2); number++) {
    out.push(`${number === line ? '>' : ' '} ${String(number).padStart(4)} | ${lines[number - 1] ?? ''}`);
    if (number === line) out.push(`       | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

/**
 * What the preview keeps from one update to the next, in memory: analysed sections and rendered
 * pages, so that an edit parses and renders the changed file (and the pages that depend on it) only.
 */
export class PreviewCaches {
  readonly pages = new PageModuleCache();
  private last: Promise<unknown> = Promise.resolve();

  private constructor(readonly sections: SectionCache) {}

  static async create(): Promise<PreviewCaches> {
    return new PreviewCaches(await SectionCache.open());
  }

  /** Runs updates one after the other: they share the caches, and the latest edit is applied last. */
  inTurn<T>(update: () => Promise<T>): Promise<T> {
    const run = this.last.then(update, update);
    this.last = run.catch(() => undefined);
    return run;
  }
}

/** The pipeline up to the rendered modules (the same as `build`), or the first error with the check report. */
export async function loadPreviewCourse(folder: string, cwd: string, caches?: PreviewCaches): Promise<PreviewCourse> {
  return caches ? caches.inTurn(() => load(folder, cwd, caches)) : load(folder, cwd, undefined);
}

async function load(folder: string, cwd: string, caches: PreviewCaches | undefined): Promise<PreviewCourse> {
  const source = await readCourseFolder(folder);
  const result = await checkCourseAsync(source, { scorm12: false, cache: caches?.sections });
  // Only drops the sections this check did not use (no folder: nothing is written).
  await caches?.sections.save();
  const report = formatText(result.files, cwd, plainStyle);
  if (hasErrors(result.files) || result.model === undefined) {
    const file = result.files.find((candidate) => candidate.messages.some((message) => message.fatal === true)) ?? result.files[0];
    const message = file?.messages.find((candidate) => candidate.fatal === true);
    const line = message?.line ?? 1;
    const column = message?.column ?? 1;
    const error: PreviewError = {
      message: `${message?.reason ?? 'The course has errors'}${message?.ruleId === undefined ? '' : ` (${message.ruleId})`}`,
      file: file?.path ?? folder,
      line,
      column,
      frame: file === undefined ? '' : codeFrame(file, line, column),
    };
    return { ok: false, error, report };
  }
  const table = interfaceTable(result.model.data.language, result.model.config.strings);
  const options = { componentsImport: componentsDir.replace(/\/$/, ''), pageSpecifier, footnoteLabel: buildMessage(table, 'footnotes') };
  const modules = renderModules(result.model, { ...options, ...(caches ? { renderPage: caches.pages.forModel(result.model, options) } : {}) });
  return { ok: true, model: result.model, modules, report };
}
