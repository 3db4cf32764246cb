import type { Frame, Locator, Page } from 'playwright-core';
import type { ActivityData, CourseData, QuestionData } from '../../components/course-data.js';
import type { AnswerMode } from '../../components/questions/question-kind.js';
import { kindOf } from '../../components/questions/registry.js';

/**
 * The learner finds the player's controls by their `data-action` (components/README.md), never by
 * their words, so it walks a course in any interface language.
 */
const action = (name: 'start' | 'next' | 'previous' | 'results' | 'check' | 'save' | 'exit'): string => `[data-action="${name}"]`;

/** Where the player runs: the top page (cmi5, xAPI) or the LMS's content frame (SCORM). */
export type PlayerScope = Page | Frame;

/** How the scripted learner answers: from the course's answer key, against it, or the first option. */
export type { AnswerMode } from '../../components/questions/question-kind.js';

/** The course data the player holds (its answer key included), read from the running page. */
export async function readCourse(scope: PlayerScope): Promise<CourseData> {
  const course = await scope.evaluate(() => (document.querySelector('cm-player') as (Element & { course?: unknown }) | null)?.course);
  if (course === undefined || course === null) throw new Error('the page has no coursemark player (cm-player) with course data');
  return course as CourseData;
}

/** Answers one question through the player's own controls, as a learner would. */
export async function answerQuestion(scope: PlayerScope, question: QuestionData, mode: AnswerMode, signal?: AbortSignal): Promise<void> {
  const host = await questionHost(scope, question.id);
  // Each question type says how its controls are worked (components/questions/, `answerSteps`).
  for (const step of kindOf(question).answerSteps(question, mode)) {
    if (step.op === 'check') await host.locator(step.selector).check();
    else if (step.op === 'fill') await host.locator(step.selector).fill(step.text);
    else if (step.op === 'select') await host.locator(step.selector).selectOption(step.value);
    else await orderSteps(host, step.ids, signal);
  }
  await host.locator(action('check')).click();
}

async function orderSteps(host: Locator, wanted: readonly string[], signal?: AbortSignal): Promise<void> {
  const order = async (): Promise<string[]> => host.locator('.step button[id^="up-"]').evaluateAll((buttons) => buttons.map((button) => button.id.slice(3)));
  // Sorting by moving steps up takes at most n² clicks; a page whose buttons do nothing must not keep the learner clicking.
  let budget = wanted.length * wanted.length;
  for (const [index, id] of wanted.entries()) {
    while ((await order()).indexOf(id) > index) {
      signal?.throwIfAborted();
      if (--budget < 0) throw new Error(`the sequencing question's steps did not come into order after ${wanted.length * wanted.length} clicks on "Move up"`);
      await host.locator(`button#up-${id}`).click();
    }
  }
}

/** The element of one question or activity on the current page, by the id its data carries. */
async function hostOf(scope: PlayerScope, tag: 'cm-question' | 'cm-activity' | 'cm-media', id: string): Promise<Locator> {
  const hosts = scope.locator(tag);
  const ids = await hosts.evaluateAll((elements) =>
    elements.map((element) => {
      const data = element as HTMLElement & { question?: { id: string }; activity?: { id: string } };
      return data.question?.id ?? data.activity?.id ?? '';
    }),
  );
  const index = ids.indexOf(id);
  if (index < 0) throw new Error(`${tag === 'cm-question' ? 'question' : 'activity'} ${id} is not on the current page`);
  return hosts.nth(index);
}

const questionHost = (scope: PlayerScope, id: string): Promise<Locator> => hostOf(scope, 'cm-question', id);

/** Writes a reflection and saves it, as a learner would. */
export async function writeReflection(scope: PlayerScope, activity: ActivityData, text: string): Promise<void> {
  const host = await hostOf(scope, 'cm-activity', activity.id);
  await host.locator('textarea').fill(text);
  await host.locator(action('save')).click();
}

/**
 * Plays a required video or sound to its end, as a learner who watches it through would: muted (a
 * page may start muted media without a click), from just before its end to save the wait.
 */
export async function playToEnd(scope: PlayerScope, activity: ActivityData): Promise<void> {
  const host = await hostOf(scope, 'cm-media', activity.id);
  await host.locator('video, audio').evaluate(async (element) => {
    const media = element as HTMLMediaElement;
    media.muted = true;
    // The player fetches nothing before it plays (preload="none"): ask for the length first.
    if (Number.isNaN(media.duration)) {
      const known = new Promise((resolve) => media.addEventListener('loadedmetadata', resolve, { once: true }));
      media.preload = 'metadata';
      media.load();
      await known;
    }
    media.currentTime = Math.max(0, media.duration - 0.2);
    await media.play();
  });
  await host.locator('.status[data-played="true"]').waitFor();
}

/** What the learner does for an activity: writes a reflection, or plays the media to its end. */
async function doActivity(scope: PlayerScope, activity: ActivityData, options: WalkOptions): Promise<void> {
  if (activity.kind === 'reflection') await writeReflection(scope, activity, options.reflection?.(activity) ?? `Reflection for ${activity.id}, written by coursemark verify.`);
  else await playToEnd(scope, activity);
}

export async function currentTitle(scope: PlayerScope): Promise<string> {
  return ((await scope.locator('article h1').first().textContent()) ?? '').trim();
}

/**
 * The heading of the page the learner can act on. The player paints the first page before the
 * session has restored progress, with its `<main>` busy (cm-player.ts); that page is not it yet.
 */
