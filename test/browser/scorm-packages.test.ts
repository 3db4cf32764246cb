import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../components/course-data.js';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { READY_PAGE_HEADING, walkCourse as walkAll } from '../../scripts/verify/learner.js';
import { currentTitle, walkCourse } from '../support/learner.js';
import { lmsData, lmsLog, nextAttemptData, startScormLms, type LmsCall, type ScormLms, type ScormVersion } from '../support/scorm-lms.js';
import { launchBrowser } from './helpers/browser.js';

// The sample course's SCORM packages, unzipped into an emulated LMS (scorm-again as the LMS-side
// API), taken by a scripted learner, closed, and relaunched.
const repo = join(import.meta.dirname, '../..');
let out: string;
let course: CourseData;
let browser: Browser;
const zips = new Map<ScormVersion, Uint8Array>();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coursemark-scorm-'));
  await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', join(repo, 'course'), '--out', out, '--target', 'scorm12,scorm2004']);
  const model = checkCourse(await readCourseFolder(join(repo, 'course'))).model;
  if (!model) throw new Error('The sample course has errors');
  course = model.data;
  const name = (target: string) => join(out, `the-psychology-of-cybercrime-image-based-sexual-abuse-1.0.0-${target}.zip`);
  zips.set('1.2', new Uint8Array(await readFile(name('scorm12'))));
  zips.set('2004', new Uint8Array(await readFile(name('scorm2004'))));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

async function content(page: Page): Promise<Frame> {
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  if (!frame) throw new Error('The LMS page has no content frame');
  await frame.locator(READY_PAGE_HEADING).first().waitFor();
  return frame;
}

/** Closes the content as an LMS does when the learner leaves (the frame's document unloads). */
async function closeContent(page: Page, finish: string): Promise<LmsCall[]> {
  await page.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
  await expect.poll(async () => (await lmsLog(page)).some((call) => call.name === finish)).toBe(true);
  return lmsLog(page);
}

const names = { '1.2': { init: 'LMSInitialize', finish: 'LMSFinish', set: 'LMSSetValue' }, '2004': { init: 'Initialize', finish: 'Terminate', set: 'SetValue' } } as const;

// Optional 2004 elements the manifest may leave undefined; reading them is how content honours them.
const OPTIONAL_2004 = new Set(['cmi.completion_threshold', 'cmi.scaled_passing_score']);

/**
 * Calls that set an error code. A 2004 GetValue of an optional element the package does not define
 * answers 403 "not initialized" (SCORM 2004 RTE 4.1.7): informational, not a fault.
 */
function faults(log: readonly LmsCall[]): LmsCall[] {
  return log.filter((call) => call.error !== undefined && call.error !== '0' && !(call.name === 'GetValue' && call.error === '403' && OPTIONAL_2004.has(call.args[0] ?? '')));
}

function setValues(log: readonly LmsCall[], set: string): Map<string, string> {
  return new Map(log.filter((call) => call.name === set).map((call) => [call.args[0] ?? '', call.args[1] ?? '']));
}

