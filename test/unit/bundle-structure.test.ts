/**
 * What each package loads before its first paint: the entry chunk and its static imports (the
 * files index.html preloads). Only the shell belongs there; directive components, the table of
 * contents, the secondary views, the cover page, the session and the contexts it provides, the
 * course's logo and fonts, the statement emitter, the resume codec and the strings of pages,
 * views and session notices come later, in their own chunks; other languages' strings never.
 * Asserted on the bundle's module graph and contents, not on sizes or timings.
 */
import { join } from 'node:path';
import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { bundleChunks, componentsDir, entryChunk, staticImports, type OutputItem } from '../../scripts/bundle/bundle-course.js';
import { pageSpecifier } from '../../scripts/bundle/course-plugin.js';
import { minifyCssLiterals } from '../../scripts/bundle/minify-css-literals.js';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import type { CourseModel } from '../../scripts/model/course-model.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { renderModules } from '../../scripts/render/render-modules.js';
import { ar } from '../../components/i18n/ar.js';
import { en } from '../../components/i18n/en.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

const ADAPTERS = new Map(
  Object.entries({
    web: 'trackers/local-tracker.ts',
    scorm12: 'runtime/scorm/scorm12-entry.ts',
    scorm2004: 'runtime/scorm/scorm2004-entry.ts',
    cmi5: 'runtime/cmi5/cmi5-entry.ts',
    xapi: 'runtime/xapi/xapi-entry.ts',
  }).map(([target, path]) => [target, join(componentsDir, path)]),
);

/** Modules that must never be fetched before the first paint, relative to components/. */
const LAZY = [
  'cm-activity.ts',
  'cm-content-warning.ts',
  'cm-figure.ts',
  'cm-note.ts',
  'cm-question.ts',
  'question-controls.ts',
  'cm-support-link.ts',
  'cm-term.ts',
  'cm-results.ts',
  'cm-glossary.ts',
  'cm-support-dialog.ts',
  'cm-cover.ts',
  'cm-toc.ts',
  'page-status.ts',
  'player-session.ts',
  'player-brand.ts',
  'logo.ts',
  'brand-fonts.ts',
  'url-policy.ts',
  'view-messages.ts',
  '\0coursemark:view-messages.js',
  'course-session.ts',
  'styles/prose.ts',
  'progress.ts',
  'styles/theme-colors.ts',
  'runtime/statements/statement-emitter.ts',
  'runtime/resume/progress-codec.ts',
  'runtime/scorm/scorm-adapter.ts',
  'runtime/lrs/lrs-client.ts',
  'trackers/progress-codec.ts',
];

async function bundle(model: CourseModel): Promise<Map<string, OutputItem>> {
  const modules = renderModules(model, { componentsImport: componentsDir.replace(/\/$/, ''), pageSpecifier, footnoteLabel: 'Footnotes' });
  return bundleChunks(modules, ADAPTERS);
}

/** Module ids, relative to components/, of the entry of `target` and of every chunk it imports statically. */
function beforePaint(chunks: ReadonlyMap<string, OutputItem>, target: string): string[] {
  const entry = entryChunk(chunks, target);
  const files = [entry, ...staticImports(entry, chunks).map((name) => chunks.get(name))];
  return files.flatMap((file) => (file?.type === 'chunk' ? file.moduleIds : [])).map((id) => id.replace(componentsDir, ''));
}

function chunkOf(chunks: ReadonlyMap<string, OutputItem>, moduleId: string): Rollup.OutputChunk | undefined {
  return [...chunks.values()].find((item): item is Rollup.OutputChunk => item.type === 'chunk' && item.moduleIds.includes(moduleId));
}

