import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../components/course-data.js';
import { auOutcomes, ausOf, readCmi5Tree, satisfaction } from '../../scripts/lms/cmi5-satisfaction.js';
import { READY_PAGE_HEADING, answerQuestion, exitCourse, readCourse, type PlayerScope } from '../../scripts/verify/learner.js';
import { formatReport } from '../../scripts/verify/format-report.js';
import { verifyPackage } from '../../scripts/verify/verify-package.js';
import { lmsLog, nextAttemptData, startScormLms, type LmsCall, type ScormVersion } from '../support/scorm-lms.js';
import { startLrs, type RunningLrs, type StoredStatement } from '../support/lrs-server.js';
import { seriousViolations } from './helpers/axe.js';
import { launchBrowser } from './helpers/browser.js';
import { buildWithCli, unzipInto, writeCourse } from './helpers/generated-course.js';
import { serveDirectory, type StaticServer } from './helpers/server.js';

// Courses with an optional page, written by the test: completed in every target without the learner
// ever opening the optional page, and a share of the pages in the web player and in verify.
const page = (title: string, extra = '', body = 'Some text.\n'): string => `---\ntitle: ${title}\n${extra}---\n\n${body}`;
const config = (id: string, title: string, completion: string): string => `id: https://example.org/courses/${id}\ntitle: ${title}\nlanguage: en\nversion: "1.0.0"\nmastery: 0.5\n${completion}`;

const OPTIONAL_COURSE: Readonly<Record<string, string>> = {
  'course.yaml': `${config('field-notes', 'Field notes', 'completion: { pages: all }\n')}scorm12:\n  status: completed-failed\n`,
  'sections/01-welcome.md': page('Welcome'),
  'sections/02-further-reading.md': page('Further reading', 'optional: true\n'),
  'sections/03-check.md': page('Check', '', ':::question{#tide type=true-false answer=true}\nThe tide comes in twice a day.\n:::\n'),
  'sections/04-summary.md': page('Summary'),
};

// Five required pages and an optional one: 60% of 5 is 3 pages.
const SHARE_COURSE: Readonly<Record<string, string>> = {
  'course.yaml': config('reading-list', 'Reading list', 'completion:\n  pages: 60%\n'),
  ...Object.fromEntries(['One', 'Two', 'Three', 'Four', 'Five'].map((title, i) => [`sections/0${i + 1}-${title.toLowerCase()}.md`, page(title)])),
  'sections/06-further-reading.md': page('Further reading', 'optional: true\n'),
};

const V = 'http://adlnet.gov/expapi/verbs/';
const PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const verb = (statement: StoredStatement): string => statement.verb.id.replace(V, '');

let work: string;
let browser: Browser;
let site: StaticServer;
/** The web build of the share course, served as a web host serves it. */
let web: StaticServer;
let lrs: RunningLrs;
const zips = new Map<string, Uint8Array>();

