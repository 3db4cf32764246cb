import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData } from '../../components/course-data.js';
import type { MoveOn } from '../../components/runtime/cmi5/launch-data.js';
import { auOutcomes, ausOf, readCmi5Tree, satisfaction, type AuNode, type Cmi5Tree } from '../../scripts/lms/cmi5-satisfaction.js';
import { exitCourse, readCourse, waitForPlayer, walkCourse, type AnswerMode } from '../../scripts/verify/learner.js';
import { startLrs, type RunningLrs, type StoredStatement } from '../support/lrs-server.js';
import { launchBrowser } from './helpers/browser.js';
import { buildWithCli, LAB_COURSE, unzipInto, writeCourse } from './helpers/generated-course.js';
import { serveDirectory, type StaticServer } from './helpers/server.js';

// A course in two parts, packaged for cmi5 one AU per page and one AU per part, and played AU by AU
// against the loopback LRS as a cmi5 LMS would launch each (cmi5 8.1, 10.2.1 LaunchData per AU).
const V = 'http://adlnet.gov/expapi/verbs/';
const PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MOVE_ONS: readonly MoveOn[] = ['Completed', 'Passed', 'CompletedOrPassed', 'CompletedAndPassed', 'NotApplicable'];

let work: string;
let browser: Browser;
let content: StaticServer;
let lrs: RunningLrs;
const trees = new Map<'per-page' | 'per-part', Cmi5Tree>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'coursemark-aus-'));
  await writeCourse(join(work, 'course'), LAB_COURSE);
  for (const layout of ['per-page', 'per-part'] as const) {
    const out = join(work, 'out', layout);
    await buildWithCli(join(work, 'course'), out, '--target', 'cmi5', '--cmi5-aus', layout);
    const zip = (await readdir(out)).find((name) => name.endsWith('-cmi5.zip'));
    if (zip === undefined) throw new Error(`no cmi5 zip in ${out}`);
    await unzipInto(join(out, zip), join(work, 'site', layout));
    const tree = readCmi5Tree(await readFile(join(work, 'site', layout, 'cmi5.xml'), 'utf8'));
    if (tree === undefined) throw new Error('cmi5.xml does not parse');
    trees.set(layout, tree);
  }
  await writeFile(join(work, 'site', 'returned.html'), '<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
  content = await serveDirectory(join(work, 'site'));
  lrs = await startLrs();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lrs?.close();
  await content?.close();
  await rm(work, { recursive: true, force: true });
});

interface Played {
  readonly course: CourseData;
  readonly statements: readonly StoredStatement[];
  readonly contents: readonly string[];
  /** The progress bar and the last `progressed` value, after each page. */
  readonly bars: readonly (readonly [bar: number, progressed: number | undefined])[];
  readonly page: Page;
}

const verb = (statement: StoredStatement): string => statement.verb.id.replace(V, '');

interface PlayOptions {
  readonly registration: string;
  readonly answers?: AnswerMode;
  /** LaunchData masteryScore: the AU's from cmi5.xml unless given; null for none. */
  readonly masteryScore?: number | null;
  readonly moveOn?: MoveOn;
  readonly keepOpen?: boolean;
}

