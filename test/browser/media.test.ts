import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { verifyPackage } from '../../scripts/verify/verify-package.js';
import { serveBuiltCourse, type BuiltCourse } from './helpers/built-course.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.js';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

/** Two seconds of a quiet 440 Hz tone, 8 kHz mono 16-bit PCM, as a WAV file. */
function toneWav(): Uint8Array {
  const rate = 8000;
  const samples = rate * 2;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((ch, i) => view.setUint8(offset + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i += 1) view.setInt16(44 + i * 2, Math.round(2000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  return bytes;
}

const COURSE = {
  'course.yaml': 'id: https://example.org/courses/media\ntitle: Media\nlanguage: en\nversion: "1.0.0"\n',
  'sections/01-listen.md': `---
title: Listen
---

:::media{src="../assets/tone.wav" captions="../assets/tone.vtt" title="A short tone"}
**Transcript.** A steady tone sounds for two seconds.
:::

:::media{src="https://video.example.org/watch/123" title="The same tone on a streaming service"}
:::
`,
  'sections/02-required.md': `---
title: Listen to the end
---

:::media{#tone-through src="../assets/tone.wav" captions="../assets/tone.vtt" title="The tone again" required}
:::

:::media{src="https://www.youtube.com/watch?v=abcdefghijk" title="A talk on a streaming service" embed}
:::
`,
  'assets/tone.vtt': 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA steady tone begins.\n\n00:00:01.000 --> 00:00:02.000\nIt stops.\n',
};

let built: BuiltCourse;
let work: string;
let server: BuiltCourse['server'];
let browser: BuiltCourse['browser'];

beforeAll(async () => {
  built = await serveBuiltCourse(COURSE, { prepare: (folder) => writeFile(join(folder, 'assets/tone.wav'), toneWav()), args: ['--target', 'web,scorm12,cmi5'] });
  ({ work, server, browser } = built);
}, 120_000);

afterAll(async () => {
  await built?.close();
});

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator(READY_PAGE_HEADING).waitFor();
  await page.locator('cm-media audio').waitFor();
  return page;
}

it('plays with native controls, never on its own, with its captions loaded and its transcript below', async () => {
  const page = await open();
  const audio = page.locator('cm-media audio');
  expect(await audio.evaluate((element: HTMLAudioElement) => ({ controls: element.controls, autoplay: element.autoplay, paused: element.paused, label: element.getAttribute('aria-label') }))).toEqual({
    controls: true,
    autoplay: false,
    paused: true,
    label: 'A short tone',
  });
  // The caption track loads and its cues can be selected and read.
  await audio.evaluate((element: HTMLAudioElement) => {
    const track = element.textTracks[0];
    if (track) track.mode = 'hidden';
  });
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => [...(element.textTracks[0]?.cues ?? [])].map((cue) => (cue as VTTCue).text)))
    .toEqual(['A steady tone begins.', 'It stops.']);
  expect(await audio.evaluate((element: HTMLAudioElement) => ({ kind: element.textTracks[0]?.kind, src: element.querySelector('track')?.getAttribute('src') }))).toEqual({ kind: 'captions', src: 'media/assets/tone.vtt' });
  await expect(page.locator('cm-media').textContent()).resolves.toContain('A steady tone sounds for two seconds.');
  // The streaming address is a link that opens in a new tab, not an embedded player.
  const link = page.locator('article a', { hasText: 'The same tone on a streaming service' });
  expect(await link.getAttribute('href')).toBe('https://video.example.org/watch/123');
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await page.locator('article iframe').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.context().close();
});

it('is played from the keyboard: the player takes the focus and Space starts it', async () => {
  const page = await open();
  const audio = page.locator('cm-media audio');
  await audio.focus();
  const deepest = () =>
    page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.localName;
    });
  await expect.poll(deepest).toBe('audio');
  await page.keyboard.press('Space');
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => !element.paused || element.ended)).toBe(true);
  await page.context().close();
});

it('goes on where the learner paused it, after a reload', async () => {
  const page = await open();
  const audio = page.locator('cm-media audio');
  const paused = await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    await element.play();
    await new Promise<void>((resolve) => {
      const check = () => (element.currentTime >= 1 ? resolve() : requestAnimationFrame(check));
      check();
    });
    // The position is kept when the pause event comes (a task after pause()).
    const paused = new Promise((resolve) => element.addEventListener('pause', resolve, { once: true }));
    element.pause();
    await paused;
    return element.currentTime;
  });
  await page.reload();
  const again = page.locator('cm-media audio');
  await again.waitFor({ state: 'attached' });
  // Nothing is fetched before the learner plays it; when they do, it starts where they paused.
  expect(await again.evaluate((element: HTMLAudioElement) => element.readyState)).toBe(0);
  const from = await again.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    const started = new Promise((resolve) => element.addEventListener('playing', resolve, { once: true }));
    await element.play();
    await started;
    const position = element.currentTime;
    element.pause();
    return position;
  });
  expect(from).toBeGreaterThanOrEqual(Math.floor(paused * 10) / 10 - 0.05);
  await page.context().close();
});

