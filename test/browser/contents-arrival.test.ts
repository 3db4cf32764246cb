/**
 * The table of contents is a chunk of its own, loaded after what decides the first view. These
 * tests hold that chunk back until the first page has painted, then let it through: nothing on
 * screen may move when it arrives (no layout shift, at desktop and phone widths), and it must list
 * every page, mark the current one and say what the learner has done, as if it had been there.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pageErrors, startHarness, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

interface HeldContents {
  readonly page: Page;
  /** Lets the contents' chunk through. */
  release(): void;
}

/** Opens the player with the contents' chunk held back, once the first page is on screen. */
async function openWithoutContents(options: { readonly width: number; readonly height: number; readonly hash: string }): Promise<HeldContents> {
  const context = await harness.browser.newContext({ viewport: { width: options.width, height: options.height }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Every layout shift of the load, as Chromium reports it for Cumulative Layout Shift.
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { layoutShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/cm-toc-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(harness.url + options.hash);
  await page.locator('article h1').waitFor();
  return { page, release };
}

const layoutShifts = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);

/** Waits until the frames after the last change have been rendered (layout shifts are reported per frame). */
const nextFrames = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));

const boxOf = (page: Page, selector: string) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);

test.each([
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 740 },
])('the first page paints before the contents, and nothing moves when they arrive ($name)', async ({ width, height }) => {
  const { page, release } = await openWithoutContents({ width, height, hash: '#/questions-one' });
  await nextFrames(page);
  expect(await page.evaluate(() => customElements.get('cm-toc'))).toBeUndefined();
  const heading = await boxOf(page, 'article h1');
  const main = await boxOf(page, 'cm-player main');
  release();
  await page.locator('cm-toc nav').waitFor();
  await nextFrames(page);
  expect(await boxOf(page, 'article h1')).toEqual(heading);
  expect(await boxOf(page, 'cm-player main')).toEqual(main);
  // Over the whole load: the header, the first page and the contents each appear where they stay.
  expect(await layoutShifts(page)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});

test('contents that arrive late list every page, mark where the learner is and what they have done', async () => {
  const { page, release } = await openWithoutContents({ width: 1280, height: 900, hash: '#/welcome' });
  // The learner moves on before the contents are there.
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.locator('article h1', { hasText: 'Choices and words' }).waitFor();
  expect(await page.evaluate(() => customElements.get('cm-toc'))).toBeUndefined();
  release();
  const links = page.locator('cm-toc #toc-list > ol > li > a');
  await expect.poll(() => links.count()).toBe(4);
  await expect(page.locator('cm-toc a[aria-current="page"]').textContent()).resolves.toContain('Choices and words');
  await expect(links.nth(0).locator('.status').textContent()).resolves.toBe('Completed');
  await expect(links.nth(2).locator('.status').textContent()).resolves.toBe('Not started');
  // They go on following the learner.
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect.poll(() => page.locator('cm-toc a[aria-current="page"]').textContent()).toContain('Numbers, pairs and order');
  await expect(links.nth(1).locator('.status').textContent()).resolves.not.toBe('Not started');
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
});
