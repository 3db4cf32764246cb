import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toJsonMessages } from '../../../scripts/cli/format-messages.js';
import { readCourseFolder } from '../../../scripts/load/read-course-folder.js';
import { packageFileName, PACKAGE_TARGETS } from '../../../scripts/package/package-target.js';
import { checkCourse } from '../../../scripts/pipeline.js';
import { pageIdFromFileName } from '../../../scripts/validate/analyze-section.js';
import { baseConfig, courseFromStrings } from '../helpers/course-from-strings.js';
import { makeModel } from '../package/package-helpers.js';

// The smaller hostile inputs: a course id that runs code, links with credentials, invisible
// letters in page ids, a named pipe where a page should be, and titles too long for a file name.
const page = '---\ntitle: A page\n---\n\nText.\n';
const messages = (files: Readonly<Record<string, string>>) => {
  const result = checkCourse(courseFromStrings({ 'course.yaml': baseConfig, 'sections/01-a.md': page, ...files }));
  return { model: result.model, list: toJsonMessages(result.files, '/virtual/course') };
};

describe('hostile course inputs', () => {
  it('a course id that is not an http(s), urn or tag IRI is a positioned error', () => {
    for (const id of ['javascript:alert(1)//x', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'https://user:pw@example.org/c', 'https://example.org/c\u202e']) {
      const { list, model } = messages({ 'course.yaml': baseConfig.replace('https://example.org/courses/test', JSON.stringify(id)) });
      expect(model, id).toBeUndefined();
      expect(list[0], id).toMatchObject({ file: 'course.yaml', line: 1, ruleId: 'config-invalid' });
      expect(list[0]?.message).toContain('an https, http, urn or tag address');
    }
    expect(messages({ 'course.yaml': baseConfig.replace('https://example.org/courses/test', 'urn:example:course') }).model?.data.id).toBe('urn:example:course');
  });

  it('a link with a user name or password is an error that does not repeat the password', () => {
    const { list } = messages({ 'sections/01-a.md': `${page}\n[admin](https://root:hunter2@lms.example.org/admin)\n` });
    expect(list).toMatchObject([{ line: 7, column: 1, ruleId: 'url-credentials', severity: 'error' }]);
    expect(list[0]?.message).toContain('https://root:•••@lms.example.org/...');
    expect(list[0]?.message).not.toContain('hunter2');
  });

  it('invisible letters do not make look-alike page ids; the file name gets a warning', async () => {
    expect(pageIdFromFileName('02-sext\u3164ing.md')).toBe('sexting');
    expect(pageIdFromFileName('02-sext\u034Fing.md')).toBe('sexting');
    expect(pageIdFromFileName('02-\u200b\u3164.md')).toBe('page');
    const folder = await mkdtemp(join(tmpdir(), 'coursemark-invisible-'));
    try {
      await mkdir(join(folder, 'sections'));
      await writeFile(join(folder, 'course.yaml'), baseConfig);
      await writeFile(join(folder, 'sections', '01-sexting.md'), page);
      await writeFile(join(folder, 'sections', '02-sext\u3164ing.md'), page);
      const result = checkCourse(await readCourseFolder(folder));
      const list = toJsonMessages(result.files, folder);
      expect(list.filter((item) => item.ruleId === 'file-name').map((item) => item.message)).toEqual([expect.stringContaining('the name contains an invisible character')]);
      expect(list.filter((item) => item.ruleId === 'duplicate-id')).toHaveLength(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a named pipe in place of a page is an error, and reading the folder does not block on it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'coursemark-fifo-'));
    try {
      await mkdir(join(folder, 'sections'));
      await writeFile(join(folder, 'course.yaml'), baseConfig);
      await writeFile(join(folder, 'sections', '01-a.md'), page);
      await promisify(execFile)('mkfifo', [join(folder, 'sections', '02-b.md')]);
      const list = toJsonMessages(checkCourse(await readCourseFolder(folder)).files, folder);
      expect(list).toMatchObject([{ file: 'sections/02-b.md', line: 1, column: 1, ruleId: 'file-type', severity: 'error' }]);
      expect(list[0]?.message).toContain('is not a regular file (it is a named pipe, socket or device)');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('a 340-character title gives package names short enough for every file system, and the build writes them', async () => {
    const title = `${'A very long course title about the psychology of cybercrime '.repeat(6)}end`.slice(0, 340);
    const model = makeModel({ 'course.yaml': baseConfig.replace('title: Test course', `title: "${title}"`).replace('version: "1.0.0"', `version: "${'9'.repeat(300)}"`) });
    for (const target of PACKAGE_TARGETS) {
      const name = packageFileName(model, target);
      expect(name.length).toBeLessThanOrEqual(132);
      expect(name).toMatch(/^a-very-long-course-title[a-z0-9-]*-9{32}-[a-z0-9]+\.(zip|imscc)$/);
      expect(name).not.toMatch(/--|-\./);
    }
    const folder = await mkdtemp(join(tmpdir(), 'coursemark-long-'));
    try {
      await mkdir(join(folder, 'course', 'sections'), { recursive: true });
      await writeFile(join(folder, 'course', 'course.yaml'), baseConfig.replace('title: Test course', `title: "${title}"`));
      await writeFile(join(folder, 'course', 'sections', '01-a.md'), page);
      const cli = join(import.meta.dirname, '../../../bin/coursemark.js');
      await promisify(execFile)(process.execPath, [cli, 'build', join(folder, 'course'), '--out', join(folder, 'dist'), '--target', 'scorm12', '--no-cache']);
      expect((await readdir(join(folder, 'dist'))).filter((name) => name.endsWith('.zip'))).toEqual([expect.stringMatching(/^a-very-long-course-title.{0,100}-scorm12\.zip$/)]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
