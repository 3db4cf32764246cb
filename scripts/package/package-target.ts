import type { OutputFile } from '../bundle/bundle-course.js';
import type { CourseModel } from '../model/course-model.js';
import type { FileCompressor } from './compressed-file.js';
import { cartridgeEntries } from './cc/cartridge.js';
import { cmi5Manifest, writeCmi5Manifest, type Cmi5Layout } from './cmi5-manifest.js';
import { MANIFEST_FILES } from './package-files.js';
import { loadSchemaFiles } from './schema-files.js';
import { scorm12Manifest, writeScorm12Manifest } from './scorm12-manifest.js';
import { scorm2004Manifest, writeScorm2004Manifest } from './scorm2004-manifest.js';
import { tincanManifest, writeTincanManifest } from './tincan-manifest.js';
import { zipPackage } from './zip-package.js';

import type { PackageTarget } from './targets.js';

export { PACKAGE_TARGETS, type PackageTarget } from './targets.js';

export interface PackageOptions {
  /**
   * cmi5 only: one AU for the course, or one AU per page.
   * @default 'single'
   */
  readonly cmi5Layout?: Cmi5Layout;
  /**
   * Where the vendored schemas are (a folder URL holding scorm12/ and scorm2004-4th/).
   * @default the project's schemas/ folder
   */
  readonly schemasDir?: URL;
  /**
   * Compresses the files: one shared by the packages of a build deflates each file once.
   * @default a compressor for this package alone
   */
  readonly compressor?: FileCompressor;
}

export interface PackageResult {
  readonly target: PackageTarget;
  /** `<course-slug>-<version>-<target>.zip` (`.imscc` for a Common Cartridge). */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Number of files in the zip (manifest and schema files included). */
  readonly fileCount: number;
}

/** ASCII file-name part: accents folded, anything else but letters, digits, `.` and `_` becomes `-`. */
function fileNamePart(value: string, keepDots: boolean): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(keepDots ? /[^a-z0-9._]+/g : /[^a-z0-9]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * At most `length` characters, cut after a whole word when there is one: file systems allow 255
 * bytes per name, and LMS upload forms, unzip tools and Windows paths (260 characters) far less.
 */
function capped(part: string, length: number): string {
  if (part.length <= length) return part;
  const cut = part.slice(0, length);
  const word = cut.lastIndexOf('-');
  return (word > length / 2 ? cut.slice(0, word) : cut).replace(/[-.]+$/, '');
}

/** The course slug used in package file names, from the course title (`course` when nothing is left), at most 80 characters. */
export const courseSlug = (model: CourseModel): string => capped(fileNamePart(model.data.title, false), 80) || 'course';

/**
 * `<course-slug>-<version>-<target>.zip`, ASCII only, e.g. `test-course-1.0.0-scorm12.zip`, at most
 * 134 characters; a Common Cartridge ends in `.imscc`, the extension LMS import forms look for.
 */
export function packageFileName(model: CourseModel, target: PackageTarget): string {
  const version = capped(fileNamePart(model.data.version, true), 32) || '0';
  return `${courseSlug(model)}-${version}-${target}.${target === 'cc' ? 'imscc' : 'zip'}`;
}

const encoder = new TextEncoder();
const textFile = (path: string, text: string): OutputFile => ({ path, contents: encoder.encode(text) });

/** The files of a package, before zipping: the web build plus the target's manifest (and schemas). */
export async function packageEntries(target: PackageTarget, model: CourseModel, webFiles: readonly OutputFile[], options: PackageOptions = {}): Promise<OutputFile[]> {
  switch (target) {
    case 'scorm12':
      return [...webFiles, textFile(MANIFEST_FILES.scorm, writeScorm12Manifest(scorm12Manifest(model, webFiles))), ...(await loadSchemaFiles('scorm12', options.schemasDir))];
    case 'scorm2004':
      return [...webFiles, textFile(MANIFEST_FILES.scorm, writeScorm2004Manifest(scorm2004Manifest(model, webFiles))), ...(await loadSchemaFiles('scorm2004', options.schemasDir))];
    case 'cmi5':
      return [...webFiles, textFile(MANIFEST_FILES.cmi5, writeCmi5Manifest(cmi5Manifest(model, { layout: options.cmi5Layout ?? 'single' })))];
    case 'xapi':
      return [...webFiles, textFile(MANIFEST_FILES.tincan, writeTincanManifest(tincanManifest(model)))];
    case 'cc':
      // Static pages and QTI quizzes; of the web build, only the course's media files.
      return cartridgeEntries(model, webFiles);
  }
}

/**
 * Builds one LMS package: the manifest (plus, for SCORM, the schema files) at the zip root next
 * to the web build (index.html, assets/, media/), zipped deterministically. Throws when a web
 * file may not be packaged (junk, unsafe path) or collides with a manifest or schema file.
 */
export async function packageTarget(target: PackageTarget, model: CourseModel, webFiles: readonly OutputFile[], options: PackageOptions = {}): Promise<PackageResult> {
  const entries = await packageEntries(target, model, webFiles, options);
  const bytes = await zipPackage(entries, options.compressor);
  return { target, fileName: packageFileName(model, target), bytes, fileCount: entries.length };
}
