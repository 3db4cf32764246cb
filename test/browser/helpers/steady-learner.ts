/**
 * A learner who acts steadily (one action a second: a page, an answer, a reflection) through a
 * course in a real player, and what that learner should find again after a relaunch.
 */
import type { Page } from 'playwright-core';
import type { CourseData } from '../../../components/course-data.js';
import type { ProgressState } from '../../../components/tracker.js';
import { answerQuestion, writeReflection, type PlayerScope } from '../../../scripts/verify/learner.js';

export type Action =
  | { readonly kind: 'next'; readonly page: number }
  | { readonly kind: 'answer'; readonly page: number; readonly question: string }
  | { readonly kind: 'reflect'; readonly page: number; readonly activity: string };

/** Every action through the course, in order, from its first page. */
export function actionsOf(course: CourseData): Action[] {
  const actions: Action[] = [];
  for (const page of course.pages) {
    if (page.index > 0) actions.push({ kind: 'next', page: page.index });
    for (const question of page.questions) actions.push({ kind: 'answer', page: page.index, question });
    for (const activity of page.activities) actions.push({ kind: 'reflect', page: page.index, activity });
  }
  return actions;
}

export async function perform(page: PlayerScope, course: CourseData, action: Action): Promise<void> {
  if (action.kind === 'next') {
    await page.locator('[data-action="next"]').click();
    await page.locator('article h1', { hasText: course.pages[action.page]?.title ?? '' }).first().waitFor();
    return;
  }
  if (action.kind === 'answer') {
    const question = course.questions.find((candidate) => candidate.id === action.question);
    if (question === undefined) throw new Error(`no question ${action.question}`);
    await answerQuestion(page, question, 'correct');
    return;
  }
  const activity = course.activities.find((candidate) => candidate.id === action.activity);
  if (activity === undefined) throw new Error(`no activity ${action.activity}`);
  await writeReflection(page, activity, `A reflection on ${action.activity}.`);
}

/** Performs `actions`, each starting `everyMs` after the one before; returns when each one ended. */
export async function actSteadily(page: Page, course: CourseData, actions: readonly Action[], everyMs = 1000): Promise<number[]> {
  const ended: number[] = [];
  let next = Date.now();
  for (const action of actions) {
    const wait = next - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    next = Date.now() + everyMs;
    await perform(page, course, action);
    ended.push(Date.now());
  }
  return ended;
}

/** The progress the running player holds. */
export function playerState(page: PlayerScope): Promise<ProgressState | undefined> {
  return page.evaluate(() => (document.querySelector('cm-player') as (Element & { session?: { state: unknown } }) | null)?.session?.state as ProgressState | undefined);
}
