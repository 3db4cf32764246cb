import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPlayer, pageErrors, startHarness, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

test('the player loads the first page', async () => {
  const page = await openPlayer(harness);
  await expect(page.locator('article h1').textContent()).resolves.toBe('Welcome');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