describe('bundle structure', () => {
  // A full Vite build of the sample course: seconds of CPU on a busy 2-core machine.
  it('each target paints from the shell alone: no directive component, view, emitter or resume codec before first paint', { timeout: 60_000 }, async () => {
    const { model } = checkCourse(await readCourseFolder(join(import.meta.dirname, '../../course')));
    if (model === undefined) throw new Error('the sample course has errors');
    const chunks = await bundle(model);
    for (const target of ADAPTERS.keys()) {
      const early = beforePaint(chunks, target);
      expect(early, target).toContain('cm-player.ts');
      expect(early.filter((id) => LAZY.includes(id)), target).toEqual([]);
      // The player provides its contexts once its session starts: @lit/context's provider is not in the shell.
      expect(early.filter((id) => id.includes('@lit/context/lib/controllers/')), target).toEqual([]);
      // The outline is in the entry; questions, glossary and headings come with the details.
      expect(early, target).toContain('\0coursemark:course.js');
      expect(early, target).not.toContain('\0coursemark:details.js');
      // Only a cmi5 AU can present part of the course; the other targets carry no scoping code.
      expect(early.includes('course-scope.ts'), target).toBe(target === 'cmi5');
      // Vite's module preload helper (which injects <link rel=modulepreload>) is replaced by a one-liner.
      const entry = entryChunk(chunks, target);
      expect(entry.code + staticImports(entry, chunks).map((name) => (chunks.get(name) as Rollup.OutputChunk).code).join('')).not.toContain('modulepreload');
    }
    // Each page chunk carries the directive components it renders.
    const question = model.data.questions[0];
    if (question === undefined) throw new Error('the sample course has no question');
    const page = chunkOf(chunks, `\0coursemark:page/${question.pageId}.js`);
    const questionChunk = chunkOf(chunks, join(componentsDir, 'cm-question.ts'));
    expect(questionChunk).toBeDefined();
    expect(page?.imports).toContain(questionChunk?.fileName);
  });

  it('a package carries the strings of its course language only, the shell\'s before first paint and the rest after', async () => {
    const built = async (language: string) => {
      const source = courseFromStrings({
        'course.yaml': baseConfig.replace('language: en', `language: ${language}`),
        'sections/01-page.md': '---\ntitle: Page\n---\n\nText.\n',
      });
      const { model } = checkCourse(source);
      if (model === undefined) throw new Error('the test course has errors');
      const chunks = await bundle(model);
      const code = (items: readonly (OutputItem | undefined)[]): string => items.map((item) => (item?.type === 'chunk' ? item.code : '')).join('\n');
      const entry = entryChunk(chunks, 'scorm12');
      const modules = [...chunks.values()].flatMap((item) => (item.type === 'chunk' ? item.moduleIds : [])).map((id) => id.replace(componentsDir, ''));
      return { early: code([entry, ...staticImports(entry, chunks).map((name) => chunks.get(name))]), all: code([...chunks.values()]), modules };
    };
    for (const [language, own, other] of [['ar-EG', ar, en], ['en-GB', en, ar]] as const) {
      const { early, all, modules } = await built(language);
      // The tables themselves stay in the build: a package gets the strings as data.
      expect(modules.filter((id) => id.startsWith('i18n/') && id !== 'i18n/compile-messages.ts' && id !== 'i18n/formatter.ts'), language).toEqual([]);
      expect(early, language).toContain(own.pageNavigation);
      expect(early, language).not.toContain(own.reflectionPrivate);
      // The contents' strings and the session's notices come with their chunks, after the first paint.
      for (const text of [own.statusNotStarted, own.partialRestore, own.launchProblem['relaunch-required']]) expect(early, language).not.toContain(text);
      expect(all, language).toContain(own.partialRestore);
      expect(all, language).toContain(own.reflectionPrivate);
      for (const text of [other.pageNavigation, other.reflectionPrivate, other.noScript]) expect(all, language).not.toContain(text);
    }
  });
});

describe('css literal minifying', () => {
  it('drops comments and white space that carries no meaning, and keeps quoted strings and descendant combinators', () => {
    const css = `
      /* why */
      :host {
        display: block;
      }
      nav a :focus-visible,
      pre {
        font-family: ui-monospace, 'Cascadia  Mono', monospace;
      }
      @media (min-width: 40rem) and (prefers-reduced-motion: reduce) {
        a[href='#x y'] > span { margin: 0 auto; }
      }
    `;
    expect(minifyCssLiterals(css)).toBe(
      ":host{display:block}nav a :focus-visible,pre{font-family:ui-monospace,'Cascadia  Mono',monospace}@media (min-width:40rem) and (prefers-reduced-motion:reduce){a[href='#x y']>span{margin:0 auto}}",
    );
  });
});
