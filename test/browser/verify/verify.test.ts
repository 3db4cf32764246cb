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
      expect(right.recorded?.success).toBe(kind === 'scorm12' ? 'unknown' : 'passed');
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
    ['initialized-not-first', 'cmi5', /first statement is not initialized/],
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
