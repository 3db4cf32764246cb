import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { bundleCourse, componentsDir, type OutputFile } from '../bundle/bundle-course.js';
import { pageSpecifier } from '../bundle/course-plugin.js';
import { writeOutputFolder } from '../bundle/write-output.js';
import type { CourseSource } from '../load/read-course-folder.js';
import type { CourseModel } from '../model/course-model.js';
import type { FileCompressor } from '../package/compressed-file.js';
import { packageTarget, type PackageResult } from '../package/package-target.js';
import { ZipEntryCache } from '../package/zip-entry-cache.js';
import { buildMessage, interfaceTable } from '../render/message-modules.js';
import { renderModules } from '../render/render-modules.js';
import { RenderedPageStore } from '../cache/rendered-page-store.js';
import { endStage } from './stage-timer.js';
import type { Cmi5Aus, Target } from './build-options.js';

/** The tracking adapter each target's entry mounts, relative to components/. */
const ADAPTERS: Readonly<Record<Exclude<Target, 'cc'>, string>> = {
  web: 'trackers/local-tracker.ts',
  scorm12: 'runtime/scorm/scorm12-entry.ts',
  scorm2004: 'runtime/scorm/scorm2004-entry.ts',
  cmi5: 'runtime/cmi5/cmi5-entry.ts',
  xapi: 'runtime/xapi/xapi-entry.ts',
};

/**
 * The bundle a target's package is made from: its own, or for a cartridge (static pages, no player)
 * the web build's, of which it takes the course's media files only.
 */
const bundleOf = (target: Target): Exclude<Target, 'cc'> => (target === 'cc' ? 'web' : target);

// Stock Moodle's upload limit until an administrator raises PHP's (lms-notes.md).
const MOODLE_UPLOAD_LIMIT = 2 * 1024 * 1024;

export interface BuildOptions {
  readonly out: string;
  readonly targets: readonly Target[];
  readonly cmi5Aus: Cmi5Aus;
  /** Cache folder for rebuilds, or undefined to build without one (`--no-cache`). */
  readonly cacheDir?: string | undefined;
}

/**
 * render -> bundle -> package, all in memory; then every output is written, each atomically, so a
 * failure before the end leaves the previous dist/ as it was. Returns the build report.
 */
export async function buildTargets(model: CourseModel, source: CourseSource, options: BuildOptions): Promise<string> {
  const started = performance.now();
  const table = interfaceTable(model.data.language, model.config.strings);
  const renderOptions = { componentsImport: componentsDir.replace(/\/$/, ''), pageSpecifier, footnoteLabel: buildMessage(table, 'footnotes') };
  // Pages rendered by the last build are reused when nothing they are made from changed.
  const rendered = await RenderedPageStore.open(options.cacheDir);
  const modules = renderModules(model, { ...renderOptions, renderPage: rendered.forModel(model, renderOptions) });
  endStage('render');
  const bundles = await bundleCourse(model, modules, {
    adapters: new Map([...new Set(options.targets.map(bundleOf))].map((target) => [target, join(componentsDir, ...ADAPTERS[target].split('/'))])),
    noScriptMessage: buildMessage(table, 'noScript'),
    readCourseFile: (path: string) => readFile(join(source.root, ...path.split('/'))),
    cacheDir: options.cacheDir,
  });
  endStage('bundle');
  const filesOf = (target: Target): OutputFile[] => bundles.get(bundleOf(target)) ?? [];
  // One compressor for every package: the web build they share is deflated once, or reused from the cache.
  const cache = await ZipEntryCache.open(options.cacheDir);
  const packages: PackageResult[] = [];
  for (const target of options.targets) {
    if (target !== 'web') packages.push(await packageTarget(target, model, filesOf(target), { cmi5Layout: options.cmi5Aus, compressor: cache.compressor }));
  }
  // A cartridge carries no player, so no JavaScript to report.
  const runtime = options.targets.filter((target) => target !== 'cc').map((target) => runtimeLine(target, filesOf(target), cache.compressor));
  endStage('package');
  const rows: [target: string, path: string, files: number, bytes: number][] = [];
  const writes: Promise<void>[] = [cache.save(), rendered.save()];
  if (options.targets.includes('web')) {
    const folder = join(options.out, 'web');
    // A build with a cache takes unchanged files from the previous output (hard links).
    writes.push(writeOutputFolder(folder, filesOf('web'), { linkUnchanged: options.cacheDir !== undefined }));
    rows.push(['web', `${display(folder)}/`, filesOf('web').length, total(filesOf('web'))]);
  }
  for (const result of packages) {
    const path = join(options.out, result.fileName);
    writes.push(writeFileAtomically(path, result.bytes));
    rows.push([result.target, display(path), result.fileCount, result.bytes.byteLength]);
  }
  await Promise.all(writes);
  endStage('write');
  const width = Math.max(...rows.map(([, path]) => path.length));
  const lines = rows.map(([target, path, files, bytes]) => `${target.padEnd(10)}${path.padEnd(width)}  ${String(files).padStart(3)} files ${kib(bytes).padStart(10)}`);
  const warnings = packages.filter((result) => result.bytes.byteLength > MOODLE_UPLOAD_LIMIT).map((result) => sizeWarning(result, filesOf(result.target)));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `${lines.join('\n')}\n${runtime.map((line) => `${line}\n`).join('')}${warnings.join('')}Built ${options.targets.length} target${options.targets.length === 1 ? '' : 's'} in ${seconds} s.\n`;
}

async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const staging = `${path}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(join(path, '..'), { recursive: true });
  try {
    await writeFile(staging, bytes);
    await rename(staging, path);
  } finally {
    await rm(staging, { force: true });
  }
}

/**
 * A gzip member is a deflate stream with a 10-byte header and an 8-byte trailer (RFC 1952 §2.3),
 * so the gzip size of each file follows from its deflated zip entry, deflated once for the build.
 */
const GZIP_FRAMING = 18;

function runtimeLine(target: Target, files: readonly OutputFile[], compressor: FileCompressor): string {
  const js = files.filter((file) => file.path.endsWith('.js'));
  const gzip = js.reduce((sum, file) => sum + compressor.compress(file.path, file.contents).data.byteLength + GZIP_FRAMING, 0);
  return `${target.padEnd(10)}JavaScript ${kib(total(js))} (${kib(gzip)} gzip) in ${js.length} files`;
}

function sizeWarning(result: PackageResult, webFiles: readonly OutputFile[]): string {
  const largest = [...webFiles].sort((a, b) => b.contents.byteLength - a.contents.byteLength).slice(0, 3);
  return `warning: ${result.fileName} is ${kib(result.bytes.byteLength)}, over stock Moodle's 2 MiB upload limit. Largest files: ${largest.map((file) => `${file.path} (${kib(file.contents.byteLength)})`).join(', ')}.\n`;
}

const total = (files: readonly OutputFile[]): number => files.reduce((sum, file) => sum + file.contents.byteLength, 0);
const display = (path: string): string => relative(process.cwd(), path) || path;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
