import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeRecords } from '../../scripts/cache/record-file.js';
import { SectionCache } from '../../scripts/cache/section-cache.js';
import { toJsonMessages } from '../../scripts/cli/format-messages.js';
import { defaultLimits } from '../../scripts/limits/input-limits.js';
import type { CourseSource } from '../../scripts/load/read-course-folder.js';
import { analyzeInParallel, otherLoad, ParseWorkerError, workersFor } from '../../scripts/parse/parse-pool.js';
import { checkCourse, checkCourseAsync, type CheckResult } from '../../scripts/pipeline.js';
import { renderModules } from '../../scripts/render/render-modules.js';
import { baseConfig, courseFromStrings } from './helpers/course-from-strings.js';

const MAGIC = Buffer.from('coursemark sections 2\n');

// Parsing in worker threads and the section cache must never change what a check reports or what a
// build renders: every result here is compared with the plain in-process check.

const files: Readonly<Record<string, string>> = {
    'course.yaml': `${baseConfig}rules:\n  broken-link: warning\n`,
    'glossary.yaml': '- term: sextortion\n  definition: Blackmail with intimate images.\n',
    'sections/01-intro.md': '---\ntitle: Intro\n---\n\n# Too high\n\nSee [the quiz](02-quiz.md#check), [a page to come](09-later.md) and :term[sextortion].\n\n![](../assets/a.svg)\n',
    'sections/02-quiz.md': [
      '---',
      'title: Quiz',
      '---',
      '',
      '## Check',
      '',
      ':::question{#q1 type=single-choice}',
      'Which is right?',
      '',
      '- [x] This one :feedback[Yes.]',
      '- [ ] That one',
      ':::',
      '',
      ':::activity{#a1}',
      'Think about it.',
      '::discussion',
      'Discussion.',
      ':::',
      '',
      '10:30 and a :no-such-directive[x] here.',
      '',
    ].join('\n'),
    'sections/03-broken.md': 'no frontmatter here\n',
    'sections/04-quiz-copy.md': '---\ntitle: Copy\n---\n\n:::question{#q1 type=true-false answer=true}\nTrue?\n:::\n',
    'assets/a.svg': '<svg/>',
};
const course = (): CourseSource => courseFromStrings(files);

const messagesOf = (result: CheckResult) => toJsonMessages(result.files, '/virtual');
const rendered = (result: CheckResult) => (result.model ? renderModules(result.model, { componentsImport: '/components', pageSpecifier: (id) => `page:${id}`, footnoteLabel: 'Notes' }) : undefined);
/** The same course with its errors fixed (warnings kept), so that it has a model to render. */
const fixableCourse = (): CourseSource => {
  const fixed = Object.entries(files)
    .filter(([path]) => !path.includes('03-broken') && !path.includes('04-quiz-copy'))
    .map(([path, text]) => [path, text.replace('![](', '![A square](').replace(' and a :no-such-directive[x]', '')]);
  return courseFromStrings(Object.fromEntries(fixed));
};

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coursemark-cache-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('checking in worker threads', () => {
  it('reports the same messages, with the same places, severities and rules, as the in-process check', async () => {
    const inProcess = messagesOf(checkCourse(course()));
    expect(inProcess.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['heading-level', 'figure-alt', 'broken-link', 'unknown-directive', 'frontmatter-missing', 'duplicate-id']));
    // broken-link is lowered to a warning by course.yaml: severities are applied after the workers.
    expect(inProcess.find((message) => message.ruleId === 'broken-link')?.severity).toBe('warning');
    // Every section through workers, then this thread and workers taking sections from one counter.
    expect(messagesOf(await checkCourseAsync(course(), { threads: 2, shareWork: false }))).toEqual(inProcess);
    expect(messagesOf(await checkCourseAsync(course(), { threads: 1 }))).toEqual(inProcess);
  }, 30_000);

  it('gives a model that renders to the same modules', async () => {
    const expected = rendered(checkCourse(fixableCourse()));
    expect(expected?.pages.size).toBe(2);
    expect(rendered(await checkCourseAsync(fixableCourse(), { threads: 1, shareWork: false }))).toEqual(expected);
  }, 30_000);

  it('uses workers only for a course large enough to pay for them, one thread per free core at most', () => {
    expect(workersFor(20 * 1024, 8, 0)).toBe(0);
    expect(workersFor(400 * 1024, 8, 0)).toBe(0);
    expect(workersFor(5 * 1024 * 1024, 1, 0)).toBe(0);
    expect(workersFor(5 * 1024 * 1024, 2, 0.2)).toBe(1);
    expect(workersFor(600 * 1024, 8, 0)).toBe(2);
    // Cores busy with other work: another thread would get no CPU time of its own.
    expect(workersFor(5 * 1024 * 1024, 2, 1.6)).toBe(0);
    expect(workersFor(5 * 1024 * 1024, 8, 5.2)).toBe(2);
    const load = otherLoad();
    expect(Number.isFinite(load) && load >= 0).toBe(true);
  });

  it('turns a worker that crashes or exits into an error instead of a hang', async () => {
    const sections = [{ path: 'sections/01-a.md', text: '---\ntitle: A\n---\n' }];
    for (const name of ['worker-throws.mjs', 'worker-exits.mjs']) {
      const workerUrl = new URL(`../fixtures/workers/${name}`, import.meta.url);
      await expect(analyzeInParallel(sections, defaultLimits, { workers: 2, workerUrl })).rejects.toBeInstanceOf(ParseWorkerError);
    }
  });
});

