import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from '../helpers/course-from-strings.js';
import { runCli } from '../helpers/run-cli.js';

// `coursemark report` as an author runs it, on a course folder written to disk.
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-report-'));
  await mkdir(join(work, 'course', 'sections'), { recursive: true });
  await writeFile(join(work, 'course', 'course.yaml'), `${baseConfig}mastery: 0.6\n`);
  await writeFile(join(work, 'course', 'sections', '01-quiz.md'), '---\ntitle: Quiz\n---\n\n:::question{#typed type=fill-in}\nName it.\n\n- sextortion\n:::\n');
  const typed = (email: string, text: string) => ({
    actor: { mbox: `mailto:${email}` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    object: { id: 'https://example.org/courses/test/questions/typed' },
    result: { response: text, success: text === 'sextortion' },
    timestamp: '2025-03-03T09:00:00Z',
  });
  await writeFile(join(work, 'lrs.json'), JSON.stringify([typed('ana@example.org', 'sextortion'), typed('ben@example.org', 'My private guess')]));
  await writeFile(join(work, 'broken.json'), '[{"actor": }]');
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe('coursemark report (CLI)', () => {
  it('writes the HTML report and prints a summary; typed answers and identifiers stay out', async () => {
    const out = join(work, 'report.html');
    const result = await runCli('report', join(work, 'course'), join(work, 'lrs.json'), '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Report on 2 learner\(s\) and 1 question\(s\)/);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).not.toMatch(/example\.org|My private guess/);
    expect(html).toContain('--show-text');
  });

  it('--json prints the figures; --show-text includes typed answers', async () => {
    const result = await runCli('report', join(work, 'course'), join(work, 'lrs.json'), '--json', '--show-text', '--salt', 'fixed');
    expect(result.code).toBe(0);
    const data = JSON.parse(result.out) as { questions: { id: string; difficulty: number; responses: { label: string }[] }[]; learnerList: { id: string }[] };
    expect(data.questions[0]?.difficulty).toBe(0.5);
    expect(data.questions[0]?.responses.map((r) => r.label).sort()).toEqual(['my private guess', 'sextortion']);
    const again = JSON.parse((await runCli('report', join(work, 'course'), join(work, 'lrs.json'), '--json', '--salt', 'fixed')).out) as typeof data;
    expect(again.learnerList.map((l) => l.id)).toEqual(data.learnerList.map((l) => l.id));
    expect(again.questions[0]?.responses).toBeNull();
  });

  it('a malformed data file: exit 1, the place and the fix, no stack, nothing written', async () => {
    const out = join(work, 'not-written.html');
    const result = await runCli('report', join(work, 'course'), join(work, 'broken.json'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/broken\.json(:1:\d+)?: this is not valid JSON\. Export the statements/);
    expect(result.err).not.toMatch(/\n\s+at /);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('usage mistakes: exit 2 with what to do', async () => {
    expect((await runCli('report', join(work, 'course'))).err).toMatch(/report needs the course folder and at least one data file/);
    expect((await runCli('report', join(work, 'course'), 'x.json', '--target', 'web')).code).toBe(2);
    expect((await runCli('check', join(work, 'course'), '--show-text')).err).toContain('belong to "report"');
    expect((await runCli('report', join(work, 'course'), join(work, 'missing.json'))).err).toMatch(/missing\.json: no such file/);
    expect((await runCli('--help')).out).toMatch(/report <courseDir> <data\.\.\.>[\s\S]*--show-text/);
  });
});
