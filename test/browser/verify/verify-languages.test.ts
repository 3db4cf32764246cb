import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TABLES, type InterfaceLanguage } from '../../../components/i18n/index.js';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { verifyPackage } from '../../../scripts/verify/verify-package.js';
import { problemCount } from '../../../scripts/verify/verify-report.js';
import { buildWithCli, LAB_COURSE, writeCourse } from '../helpers/generated-course.js';

// verify's learner finds the player's controls by data-action, never by their words: the lab course
// in every interface language coursemark ships, with a cover page (the learner presses Start), walked
// in SCORM 2004 and cmi5 in turn; every third one is also left mid-course and resumed (Continue).
const LANGUAGES = Object.keys(TABLES) as InterfaceLanguage[];
const targetOf = (index: number): 'scorm2004' | 'cmi5' => (index % 2 === 0 ? 'scorm2004' : 'cmi5');
const resumes = (index: number): boolean => index % 3 === 0;

let work: string;
let browser: Browser;
const zips = new Map<InterfaceLanguage, Uint8Array>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-languages-'));
  for (const [index, language] of LANGUAGES.entries()) {
    const folder = join(work, language);
    const config = `${(LAB_COURSE['course.yaml'] ?? '').replace('language: en', `language: ${language}`)}cover: true\n`;
    await writeCourse(folder, { ...LAB_COURSE, 'course.yaml': config });
    await buildWithCli(folder, join(folder, 'out'), '--target', targetOf(index));
    const zip = (await readdir(join(folder, 'out'))).find((name) => name.endsWith(`-${targetOf(index)}.zip`));
    zips.set(language, new Uint8Array(await readFile(join(folder, 'out', zip ?? ''))));
  }
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

test.each(LANGUAGES.map((language, index) => [language, targetOf(index), resumes(index)] as const))('a course in %s (%s) is walked and passed; resumed: %s', async (language, _target, resume) => {
  const report = await verifyPackage(zips.get(language) ?? new Uint8Array(), { name: `${language}.zip`, answers: 'correct', resume }, () => Promise.resolve(browser));
  expect([...report.manifest, ...report.findings]).toEqual([]);
  expect(problemCount(report)).toBe(0);
  expect(report.walked).toEqual({ pages: 4, questions: 3 });
  expect(report.recorded?.success).toBe('passed');
  expect(report.recorded?.completion).toBe('completed');
  if (resume) expect(report.resume?.landedOn).toEqual(expect.any(String));
  if (resume) expect(report.resume?.landedOn).toBe(report.resume?.leftOn);
  else expect(report.resume).toBeUndefined();
});
