import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './helpers/axe.js';
import { activeElement, openPlayer, pageErrors, startHarness, type Harness } from './helpers/player.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const ROUTES = ['#/welcome', '#/questions-one', '#/questions-two', '#/closing', '#/:glossary', '#/:results'];

describe.each(['light', 'dark'] as const)('axe, %s colour scheme', (colorScheme) => {
  test.each(ROUTES)('%s has no serious or critical violations', async (hash) => {
    const page = await openPlayer(harness, { hash, colorScheme });
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

test('questions with feedback shown have no serious or critical violations', async () => {
  const page = await openPlayer(harness, { hash: '#/questions-one' });
  const questions = page.locator('cm-question');
  await questions.nth(0).locator('input[value="a"]').check();
  await questions.nth(0).getByRole('button', { name: 'Check answer' }).click();
  await questions.nth(1).getByRole('button', { name: 'Check answer' }).click();
  await expect(questions.nth(0).locator('.feedback').textContent()).resolves.toContain('Not quite.');
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

test('the support dialog has no violations, closes with Escape and returns focus', async () => {
  const page = await openPlayer(harness, { hash: '#/welcome' });
  const opener = page.locator('header').getByRole('button', { name: 'Help and support' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('cm-support-dialog dialog');
  await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
  await expect(activeElement(page)).resolves.toMatchObject({ tag: 'h2', text: 'Help and support' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
  await expect(activeElement(page)).resolves.toMatchObject({ tag: 'button', text: 'Help and support' });
  await page.context().close();
});

test('the content warning opens the support panel and focus returns to its button', async () => {
  const page = await openPlayer(harness, { hash: '#/welcome' });
  await page.locator('cm-content-warning').getByRole('button', { name: 'Open help and support' }).click();
  const dialog = page.locator('cm-support-dialog dialog');
  await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
  await page.locator('cm-support-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(activeElement(page)).resolves.toMatchObject({ tag: 'button', text: 'Open help and support' });
  await page.context().close();
});

test('a glossary term shows its definition in a live region and Escape closes it', async () => {
  const page = await openPlayer(harness, { hash: '#/welcome' });
  const term = page.locator('cm-term').first();
  const button = term.locator('button');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
  await expect(term.locator('[role="status"]').textContent()).resolves.toContain('Threatening to share');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(term.locator('[role="status"]').textContent()).resolves.toBe('');
  await page.context().close();
});

test('unsafe URLs in page content are neutralised', async () => {
  const page = await openPlayer(harness, { hash: '#/welcome' });
  await expect(page.locator('article a', { hasText: 'refused link' }).getAttribute('href')).resolves.toBe('#');
  await expect(page.locator('article a', { hasText: 'web link' }).getAttribute('href')).resolves.toBe('https://example.org');
  await page.context().close();
});