/** Launches one AU as the LMS would, walks its pages, presses Exit, and returns what its session sent. */
async function play(layout: 'per-page' | 'per-part', au: AuNode, options: PlayOptions): Promise<Played> {
  const mastery = options.masteryScore === undefined ? au.masteryScore : (options.masteryScore ?? undefined);
  const launch = lrs.setLaunch({
    activityId: au.id,
    registration: options.registration,
    moveOn: options.moveOn ?? au.moveOn,
    returnURL: `${content.url}returned.html`,
    ...(mastery === undefined ? {} : { masteryScore: mastery }),
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${content.url}${layout}/${au.url}${au.url.includes('?') ? '&' : '?'}${launch.search.slice(1)}`);
  await waitForPlayer(page);
  const course = await readCourse(page);
  // The contents come once the first view is on screen.
  await page.locator('cm-toc a[href^="#/"]').first().waitFor();
  const contents = await page.locator('cm-toc a[href^="#/"]:not([href^="#/:"])').evaluateAll((links) => links.map((link) => link.textContent?.trim() ?? ''));
  const ofSession = (): StoredStatement[] => lrs.statements().filter((statement) => statement.context?.extensions?.[SESSION] === launch.sessionId);
  const bars: [number, number | undefined][] = [];
  await walkCourse(page, course, {
    answers: options.answers ?? 'correct',
    afterPage: async () => {
      const bar = Number(await page.locator('cm-player progress').getAttribute('value'));
      // The statements of this page reach the LRS within about a second (the delivery queue's debounce).
      await expect.poll(() => ofSession().filter((statement) => verb(statement) === 'progressed').at(-1)?.result?.extensions?.[PROGRESS], { timeout: 10_000 }).toBe(bar);
      bars.push([bar, ofSession().filter((statement) => verb(statement) === 'progressed').at(-1)?.result?.extensions?.[PROGRESS] as number | undefined]);
    },
  });
  if (options.keepOpen === true) return { course, statements: ofSession(), contents, bars, page };
  await exitCourse(page);
  await expect.poll(() => ofSession().some((statement) => verb(statement) === 'terminated'), { timeout: 10_000 }).toBe(true);
  await closeAfterReturn(page);
  return { course, statements: ofSession(), contents, bars, page };
}

/**
 * After "terminated" the AU goes to the LMS's returnURL (cmi5 10.2.1). The context is closed once that page
 * has loaded: Chromium never answers the request to dispose a context whose top-level navigation is still
 * under way, and the test would wait for it until its time limit.
 */
async function closeAfterReturn(page: Page): Promise<void> {
  await page.waitForURL(`${content.url}returned.html`, { waitUntil: 'load' });
  await page.context().close();
}

describe('cmi5, one AU per page, in a block per part', () => {
  it('each AU presents its own page and reports over it; every AU, block and the course are satisfied', async () => {
    const tree = trees.get('per-page');
    if (tree === undefined) throw new Error('no tree');
    expect(tree.children.map((node) => [node.kind, node.id])).toEqual([
      ['block', 'https://example.org/courses/lab-safety/parts/learn'],
      ['block', 'https://example.org/courses/lab-safety/parts/check'],
    ]);
    const registration = crypto.randomUUID();
    for (const au of ausOf(tree)) {
      const played = await play('per-page', au, { registration });
      expect(played.course.pages).toHaveLength(1);
      expect(played.contents).toHaveLength(1);
      expect(played.contents[0]).toContain(played.course.pages[0]?.title);
      const verbs = played.statements.map(verb);
      expect(verbs[0]).toBe('initialized');
      expect(verbs.at(-1)).toBe('terminated');
      expect(verbs).toContain('completed');
      const outcome = played.statements.filter((statement) => ['passed', 'failed'].includes(verb(statement)));
      if (au.masteryScore === undefined) {
        // An AU without questions never judges passing and claims no mastery score.
        expect(outcome, au.id).toEqual([]);
        expect(played.course.questions).toEqual([]);
      } else {
        expect(outcome.map(verb), au.id).toEqual(['passed']);
        expect(outcome[0]?.context?.extensions?.[MASTERY]).toBe(au.masteryScore);
      }
      expect(played.bars.at(-1)).toEqual([100, 100]);
    }
    const result = satisfaction(tree, auOutcomes(lrs.statements(), registration));
    expect([...result.aus.values()]).toEqual([true, true, true, true]);
    expect([...result.blocks.values()]).toEqual([true, true]);
    expect(result.course).toBe(true);
    expect(lrs.cmi5Findings()).toEqual([]);
  }, 180_000);
});

describe('cmi5, one AU per part', () => {
  it('the reading part: its two pages only, progress equal to the bar on every page, completed without a score', async () => {
    const [learn] = ausOf(trees.get('per-part') ?? { children: [] });
    if (learn === undefined) throw new Error('no AU');
    expect([learn.url, learn.moveOn, learn.masteryScore]).toEqual(['index.html?au=learn', 'Completed', undefined]);
    const played = await play('per-part', learn, { registration: crypto.randomUUID(), keepOpen: true });
    // The link to the first quiz, which this AU does not present, stays text and says where the page is.
    const quizLink = played.page.locator('article a', { hasText: 'first quiz' });
    expect(await quizLink.getAttribute('href')).toBeNull();
    expect(await quizLink.getAttribute('title')).toContain('another part of the course');
    await exitCourse(played.page);
    await closeAfterReturn(played.page);
    expect(played.contents).toHaveLength(2);
    expect(played.contents.map((text, i) => text.includes(['Welcome', 'Hazards'][i] ?? '?'))).toEqual([true, true]);
    expect(played.bars).toEqual([
      [50, 50],
      [100, 100],
    ]);
    const verbs = played.statements.map(verb);
    expect(verbs.filter((name) => ['passed', 'failed'].includes(name))).toEqual([]);
    expect(verbs.indexOf('completed')).toBeGreaterThan(verbs.lastIndexOf('progressed'));
    expect(lrs.cmi5Findings()).toEqual([]);
  }, 120_000);

  it('the check part: moveOn and masteryScore from LaunchData decide; the AU reports the same whatever the moveOn', async () => {
    const check = ausOf(trees.get('per-part') ?? { children: [] })[1];
    if (check === undefined) throw new Error('no AU');
    expect([check.moveOn, check.masteryScore]).toEqual(['CompletedAndPassed', 0.5]);
    const cases = [
      { answers: 'wrong', masteryScore: 0.5, moveOn: 'CompletedAndPassed', expected: ['failed', 0.5], satisfied: ['Completed', 'CompletedOrPassed', 'NotApplicable'] },
      { answers: 'correct', masteryScore: null, moveOn: 'Passed', expected: ['passed', undefined], satisfied: MOVE_ONS },
      { answers: 'correct', masteryScore: 0.5, moveOn: 'NotApplicable', expected: ['passed', 0.5], satisfied: MOVE_ONS },
    ] as const;
    for (const { answers, masteryScore, moveOn, expected, satisfied } of cases) {
      const registration = crypto.randomUUID();
      const played = await play('per-part', check, { registration, answers, masteryScore, moveOn });
      const outcome = played.statements.filter((statement) => ['passed', 'failed'].includes(verb(statement)));
      expect(outcome.map((statement) => [verb(statement), statement.context?.extensions?.[MASTERY]]), JSON.stringify({ answers, masteryScore })).toEqual([expected]);
      expect(played.statements.map(verb)).toContain('completed');
      const outcomes = auOutcomes(lrs.statements(), registration);
      const tree: Cmi5Tree = { id: '', title: '', children: [check] };
      for (const candidate of MOVE_ONS) {
        expect(satisfaction(tree, outcomes, () => candidate).course, `${answers} / ${candidate}`).toBe((satisfied as readonly string[]).includes(candidate));
      }
    }
    expect(lrs.cmi5Findings()).toEqual([]);
  }, 180_000);

  it('the player states the passing score the LMS set, not course.yaml\'s', async () => {
    const check = ausOf(trees.get('per-part') ?? { children: [] })[1];
    if (check === undefined) throw new Error('no AU');
    const played = await play('per-part', check, { registration: crypto.randomUUID(), answers: 'first', masteryScore: 0.9, keepOpen: true });
    await played.page.locator('[data-action="results"]').click();
    await expect.poll(() => played.page.locator('cm-results .outcome').first().textContent()).toContain('90%');
    await played.page.context().close();
  }, 120_000);
});
