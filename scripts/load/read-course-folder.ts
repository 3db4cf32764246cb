import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import type { CourseFileIndex } from '../model/course-model.js';

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
}

export class CourseFolderError extends Error {}

// Folders that are never course content.
const SKIPPED = new Set(['node_modules', '.git', 'dist']);

/**
 * Reads a course folder. VFile paths are relative to the course folder (`sections/01-intro.md`),
 * with `cwd` set to the folder, so every stage after this one is independent of the disk.
 */
export async function readCourseFolder(folder: string): Promise<CourseSource> {
  const root = await realpath(folder).catch(() => {
    throw new CourseFolderError(`The course folder "${folder}" does not exist.`);
  });
  if (!(await stat(root)).isDirectory()) throw new CourseFolderError(`"${folder}" is not a folder.`);
  const paths = await listFiles(root);
  const read = async (path: string): Promise<VFile> => new VFile({ cwd: root, path, value: await readFile(join(root, ...path.split('/')), 'utf8') });
  const sectionPaths = paths
    .filter((path) => /^sections\/[^/]+\.md$/i.test(path))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }));
  const known = new Set(paths);
  const lowerCase = new Map(paths.map((path) => [path.toLowerCase(), path]));
  return {
    root,
    config: known.has('course.yaml') ? await read('course.yaml') : undefined,
    glossary: known.has('glossary.yaml') ? await read('glossary.yaml') : undefined,
    sections: await Promise.all(sectionPaths.map(read)),
    files: {
      has: (path) => known.has(path),
      caseVariant: (path) => lowerCase.get(path.toLowerCase()),
    },
  };
}

/** Every regular file under `root`, as `/`-separated relative paths. Links leading outside are left out. */
async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => undefined);
        if (target === undefined || !(target === root || target.startsWith(root + sep))) continue;
        const info = await stat(target);
        if (info.isFile()) found.push(relative(root, path).split(sep).join('/'));
        continue;
      }
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return found;
}
