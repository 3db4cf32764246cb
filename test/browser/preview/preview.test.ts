import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { startPreview, type PreviewServer } from '../../../scripts/preview/preview-server.js';
import { answerQuestion, readCourse, walkCourse } from '../../../scripts/verify/learner.js';

// `coursemark preview` on a copy of the sample course: each target in the LMS host page, the panel
// following the learner, and Markdown edits (good and broken) while the page is open.
const repo = join(import.meta.dirname, '../../..');
const PAGE_2 = 'sections/02-image-based-sexual-abuse.md';
let folder: string;
let preview: PreviewServer;
let browser: Browser;
let page: Page;
let terminal = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coursemark-preview-'));
  await cp(join(repo, 'course'), folder, { recursive: true });
  preview = await startPreview(folder, { report: (text) => (terminal += text) });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' })).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(folder, { recursive: true, force: true });
});

const course = () => page.frameLocator('#course');
const content = async () => {
  await course().locator('article h1').first().waitFor({ timeout: 20_000 });
  const frame = page.frame({ url: /__preview\/player/ });
  if (frame === null) throw new Error('no course frame');
  return frame;
};

describe('coursemark preview', () => {
  it('shows the course for each target inside the host page', async () => {
    for (const target of ['web', 'scorm12', 'scorm2004', 'cmi5', 'xapi']) {
      await page.goto(`${preview.url}?target=${target}`);
      await expect.poll(() => course().locator('article h1').first().textContent(), { timeout: 20_000 }).toBe('Introduction');
    }
    await expect.poll(() => page.locator('#statements li').count()).toBeGreaterThan(0);
  });

  it('the panel shows the SCORM status change within a second of the learner answering', async () => {
    await page.goto(`${preview.url}?target=scorm2004`);
    const frame = await content();
    const data = await readCourse(frame);
    const index = data.pages.findIndex((candidate) => candidate.questions.length > 0);
    await walkCourse(frame, data, { answers: 'correct', stopAfterPage: index - 1 });
    await frame.getByRole('button', { name: /^Next/ }).click();
    await frame.locator('article h1', { hasText: data.pages[index]?.title ?? '' }).first().waitFor();
    await frame.locator('cm-question').first().waitFor();
    const question = data.questions.find((candidate) => candidate.id === data.pages[index]?.questions[0]);
    if (question === undefined) throw new Error('no question');
    await expect.poll(() => page.locator('#model').textContent()).toContain('Interactions0');
    await answerQuestion(frame, question, 'correct');
    const answered = Date.now();
    await expect.poll(() => page.locator('#model').textContent(), { timeout: 1_000, interval: 50 }).toMatch(/Interactions[1-9]/);
    expect(Date.now() - answered).toBeLessThan(1_000);
  });

  it('an edit to the text of the page on screen swaps that page in without reloading the frame', async () => {
    await page.goto(`${preview.url}?target=web`);
    const frame = await content();
    await frame.getByRole('button', { name: /^Next/ }).click();
    await expect.poll(() => course().locator('article h1').first().textContent()).toBe('Image-based sexual abuse');
    // A mark on the frame's window survives only if the frame is not reloaded.
    await frame.evaluate(() => Object.assign(window, { notReloaded: true }));
    const original = await readFile(join(folder, PAGE_2), 'utf8');
    await writeFile(join(folder, PAGE_2), original.replace('describes a group of behaviours', 'describes a set of behaviours'));
    await course().locator('article p', { hasText: 'describes a set of behaviours' }).waitFor({ timeout: 10_000 });
    expect(await frame.evaluate(() => 'notReloaded' in window)).toBe(true);
    await writeFile(join(folder, PAGE_2), original);
    await course().locator('article p', { hasText: 'describes a group of behaviours' }).waitFor({ timeout: 10_000 });
    expect(await frame.evaluate(() => 'notReloaded' in window)).toBe(true);
  });

  it('a Markdown edit updates the page in place and keeps the position; a broken edit shows the overlay until fixed', async () => {
    await page.goto(`${preview.url}?target=web`);
    const frame = await content();
    await frame.getByRole('button', { name: /^Next/ }).click();
    await expect.poll(() => course().locator('article h1').first().textContent()).toBe('Image-based sexual abuse');
    const original = await readFile(join(folder, PAGE_2), 'utf8');
    await writeFile(join(folder, PAGE_2), original.replace('title: Image-based sexual abuse', 'title: Image-based abuse, edited'));
    await expect.poll(() => course().locator('article h1').first().textContent(), { timeout: 10_000 }).toBe('Image-based abuse, edited');

    // Line 9 becomes an unknown directive.
    terminal = '';
    await writeFile(join(folder, PAGE_2), original.replace(':::content-warning{', ':::no-such-thing{'));
    const overlay = page.locator('vite-error-overlay');
    await expect.poll(() => overlay.locator('.file').textContent().catch(() => ''), { timeout: 10_000 }).toContain('02-image-based-sexual-abuse.md:9:1');
    expect(terminal).toContain('unknown-directive');
    await writeFile(join(folder, PAGE_2), original);
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => course().locator('article h1').first().textContent(), { timeout: 10_000 }).toBe('Image-based sexual abuse');
  });
});
