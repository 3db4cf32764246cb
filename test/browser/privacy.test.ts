import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityData } from '../../components/course-data.js';
import { auOutcomes } from '../../scripts/lms/cmi5-satisfaction.js';
import { READY_PAGE_HEADING, exitCourse, readCourse, walkCourse, type PlayerScope } from '../../scripts/verify/learner.js';
import { startLrs, type RunningLrs } from '../support/lrs-server.js';
import { lmsData, lmsLog, startScormLms } from '../support/scorm-lms.js';
import { launchBrowser } from './helpers/browser.js';
import { buildWithCli, LAB_COURSE, unzipInto, writeCourse } from './helpers/generated-course.js';
import { serveDirectory, type StaticServer } from './helpers/server.js';

// A course with a private activity ("notes") and a shared one ("lab-plan"), taken in every package
// target: the private text must appear in no request, no LMS value, no statement and no State
// document; the shared text must be recorded; and the page must say so before the learner writes.
const PRIVATE = 'PRIVATE-c0ffee-my-own-worries';
const SHARED = 'SHARED-beef-check-the-fume-cupboard';
const write = (activity: ActivityData): string => (activity.shared ? SHARED : PRIVATE);

let work: string;
let browser: Browser;
const zips = new Map<string, string>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-privacy-'));
  await writeCourse(join(work, 'course'), LAB_COURSE);
  await buildWithCli(join(work, 'course'), join(work, 'out'));
  for (const name of await readdir(join(work, 'out'))) {
    const target = /-(scorm12|scorm2004|cmi5|xapi)\.zip$/.exec(name)?.[1];
    if (target !== undefined) zips.set(target, join(work, 'out', name));
  }
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

/** Every request body and URL the page sent, for the whole launch. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => seen.push(`${request.method()} ${request.url()}\n${request.postData() ?? ''}`));
  return seen;
}

/** The notices the two activities show before anything is written. */
async function notices(scope: PlayerScope): Promise<Record<string, string>> {
  const hosts = scope.locator('cm-activity');
  const pairs = await hosts.evaluateAll((elements) =>
    elements.map((element) => {
      const id = (element as HTMLElement & { activity?: { id: string } }).activity?.id ?? '';
      return [id, element.shadowRoot?.querySelector('.privacy')?.textContent?.trim() ?? ''] as const;
    }),
  );
  return Object.fromEntries(pairs);
}

async function walkAndReadNotices(scope: PlayerScope): Promise<Record<string, string>> {
  const course = await readCourse(scope);
  let seen: Record<string, string> = {};
  await walkCourse(scope, course, {
    answers: 'correct',
    reflection: write,
    afterPage: async (index) => {
      if (course.pages[index]?.activities.length) seen = await notices(scope);
    },
  });
  return seen;
}

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  it('a private reflection reaches no LMS value; a shared one is recorded, and the page says which', async () => {
    const lms = await startScormLms(new Uint8Array(await readFile(zips.get(version === '1.2' ? 'scorm12' : 'scorm2004') ?? '')), version);
    try {
      const page = await lms.launch(browser);
      const requests = recordRequests(page);
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame()) as Frame;
      await frame.locator(READY_PAGE_HEADING).first().waitFor();
      const seen = await walkAndReadNotices(frame);
      expect(seen.notes).toMatch(/^Private: only you can see this answer/);
      expect(seen['lab-plan']).toBe(`Your tutor can read this answer: up to ${version === '1.2' ? 255 : 500} characters are saved with your course record.`);
      await exitCourse(frame);
      await expect.poll(async () => (await lmsLog(page)).some((call) => /^(LMSFinish|Terminate)$/.test(call.name))).toBe(true);
      const log = JSON.stringify(await lmsLog(page));
      const stored = JSON.stringify(await lmsData(page));
      for (const place of [log, stored, requests.join('\n')]) expect(place).not.toContain(PRIVATE.slice(0, 12));
      expect(log).toContain(SHARED);
      // The LMS learns that the private activity was done: an interaction with its id and no response.
      const interactions = Object.values((JSON.parse(stored) as { cmi: { interactions: Record<string, { id: string; result: string }> } }).cmi.interactions);
      expect(interactions.find((interaction) => interaction.id === 'notes')?.result).toBe('neutral');
      await page.context().close();
    } finally {
      await lms.close();
    }
  }, 120_000);
});

