import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_PACKAGE_TARGETS, PACKAGE_TARGETS, type PackageTarget } from '../package/targets.js';
import { CMI5_LAYOUTS, type Cmi5Layout } from '../validate/course-config.js';
import { UsageError } from './usage.js';

// Option parsing for `build`, kept apart from the build itself so that `check` and usage errors
// never load the bundler, the XML builder or the zip writer.

export type Target = 'web' | PackageTarget;
export const TARGETS: readonly Target[] = [...PACKAGE_TARGETS, 'web'];
/** What `build` makes without `--target`: every target but the Common Cartridge (targets.ts). */
export const DEFAULT_TARGETS: readonly Target[] = [...DEFAULT_PACKAGE_TARGETS, 'web'];
export type Cmi5Aus = Cmi5Layout;

export function parseTargets(option: string | undefined): readonly Target[] {
  if (option === undefined) return DEFAULT_TARGETS;
  const names = option.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!TARGETS.includes(name as Target)) throw new UsageError(`unknown target "${name}". Available: ${TARGETS.join(', ')}.`);
  }
  if (names.length === 0) throw new UsageError('--target needs at least one target.');
  return TARGETS.filter((target) => names.includes(target));
}

/** `--cmi5-aus`, overriding `cmi5.aus` in course.yaml; `per-section` is the former name of per-page. */
export function parseCmi5Aus(option: string | undefined): Cmi5Aus | undefined {
  if (option === 'per-section') return 'per-page';
  if (option === undefined || (CMI5_LAYOUTS as readonly string[]).includes(option)) return option as Cmi5Aus | undefined;
  throw new UsageError(`--cmi5-aus must be ${CMI5_LAYOUTS.join(', ')}, not "${option}".`);
}

/** Where rebuilds keep parsed sections and compressed files (`--cache-dir`, `--no-cache`). */
export const CACHE_FOLDER = '.coursemark-cache';

/**
 * The cache folder for `build` and `check`: `--cache-dir`, else `.coursemark-cache` inside the output
 * folder (which is already git-ignored and never packaged); undefined with `--no-cache`.
 */
export function parseCacheDir(options: { readonly out?: string | undefined; readonly 'cache-dir'?: string | undefined; readonly 'no-cache'?: boolean | undefined }): string | undefined {
  if (options['no-cache'] === true) {
    if (options['cache-dir'] !== undefined) throw new UsageError('--cache-dir and --no-cache cannot be used together.');
    return undefined;
  }
  if (options['cache-dir'] === '') throw new UsageError('--cache-dir needs a folder.');
  return resolve(options['cache-dir'] ?? join(options.out ?? 'dist', CACHE_FOLDER));
}

/**
 * The cache folder for `check`: `--cache-dir`, else the build's cache when a build has made one;
 * never a new folder, so that checking a course leaves nothing behind in the current folder.
 */
export function checkCacheDir(options: { readonly 'cache-dir'?: string | undefined; readonly 'no-cache'?: boolean | undefined }): string | undefined {
  const chosen = parseCacheDir(options);
  if (chosen === undefined || options['cache-dir'] !== undefined) return chosen;
  return existsSync(chosen) ? chosen : undefined;
}
