import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPlayer, pageErrors, readProgress, startHarness, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

interface Case {
  readonly id: string;
  readonly hash: string;
  readonly index: number;
  readonly wrong: (question: Locator) => Promise<void>;
  readonly right: (question: Locator) => Promise<void>;
  /** Text of the author's feedback expected after the right answer, if any. */
  readonly rightFeedback?: string;
  readonly wrongFeedback?: string;
}

async function order(question: Locator): Promise<string[]> {
  return question.locator('.step-text').allTextContents();
}

/** Puts the sequencing steps in `target` order with the Move up buttons. */
async function sortSteps(question: Locator, target: readonly string[]): Promise<void> {
  for (let i = 0; i < target.length; i += 1) {
    const wanted = target[i] ?? '';
    let current = await order(question);
    while (current.indexOf(wanted) > i) {
      await question.getByRole('button', { name: `Move up: ${wanted}` }).click();
      current = await order(question);
    }
  }
}

const CASES: readonly Case[] = [
  {
    id: 'who-is-responsible',
    hash: '#/questions-one',
    index: 0,
    wrong: (q) => q.locator('input[value="a"]').check(),
    right: (q) => q.locator('input[value="b"]').check(),
    wrongFeedback: 'They did not choose this use of the image.',
    rightFeedback: 'responsibility lies with the person who shared the image',
  },
  {
    id: 'forms-of-abuse',
    hash: '#/questions-one',
    index: 1,
    wrong: async (q) => {
      await q.locator('input[value="a"]').check();
      await q.locator('input[value="c"]').check();
    },
    right: async (q) => {
      await q.locator('input[value="c"]').uncheck();
      await q.locator('input[value="b"]').check();
    },
  },
  {
    id: 'only-women',
    hash: '#/questions-one',
    index: 2,
    wrong: (q) => q.getByLabel('True').check(),
    right: (q) => q.getByLabel('False').check(),
    wrongFeedback: 'It affects people of every gender.',
  },
  {
    id: 'name-the-crime',
    hash: '#/questions-one',
    index: 3,
    wrong: (q) => q.getByLabel('Your answer').fill('blackmail'),
    right: (q) => q.getByLabel('Your answer').fill('  Sexual   EXTORTION '),
    rightFeedback: 'Sextortion is the usual term.',
  },
  {
    id: 'year',
    hash: '#/questions-two',
    index: 0,
    wrong: (q) => q.getByLabel('Your answer').fill('2016'),
    right: (q) => q.getByLabel('Your answer').fill('٢٠١٧'),
    rightFeedback: 'It was published in 2017.',
  },
  {
    id: 'match-terms',
    hash: '#/questions-two',
    index: 1,
    wrong: async (q) => {
      await q.locator('#match-1').selectOption('b');
      await q.locator('#match-2').selectOption('a');
      await q.locator('#match-3').selectOption('c');
    },
    right: async (q) => {
      await q.locator('#match-1').selectOption('a');
      await q.locator('#match-2').selectOption('b');
    },
  },
  {
    id: 'reporting-steps',
    hash: '#/questions-two',
    index: 2,
    // The shuffled starting order is never the correct one.
    wrong: async () => undefined,
    right: (q) => sortSteps(q, ['Keep evidence', 'Report to the platform', 'Contact a helpline']),
    rightFeedback: 'Evidence first, then reports.',
  },
];

async function check(page: Page, question: Locator): Promise<string> {
  await question.getByRole('button', { name: 'Check answer' }).click();
  await question.locator('.verdict').waitFor();
  return (await question.locator('.feedback').textContent()) ?? '';
}

describe.each(CASES)('$id', (item) => {
  test('scores a wrong answer, then a right one, and saves both attempts', async () => {
    const page = await openPlayer(harness, { hash: item.hash });
    const question = page.locator('cm-question').nth(item.index);
    await item.wrong(question);
    const wrong = await check(page, question);
    expect(wrong).toContain('Not quite.');
    expect(wrong).toContain('You can change your answer and check it again.');
    if (item.wrongFeedback !== undefined) expect(wrong).toContain(item.wrongFeedback);
    let saved = await readProgress(page);
    expect(saved?.['answers']).toMatchObject({ [item.id]: { correct: false, attempt: 1 } });

    await item.right(question);
    const right = await check(page, question);
    expect(right).toContain('Correct.');
    expect(right).not.toContain('Not quite.');
    if (item.rightFeedback !== undefined) expect(right).toContain(item.rightFeedback);
    saved = await readProgress(page);
    expect(saved?.['answers']).toMatchObject({ [item.id]: { correct: true, attempt: 2 } });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

test('a question without an answer asks for one and records nothing', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-one' });
  const question = page.locator('cm-question').nth(0);
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.locator('.notice').textContent()).resolves.toBe('Give an answer first.');
  expect((await readProgress(page))?.['answers']).toEqual({});
  await page.context().close();
});

test('a numeric answer that is not a number is explained, not scored', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-two' });
  const question = page.locator('cm-question').nth(0);
  await question.getByLabel('Your answer').fill('twenty');
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByLabel('Your answer').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(question.locator('#number-error').textContent()).resolves.toContain('Enter a number');
  expect((await readProgress(page))?.['answers']).toEqual({});
  await page.context().close();
});

test('sequencing and matching orders are shuffled the same way on every load', async () => {
  const first = await openPlayer(harness, { hash: '#/questions-two' });
  const seq = await order(first.locator('cm-question').nth(2));
  const targets = await first.locator('cm-question').nth(1).locator('#match-1 option').allTextContents();
  await first.context().close();
  const second = await openPlayer(harness, { hash: '#/questions-two' });
  expect(await order(second.locator('cm-question').nth(2))).toEqual(seq);
  expect(await second.locator('cm-question').nth(1).locator('#match-1 option').allTextContents()).toEqual(targets);
  expect(seq).not.toEqual(['Keep evidence', 'Report to the platform', 'Contact a helpline']);
  await second.context().close();
});

test('the activity saves the reflection and reveals the discussion', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-two' });
  const activity = page.locator('cm-activity');
  await activity.getByLabel('Your reflection').fill('I would not pass it on.');
  await activity.getByRole('button', { name: 'Save reflection' }).click();
  const disclosure = activity.getByRole('button', { name: 'Show discussion' });
  await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('false');
  await disclosure.click();
  await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(activity.locator('#discussion').isVisible()).resolves.toBe(true);
  // The activity is private: saved progress knows it was done, never what was written.
  expect((await readProgress(page))?.['activities']).toEqual({ 'bystander-reflection': { shared: false } });
  expect(JSON.stringify(await readProgress(page))).not.toContain('I would not pass it on.');
  await page.context().close();
});