describe('the section cache', () => {
  it('answers a rebuild from disk with the same messages and rendering, and re-parses only the changed file', async () => {
    const expected = checkCourse(course());
    const first = await SectionCache.open(folder);
    expect(messagesOf(await checkCourseAsync(course(), { cache: first, threads: 0 }))).toEqual(messagesOf(expected));
    await first.save();
    // One file for the course, holding a record per section.
    expect(await readdir(folder)).toEqual(['analyses.bin']);
    expect(decodeRecords(MAGIC, await readFile(join(folder, 'analyses.bin'))).size).toBe(4);

    const second = await SectionCache.open(folder);
    const source = course();
    const keys = source.sections.map((file) => second.keyOf(file.path, String(file.value), defaultLimits));
    expect((await second.lookup(keys)).every((analysis) => analysis !== undefined)).toBe(true);
    // Warnings and errors of cached sections are still reported.
    expect(messagesOf(await checkCourseAsync(course(), { cache: second }))).toEqual(messagesOf(expected));
    expect(rendered(await checkCourseAsync(fixableCourse(), { cache: second }))).toEqual(rendered(checkCourse(fixableCourse())));

    const edited = course();
    const changed = edited.sections[1];
    if (changed === undefined) throw new Error('no second section');
    changed.value = `${String(changed.value)}\nOne more line.\n`;
    const misses = (await second.lookup(edited.sections.map((file) => second.keyOf(file.path, String(file.value), defaultLimits)))).flatMap((analysis, index) => (analysis === undefined ? [edited.sections[index]?.path] : []));
    expect(misses).toEqual(['sections/02-quiz.md']);
  });

  it('keys every input of the analysis: path, text and input limits', async () => {
    const cache = await SectionCache.open();
    const key = cache.keyOf('sections/01-a.md', 'text', defaultLimits);
    expect(cache.keyOf('sections/01-a.md', 'text', defaultLimits)).toBe(key);
    expect(cache.keyOf('sections/01-b.md', 'text', defaultLimits)).not.toBe(key);
    expect(cache.keyOf('sections/01-a.md', 'text.', defaultLimits)).not.toBe(key);
    expect(cache.keyOf('sections/01-a.md', 'text', { ...defaultLimits, maxNesting: 8 })).not.toBe(key);
  });

  it('ignores a damaged record, a file cut short and a foreign file, and keeps only the entries used', async () => {
    const cache = await SectionCache.open(folder);
    await checkCourseAsync(course(), { cache, threads: 0 });
    await cache.save();
    // Files of another cache version in the folder go at the next save.
    await writeFile(join(folder, '0f.bin'), 'an entry of an older version');
    const file = join(folder, 'analyses.bin');
    const good = await readFile(file);
    const records = decodeRecords(MAGIC, good);
    expect(records.size).toBe(4);
    const misses = async (): Promise<number> => {
      const again = await SectionCache.open(folder);
      const found = await again.lookup(course().sections.map((section) => again.keyOf(section.path, String(section.value), defaultLimits)));
      return found.filter((analysis) => analysis === undefined).length;
    };

    // A flipped byte inside the second record's payload: that record alone is parsed again.
    const damaged = Buffer.from(good);
    const second = [...records.values()][1];
    if (second === undefined) throw new Error('no second record');
    const at = second.byteOffset - good.byteOffset + 5;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    await writeFile(file, damaged);
    expect(await misses()).toBe(1);
    // Cut short inside the last record: the three before it still count.
    await writeFile(file, good.subarray(0, good.length - 10));
    expect(await misses()).toBe(1);
    for (const foreign of [Buffer.from('coursemark pages 2\n'), Buffer.alloc(0), Buffer.concat([Buffer.from('coursemark sections 1\n'), good.subarray(MAGIC.length)])]) {
      await writeFile(file, foreign);
      expect(await misses()).toBe(4);
    }

    // Whatever was read, the check reports what a check without a cache reports, and the file
    // written again is whole: the same records as the first.
    await writeFile(file, damaged);
    const again = await SectionCache.open(folder);
    expect(messagesOf(await checkCourseAsync(course(), { cache: again }))).toEqual(messagesOf(checkCourse(course())));
    await again.save();
    expect(await readdir(folder)).toEqual(['analyses.bin']);
    expect([...decodeRecords(MAGIC, await readFile(file))].map(([key, payload]) => [key, Buffer.from(payload).toString('hex')])).toEqual([...records].map(([key, payload]) => [key, Buffer.from(payload).toString('hex')]));

    // A build of a smaller course keeps only what it used.
    await checkCourseAsync(fixableCourse(), { cache: again });
    await again.save();
    expect(decodeRecords(MAGIC, await readFile(file)).size).toBe(2);
  });

  it('writes nothing when a check used exactly the entries the file holds', async () => {
    const cache = await SectionCache.open(folder);
    await checkCourseAsync(course(), { cache, threads: 0 });
    await cache.save();
    const written = (await stat(join(folder, 'analyses.bin'))).mtimeMs;
    const again = await SectionCache.open(folder);
    await checkCourseAsync(course(), { cache: again, threads: 0 });
    await again.save();
    expect((await stat(join(folder, 'analyses.bin'))).mtimeMs).toBe(written);
  });

  it('never fails a check when the cache folder cannot be written', async () => {
    const blocked = join(folder, 'file');
    await writeFile(blocked, 'a file where the folder should be');
    const cache = await SectionCache.open(join(blocked, 'sections'));
    expect(messagesOf(await checkCourseAsync(course(), { cache }))).toEqual(messagesOf(checkCourse(course())));
    await expect(cache.save()).resolves.toBeUndefined();
  });
});
