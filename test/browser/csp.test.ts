import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPlayer, pageErrors, startHarness, type Harness } from './helpers/player.js';

/**
 * The player must run under a strict policy: no inline scripts or styles, and Trusted Types
 * enforced (Lit creates its own `lit-html` policy for template preparation).
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness('course.ts', { htmlHeaders: { 'content-security-policy': POLICY } });
});
afterAll(async () => {
  await harness?.close();
});

test('the player works under a strict Content Security Policy with Trusted Types', async () => {
  const context = await harness.browser.newContext();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await openPlayer(harness, { context });
  const violations = (): Promise<string[]> =>
    page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations);
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.locator('article h1', { hasText: 'Choices and words' }).waitFor();
  const question = page.locator('cm-question').nth(0);
  await question.locator('input[value="b"]').check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.locator('.feedback').textContent()).resolves.toContain('Correct.');
  await page.locator('header').getByRole('button', { name: 'Help and support' }).click();
  await expect(page.locator('cm-support-dialog dialog').evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
  expect(await violations()).toEqual([]);
  // The policy is really in force: a raw HTML string sink is refused.
  const sinkBlocked = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (error: unknown) {
      return error instanceof TypeError;
    }
  });
  expect(sinkBlocked).toBe(true);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});
