import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.js';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { formatReport } from '../../../scripts/verify/format-report.js';
import type { AnswerMode } from '../../../scripts/verify/learner.js';
import { verifyPackage } from '../../../scripts/verify/verify-package.js';
import { problemCount, type PackageKind, type VerifyReport } from '../../../scripts/verify/verify-report.js';
import { breakPackage, type Breakage } from '../../fixtures/broken-packages/break-package.js';

// `coursemark verify` on the sample course's own packages, both outcomes, and on packages broken
// one rule at a time. One browser for the file; each call is one or two launches.
const repo = join(import.meta.dirname, '../../..');
const KINDS: readonly PackageKind[] = ['scorm12', 'scorm2004', 'cmi5', 'xapi'];
let out: string;
let browser: Browser;
const zips = new Map<PackageKind, Uint8Array>();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coursemark-verify-'));
  await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', join(repo, 'course'), '--out', out, '--target', 'scorm12,scorm2004,cmi5,xapi']);
  for (const kind of KINDS) zips.set(kind, new Uint8Array(await readFile(join(out, `the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0-${kind}.zip`))));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

const zipOf = (kind: PackageKind): Uint8Array => zips.get(kind) ?? new Uint8Array();
const verify = (zip: Uint8Array, answers: AnswerMode, resume = false): Promise<VerifyReport> =>
  verifyPackage(zip, { name: 'package.zip', answers, resume }, () => Promise.resolve(browser));

describe('coursemark verify on the sample course', () => {
  for (const kind of KINDS) {
    it(`${kind}: passed with the answer key, failed with wrong answers, nothing to report`, async () => {
      const right = await verify(zipOf(kind), 'correct', kind === 'scorm12' || kind === 'cmi5');
      expect([...right.manifest, ...right.findings]).toEqual([]);
      expect(right.kind).toBe(kind);
      // SCORM 1.2 has one status, completed/incomplete for the sample course (scorm12.status).
      expect(right.recorded?.success).toBe(kind === 'scorm12' ? 'not reported separately (SCORM 1.2 has one status)' : 'passed');
      expect(right.recorded?.completion).toBe('completed');
      expect(right.recorded?.interactions.count).toBeGreaterThanOrEqual(right.walked?.questions ?? 1);
      expect(right.recorded?.sessionTime).toBeDefined();
      if (kind.startsWith('scorm')) expect(right.recorded?.suspendData?.size).toBeGreaterThan(0);
      else expect(right.recorded?.statements?.[0]).toBe('initialized');
      if (right.resume !== undefined) expect(right.resume.landedOn).toBe(right.resume.leftOn);
      expect(formatReport(right)).toContain('Problems: none');

      const wrong = await verify(zipOf(kind), 'wrong');
      expect(problemCount(wrong)).toBe(0);
      if (kind === 'scorm12') expect(wrong.recorded?.completion).toBe('incomplete');
      else expect(wrong.recorded?.success).toBe('failed');
    });
  }
});

describe('coursemark verify on broken packages', () => {
  const cases: readonly (readonly [Breakage, PackageKind, RegExp])[] = [
    ['wrong-status-vocabulary', 'scorm12', /"in progress" is not an allowed value for cmi\.core\.lesson_status/],
    ['no-terminate', 'scorm2004', /never called Terminate/],
    ['no-finish', 'scorm12', /never called LMSFinish/],
    ['initialized-not-first', 'cmi5', /first statement is not initialized/],
    ['no-terminated', 'cmi5', /No "terminated" statement was sent when the learner pressed Exit course/],
    ['missing-launch-file', 'scorm12', /launch file "index\.html".*not in the package/],
  ];
  for (const [breakage, kind, problem] of cases) {
    it(`${breakage} (${kind}) is named and makes the run fail`, async () => {
      const report = await verify(await breakPackage(zipOf(kind), breakage), 'correct');
      const problems = [...report.manifest, ...report.findings];
      expect(problems.some((text) => problem.test(text)), problems.join('\n')).toBe(true);
      expect(problemCount(report)).toBeGreaterThan(0);
    });
  }

  it('the CLI exits 1 with a JSON report naming the problem (missing launch file also fails the manifest check)', async () => {
    const file = join(out, 'broken.zip');
    await writeFile(file, await breakPackage(zipOf('scorm12'), 'missing-launch-file'));
    let text = '';
    const code = await main(['verify', file, '--json'], { out: (chunk) => (text += chunk), err: () => undefined, color: false });
    expect(code).toBe(1);
    const report = JSON.parse(text) as VerifyReport;
    expect(report.manifest.some((finding) => finding.startsWith('scorm-file-missing'))).toBe(true);
    expect(report.findings.join('\n')).toMatch(/index\.html/);
  });
});

describe('coursemark verify on a cmi5 package of several AUs', () => {
  it('plays each AU on its own in one registration and says which are satisfied and whether the course is', async () => {
    const folder = join(out, 'per-part');
    await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', join(repo, 'course'), '--out', folder, '--target', 'cmi5', '--cmi5-aus', 'per-part', '--no-cache']);
    const zip = new Uint8Array(await readFile(join(folder, 'the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0-cmi5.zip')));
    const right = await verify(zip, 'correct');
    expect([...right.manifest, ...right.findings]).toEqual([]);
    expect(right.units?.aus.map((au) => [au.title, au.pages, au.satisfied])).toEqual([
      ['Understanding image-based sexual abuse', 4, true],
      ['Check and reflect', 3, true],
    ]);
    expect(right.units?.courseSatisfied).toBe(true);
    expect(right.walked).toEqual({ pages: 7, questions: 8 });
    expect(formatReport(right)).toContain('Course: satisfied (every AU is)');
    // Wrong answers fail both assessed AUs: they complete but are not satisfied (moveOn CompletedAndPassed),
    // which is the outcome asked for, not a problem of the package.
    const wrong = await verify(zip, 'wrong');
    expect(wrong.units?.aus.map((au) => [au.recorded.success, au.satisfied])).toEqual([
      ['failed', false],
      ['failed', false],
    ]);
    expect(wrong.units?.courseSatisfied).toBe(false);
    expect(problemCount(wrong)).toBe(0);
  }, 180_000);
});

describe('coursemark verify: advice for each LMS', () => {
  it('names the Moodle completion setting that matches the SCORM 1.2 status mode, and --lms picks the LMSs', async () => {
    const report = await verifyPackage(zipOf('scorm12'), { name: 'package.zip', answers: 'correct', resume: false, lms: ['moodle', 'brightspace'] }, () => Promise.resolve(browser));
    expect(report.advice?.map((advice) => advice.lms)).toEqual(['moodle', 'brightspace']);
    const moodle = report.advice?.[0]?.lines.join('\n') ?? '';
    expect(moodle).toContain('tick "Completed"');
    expect(moodle).toContain('scorm12.status: completed-incomplete');
    expect(report.advice?.[1]?.lines[0]).toContain('this package sends all three');
    const text = formatReport(report);
    expect(text).toContain('In your LMS');
    expect(text).not.toContain('Canvas');
  }, 120_000);
});