export const READY_PAGE_HEADING = 'main:not([aria-busy]) article h1';

/**
 * Waits for the player's first page (a fresh start or a resumed one), once the learner can act on
 * it. A course with a cover page opens on it: the learner presses its Start (or Continue) button first.
 */
export async function waitForPlayer(scope: PlayerScope, timeout = 20_000): Promise<void> {
  const page = scope.locator(READY_PAGE_HEADING).first();
  const start = scope.locator(action('start'));
  await page.or(start).first().waitFor({ timeout });
  if (await start.isVisible()) await start.click();
  await page.waitFor({ timeout });
}

export interface WalkOptions {
  readonly answers: AnswerMode;
  /** Stop after answering on this page index (0-based), leaving the learner there. */
  readonly stopAfterPage?: number;
  /** What the learner writes in an activity (default: a line naming it). */
  readonly reflection?: (activity: ActivityData) => string;
  /** Called on every page once its questions and activities are done (the tests read the progress bar). */
  readonly afterPage?: (index: number) => Promise<void>;
  /** Ends the walk (verify's time limit): checked before every step. */
  readonly signal?: AbortSignal;
  /**
   * How the learner answers each further attempt of a question pool (`--answers wrong,correct`):
   * after an attempt, the learner presses "Try again" when the pool offers it and answers the new
   * draw the next way; without more ways, the learner leaves the result as it is.
   */
  readonly retries?: readonly AnswerMode[];
}

/** One pool attempt as the learner saw its result: which attempt, and the share of its points scored. */
export interface PoolAttemptSeen {
  readonly pool: string;
  readonly attempt: number;
  readonly answers: AnswerMode;
  readonly scaled: number;
}

export interface WalkResult {
  /** Questions answered, each attempt's draw counted (a pool's undrawn questions are not asked). */
  readonly questions: number;
  readonly poolAttempts: readonly PoolAttemptSeen[];
}

/** The questions of the current page the learner is asked: all but a pool's undrawn (hidden) ones, in page order. */
async function askedQuestions(scope: PlayerScope): Promise<string[]> {
  return scope.locator('cm-question').evaluateAll((elements) =>
    elements.filter((element) => !(element as HTMLElement).hidden).map((element) => (element as HTMLElement & { question?: { id: string } }).question?.id ?? ''),
  );
}

/** Answers a pool's attempts: the drawn questions in `answers`, then each retry the plan allows. */
async function answerPools(scope: PlayerScope, course: CourseData, pageId: string, options: WalkOptions, seen: PoolAttemptSeen[]): Promise<number> {
  let answered = 0;
  const pools = (course.pools ?? []).filter((candidate) => candidate.pageId === pageId);
  for (const [place, pool] of pools.entries()) {
    const plan = [options.answers, ...(options.retries ?? [])];
    const host = scope.locator('cm-pool').nth(place);
    for (const [index, mode] of plan.entries()) {
      options.signal?.throwIfAborted();
      const drawn = new Set(await askedQuestions(scope));
      for (const id of pool.questions.filter((candidate) => drawn.has(candidate))) {
        const question = course.questions.find((candidate) => candidate.id === id);
        if (question) await answerQuestion(scope, question, mode, options.signal);
        answered += 1;
      }
      const attempt = Number(await host.locator('[data-attempt]').getAttribute('data-attempt'));
      const result = (await host.locator('[data-pool-scaled]').getAttribute('data-pool-scaled')) ?? '0';
      seen.push({ pool: pool.id, attempt, answers: mode, scaled: Number(result) });
      const retry = host.locator('[data-action="retry"]');
      if (index + 1 >= plan.length || (await retry.count()) === 0) break;
      await retry.click();
      await host.locator(`[data-attempt="${attempt + 1}"]`).waitFor();
    }
  }
  return answered;
}

/**
 * Walks the course (or the AU's part of it: the player's own course data) from its first page,
 * answering every question and writing every reflection.
 */
export async function walkCourse(scope: PlayerScope, course: CourseData, options: WalkOptions): Promise<WalkResult> {
  const last = options.stopAfterPage ?? course.pages.length - 1;
  const poolAttempts: PoolAttemptSeen[] = [];
  let questions = 0;
  for (let index = 0; index <= last; index += 1) {
    options.signal?.throwIfAborted();
    const page = course.pages[index];
    if (!page) break;
    if (index > 0) {
      await scope.locator(action('next')).click();
      await scope.locator('article h1', { hasText: page.title }).first().waitFor();
    }
    for (const id of page.questions) {
      const question = course.questions.find((candidate) => candidate.id === id);
      // A pool's questions are answered attempt by attempt, below: only the drawn ones.
      if (question && question.poolId === undefined) {
        await answerQuestion(scope, question, options.answers, options.signal);
        questions += 1;
      }
    }
    questions += await answerPools(scope, course, page.id, options, poolAttempts);
    for (const id of page.activities) {
      options.signal?.throwIfAborted();
      const activity = course.activities.find((candidate) => candidate.id === id);
      if (activity) await doActivity(scope, activity, options);
    }
    await options.afterPage?.(index);
  }
  return { questions, poolAttempts };
}

/** Opens the results view and presses its exit button, as a learner ends the course. */
export async function exitCourse(scope: PlayerScope): Promise<void> {
  await scope.locator(action('results')).click();
  await scope.locator(action('exit')).click();
}

/** The page to stop on for a resume check: mid-course, never the first or the last page. */
export function resumePage(course: CourseData): number {
  return Math.max(1, Math.min(3, course.pages.length - 2));
}
