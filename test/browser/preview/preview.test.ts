import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { main } from '../../../scripts/cli/main.js';
import { launchBrowser } from '../../../scripts/lms/browser.js';
import { startPreview, type PreviewServer } from '../../../scripts/preview/preview-server.js';
import { READY_PAGE_HEADING, answerQuestion, readCourse, walkCourse } from '../../../scripts/verify/learner.js';

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
  await course().locator(READY_PAGE_HEADING).first().waitFor({ timeout: 20_000 });
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
    await expect.poll(() => page.locator('#interactions caption').textContent()).toBe('Interactions (0)');
    await answerQuestion(frame, question, 'correct');
    const answered = Date.now();
    await expect.poll(() => page.locator('#interactions caption').textContent(), { timeout: 1_000, interval: 50 }).toMatch(/Interactions \([1-9]\)/);
    expect(Date.now() - answered).toBeLessThan(1_000);
  });

  it("the panel's interactions table and decoded suspend_data show what the emulated LMS holds", async () => {
    for (const [target, version] of [['scorm12', '1.2'], ['scorm2004', '2004']] as const) {
      await page.goto(`${preview.url}?target=${target}`);
      const frame = await content();
      const data = await readCourse(frame);
      await walkCourse(frame, data, { answers: 'first' });
      // Every question answered: the table has a row per interaction the LMS recorded.
      await expect.poll(() => page.locator('#interactions tbody tr').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(data.questions.length);
      const held = await page.evaluate((v) => {
        type Entry = Record<string, unknown> & { correct_responses?: Record<string, { pattern?: string }> };
        const api = (v === '1.2' ? (window as unknown as { API: { renderCMIToJSONString(): string } }).API : (window as unknown as { API_1484_11: { renderCMIToJSONString(): string } }).API_1484_11);
        const cmi = JSON.parse(api.renderCMIToJSONString()).cmi as { interactions: Record<string, Entry>; suspend_data: string };
        const indexed = <T,>(collection: Record<string, T> | undefined): T[] => Object.keys(collection ?? {}).filter((key) => /^\d+$/.test(key)).sort((a, b) => Number(a) - Number(b)).map((key) => (collection as Record<string, T>)[key] as T);
        return {
          rows: indexed(cmi.interactions).map((entry) => [entry.id, entry.type, v === '1.2' ? entry.student_response : entry.learner_response, entry.result, indexed(entry.correct_responses).map((r) => r.pattern).join(' | '), entry.latency].map((value) => String(value ?? ''))),
          suspend: cmi.suspend_data,
        };
      }, version);
      const shown = await page.locator('#interactions tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
      expect(shown).toEqual(held.rows);
      expect(held.rows.every((row) => row[0] !== '' && row[1] !== '' && row[3] !== '')).toBe(true);
      expect(held.rows.filter((row) => row[4] !== '').length).toBeGreaterThanOrEqual(data.questions.length);
      expect(await page.locator('#interactions thead th').allTextContents()).toEqual(['Id', 'Type', 'Learner response', 'Result', 'Correct pattern', 'Latency']);
      // suspend_data decoded as the player reads it: the pages visited and the answers given.
      expect(held.suspend).not.toBe('');
      const decoded = async () => JSON.parse((await page.locator('#suspend-data').textContent()) ?? '{}') as { visited?: string[]; answers?: Record<string, unknown> };
      await expect.poll(async () => (await decoded()).visited, { timeout: 10_000 }).toEqual(data.pages.map((candidate) => candidate.id));
      expect(Object.keys((await decoded()).answers ?? {}).sort()).toEqual(data.questions.map((candidate) => candidate.id).sort());
    }
  });

  it("serves the course's images where the player's pages ask for them", async () => {
    await page.goto(`${preview.url}?target=web`);
    const frame = await content();
    await frame.getByRole('button', { name: /^Next/ }).click();
    await expect.poll(() => course().locator('article h1').first().textContent()).toBe('Image-based sexual abuse');
    const image = course().locator('cm-figure img');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    const src = await image.evaluate((img: HTMLImageElement) => img.src);
    const response = await page.request.get(src);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
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
    const overlay = page.locator('#problem');
    await expect.poll(() => overlay.locator('.file').textContent().catch(() => ''), { timeout: 10_000 }).toContain('02-image-based-sexual-abuse.md:9:1');
    expect(await overlay.isVisible()).toBe(true);
    expect(await overlay.textContent()).toContain('unknown-directive');
    // In coursemark's words: nothing about a Vite configuration the author does not have.
    expect(await page.locator('body').textContent()).not.toMatch(/vite/i);
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    expect(terminal).toContain('unknown-directive');
    await writeFile(join(folder, PAGE_2), original);
    await expect.poll(() => overlay.isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => course().locator('article h1').first().textContent(), { timeout: 10_000 }).toBe('Image-based sexual abuse');
  });
});

describe('the preview port', () => {
  it('takes the next free port when the one asked for is busy, or refuses with a clear message and exit code 2', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const next = await startPreview(folder, { port, strictPort: false, report: () => undefined });
      try {
        expect(new URL(next.url).port).not.toBe(String(port));
        expect((await fetch(next.url)).status).toBe(200);
      } finally {
        await next.close();
      }
      let err = '';
      const code = await main(['preview', folder, '--port', String(port)], { out: () => undefined, err: (text) => (err += text), color: false });
      expect(code).toBe(2);
      expect(err).toContain(`port ${port} is already in use`);
      expect(err).not.toMatch(/internal error|vite/i);
    } finally {
      busy.close();
    }
  });
});
