import * as fs from 'node:fs/promises';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toJsonMessages } from '../../../scripts/cli/format-messages.js';
import { readCourseFolder, type CourseFs } from '../../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { baseConfig } from '../helpers/course-from-strings.js';

// S8: a course full of references that try to leave the folder. Every file-system call the loader
// makes is traced; none may touch a path outside the course folder, and each reference is refused.
let parent: string;
let root: string;
beforeAll(async () => {
  parent = await realpath(await mkdtemp(join(tmpdir(), 'coursemark-contain-')));
  root = join(parent, 'course');
  await mkdir(join(root, 'sections'), { recursive: true });
  await writeFile(join(parent, 'outside.png'), 'secret');
  await writeFile(join(parent, 'outside.md'), '---\ntitle: Secret\n---\n');
  await writeFile(join(root, 'course.yaml'), baseConfig);
  const references = [
    '../../outside.png',
    '..%2f..%2foutside.png',
    '%2e%2e%2f%2e%2e%2foutside.png',
    '..\\..\\outside.png',
    `${parent}/outside.png`,
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    `file://${parent}/outside.png`,
    '\\\\server\\share\\x.png',
  ];
  const lines = references.flatMap((ref) => [`![x](<${ref}>)`, '', `[x](<${ref}>)`, '', `::figure[c]{src="${ref}" alt="x"}`, '']);
  await writeFile(join(root, 'sections/01-a.md'), `---\ntitle: Escapes\n---\n\n${lines.join('\n')}\n`);
  await symlink(join(parent, 'outside.md'), join(root, 'sections/02-link.md'));
  await symlink(parent, join(root, 'up'));
});
afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

it('reads nothing outside the course folder and refuses every escaping reference at its line', async () => {
  const touched: string[] = [];
  const trace = <A extends unknown[], R>(call: (path: string, ...rest: A) => Promise<R>) => (path: string, ...rest: A): Promise<R> => {
    touched.push(path);
    return call(path, ...rest);
  };
  const traced: CourseFs = {
    readFile: trace((path) => fs.readFile(path)),
    readdir: trace((path, options: { withFileTypes: true }) => fs.readdir(path, options)),
    realpath: trace((path) => fs.realpath(path)),
    stat: trace((path) => fs.stat(path)),
  };
  const source = await readCourseFolder(root, traced);
  const messages = toJsonMessages(checkCourse(source).files, root);
  expect(touched.length).toBeGreaterThan(3);
  expect(touched.filter((path) => path !== root && !path.startsWith(root + sep))).toEqual([]);
  // Each of the 27 references (9 spellings x image, link, figure) is reported on its own line.
  const escapes = messages.filter((m) => m.file === 'sections/01-a.md');
  expect(escapes.map((m) => m.line)).toEqual(Array.from({ length: 27 }, (_, i) => 5 + i * 2));
  expect(escapes.every((m) => m.severity === 'error' && ['path-escape', 'unsafe-url', 'missing-asset'].includes(m.ruleId))).toBe(true);
  expect(messages.filter((m) => m.ruleId === 'file-link').map((m) => m.file)).toEqual(['sections/02-link.md', 'up']);
});
