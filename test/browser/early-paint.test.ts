// The first page is painted before the session has restored the learner's progress: the page a
// launch opens on shows while the tracking runtime still loads, inert and marked busy, with no
// number formatted yet (a browser's first Intl.NumberFormat costs tens of milliseconds); once the
// session has started, the saved answers show, or the page the learner left off replaces it. A
// course written for the test, taken in scorm-again as the LMS, with the SCORM adapter's chunk held
// back so that the moment in between can be looked at.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveBuiltCourse, type BuiltCourse } from './helpers/built-course.js';
import { lmsData, lmsLog, nextAttemptData, startScormLms, type ScormLms } from '../support/scorm-lms.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

const COURSE = {
  'course.yaml': 'id: https://example.org/courses/early\ntitle: Early paint\nlanguage: de\nversion: "1.0.0"\n',
  'sections/01-start.md': `---
title: Anfang
---

Ein erster Absatz, lang genug, um der größte Inhalt der Seite zu sein, wenn sie zum ersten Mal gezeigt wird.

:::question{#first type=single-choice}
Wer trägt die Verantwortung, wenn ein Bild ohne Einwilligung geteilt wird?

- [x] Die Person, die es geteilt hat
- [ ] Die Person, die darauf zu sehen ist
:::
`,
  'sections/02-middle.md': '---\ntitle: Mitte\n---\n\nDie zweite Seite.\n',
  'sections/03-end.md': '---\ntitle: Ende\n---\n\nDie letzte Seite.\n',
};

let built: BuiltCourse;
let lms: ScormLms;

beforeAll(async () => {
  built = await serveBuiltCourse(COURSE, { args: ['--target', 'scorm12'] });
  lms = await startScormLms(new Uint8Array(await readFile(join(built.work, 'out', 'early-paint-1.0.0-scorm12.zip'))), '1.2');
}, 180_000);

afterAll(async () => {
  await lms?.close();
  await built?.close();
});

interface Held {
  readonly page: Page;
  readonly frame: Frame;
  /** Lets the SCORM adapter's chunk through: the session can start. */
  release(): void;
}

/** A launch with the adapter's chunk held back, once the package's frame shows a page. */
async function launchHeld(cmi: Record<string, unknown>): Promise<Held> {
  const context: BrowserContext = await built.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Counts the number formats a document makes (each frame has its own count).
  await context.addInitScript(() => {
    let made = 0;
    const NumberFormat = Intl.NumberFormat;
    Intl.NumberFormat = new Proxy(NumberFormat, { construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => ((made += 1), new target(...args)) });
    Object.assign(window, { numberFormatsMade: () => made });
  });
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/scorm12-adapter-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const page = await lms.launch(built.browser, { cmi, context });
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame()) as Frame;
  await frame.locator('article h1').first().waitFor();
  return { page, frame, release };
}

const progressText = (frame: Frame): Promise<string> => frame.locator('#progress-text').evaluate((element) => element.textContent ?? '');
const isBusy = (frame: Frame): Promise<{ inert: boolean; busy: string | null }> =>
  frame.locator('cm-player main').evaluate((element) => ({ inert: (element as HTMLElement).inert, busy: element.getAttribute('aria-busy') }));
const numberFormatsMade = (frame: Frame): Promise<number> => frame.evaluate(() => (window as unknown as { numberFormatsMade: () => number }).numberFormatsMade());

