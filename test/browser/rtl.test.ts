import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from './helpers/axe.js';
import { activeElement, openPlayer, startHarness, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness('course-ar.ts');
});
afterAll(async () => {
  await harness?.close();
});

test('an Arabic course is right to left with an Arabic interface', async () => {
  const page = await openPlayer(harness);
  await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ar', 'rtl']);
  const player = page.locator('cm-player');
  await expect(player.getAttribute('dir')).resolves.toBe('rtl');
  await expect(player.getAttribute('lang')).resolves.toBe('ar');
  await expect(page.locator('header').getByRole('button', { name: 'المساعدة والدعم' }).count()).resolves.toBe(1);
  await expect(page.locator('.pager .next').textContent()).resolves.toContain('التالي');
  await expect(page.locator('#progress-label').textContent()).resolves.toBe('التقدّم في الدورة');
  await expect(page.locator('cm-content-warning .heading').textContent()).resolves.toContain('تنبيه بشأن المحتوى');
  // The next button sits on the inline end, which is the left in right-to-left layout.
  const box = await page.locator('.pager .next').boundingBox();
  expect(box?.x ?? 1000).toBeLessThan(640);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('Arabic questions accept Arabic-Indic digits and give Arabic feedback', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-two' });
  const question = page.locator('cm-question').nth(0);
  await question.getByLabel('إجابتك').fill('٢٠١٧');
  await question.getByRole('button', { name: 'تحقّق من الإجابة' }).click();
  await expect(question.locator('.feedback').textContent()).resolves.toContain('إجابة صحيحة.');
  await page.locator('.pager .next').click();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'الختام' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.context().close();
});

test.each(['#/welcome', '#/questions-two', '#/:results'])('Arabic %s reflows at 320 px', async (hash) => {
  const page = await openPlayer(harness, { hash, width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});
