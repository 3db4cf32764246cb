/**
 * What each package loads before its first paint: the entry chunk and its static imports (the
 * files index.html preloads). Only the shell belongs there; directive components, the table of
 * contents, the secondary views, the cover page, the session and the contexts it provides, the
 * course's logo and fonts, the statement emitter, the resume codec and the strings of pages,
 * views and session notices come later, in their own chunks; other languages' strings never.
 * Asserted on the bundle's module graph and contents, not on sizes or timings.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCourseBundle, componentsDir, type BundleOptions, type CourseBundle } from '../../scripts/bundle/bundle-course.js';
import { pageSpecifier } from '../../scripts/bundle/course-plugin.js';
import { minifyCssLiterals } from '../../scripts/bundle/minify-css-literals.js';
import { PLAYER_FOLDER } from '../../scripts/bundle/player-build-cache.js';
import { staticImports, type PlayerFile } from '../../scripts/bundle/player-build.js';
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
  'course-page.ts',
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

const text = (file: { readonly contents: Uint8Array } | undefined): string => new TextDecoder().decode(file?.contents);

async function bundle(model: CourseModel, options: Partial<BundleOptions> = {}): Promise<CourseBundle> {
  const modules = renderModules(model, { componentsImport: componentsDir.replace(/\/$/, ''), pageSpecifier, footnoteLabel: 'Footnotes' });
  return buildCourseBundle(model, modules, { adapters: ADAPTERS, noScriptMessage: 'No script.', readCourseFile: () => Promise.resolve(new Uint8Array()), ...options });
}

/** The player chunks a target loads before its first paint: its entry and the entry's static imports. */
function beforePaint(built: CourseBundle, target: string): PlayerFile[] {
  const entry = built.entries.get(target);
  if (entry === undefined) throw new Error(`no entry for ${target}`);
  const byName = new Map(built.player.files.map((file) => [file.fileName, file]));
  return [entry, ...staticImports(built.player, entry).flatMap((name) => byName.get(name) ?? [])];
}

const modulesOf = (files: readonly PlayerFile[]): string[] => files.flatMap((file) => file.moduleIds).map((id) => id.replace(componentsDir, ''));

async function readCourse(folder: string): Promise<CourseModel> {
  const { model } = checkCourse(await readCourseFolder(folder));
  if (model === undefined) throw new Error(`${folder} has errors`);
  return model;
}

const sampleModel = (): Promise<CourseModel> => readCourse(join(import.meta.dirname, '../../course'));

