import { afterAll, beforeAll, expect, test } from 'vitest';
import { STORAGE_KEY, openPlayer, readProgress, startHarness, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

test('after a reload the learner resumes on the same page with saved answers', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-one' });
  const first = page.locator('cm-question').nth(0);
  await first.locator('input[value="b"]').check();
  await first.getByRole('button', { name: 'Check answer' }).click();
  const fill = page.locator('cm-question').nth(3);
  await fill.getByLabel('Your answer').fill('blackmail');
  await fill.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.locator('article h1', { hasText: 'Numbers, pairs and order' }).waitFor();
  const sequence = page.locator('cm-question').nth(2);
  await sequence.getByRole('button', { name: /^Move down/ }).first().click();
  await sequence.getByRole('button', { name: 'Check answer' }).click();
  const order = await sequence.locator('.step-text').allTextContents();
  await page.locator('cm-activity').getByLabel('Your reflection').fill('Saved text');
  await page.locator('cm-activity').getByRole('button', { name: 'Save reflection' }).click();

  // Open the course again without a route: it resumes at the saved location.
  await page.goto(harness.url);
  await page.locator('article h1', { hasText: 'Numbers, pairs and order' }).waitFor();
  expect(page.url()).toContain('#/questions-two');
  await expect(page.locator('cm-question').nth(2).locator('.step-text').allTextContents()).resolves.toEqual(order);
  await expect(page.locator('cm-activity').getByLabel('Your reflection').inputValue()).resolves.toBe('Saved text');
  await expect(page.locator('cm-activity').getByRole('button', { name: 'Show discussion' }).count()).resolves.toBe(1);

  await page.getByRole('button', { name: /^Previous/ }).click();
  await page.locator('article h1', { hasText: 'Choices and words' }).waitFor();
  await expect(page.locator('cm-question').nth(0).locator('input[value="b"]').isChecked()).resolves.toBe(true);
  await expect(page.locator('cm-question').nth(0).locator('.feedback').textContent()).resolves.toContain('Correct.');
  await expect(page.locator('cm-question').nth(3).getByLabel('Your answer').inputValue()).resolves.toBe('blackmail');
  const saved = await readProgress(page);
  expect(saved).toMatchObject({ visited: ['questions-one', 'questions-two'], completed: false });
  await page.context().close();
});

test('corrupt saved progress means a fresh start, not a crash', async () => {
  const context = await harness.browser.newContext();
  await context.addInitScript((key) => localStorage.setItem(key, '{"location": 2, "visited": [tru'), STORAGE_KEY);
  const page = await openPlayer(harness, { context });
  await expect(page.locator('article h1').textContent()).resolves.toBe('Welcome');
  await context.close();
});

test('saved progress of the wrong shape is ignored', async () => {
  const context = await harness.browser.newContext();
  await context.addInitScript(
    (key) => localStorage.setItem(key, JSON.stringify({ location: 'x', visited: [], answers: {}, activities: {}, completed: false })),
    STORAGE_KEY,
  );
  const page = await openPlayer(harness, { context });
  await expect(page.locator('article h1').textContent()).resolves.toBe('Welcome');
  await context.close();
});

test('when storage fails the player says it is not saving and keeps working', async () => {
  const context = await harness.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
  });
  const page = await openPlayer(harness, { context });
  await expect(page.locator('cm-player .notice').textContent()).resolves.toContain('not being saved');
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.locator('article h1', { hasText: 'Choices and words' }).waitFor();
  await context.close();
});
