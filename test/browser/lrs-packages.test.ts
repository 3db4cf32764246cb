import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../components/course-data.js';
import { VERBS } from '../../components/runtime/vocabulary.js';
import { currentTitle, walkCourse } from '../support/learner.js';
import type { RunningLrs } from '../support/lrs-server.js';
import { openPackageSite, type PackageSite } from './helpers/packages.js';
import type { StaticServer } from './helpers/server.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

// The sample course's cmi5 and xAPI packages, served from one loopback origin and launched as an LMS
// would (cmi5 8.1 / TinCan launch), reporting to a loopback LRS on another origin.
let site: PackageSite;
let course: CourseData;
let browser: Browser;
let content: StaticServer;
let lrs: RunningLrs;

beforeAll(async () => {
  site = await openPackageSite(['cmi5', 'xapi']);
  ({ course, browser, content, lrs } = site);
}, 120_000);

afterAll(() => site?.close());

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(READY_PAGE_HEADING).first().waitFor();
  return page;
}

async function finishAndExit(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^See your results/ }).click();
  await page.getByRole('button', { name: 'Exit course' }).click();
}

const verbsOf = (registration: string) =>
  lrs
    .statements()
    .filter((statement) => statement.context?.registration === registration)
    .sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? ''))
    .map((statement) => Object.entries(VERBS).find(([, id]) => id === statement.verb.id)?.[0] ?? statement.verb.id);

describe('cmi5 package', () => {
  it('sends the whole session in order, passes, and returns to the LMS after terminated', async () => {
    const launch = lrs.setLaunch({ activityId: `${course.id}/au`, masteryScore: 0.75, moveOn: 'CompletedOrPassed', returnURL: `${content.url}returned.html` });
    const page = await open(`${content.url}cmi5/index.html${launch.search}`);
    await walkCourse(page, course);
    await finishAndExit(page);
    await page.waitForURL(`${content.url}returned.html`);
    const verbs = verbsOf(launch.registration);
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((verb) => verb === 'answered')).toHaveLength(course.questions.length + course.activities.length);
    expect(verbs.filter((verb) => verb === 'passed')).toHaveLength(1);
    expect(verbs.filter((verb) => verb === 'completed')).toHaveLength(1);
    expect(verbs).not.toContain('failed');
    expect(lrs.cmi5Findings()).toEqual([]);
    await page.context().close();
  });

  it('a reload goes on with the same session without a second fetch; a relaunch resumes where the learner was', async () => {
    const first = lrs.setLaunch({ activityId: `${course.id}/au`, masteryScore: 0.75, moveOn: 'CompletedOrPassed' });
    const page = await open(`${content.url}cmi5/index.html${first.search}`);
    await walkCourse(page, course, { stopAfterPage: 3 });
    await page.reload();
    await page.locator(READY_PAGE_HEADING).first().waitFor();
    expect(await currentTitle(page)).toBe(course.pages[3]?.title);
    const fetches = lrs.requests().filter((request) => request.method === 'POST' && request.path.startsWith('/fetch/') && request.status === 200);
    expect(fetches.filter((request) => first.search.includes(encodeURIComponent(`${lrs.url}${request.path}`)))).toHaveLength(1);
    await page.context().close();
    expect(verbsOf(first.registration)).not.toContain('terminated');

    // The LMS launches the same registration again with a new session and a new fetch URL.
    const second = lrs.setLaunch({ activityId: `${course.id}/au`, registration: first.registration, masteryScore: 0.75, moveOn: 'CompletedOrPassed' });
    const again = await open(`${content.url}cmi5/index.html${second.search}`);
    expect(await currentTitle(again)).toBe(course.pages[3]?.title);
    const feedback = await again.locator('cm-question').first().evaluate((host) => host.shadowRoot?.querySelector('.feedback')?.textContent ?? '');
    expect(feedback).toContain('Correct.');
    await again.context().close();
  });
});

describe('launch problems are explained to the learner', () => {
  it('opened without launch parameters, or with a spent fetch URL in another browser', async () => {
    const direct = await open(`${content.url}cmi5/index.html`);
    await expect.poll(() => direct.locator('cm-player p[role="alert"]').textContent()).toContain('not opened from a learning system');
    await direct.context().close();

    const launch = lrs.setLaunch({ activityId: `${course.id}/au` });
    const first = await open(`${content.url}cmi5/index.html${launch.search}`);
    await first.context().close();
    // A new browser context has no session storage: the spent one-time fetch URL cannot be reused.
    const other = await open(`${content.url}cmi5/index.html${launch.search}`);
    await expect.poll(() => other.locator('cm-player p[role="alert"]').textContent()).toContain('open the course again from your LMS');
    await other.context().close();
  });
});

describe('xAPI (TinCan launch) package', () => {
  it('sends initialized, answers, passed, completed and terminated to the LRS', async () => {
    const auth = `Basic ${Buffer.from('tincan:launch-secret').toString('base64')}`;
    lrs.allowAuth(auth);
    const registration = crypto.randomUUID();
    const actor = JSON.stringify({ objectType: 'Agent', name: 'Learner', mbox: 'mailto:learner@example.org' });
    const query = new URLSearchParams({ endpoint: lrs.endpoint, auth, actor, registration, activity_id: course.id });
    const page = await open(`${content.url}xapi/index.html?${query}`);
    await walkCourse(page, course);
    await finishAndExit(page);
    await expect.poll(() => verbsOf(registration).at(-1)).toBe('terminated');
    const verbs = verbsOf(registration);
    expect(verbs[0]).toBe('initialized');
    expect(verbs).toContain('passed');
    expect(verbs).toContain('completed');
    expect(verbs.filter((verb) => verb === 'answered')).toHaveLength(course.questions.length + course.activities.length);
    await page.context().close();
  });
});
