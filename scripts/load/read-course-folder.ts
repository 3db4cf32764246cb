import * as nodeFs from 'node:fs/promises';
import { readFileSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CourseFolderError } from './course-folder-error.js';
import { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import type { CourseFileIndex } from '../model/course-model.js';
import { isRasterImage, readImageSize, type ImageSize } from '../model/images.js';
import { isSvg, SVG_CHECK_BYTES } from '../validate/asset-check.js';
import { checkWebVtt } from '../validate/webvtt.js';
import { decodeCourseText } from './decode-text.js';
import { printable } from '../diagnostics/printable.js';
import { caseCollisions, fileNameProblem } from './file-names.js';

/** A course folder read into memory: the text files as VFiles, and an index of every other file. */
export interface CourseSource {
  /** Absolute path of the course folder. */
  readonly root: string;
  /** course.yaml, or undefined when the folder has none. */
  readonly config: VFile | undefined;
  readonly glossary: VFile | undefined;
  /** sections/*.md in course order (file names compared with numeric awareness: 2 before 10). */
  readonly sections: readonly VFile[];
  readonly files: CourseFileIndex;
  /**
   * Files that could not be used as they are (not UTF-8 text, links leading outside the folder,
   * link loops), each carrying its message. They are left out of `sections`, `config` and `files`.
   */
  readonly problems?: readonly VFile[];
}

export { CourseFolderError };

/** The file-system calls the loader makes; injectable so a test can trace every read. */
export interface CourseFs {
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<Stats>;
}

const defaultFs: CourseFs = {
  // Read synchronously: course files are local and mostly small, and for hundreds of pages a read
  // through libuv's thread pool (open, stat, read, close: four trips each) takes several times as
  // long as the same system calls made here. The loader waits for all of them anyway.
  readFile: async (path) => readFileSync(path),
  readdir: (path, options) => nodeFs.readdir(path, options),
  realpath: (path) => nodeFs.realpath(path),
  stat: (path) => nodeFs.stat(path),
};

// Folders that are never course content.
const SKIPPED = new Set(['node_modules', '.git', 'dist']);

/**
 * Reads a course folder. VFile paths are relative to the course folder (`sections/01-intro.md`),
 * with `cwd` set to the folder, so every stage after this one is independent of the disk. Nothing
 * outside the folder is read: symbolic links are followed only when they resolve inside it (S8).
 */
export async function readCourseFolder(folder: string, fs: CourseFs = defaultFs): Promise<CourseSource> {
  const root = await fs.realpath(folder).catch(() => {
    throw new CourseFolderError(`The course folder "${folder}" does not exist.`);
  });
  if (!(await fs.stat(root)).isDirectory()) throw new CourseFolderError(`"${folder}" is not a folder.`);
  const problems: VFile[] = [];
  const paths = await listFiles(root, fs, (path, reason, rule: 'file-link' | 'file-type' = 'file-link') => {
    const file = new VFile({ cwd: root, path });
    report(file, rule, reason);
    problems.push(file);
  });
  const nameWarnings = new Map<string, string>();
  for (const path of paths) {
    const problem = fileNameProblem(path);
    if (problem) nameWarnings.set(path, `The file name "${printable(path)}" will cause trouble: ${problem}. Rename it.`);
  }
  for (const group of caseCollisions(paths)) {
    for (const path of group) nameWarnings.set(path, `"${group.map(printable).join('" and "')}" differ only by letter case or accents: they are the same file on Windows and macOS. Rename one of them.`);
  }
  const read = async (path: string): Promise<VFile | undefined> => {
    const { file, ok } = decodeCourseText(await fs.readFile(join(root, ...path.split('/'))), path, root);
    if (!ok) problems.push(file);
    return ok ? file : undefined;
  };
  const sectionPaths = paths
    .filter((path) => /^sections\/[^/]+\.md$/i.test(path))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }));
  const known = new Set(paths);
  const lowerCase = new Map(paths.map((path) => [path.toLowerCase(), path]));
  const sections = (await Promise.all(sectionPaths.map(read))).filter((file): file is VFile => file !== undefined);
  // SVG files are read to be checked for script (validate/asset-check.ts): they are drawings, small.
  const svgTexts = new Map<string, string | null>();
  await Promise.all(
    paths.filter(isSvg).map(async (path) => {
      const full = join(root, ...path.split('/'));
      const size = (await fs.stat(full)).size;
      svgTexts.set(path, size > SVG_CHECK_BYTES ? null : new TextDecoder().decode(await fs.readFile(full)));
    }),
  );
  // Images are measured so that pages can reserve their box (model/images.ts); an SVG from the text
  // read above, only when small enough to have been read.
  const imageSizes = new Map<string, ImageSize>();
  await Promise.all(
    paths.filter((path) => isRasterImage(path) || typeof svgTexts.get(path) === 'string').map(async (path) => {
      const svg = svgTexts.get(path);
      const size = await readImageSize(typeof svg === 'string' ? new TextEncoder().encode(svg) : await fs.readFile(join(root, ...path.split('/'))));
      if (size) imageSizes.set(path, size);
    }),
  );
  // Caption files are checked where they are written, positioned (validate/webvtt.ts).
  for (const path of paths.filter((candidate) => /\.vtt$/i.test(candidate))) {
    const vtt = await read(path);
    if (vtt) checkWebVtt(vtt);
    if (vtt && vtt.messages.length > 0) problems.push(vtt);
  }
  const config = known.has('course.yaml') ? await read('course.yaml') : undefined;
  const glossary = known.has('glossary.yaml') ? await read('glossary.yaml') : undefined;
  // Name warnings go on the file itself when it is a text file, else on a file of their own.
  const texts = new Map([...sections, ...(config ? [config] : []), ...(glossary ? [glossary] : [])].map((file) => [file.path, file]));
  for (const [path, reason] of nameWarnings) {
    const file = texts.get(path) ?? new VFile({ cwd: root, path });
    report(file, 'file-name', reason);
    if (!texts.has(path)) problems.push(file);
  }
  return {
    root,
    // An unreadable course.yaml is reported in `problems`; an empty one stands in so it is not also called missing.
    config: known.has('course.yaml') && !config ? new VFile({ cwd: root, path: 'course.yaml', value: '' }) : config,
    glossary,
    sections,
    files: {
      has: (path) => known.has(path),
      caseVariant: (path) => lowerCase.get(path.toLowerCase()),
      svgText: (path) => svgTexts.get(path),
      imageSize: (path) => imageSizes.get(path),
    },
    // Reads finish in any order; messages are listed by file.
    problems: problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

const inside = (root: string, path: string): boolean => path === root || path.startsWith(root + sep);
const toCoursePath = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/**
 * Every regular file under `root`, as `/`-separated relative paths. A link that resolves outside
 * the folder, dangles or loops is passed to `refuse` (S8), never followed.
 */
async function listFiles(root: string, fs: CourseFs, refuse: (path: string, reason: string, rule?: 'file-link' | 'file-type') => void): Promise<string[]> {
  // A named pipe would block the read for ever, a device read without end: neither is read, both are named.
  const special = (path: string): void =>
    refuse(path, `"${printable(path)}" is not a regular file (it is a named pipe, socket or device), so coursemark does not read it and it is not part of the course. Replace it with an ordinary file.`, 'file-type');
  const found: string[] = [];
  const walk = async (dir: string, realDir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      const coursePath = toCoursePath(root, path);
      if (!entry.isSymbolicLink()) {
        if (entry.isDirectory()) await walk(path, join(realDir, entry.name));
        else if (entry.isFile()) found.push(coursePath);
        else special(coursePath);
        continue;
      }
      let target: string;
      try {
        target = await fs.realpath(path);
      } catch (error) {
        const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
        refuse(coursePath, loop ? `"${printable(coursePath)}" is a symbolic link that loops back on itself.` : `"${printable(coursePath)}" is a symbolic link to a file that does not exist.`);
        continue;
      }
      if (!inside(root, target)) {
        refuse(coursePath, `"${printable(coursePath)}" is a symbolic link to something outside the course folder; it is refused so that the package only contains the course. Copy the file into the course folder instead.`);
        continue;
      }
      const info = await fs.stat(target);
      if (info.isFile()) found.push(coursePath);
      else if (!info.isDirectory()) special(coursePath);
      else if (info.isDirectory()) {
        // A link to the folder it sits in (or one above it) would be walked forever.
        if (inside(target, realDir) || inside(target, dirname(join(realDir, entry.name)))) {
          refuse(coursePath, `"${printable(coursePath)}" is a symbolic link to a folder that contains it: a loop.`);
        } else await walk(path, target);
      }
    }
  };
  await walk(root, root);
  return found;
}
