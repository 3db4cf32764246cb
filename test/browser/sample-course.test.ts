import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseData, QuestionData } from '../../components/course-data.js';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { seriousViolations } from './helpers/axe.js';
import { launchBrowser } from './helpers/browser.js';
import { activeElement, openPlayer, pageErrors, tabTo, type ActiveElement, type Harness } from './helpers/player.js';
import { serveDirectory } from './helpers/server.js';

// The sample course, built by the real CLI (as `npm run build` does), served over HTTP and driven in
// Chromium. The answer key comes from the course model, so the walk follows the course as written.
const repo = join(import.meta.dirname, '../..');
let harness: Harness;
let course: CourseData;
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coursemark-sample-'));
  await promisify(execFile)(process.execPath, [join(repo, 'bin/coursemark.js'), 'build', join(repo, 'course'), '--out', out, '--target', 'web']);
  const model = checkCourse(await readCourseFolder(join(repo, 'course'))).model;
  if (!model) throw new Error('The sample course has errors: run coursemark check course');
  course = model.data;
  const server = await serveDirectory(join(out, 'web'));
  const browser = await launchBrowser();
  harness = {
    browser,
    server,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await rm(out, { recursive: true, force: true });
});

const heading = (page: Page) => page.locator('article h1').first().textContent();

