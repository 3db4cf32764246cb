// Two tabs of one attempt (reliability A7, R12), per target, with the sample course in Chromium: a
// duplicated cmi5 tab (same session), a TinCan launch opened twice, and a SCORM 1.2 and 2004 launch
// opened twice from the same LMS. The learner goes on in the first tab and also clicks around in the
// second. Pass: a notice in the second tab, nothing recorded from it, 0 statements lost or
// duplicated, and the saved location never goes back.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../components/course-data.js';
import { decodeProgress } from '../../components/runtime/resume/progress-codec.js';
import { waitForPlayer } from '../../scripts/verify/learner.js';
import { audit, noteFigures } from '../support/delivery-audit.js';
import type { RunningLrs } from '../support/lrs-server.js';
import { lmsLog, nextAttemptData, startScormLms, type LmsCall } from '../support/scorm-lms.js';
import { openPackageSite, type PackageSite, type SamplePackages } from './helpers/packages.js';
import type { StaticServer } from './helpers/server.js';
import { actionsOf, perform, playerState, type Action } from './helpers/steady-learner.js';

const AUTH = `Basic ${Buffer.from('tabs:test').toString('base64')}`;
const NOTICE = 'This course is open in another tab or window';

let site: PackageSite;
let packages: SamplePackages;
let course: CourseData;
let browser: Browser;
let content: StaticServer;
let lrs: RunningLrs;

beforeAll(async () => {
  site = await openPackageSite(['cmi5', 'xapi', 'scorm12', 'scorm2004']);
  ({ packages, course, browser, content, lrs } = site);
  lrs.allowAuth(AUTH);
}, 120_000);

afterAll(() => site?.close());

const newContext = (): Promise<BrowserContext> => browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
const noticeOf = (scope: Page | Frame): Promise<string> => scope.locator('cm-player p.notice').allTextContents().then((texts) => texts.join(' '));

/** The actions up to (and including) the last one on page `last`, and those after. */
function split(last: number): [Action[], Action[]] {
  const all = actionsOf(course);
  const cut = all.findIndex((action) => action.page > last);
  return [all.slice(0, cut), all.slice(cut)];
}

/** The second tab: a learner who goes on there too (nothing of it may be recorded). */
async function clickAround(scope: Page | Frame): Promise<void> {
  await scope.locator('[data-action="next"]').click();
  await scope.locator('[data-action="next"]').click();
}

