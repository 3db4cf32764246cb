import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveBuiltCourse, type BuiltCourse } from './helpers/built-course.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe.js';

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
  'assets/tone.vtt': 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA steady tone begins.\n\n00:00:01.000 --> 00:00:02.000\nIt stops.\n',
};

let built: BuiltCourse;
let server: BuiltCourse['server'];
let browser: BuiltCourse['browser'];

beforeAll(async () => {
  built = await serveBuiltCourse(COURSE, { prepare: (folder) => writeFile(join(folder, 'assets/tone.wav'), toneWav()), args: ['--target', 'web,scorm12'] });
  ({ server, browser } = built);
}, 120_000);

afterAll(async () => {
  await built?.close();
});

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('article h1').waitFor();
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

it('packages compressed media stored and the uncompressed WAV deflated', async () => {
  const { isPrecompressed } = await import('../../scripts/package/package-files.js');
  expect(['a.mp4', 'a.webm', 'a.mp3', 'a.m4a', 'a.ogg', 'a.opus'].every(isPrecompressed)).toBe(true);
  // PCM sound is not compressed: deflate makes it smaller.
  expect(isPrecompressed('a.wav')).toBe(false);
});