describe('the sample course as a web build', () => {
  it('shows every section, each with 0 serious or critical axe violations', async () => {
    const page = await openPlayer(harness);
    for (const info of course.pages) {
      await page.goto(`${harness.url}#/${info.id}`);
      await expect.poll(() => heading(page)).toBe(info.title);
      await page.locator('cm-player').evaluate((player) => (player as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
      expect(await seriousViolations(page), info.id).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('the spoken summary plays in the browser, with its captions and its transcript', async () => {
    const page = await openPlayer(harness);
    await page.goto(`${harness.url}#/summary-and-references`);
    const audio = page.locator('cm-media audio');
    await audio.waitFor({ state: 'attached' });
    await audio.evaluate((element: HTMLAudioElement) => {
      const track = element.textTracks[0];
      if (track) track.mode = 'hidden';
      // The player fetches nothing until played (preload="none"): ask for the length, as playing would.
      element.preload = 'metadata';
      element.load();
    });
    // The MP3 decodes (its length is known) and every caption cue is loaded.
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => Math.round(element.duration))).toBe(62);
    const cues = await audio.evaluate((element: HTMLAudioElement) => [...(element.textTracks[0]?.cues ?? [])].map((cue) => (cue as VTTCue).text.replace(/\n/g, ' ')));
    expect(cues).toHaveLength(15);
    // The captions and the transcript say the same words.
    const transcript = ((await page.locator('cm-media').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(transcript).toContain(cues.join(' '));
    await page.context().close();
  });

  it('sets lang and dir from course.yaml and links only to its own files', async () => {
    const html = await readFile(join(out, 'web/index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html><html lang="en-GB" dir="ltr">/);
    expect(html).not.toMatch(/<script>|style=/);
    expect(html).toMatch(/<script type="module" src="\.\/assets\/course-[\w-]+\.js"><\/script>/);
  });

  it('starts on the page a launch URL names with ?page= (one cmi5 AU per section)', async () => {
    const page = await openPlayer(harness, { hash: '?page=photo-hacking' });
    await expect.poll(() => heading(page)).toBe('Photo hacking');
    expect(page.url()).toContain('?page=photo-hacking#/photo-hacking');
    await page.context().close();
  });

  it('works at 320 px: no page scrolls sideways', async () => {
    const page = await openPlayer(harness, { width: 320, height: 640 });
    for (const info of course.pages) {
      await page.goto(`${harness.url}#/${info.id}`);
      await expect.poll(() => heading(page)).toBe(info.title);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), info.id).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  });

  it('a keyboard-only learner answers every question correctly, reflects, and passes', async () => {
    const page = await openPlayer(harness);
    for (const [index, info] of course.pages.entries()) {
      if (index > 0) {
        await tabTo(page, (a) => a.tag === 'button' && a.text.startsWith('Next'), 'the Next button');
        await page.keyboard.press('Enter');
        await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: info.title });
      }
      for (const id of info.questions) {
        const question = course.questions.find((candidate) => candidate.id === id);
        if (!question) throw new Error(`No question ${id}`);
        await answerCorrectly(page, question);
        expect(await feedbackOf(page, id), id).toContain('Correct.');
      }
      for (const id of info.activities) {
        await tabTo(page, (a) => a.owner === id && a.tag === 'textarea', `the reflection of ${id}`);
        await page.keyboard.type('I would not pass the image on, and I would check on the person shown.');
        await tabTo(page, (a) => a.owner === id && a.tag === 'button' && a.text.startsWith('Save'), 'Save reflection');
        await page.keyboard.press('Enter');
        await tabTo(page, (a) => a.owner === id && a.tag === 'button' && a.text.startsWith('Show discussion'), 'Show discussion');
        await page.keyboard.press('Enter');
      }
    }
    await tabTo(page, (a) => a.tag === 'button' && a.text.startsWith('See your results'), 'See your results');
    await page.keyboard.press('Enter');
    await expect(page.locator('cm-results [data-outcome]').getAttribute('data-outcome')).resolves.toBe('passed');
    await expect(page.locator('cm-results [data-completion]').getAttribute('data-completion')).resolves.toBe('completed');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

async function feedbackOf(page: Page, id: string): Promise<string> {
  return page.locator('cm-question').evaluateAll(
    (hosts, wanted) => {
      const host = hosts.find((element) => (element as HTMLElement & { question?: { id: string } }).question?.id === wanted);
      return host?.shadowRoot?.querySelector('.feedback')?.textContent ?? '';
    },
    id,
  );
}

const inQuestion = (id: string, tag: string, type?: string) => (a: ActiveElement) => a.owner === id && a.tag === tag && (type === undefined || a.type === type);

async function submit(page: Page, id: string): Promise<void> {
  await tabTo(page, (a) => a.owner === id && a.tag === 'button' && a.text === 'Check answer', `Check answer of ${id}`);
  await page.keyboard.press('Enter');
}

/** Answers one question with the keyboard alone, from the course's own answer key. */
async function answerCorrectly(page: Page, question: QuestionData): Promise<void> {
  const id = question.id;
  switch (question.type) {
    case 'single-choice': {
      await tabTo(page, inQuestion(id, 'input', 'radio'), `the first choice of ${id}`);
      const target = question.choices.findIndex((choice) => choice.correct);
      if (target === 0) await page.keyboard.press('Space');
      for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
      return submit(page, id);
    }
    case 'multiple-response':
      for (const choice of question.choices.filter((option) => option.correct)) {
        await tabTo(page, (a) => inQuestion(id, 'input', 'checkbox')(a) && a.value === choice.id, `choice ${choice.id} of ${id}`);
        await page.keyboard.press('Space');
      }
      return submit(page, id);
    case 'true-false':
      await tabTo(page, inQuestion(id, 'input', 'radio'), `True of ${id}`);
      await page.keyboard.press(question.answer ? 'Space' : 'ArrowDown');
      return submit(page, id);
    case 'fill-in':
    case 'numeric':
      await tabTo(page, inQuestion(id, 'input'), `the answer field of ${id}`);
      await page.keyboard.type(question.type === 'numeric' ? String(question.answer) : (question.answers[0] ?? ''));
      await page.keyboard.press('Enter');
      return;
    case 'matching':
      for (const [source, target] of question.pairs) {
        let value = (await tabTo(page, (a) => a.owner === id && a.tag === 'select' && a.id === `match-${source}`, `select ${source} of ${id}`)).value;
        for (let i = 0; value !== target && i < question.targets.length + 2; i += 1) {
          await page.keyboard.press('ArrowDown');
          value = (await activeElement(page)).value;
        }
        expect(value, `${id} ${source}`).toBe(target);
      }
      return submit(page, id);
    case 'sequencing': {
      const host = page.locator('cm-question').filter({ has: page.locator(`[id="up-${question.steps[0]?.id ?? ''}"]`) }).first();
      const order = async (): Promise<string[]> => host.locator('.step button[id^="up-"]').evaluateAll((buttons) => buttons.map((b) => b.id.slice(3)));
      for (const [index, step] of question.steps.entries()) {
        if ((await order()).indexOf(step.id) <= index) continue;
        await tabTo(page, (a) => a.owner === id && a.id === `up-${step.id}`, `Move up of ${step.id}`);
        while ((await order()).indexOf(step.id) > index) {
          await page.keyboard.press('Enter');
          await expect.poll(async () => (await activeElement(page)).id).toBe(`up-${step.id}`);
        }
      }
      return submit(page, id);
    }
  }
}

describe('leaving the course', () => {
  it('Exit on the results view ends the session once and records nothing after it', async () => {
    const page = await openPlayer(harness, { hash: '#/:results' });
    await page.getByRole('button', { name: 'Exit course' }).click();
    await expect.poll(() => activeElement(page)).toMatchObject({ tag: 'h1', text: 'You have left the course' });
    const saved = () => page.evaluate((key) => localStorage.getItem(key), `coursemark:${course.id}@${course.version}`);
    const before = await saved();
    expect(before).not.toBeNull();
    await page.goto(`${harness.url}#/${course.pages[1]?.id ?? ''}`);
    await expect.poll(() => page.locator('cm-player h1').first().textContent()).toBe('You have left the course');
    expect(await page.locator('cm-toc').count()).toBe(0);
    expect(await saved()).toBe(before);
    await page.context().close();
  });
});
