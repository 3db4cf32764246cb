import { afterAll, beforeAll, expect, test } from 'vitest';
import { activeElement, openPlayer, startHarness, type Harness } from './helpers/player.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

test.each(['#/welcome', '#/questions-one', '#/questions-two', '#/closing', '#/:glossary', '#/:results'])(
  '%s reflows at 320 px without horizontal scrolling',
  async (hash) => {
    const page = await openPlayer(harness, { hash, width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The contents collapse behind a disclosure button; opening them must not overflow either.
    const toggle = page.locator('cm-toc').getByRole('button', { name: 'Contents' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('cm-toc #toc-list').isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('cm-toc #toc-list').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  },
);

test('focus lands on the new page title after Next, and not on first load', async () => {
  const page = await openPlayer(harness);
  await expect(activeElement(page)).resolves.toMatchObject({ tag: 'body' });
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Choices and words' });
  await expect(page.locator('cm-toc a[aria-current="page"]').textContent()).resolves.toContain('Choices and words');
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Numbers, pairs and order' });
  await page.context().close();
});

test('only the current page module is loaded', async () => {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(`${harness.url}#/welcome`);
  await page.locator(READY_PAGE_HEADING).waitFor();
  expect(scripts.some((url) => /questions-two/.test(url))).toBe(false);
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.locator('article h1', { hasText: 'Choices and words' }).waitFor();
  expect(scripts.some((url) => /questions-one/.test(url))).toBe(true);
  expect(scripts.some((url) => /questions-two/.test(url))).toBe(false);
  await context.close();
});

test('the theme accent and font reach the components', async () => {
  const page = await openPlayer(harness);
  const accent = await page.locator('cm-player').evaluate((el) => getComputedStyle(el).getPropertyValue('--cm-accent').trim());
  expect(accent).toBe('#5b2a86');
  const button = page.locator('.pager .next');
  await expect(button.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(91, 42, 134)');
  await page.context().close();
});

test('page status is written in text in the table of contents', async () => {
  const page = await openPlayer(harness, { hash: '#/closing' });
  const links = page.locator('cm-toc #toc-list > ol > li > a');
  await expect(links.nth(3).textContent()).resolves.toContain('Completed');
  await expect(links.nth(0).textContent()).resolves.toContain('Not started');
  await page.context().close();
});

test('the contents list the current page sections, which open the section', async () => {
  const page = await openPlayer(harness, { hash: '#/closing' });
  const section = page.locator('cm-toc .headings a', { hasText: 'Where next' });
  await expect(section.getAttribute('href')).resolves.toBe('#/closing/where-next');
  await section.click();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h2', id: 'where-next' });
  await page.context().close();
});

test('Back and Forward move between pages and focus their titles', async () => {
  const page = await openPlayer(harness, { hash: '#/welcome' });
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Choices and words' });
  await page.goBack();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Welcome' });
  await page.goForward();
  await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'Choices and words' });
  await page.context().close();
});

test('the "You have left the course" view uses the width the contents list leaves free', async () => {
  const page = await openPlayer(harness, { hash: '#/:results' });
  await page.getByRole('button', { name: 'Exit course' }).click();
  const left = page.locator('cm-player .exited');
  await left.waitFor();
  const width = await left.evaluate((element) => element.getBoundingClientRect().width);
  // At 1280 px: the view's own measure (42rem, 672 px), not the contents list's first grid column (14-18rem).
  expect(width).toBeGreaterThan(600);
  await page.context().close();
});