describe('bundle structure', () => {
  // A full Vite build of the sample course: seconds of CPU on a busy 2-core machine.
  it('each target paints from the shell alone: no directive component, view, emitter or resume codec before first paint', { timeout: 60_000 }, async () => {
    const model = await sampleModel();
    const built = await bundle(model);
    for (const target of ADAPTERS.keys()) {
      const early = beforePaint(built, target);
      const ids = modulesOf(early);
      expect(ids, target).toContain('cm-player.ts');
      expect(ids.filter((id) => LAZY.includes(id)), target).toEqual([]);
      // The player provides its contexts once its session starts: @lit/context's provider is not in the shell.
      expect(ids.filter((id) => id.includes('@lit/context/lib/controllers/')), target).toEqual([]);
      // Only a cmi5 AU can present part of the course; the other targets carry no scoping code.
      expect(ids.includes('course-scope.ts'), target).toBe(target === 'cmi5');
      // Vite's module preload helper (which injects <link rel=modulepreload>) is replaced by a one-liner.
      expect(early.map(text).join(''), target).not.toContain('modulepreload');
      // index.html loads the course file, which imports the target's player entry and nothing else
      // statically: the outline is in it, the course data comes later in a file of its own.
      const html = text(built.files.get(target)?.find((file) => file.path === 'index.html'));
      const course = built.course.courseFile.get(target);
      expect(html).toContain(`<script type="module" src="./${course?.fileName ?? '?'}"></script>`);
      for (const file of early) expect(html).toContain(`<link rel="modulepreload" href="./${file.fileName}">`);
      const source = text(course);
      expect(source.match(/^import .*$/gm)).toEqual([`import { start } from "./${early[0]?.fileName.replace('assets/', '') ?? '?'}";`]);
      expect(source).toContain(JSON.stringify(model.data.title));
      expect(source).not.toContain('"questions"');
    }
    // Each page file imports the directive components it renders, from the player's kit.
    const question = model.data.questions[0];
    if (question === undefined) throw new Error('the sample course has no question');
    const page = built.course.shared.find((file) => file.fileName.startsWith(`assets/${question.pageId}-`));
    const questionChunk = built.player.files.find((file) => file.moduleIds.includes(join(componentsDir, 'cm-question.ts')));
    expect(questionChunk).toBeDefined();
    const imported = [...text(page).matchAll(/from "\.\/([^"]+)"/g)].map((match) => `assets/${match[1] ?? ''}`);
    const reached = imported.flatMap((name) => [name, ...staticImports(built.player, built.player.files.find((file) => file.fileName === name) ?? { fileName: '', contents: new Uint8Array(), imports: [], loads: [], entry: undefined, moduleIds: [] })]);
    expect(reached).toContain(questionChunk?.fileName);
  });

  it('index.html preloads the brand chunk (logo, fonts) with the shell for a course that has them, and only then', { timeout: 60_000 }, async () => {
    const brandFile = (built: CourseBundle) => built.player.files.find((file) => file.moduleIds.includes(join(componentsDir, 'player-brand.ts')));
    const html = (built: CourseBundle) => text(built.files.get('web')?.find((file) => file.path === 'index.html'));
    const branded = await bundle(await readCourse(join(import.meta.dirname, '../fixtures/brand-course')));
    expect(html(branded)).toContain(`<link rel="modulepreload" href="./${brandFile(branded)?.fileName ?? '?'}">`);
    // What the brand chunk shares with the session's runtime (the URL policy) is apart from it: the
    // first paint of a branded course loads the logo and fonts, not the session, pages or views.
    const preloaded = [...html(branded).matchAll(/<link rel="modulepreload" href="\.\/([^"]+)">/g)].map((match) => match[1]);
    const early = branded.player.files.filter((file) => preloaded.includes(file.fileName));
    const brand = ['player-brand.ts', 'logo.ts', 'brand-fonts.ts', 'url-policy.ts'];
    expect(modulesOf(early).filter((id) => LAZY.includes(id) && !brand.includes(id))).toEqual([]);
    const plain = await bundle(await sampleModel());
    expect(html(plain)).not.toContain(brandFile(plain)?.fileName ?? '?');
  });

  it('a page edit changes that page\'s file and the course files, and reuses the cached player build', { timeout: 60_000 }, async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'coursemark-bundle-'));
    try {
      const source = (text: string) =>
        courseFromStrings({
          'course.yaml': baseConfig,
          'sections/01-one.md': `---\ntitle: One\n---\n\n${text}\n\n:::note\nA note.\n:::\n`,
          'sections/02-two.md': '---\ntitle: Two\n---\n\nThe second page.\n',
        });
      const modelOf = (text: string): CourseModel => {
        const { model } = checkCourse(source(text));
        if (model === undefined) throw new Error('the test course has errors');
        return model;
      };
      const before = await bundle(modelOf('First text.'), { cacheDir });
      expect(await readdir(join(cacheDir, PLAYER_FOLDER))).toHaveLength(1);
      const after = await bundle(modelOf('Edited text.'), { cacheDir });
      const files = (built: CourseBundle) => new Map((built.files.get('scorm12') ?? []).map((file) => [file.path, text(file)]));
      const [old, next] = [files(before), files(after)];
      const changed = [...next.keys()].filter((path) => old.get(path) !== next.get(path)).sort();
      // The edited page's file, the course file that lists it, and index.html that loads that file.
      expect(changed.map((path) => path.replace(/-[\w-]{8}\.js$/, '.js'))).toEqual(['assets/course.js', 'assets/one.js', 'index.html']);
      expect(next.get(changed.find((path) => path.startsWith('assets/one-')) ?? '')).toContain('Edited text.');
      // The player is the same build, byte for byte, and no other one was kept.
      expect(after.player.files.map((file) => [file.fileName, text(file)])).toEqual(before.player.files.map((file) => [file.fileName, text(file)]));
      expect(await readdir(join(cacheDir, PLAYER_FOLDER))).toHaveLength(1);
      // A damaged cache is built again, with the same result.
      const [name] = await readdir(join(cacheDir, PLAYER_FOLDER));
      await writeFile(join(cacheDir, PLAYER_FOLDER, name ?? ''), '{"format":"coursemark player build 1","files":[{"fileName":"../x"}]}');
      const again = await bundle(modelOf('Edited text.'), { cacheDir });
      expect(files(again)).toEqual(next);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('a package carries the strings of its course language only, the shell\'s before first paint and the rest after', async () => {
    const built = async (language: string) => {
      const source = courseFromStrings({
        'course.yaml': baseConfig.replace('language: en', `language: ${language}`),
        'sections/01-page.md': '---\ntitle: Page\n---\n\nText.\n',
      });
      const { model } = checkCourse(source);
      if (model === undefined) throw new Error('the test course has errors');
      const result = await bundle(model);
      return { early: beforePaint(result, 'scorm12').map(text).join('\n'), all: result.player.files.map(text).join('\n'), modules: modulesOf(result.player.files) };
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