describe('LRS targets', () => {
  for (const target of ['cmi5', 'xapi'] as const) {
    it(`${target}: the second tab says progress is saved from the first, records nothing, and the bookmark only moves forward`, async () => {
      const registration = randomUUID();
      const activityId = target === 'cmi5' ? `${course.id}/au` : course.id;
      const url =
        target === 'cmi5'
          ? `${content.url}cmi5/index.html${lrs.setLaunch({ activityId, registration, masteryScore: 0.75 }).search}`
          : `${content.url}xapi/index.html?${new URLSearchParams({ endpoint: lrs.endpoint, auth: AUTH, actor: JSON.stringify({ mbox: 'mailto:tabs@example.org' }), registration, activity_id: activityId })}`;
      const context = await newContext();
      const first = await context.newPage();
      await first.goto(url);
      await waitForPlayer(first);
      const [before, after] = split(2);
      for (const action of before) await perform(first, course, action);
      // cmi5: a duplicated tab (window.open copies sessionStorage: the same session and token);
      // TinCan: the same launch URL opened again.
      let second: Page;
      if (target === 'cmi5') {
        const opened = context.waitForEvent('page');
        await first.evaluate(() => void window.open(window.location.href));
        second = await opened;
      } else {
        second = await context.newPage();
        await second.goto(url);
      }
      await waitForPlayer(second);
      await expect.poll(() => noticeOf(second)).toContain(NOTICE);
      expect(await noticeOf(first)).not.toContain(NOTICE);
      await clickAround(second);
      for (const action of after) await perform(first, course, action);
      await expect.poll(() => ofRegistration(registration).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(after.length);
      await first.waitForTimeout(1500);
      await context.close();

      // Nothing came from the second tab: one launch, and each page seen once (in the first tab).
      const stored = ofRegistration(registration);
      const expected = [...before, ...after].filter((action) => action.kind !== 'next').length + course.pages.length;
      const found = new Set(stored.filter((statement) => ['answered', 'experienced'].some((verb) => statement.verb.id.endsWith(`/${verb}`))).map((statement) => (statement.object as { id?: string }).id)).size;
      noteFigures(`two tabs (${target}; answers and page views)`, { expected, stored: found, lost: expected - found, duplicated: audit(stored, []).duplicated.length });
      const verbOf = (name: string) => stored.filter((statement) => statement.verb.id.endsWith(`/${name}`));
      expect(verbOf('initialized')).toHaveLength(1);
      expect(verbOf('experienced')).toHaveLength(course.pages.length);
      expect(audit(stored, []).duplicated).toEqual([]);
      const objects = new Set(stored.map((statement) => (statement.object as { id?: string }).id));
      for (const action of [...before, ...after]) if (action.kind === 'answer') expect(objects.has(course.questions.find((q) => q.id === action.question)?.iri)).toBe(true);
      // Every bookmark the LRS accepted, in order: its location never goes back.
      const locations = lrs
        .requests()
        .filter((request) => request.method === 'PUT' && request.path.endsWith('/activities/state') && request.query.get('registration') === registration && request.status < 300)
        .map((request) => {
          const text = (JSON.parse(request.body) as { progress?: string }).progress ?? '';
          const decoded = decodeProgress(text, course);
          return decoded.ok ? decoded.state.location : -1;
        });
      expect(locations.length).toBeGreaterThan(0);
      expect(locations).toEqual([...locations].sort((a, b) => a - b));
      expect(locations.at(-1)).toBe(course.pages.length - 1);
      if (target === 'cmi5') expect(lrs.cmi5Findings()).toEqual([]);
    }, 90_000);
  }
});

const ofRegistration = (registration: string) => lrs.statements().filter((statement) => statement.context?.registration === registration);

describe('SCORM targets', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: the second window says progress is saved from the first, makes no LMS call, and the committed location only moves forward`, async () => {
      const zip = packages.zips.get(version === '1.2' ? 'scorm12' : 'scorm2004');
      if (zip === undefined) throw new Error('no package');
      const lms = await startScormLms(zip, version);
      try {
        const cmi = nextAttemptData(version, {}, 0.75);
        const first = await lms.launch(browser, { cmi });
        const frameOne = await contentFrame(first);
        const [before, rest] = split(2);
        const after = rest.filter((action) => action.page <= 4);
        for (const action of before) await perform(frameOne, course, action);
        const second = await lms.launch(browser, { cmi, context: first.context() });
        const frameTwo = await contentFrame(second);
        await expect.poll(() => noticeOf(frameTwo)).toContain(NOTICE);
        await clickAround(frameTwo);
        for (const action of after) await perform(frameOne, course, action);
        expect((await playerState(frameOne))?.location).toBe(4);
        await first.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
        await second.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
        const logOne = await lmsLog(first);
        const logTwo = await lmsLog(second);
        expect(logTwo).toEqual([]);
        const locations = committedLocations(version, [...logOne, ...logTwo].sort((a, b) => a.at - b.at));
        expect(locations.length).toBeGreaterThan(0);
        expect(locations).toEqual([...locations].sort((a, b) => a - b));
        expect(locations.at(-1)).toBe(4);
        await first.context().close();
      } finally {
        await lms.close();
      }
    }, 90_000);
  }
});

async function contentFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  if (frame === undefined) throw new Error('no content frame');
  await waitForPlayer(frame);
  return frame;
}

/** The page index the LMS holds after each Commit (the last location set before it). */
function committedLocations(version: '1.2' | '2004', log: readonly LmsCall[]): number[] {
  const element = version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
  const set = version === '1.2' ? 'LMSSetValue' : 'SetValue';
  const commit = version === '1.2' ? 'LMSCommit' : 'Commit';
  let location: string | undefined;
  const committed: number[] = [];
  for (const call of log) {
    if (call.name === set && call.args[0] === element) location = call.args[1];
    if ((call.name === commit || call.name === 'LMSFinish' || call.name === 'Terminate') && location !== undefined) {
      committed.push(course.pages.findIndex((page) => page.id === location));
    }
  }
  return committed;
}