for (const version of ['1.2', '2004'] as const) {
  describe(`SCORM ${version} package in an LMS`, () => {
    let lms: ScormLms;
    beforeAll(async () => {
      lms = await startScormLms(zips.get(version) ?? new Uint8Array(), version);
    });
    afterAll(async () => {
      await lms?.close();
    });

    it('reports progress on every page, equal to the player\'s bar, and 1 exactly when completed', async () => {
      const page = await lms.launch(browser, { cmi: nextAttemptData(version, {}) });
      const frame = await content(page);
      const seen: [number, string | undefined][] = [];
      await walkAll(frame, course, {
        answers: 'correct',
        afterPage: async () => {
          const bar = Number(await frame.locator('cm-player progress').getAttribute('value'));
          const measure = [...(await lmsLog(page))].reverse().find((call) => call.name === 'SetValue' && call.args[0] === 'cmi.progress_measure')?.args[1];
          seen.push([bar, measure]);
        },
      });
      if (version === '2004') {
        // progress_measure is the bar's whole percentage (cmi5 progressed uses the same figure).
        expect(seen.map(([bar, measure]) => Math.round(Number(measure) * 100) === bar)).toEqual(seen.map(() => true));
        expect(seen.at(-1)).toEqual([100, '1']);
        const values = setValues(await closeContent(page, names[version].finish), names[version].set);
        expect(values.get('cmi.completion_status')).toBe('completed');
      } else {
        expect(seen.at(-1)?.[0]).toBe(100);
      }
      await page.context().close();
    });

    it('records answers as interactions, the score, passed and completed, with one Initialize and one Finish', async () => {
      const page = await lms.launch(browser, { cmi: nextAttemptData(version, {}, version === '1.2' ? 75 : 0.75) });
      const frame = await content(page);
      await walkCourse(frame, course);
      const log = await closeContent(page, names[version].finish);
      expect(log.filter((call) => call.name === names[version].init)).toHaveLength(1);
      expect(log.filter((call) => call.name === names[version].finish)).toHaveLength(1);
      expect(log.at(-1)?.name).toBe(names[version].finish);
      expect(faults(log), 'calls that set an error').toEqual([]);
      const values = setValues(log, names[version].set);
      const answered = [...values.keys()].filter((key) => /^cmi\.interactions\.\d+\.result$/.test(key));
      expect(answered.length).toBeGreaterThanOrEqual(course.questions.length);
      if (version === '1.2') {
        // The sample course reports completed/incomplete in SCORM 1.2 (scorm12.status, the default).
        expect(values.get('cmi.core.lesson_status')).toBe('completed');
        expect(values.get('cmi.core.score.raw')).toBe('100');
        expect(values.get('cmi.core.score.min')).toBe('0');
        expect(values.get('cmi.core.score.max')).toBe('100');
        expect(values.get('cmi.core.session_time')).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      } else {
        expect(values.get('cmi.completion_status')).toBe('completed');
        expect(values.get('cmi.success_status')).toBe('passed');
        expect(values.get('cmi.score.scaled')).toBe('1');
        expect(values.get('cmi.session_time')).toMatch(/^PT/);
      }
      await page.context().close();
    });

    it('reports the failing outcome when the answers are wrong', async () => {
      const page = await lms.launch(browser, { cmi: nextAttemptData(version, {}, version === '1.2' ? 75 : 0.75) });
      await walkCourse(await content(page), course, { correct: false });
      const values = setValues(await closeContent(page, names[version].finish), names[version].set);
      if (version === '1.2') {
        // completed/incomplete: a learner who fails stays incomplete and suspended, to come back and retry.
        expect(values.get('cmi.core.lesson_status')).toBe('incomplete');
        expect(values.get('cmi.core.exit')).toBe('suspend');
        expect(values.get('cmi.core.score.raw')).toBe('0');
      } else expect(values.get('cmi.success_status')).toBe('failed');
      await page.context().close();
    });

    it('shows a "not saving" notice while the LMS refuses every commit', async () => {
      const page = await lms.launch(browser, { cmi: nextAttemptData(version, {}), refuseCommits: 1000 });
      const frame = await content(page);
      await walkCourse(frame, course, { stopAfterPage: 2 });
      await expect.poll(() => frame.locator('cm-player p.notice').allTextContents(), { timeout: 10_000 }).toContain(
        'Your progress is not being saved on this device. You can keep going, but you may need to start again next time.',
      );
      await page.context().close();
    });

    it('resumes on the same page with the same answers after the learner closes mid-course', async () => {
      const first = await lms.launch(browser, { cmi: nextAttemptData(version, {}) });
      await walkCourse(await content(first), course, { stopAfterPage: 3 });
      const firstLog = await closeContent(first, names[version].finish);
      const exit = setValues(firstLog, names[version].set).get(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit');
      expect(exit).toBe('suspend');
      const stored = await lmsData(first);
      await first.context().close();

      const second = await lms.launch(browser, { cmi: nextAttemptData(version, stored) });
      const frame = await content(second);
      expect(await currentTitle(frame)).toBe(course.pages[3]?.title);
      // The answer given before closing is shown again, with its feedback.
      const feedback = await frame.locator('cm-question').first().evaluate((host) => host.shadowRoot?.querySelector('.feedback')?.textContent ?? '');
      expect(feedback).toContain('Correct.');
      const log = await closeContent(second, names[version].finish);
      expect(log.filter((call) => call.name === names[version].init)).toHaveLength(1);
      expect(faults(log)).toEqual([]);
      await second.context().close();
    });
  });
}