describe.each(['cmi5', 'xapi'] as const)('%s', (target) => {
  let site: string;
  let content: StaticServer;
  let lrs: RunningLrs;
  beforeAll(async () => {
    site = join(work, 'site', target);
    await unzipInto(zips.get(target) ?? '', site);
    content = await serveDirectory(site);
    lrs = await startLrs();
  }, 60_000);
  afterAll(async () => {
    await lrs?.close();
    await content?.close();
  });

  it('a private reflection is in no request, statement or State document; a shared one is in its statement', async () => {
    const registration = crypto.randomUUID();
    let query: string;
    if (target === 'cmi5') {
      query = lrs.setLaunch({ activityId: 'https://example.org/courses/lab-safety/au', registration, masteryScore: 0.5 }).search;
    } else {
      const auth = `Basic ${Buffer.from('learner:secret').toString('base64')}`;
      lrs.allowAuth(auth);
      query = `?${new URLSearchParams({ endpoint: lrs.endpoint, auth, actor: JSON.stringify({ mbox: 'mailto:l@example.org', objectType: 'Agent' }), registration, activity_id: 'https://example.org/courses/lab-safety' }).toString()}`;
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${content.url}index.html${query}`);
    await page.locator(READY_PAGE_HEADING).first().waitFor();
    const seen = await walkAndReadNotices(page);
    expect(seen.notes).toMatch(/^Private:/);
    expect(seen['lab-plan']).toBe('Your tutor can read this answer: up to 500 characters are saved with your course record.');
    await exitCourse(page);
    await expect.poll(() => lrs.statements().some((statement) => statement.context?.registration === registration && statement.verb.id.endsWith('/terminated')), { timeout: 10_000 }).toBe(true);
    await context.close();
    const everything = [requests.join('\n'), JSON.stringify(lrs.statements()), JSON.stringify(lrs.requests())].join('\n');
    expect(everything).not.toContain(PRIVATE.slice(0, 12));
    const answered = lrs.statements().filter((statement) => statement.context?.registration === registration && statement.verb.id.endsWith('/answered'));
    const about = (id: string) => answered.find((statement) => 'id' in statement.object && statement.object.id.endsWith(`/activities/${id}`));
    expect(about('notes')?.result).toEqual({ completion: true });
    expect(about('lab-plan')?.result).toEqual({ response: SHARED, completion: true });
    if (target === 'cmi5') expect(auOutcomes(lrs.statements(), registration).get('https://example.org/courses/lab-safety/au')).toMatchObject({ completed: true, passed: true });
  }, 120_000);
});

describe('web build', () => {
  it('a private reflection stays in this tab only; the shared one is kept in this browser, as the page says', async () => {
    const site = join(work, 'out', 'web');
    const content = await serveDirectory(site);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests = recordRequests(page);
      await page.goto(`${content.url}index.html`);
      await page.locator(READY_PAGE_HEADING).first().waitFor();
      const seen = await walkAndReadNotices(page);
      expect(seen['lab-plan']).toBe('This answer is saved in this browser only.');
      const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(local).not.toContain(PRIVATE.slice(0, 12));
      expect(local).toContain(SHARED);
      expect(requests.join('\n')).not.toContain(PRIVATE.slice(0, 12));
      // A reload of the same tab shows the private text again; a new tab (a closed course) does not.
      await page.reload();
      await page.locator(READY_PAGE_HEADING).first().waitFor();
      await page.evaluate(() => (location.hash = '#/hazards'));
      const textarea = page.locator('cm-activity').first().locator('textarea');
      await expect.poll(() => textarea.inputValue()).toBe(PRIVATE);
      const other = await context.newPage();
      await other.goto(`${content.url}index.html#/hazards`);
      const status = other.locator('cm-activity').first().locator('.status');
      await expect.poll(() => status.textContent()).toContain('Private answers are not kept after the course is closed');
      expect(await other.locator('cm-activity').first().locator('textarea').inputValue()).toBe('');
      await context.close();
    } finally {
      await content.close();
    }
  }, 120_000);
});