async function build(name: string, files: Readonly<Record<string, string>>, targets: string): Promise<void> {
  await writeCourse(join(work, name), files);
  const out = join(work, 'out', name);
  await buildWithCli(join(work, name), out, '--target', targets);
  for (const zip of (await readdir(out)).filter((file) => file.endsWith('.zip'))) {
    const target = /-([a-z0-9]+)\.zip$/.exec(zip)?.[1] ?? '';
    zips.set(`${name}/${target}`, new Uint8Array(await readFile(join(out, zip))));
    await unzipInto(join(out, zip), join(work, 'site', name, target));
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-completion-'));
  await build('optional', OPTIONAL_COURSE, 'scorm12,scorm2004,cmi5');
  await build('share', SHARE_COURSE, 'web,scorm2004');
  await writeFile(join(work, 'site', 'returned.html'), '<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
  site = await serveDirectory(join(work, 'site'));
  web = await serveDirectory(join(work, 'out', 'share', 'web'));
  lrs = await startLrs();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lrs?.close();
  await site?.close();
  await web?.close();
  await rm(work, { recursive: true, force: true });
});

async function openPage(scope: PlayerScope, id: string, title: string): Promise<void> {
  await scope.locator(`cm-toc a[href="#/${id}"]`).click();
  await scope.locator('article h1', { hasText: title }).first().waitFor();
}

const bar = async (scope: PlayerScope): Promise<number> => Number(await scope.locator('cm-player progress').getAttribute('value'));

/**
 * Takes the required pages of the optional course from the contents list, never the optional one.
 * Before the last one, the results view lists it as still to view and says optional pages do not count.
 */
async function takeRequiredPages(scope: PlayerScope): Promise<CourseData> {
  await scope.locator(READY_PAGE_HEADING, { hasText: 'Welcome' }).first().waitFor();
  const course = await readCourse(scope);
  // The contents come once the first view is on screen.
  await scope.locator('cm-toc ol a[href^="#/"]').first().waitFor();
  const labels = await scope.locator('cm-toc ol a[href^="#/"]').evaluateAll((links) => links.map((link) => link.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
  expect(labels.map((label) => label.includes('Optional'))).toEqual([false, true, false, false]);
  await openPage(scope, 'check', 'Check');
  const question = course.questions[0];
  if (question === undefined) throw new Error('the course has no question');
  await answerQuestion(scope, question, 'correct');
  await scope.locator('cm-toc a[href="#/:results"]').click();
  const completion = scope.locator('cm-results [data-completion]');
  await expect.poll(() => completion.getAttribute('data-completion')).toBe('incomplete');
  expect(await scope.locator('cm-results [data-unviewed] li').allTextContents()).toEqual(['Summary']);
  expect(await scope.locator('cm-results [data-optional-note]').textContent()).toBe('Pages marked “Optional” do not count towards completion.');
  expect(await scope.locator('cm-results [data-pages-needed]').count()).toBe(0);
  await scope.locator('cm-results [data-unviewed] a').click();
  await scope.locator('article h1', { hasText: 'Summary' }).first().waitFor();
  expect(await bar(scope)).toBe(100);
  return course;
}

async function contentFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  if (!frame) throw new Error('The LMS page has no content frame');
  return frame;
}

async function closeContent(page: Page, finish: string): Promise<Map<string, string>> {
  await page.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
  await expect.poll(async () => (await lmsLog(page)).some((call) => call.name === finish)).toBe(true);
  const set = (call: LmsCall): boolean => call.name === 'LMSSetValue' || call.name === 'SetValue';
  return new Map((await lmsLog(page)).filter(set).map((call) => [call.args[0] ?? '', call.args[1] ?? '']));
}

describe('a course with an optional page and completion { pages: all }', () => {
  for (const version of ['2004', '1.2'] as ScormVersion[]) {
    it(`SCORM ${version}: completed without the optional page`, async () => {
      const lms = await startScormLms(zips.get(`optional/${version === '1.2' ? 'scorm12' : 'scorm2004'}`) ?? new Uint8Array(), version);
      try {
        const page = await lms.launch(browser, { cmi: nextAttemptData(version, {}) });
        await takeRequiredPages(await contentFrame(page));
        const values = await closeContent(page, version === '1.2' ? 'LMSFinish' : 'Terminate');
        if (version === '1.2') {
          // completed-failed: a learner who passes and meets the rule is "completed".
          expect(values.get('cmi.core.lesson_status')).toBe('completed');
        } else {
          expect(values.get('cmi.completion_status')).toBe('completed');
          expect(values.get('cmi.success_status')).toBe('passed');
          expect(values.get('cmi.progress_measure')).toBe('1');
        }
        await page.context().close();
      } finally {
        await lms.close();
      }
    }, 90_000);
  }

  it('cmi5: completed and satisfied without the optional page; progressed reaches 100 with the bar', async () => {
    const tree = readCmi5Tree(await readFile(join(work, 'site', 'optional', 'cmi5', 'cmi5.xml'), 'utf8'));
    const [au] = ausOf(tree ?? { id: '', title: '', children: [] });
    if (tree === undefined || au === undefined) throw new Error('no AU in cmi5.xml');
    expect([au.moveOn, au.masteryScore]).toEqual(['CompletedAndPassed', 0.5]);
    const registration = crypto.randomUUID();
    const launch = lrs.setLaunch({ activityId: au.id, registration, moveOn: au.moveOn, returnURL: `${site.url}returned.html`, ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }) });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.url}optional/cmi5/${au.url}?${launch.search.slice(1)}`);
    await takeRequiredPages(page);
    await exitCourse(page);
    await page.waitForURL(`${site.url}returned.html`, { waitUntil: 'load' });
    await context.close();
    const statements = lrs.statements().filter((statement) => statement.context?.registration === registration);
    const verbs = statements.map(verb);
    expect(verbs).toContain('completed');
    expect(verbs).toContain('passed');
    expect(statements.filter((statement) => verb(statement) === 'progressed').at(-1)?.result?.extensions?.[PROGRESS]).toBe(100);
    expect(satisfaction(tree, auOutcomes(lrs.statements(), registration)).course).toBe(true);
    expect(lrs.cmi5Findings()).toEqual([]);
  }, 90_000);
});

describe('a course that asks for 60% of its required pages', () => {
  it('the results view says how many more pages, lists the required ones, and the course completes on the third', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.locator(READY_PAGE_HEADING, { hasText: 'One' }).first().waitFor();
    await openPage(page, 'further-reading', 'Further reading');
    expect(await bar(page)).toBe(33);
    await page.locator('cm-toc a[href="#/:results"]').click();
    await expect.poll(() => page.locator('cm-results [data-completion]').getAttribute('data-completion')).toBe('incomplete');
    expect(await page.locator('cm-results [data-completion]').textContent()).toContain('To complete it, view at least 60% of the pages.');
    expect(await page.locator('cm-results [data-pages-needed]').textContent()).toBe('2 more pages to view, from the pages below.');
    expect(await page.locator('cm-results [data-unviewed] li').allTextContents()).toEqual(['Two', 'Three', 'Four', 'Five']);
    // The contents list with its "Optional" page and the results view with its list, for axe.
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('cm-results [data-unviewed] a', { hasText: 'Four' }).click();
    await page.locator('article h1', { hasText: 'Four' }).first().waitFor();
    // The bar rounds down: it shows 100 only once the rule is met.
    expect(await bar(page)).toBe(66);
    await openPage(page, 'two', 'Two');
    expect(await bar(page)).toBe(100);
    await page.locator('cm-toc a[href="#/:results"]').click();
    await expect.poll(() => page.locator('cm-results [data-completion]').getAttribute('data-completion')).toBe('completed');
    expect(await page.locator('cm-results [data-unviewed]').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('verify walks it, reports it completed, and names the optional page', async () => {
    const report = await verifyPackage(zips.get('share/scorm2004') ?? new Uint8Array(), { name: 'reading-list.zip', answers: 'correct', resume: false }, () => Promise.resolve(browser));
    expect([...report.manifest, ...report.findings]).toEqual([]);
    expect(report.walked).toEqual({ pages: 6, questions: 0, optional: ['Further reading'] });
    expect(report.recorded?.completion).toBe('completed');
    expect(formatReport(report)).toContain('went through 6 pages (1 optional, not counted towards completion: "Further reading")');
  }, 90_000);
});