it('a first launch paints the first page before the session starts: inert and busy, no number formatted, nothing sent to the LMS', async () => {
  const { page, frame, release } = await launchHeld(nextAttemptData('1.2', {}));
  try {
    await expect(frame.locator('article h1').textContent()).resolves.toBe('Anfang');
    await expect(frame.locator('article p').first().isVisible()).resolves.toBe(true);
    expect(await isBusy(frame)).toEqual({ inert: true, busy: 'true' });
    // What verify's learner and the tests wait for: the page the learner can act on.
    expect(await frame.locator(READY_PAGE_HEADING).count()).toBe(0);
    // The header says nothing of the progress until it is known, and keeps the figure's room.
    expect((await progressText(frame)).trim()).toBe('');
    await expect(frame.locator('#progress-text').getAttribute('data-full')).resolves.toMatch(/^100\s%\sabgeschlossen$/);
    expect(await numberFormatsMade(frame)).toBe(0);
    // The learner cannot answer yet: the question is not reachable by keyboard or pointer.
    await expect(frame.locator('cm-question input[value="a"]').check({ timeout: 300 })).rejects.toThrow();
    expect(await lmsLog(page)).toEqual([]);

    release();
    await expect.poll(() => isBusy(frame)).toEqual({ inert: false, busy: null });
    expect(await frame.locator(READY_PAGE_HEADING).count()).toBe(1);
    await expect.poll(() => progressText(frame)).toMatch(/^\d+\s%\sabgeschlossen$/);
    await frame.locator('cm-question input[value="a"]').check();
    await frame.locator('cm-question').getByRole('button', { name: 'Antwort prüfen' }).click();
    await expect(frame.locator('cm-question .feedback').textContent()).resolves.toContain('Richtig');
    const calls = await lmsLog(page);
    expect(calls[0]?.name).toBe('LMSInitialize');
    // The page view was recorded once, after the session started: the location is the first page's.
    expect(calls.filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.lesson_location').map((call) => call.args[1])).toEqual(['start']);
  } finally {
    release();
    await page.context().close();
  }
}, 60_000);

/** Ends the session from the LMS's side (as when the learner closes its window) and returns what it stored. */
async function close(held: Held): Promise<Record<string, unknown>> {
  await held.page.evaluate(() => (window as unknown as { __lmsClose: () => void }).__lmsClose());
  await expect.poll(async () => (await lmsLog(held.page)).some((call) => call.name === 'LMSFinish')).toBe(true);
  const stored = await lmsData(held.page);
  await held.page.context().close();
  return stored;
}

it('a returning learner sees the saved answer on the page painted early, and the page they left off when it is another', async () => {
  // First session: an answer on the first page, and the learner leaves there.
  const first = await launchHeld(nextAttemptData('1.2', {}));
  first.release();
  await first.frame.locator('cm-question input[value="a"]').check();
  await first.frame.locator('cm-question').getByRole('button', { name: 'Antwort prüfen' }).click();
  await first.frame.locator('cm-question .feedback').filter({ hasText: 'Richtig' }).waitFor();
  const onFirstPage = await close(first);

  // Back on the first page: it is painted before the answer is restored, then shows it.
  const same = await launchHeld(nextAttemptData('1.2', onFirstPage));
  await expect(same.frame.locator('cm-question input[value="a"]').isChecked()).resolves.toBe(false);
  same.release();
  await expect.poll(() => same.frame.locator('cm-question input[value="a"]').isChecked()).toBe(true);
  await expect(same.frame.locator('cm-question .feedback').textContent()).resolves.toContain('Richtig');
  await expect.poll(() => progressText(same.frame)).toMatch(/^\d+\s%\sabgeschlossen$/);
  // The learner goes on to the last page and leaves there.
  await same.frame.locator('[data-action="next"]').click();
  await same.frame.locator('article h1', { hasText: 'Mitte' }).waitFor();
  await same.frame.locator('[data-action="next"]').click();
  await same.frame.locator('article h1', { hasText: 'Ende' }).waitFor();
  const onLastPage = await close(same);

  // Left off on the last page: the first page painted early gives way to it.
  const back = await launchHeld(nextAttemptData('1.2', onLastPage));
  try {
    await expect(back.frame.locator('article h1').textContent()).resolves.toBe('Anfang');
    back.release();
    await back.frame.locator('article h1', { hasText: 'Ende' }).waitFor();
    expect(await isBusy(back.frame)).toEqual({ inert: false, busy: null });
    // Only the page the learner is on was recorded as viewed in this session.
    const locations = (await lmsLog(back.page)).filter((call) => call.name === 'LMSSetValue' && call.args[0] === 'cmi.core.lesson_location').map((call) => call.args[1]);
    expect(locations).toEqual(['end']);
  } finally {
    back.release();
    await back.page.context().close();
  }
}, 90_000);
