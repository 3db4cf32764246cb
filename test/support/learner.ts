import type { Frame, Locator, Page } from 'playwright-core';
import type { CourseData, QuestionData } from '../../components/course-data.js';

/** Where the player runs: the top page (web build, cmi5 launch) or the LMS's content frame. */
export type PlayerScope = Page | Frame;

/**
 * A scripted learner that answers from the course's own answer key, rightly or wrongly, through the
 * player's controls (pointer clicks and typing: the keyboard-only walk has its own test).
 */
export async function answerQuestion(scope: PlayerScope, question: QuestionData, correct: boolean): Promise<void> {
  const host = await questionHost(scope, question.id);
  switch (question.type) {
    case 'single-choice': {
      const choice = question.choices.find((option) => option.correct === correct) ?? question.choices[0];
      await host.locator(`input[value="${choice?.id ?? 'a'}"]`).check();
      break;
    }
    case 'multiple-response': {
      const chosen = correct ? question.choices.filter((option) => option.correct) : question.choices.filter((option) => !option.correct).slice(0, 1);
      for (const option of chosen) await host.locator(`input[value="${option.id}"]`).check();
      break;
    }
    case 'true-false':
      await host.locator(`input[value="${String(correct ? question.answer : !question.answer)}"]`).check();
      break;
    case 'fill-in':
      await host.locator('input#answer').fill(correct ? (question.answers[0] ?? '') : 'not the answer');
      break;
    case 'numeric':
      await host.locator('input#answer').fill(String(correct ? question.answer : question.answer + question.tolerance + 1000));
      break;
    case 'matching':
      for (const [index, [source, target]] of question.pairs.entries()) {
        const wrong = question.targets[(question.targets.findIndex((item) => item.id === target) + 1) % question.targets.length]?.id ?? target;
        await host.locator(`select#match-${source}`).selectOption(correct || index > 0 ? target : wrong);
      }
      break;
    case 'sequencing':
      // The player never starts in the correct order, so leaving it as shown is a wrong answer.
      if (correct) await orderSteps(host, question.steps.map((step) => step.id));
      break;
  }
  await host.getByRole('button', { name: 'Check answer' }).click();
}

async function orderSteps(host: Locator, wanted: readonly string[]): Promise<void> {
  const order = async (): Promise<string[]> => host.locator('.step button[id^="up-"]').evaluateAll((buttons) => buttons.map((button) => button.id.slice(3)));
  for (const [index, id] of wanted.entries()) {
    while ((await order()).indexOf(id) > index) await host.locator(`button#up-${id}`).click();
  }
}

async function questionHost(scope: PlayerScope, id: string): Promise<Locator> {
  const hosts = scope.locator('cm-question');
  const ids = await hosts.evaluateAll((elements) => elements.map((element) => (element as HTMLElement & { question?: { id: string } }).question?.id ?? ''));
  const index = ids.indexOf(id);
  if (index < 0) throw new Error(`Question ${id} is not on the current page`);
  return hosts.nth(index);
}

export async function currentTitle(scope: PlayerScope): Promise<string> {
  return (await scope.locator('article h1').first().textContent()) ?? '';
}

/** Goes to the next page with the player's Next button and waits for its heading. */
export async function nextPage(scope: PlayerScope, title: string): Promise<void> {
  await scope.getByRole('button', { name: /^Next/ }).click();
  await scope.locator('article h1', { hasText: title }).first().waitFor();
}

export interface WalkOptions {
  /** Answer every question rightly (default) or wrongly. */
  readonly correct?: boolean;
  /** Stop after answering on this page index (0-based), leaving the learner there. */
  readonly stopAfterPage?: number;
  /** Start from this page index (the page the player shows now). */
  readonly fromPage?: number;
}

/** Walks the course page by page, answering every question and writing every reflection. */
export async function walkCourse(scope: PlayerScope, course: CourseData, options: WalkOptions = {}): Promise<void> {
  const first = options.fromPage ?? 0;
  const last = options.stopAfterPage ?? course.pages.length - 1;
  for (let index = first; index <= last; index += 1) {
    const page = course.pages[index];
    if (!page) break;
    if (index > first) await nextPage(scope, page.title);
    for (const id of page.questions) {
      const question = course.questions.find((candidate) => candidate.id === id);
      if (question) await answerQuestion(scope, question, options.correct ?? true);
    }
    for (const id of page.activities) {
      const activity = scope.locator('cm-activity');
      await activity.locator('textarea').fill(`My reflection for ${id}: I would not pass the image on.`);
      await activity.getByRole('button', { name: /^Save/ }).click();
    }
  }
}
