import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleWeb, componentsDir, type OutputFile } from '../bundle/bundle-web.js';
import { pageSpecifier } from '../bundle/course-plugin.js';
import { writeOutputFolder } from '../bundle/write-output.js';
import type { CourseSource } from '../load/read-course-folder.js';
import type { CourseModel } from '../model/course-model.js';
import { renderModules } from '../render/render-modules.js';
import { UsageError } from './usage.js';

export type Target = 'web';
const TARGETS: readonly Target[] = ['web'];

export function parseTargets(option: string | undefined): readonly Target[] {
  if (option === undefined) return TARGETS;
  const names = option.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!TARGETS.includes(name as Target)) throw new UsageError(`unknown target "${name}". Available: ${TARGETS.join(', ')}.`);
  }
  if (names.length === 0) throw new UsageError('--target needs at least one target.');
  return [...new Set(names)] as Target[];
}

export interface BuildOptions {
  readonly out: string;
  readonly targets: readonly Target[];
}

/** render -> bundle -> write, for each target. Returns the build report. */
export async function buildTargets(model: CourseModel, source: CourseSource, options: BuildOptions): Promise<string> {
  const started = performance.now();
  const modules = renderModules(model, { componentsImport: componentsDir.replace(/\/$/, ''), pageSpecifier, footnoteLabel: 'Footnotes' });
  const files = await bundleWeb(model, modules, {
    trackerModule: join(componentsDir, 'trackers', 'local-tracker.ts'),
    readCourseFile: (path) => readFile(join(source.root, ...path.split('/'))),
  });
  const target = join(options.out, 'web');
  await writeOutputFolder(target, files);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `${describe(relative(process.cwd(), target) || target, files)}Built in ${seconds} s.\n`;
}

function describe(path: string, files: readonly OutputFile[]): string {
  const bytes = files.reduce((sum, file) => sum + file.contents.byteLength, 0);
  const js = files.filter((file) => file.path.endsWith('.js'));
  const jsGzip = js.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0);
  return `web  ${path}/  ${files.length} files, ${kib(bytes)}; JavaScript ${kib(js.reduce((s, f) => s + f.contents.byteLength, 0))} (${kib(jsGzip)} gzip)\n`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