it('packages compressed media stored and the uncompressed WAV deflated', async () => {
  const { isPrecompressed } = await import('../../scripts/package/package-files.js');
  expect(['a.mp4', 'a.webm', 'a.mp3', 'a.m4a', 'a.ogg', 'a.opus'].every(isPrecompressed)).toBe(true);
  // PCM sound is not compressed: deflate makes it smaller.
  expect(isPrecompressed('a.wav')).toBe(false);
});

/** The status the contents list shows for the second page. */
const secondPageStatus = (page: Page) => page.locator('cm-toc li .status').nth(1).textContent();

it('a required sound completes its page only once played to its end, and stays played after a reload', async () => {
  const page = await open();
  await page.locator('[data-action="next"]').click();
  await page.locator('article h1', { hasText: 'Listen to the end' }).waitFor();
  const status = page.locator('cm-media .status');
  await expect(status.textContent()).resolves.toBe('Play it to the end to complete this page.');
  await expect.poll(() => secondPageStatus(page)).toBe('Visited');
  // Half-way is not the end.
  const audio = page.locator('cm-media audio');
  await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 300));
    element.pause();
  });
  await expect(status.getAttribute('data-played')).resolves.toBe('false');
  await audio.evaluate(async (element: HTMLAudioElement) => {
    element.currentTime = element.duration - 0.2;
    await element.play();
  });
  await expect.poll(() => status.textContent()).toBe('Played to the end.');
  await expect.poll(() => secondPageStatus(page)).toBe('Completed');
  expect(await seriousViolations(page)).toEqual([]);
  await page.reload();
  await page.locator('article h1', { hasText: 'Listen to the end' }).waitFor();
  await expect.poll(() => page.locator('cm-media .status').textContent()).toBe('Played to the end.');
  await expect.poll(() => secondPageStatus(page)).toBe('Completed');
  await page.context().close();
});

it('a web address the author chose to embed is a titled, sandboxed player with the link kept below it', async () => {
  const page = await open();
  await page.locator('[data-action="next"]').click();
  const frame = page.locator('article iframe');
  await frame.waitFor({ state: 'attached' });
  expect(await frame.evaluate((element: HTMLIFrameElement) => ({ src: element.src, title: element.title, sandbox: [...element.sandbox].sort(), loading: element.loading, referrer: element.referrerPolicy }))).toEqual({
    src: 'https://www.youtube-nocookie.com/embed/abcdefghijk',
    title: 'A talk on a streaming service',
    sandbox: ['allow-popups', 'allow-presentation', 'allow-same-origin', 'allow-scripts'],
    loading: 'lazy',
    referrer: 'strict-origin-when-cross-origin',
  });
  // The frame keeps a 16:9 box whether or not the LMS lets it load (no network here).
  const box = await frame.boundingBox();
  expect(Math.round((box?.width ?? 0) / (9 / 16))).toBe(Math.round((box?.width ?? 0) * (16 / 9)));
  expect(Math.round(((box?.width ?? 0) * 9) / 16)).toBe(Math.round(box?.height ?? 0));
  await expect(page.locator('article figure.media-embed a').getAttribute('href')).resolves.toBe('https://www.youtube.com/watch?v=abcdefghijk');
  await page.context().close();
});

it('the LMS and the LRS learn that the required sound was played to its end', async () => {
  const zipOf = async (target: string) => new Uint8Array(await readFile(join(work, 'out', `media-1.0.0-${target}.zip`)));
  const scorm = await verifyPackage(await zipOf('scorm12'), { name: 'media-scorm12.zip', answers: 'correct', resume: false }, () => Promise.resolve(browser));
  expect(scorm.manifest).toEqual([]);
  // The embedded player is another site's: verify blocks it and says so, as a strict LMS would.
  expect(scorm.findings).toEqual([expect.stringContaining('verify blocked it: www.youtube-nocookie.com:443')]);
  // No questions: the played sound is the one interaction, with no right answer.
  expect(scorm.recorded?.interactions).toEqual({ count: 1, results: { neutral: 1 } });
  expect(scorm.recorded?.completion).toBe('completed');
  const cmi5 = await verifyPackage(await zipOf('cmi5'), { name: 'media-cmi5.zip', answers: 'correct', resume: false }, () => Promise.resolve(browser));
  expect([...cmi5.manifest, ...cmi5.findings.filter((finding) => !finding.includes('www.youtube-nocookie.com'))]).toEqual([]);
  // Two pages viewed and the sound played: three "experienced", one "completed" (the course's own).
  expect(cmi5.recorded?.statements?.filter((verb) => verb === 'experienced')).toHaveLength(3);
  expect(cmi5.recorded?.statements?.filter((verb) => verb === 'completed')).toHaveLength(1);
}, 120_000);
