import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { serveBuiltCourse, type BuiltCourse } from './helpers/built-course.js';
import { layoutShifts, recordLayoutShifts } from './helpers/layout-shifts.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { READY_PAGE_HEADING } from '../../scripts/verify/learner.js';

// A page whose images arrive late, after the text is laid out: their boxes must already be reserved.
const COURSE = {
  'course.yaml': 'id: https://example.org/courses/photos\ntitle: Photos\nlanguage: en\nversion: "1.0.0"\n',
  'sections/01-photos.md': `---
title: Photos
---

The first paragraph sits above the photo.

![A street at dusk](../assets/street.jpg)

::figure[A drawing of the same street]{src="../assets/drawing.svg" alt="Lines of houses"}

The last paragraph sits below both images; it must not move when they load.
`,
  'assets/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"><rect width="400" height="300" fill="#cde"/></svg>',
};

let built: BuiltCourse;
let work: string;
let server: BuiltCourse['server'];
let browser: BuiltCourse['browser'];

beforeAll(async () => {
  built = await serveBuiltCourse(COURSE, { prepare: async (folder) => {
      await mkdir(join(folder, 'assets'), { recursive: true });
      const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#884422' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
        .toBuffer();
      await writeFile(join(folder, 'assets/street.jpg'), photo);
    }, args: ['--target', 'web'] });
  ({ work, server, browser } = built);
}, 120_000);

afterAll(async () => {
  await built?.close();
});

it('the packaged photo is bounded and carries no metadata', async () => {
  const packaged = await readFile(join(work, 'out/web/media/assets/street.jpg'));
  const metadata = await sharp(packaged).metadata();
  expect(metadata).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
  expect(metadata.exif).toBeUndefined();
  expect(packaged.includes('PhoneMaker')).toBe(false);
});

it('images that load late have their boxes from the start: nothing moves (CLS 0)', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 700 } });
  const page = await context.newPage();
  await recordLayoutShifts(page);
  // Images arrive a second after everything else.
  await page.route(/\/media\//, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.goto(server.url);
  await page.locator(READY_PAGE_HEADING).waitFor();
  const last = page.locator('article p', { hasText: 'The last paragraph' });
  // The photo and the figure's drawing (inside its shadow root).
  const images = page.locator('article img');
  const boxes = () => images.evaluateAll((list) => list.map((image) => [Math.round(image.getBoundingClientRect().width), Math.round(image.getBoundingClientRect().height)]));
  const loaded = () => images.evaluateAll((list) => list.map((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0));
  expect(await loaded()).toEqual([false, false]);
  const before = { boxes: await boxes(), last: await last.boundingBox() };
  // 448 px is the reading column at this width; the drawing keeps its own 400 px.
  expect(before.boxes).toEqual([
    [448, 299],
    [400, 300],
  ]);
  await expect.poll(loaded, { timeout: 10_000 }).toEqual([true, true]);
  expect(await boxes()).toEqual(before.boxes);
  expect((await last.boundingBox())?.y).toBe(before.last?.y);
  // Cumulative Layout Shift of the whole launch: nothing moved, not the images nor the header's figures.
  expect(await layoutShifts(page)).toEqual([]);
  const sizes = await images.evaluateAll((list) => list.map((image) => [image.getAttribute('width'), image.getAttribute('height')]));
  expect(sizes).toEqual([
    ['1600', '1067'],
    ['400', '300'],
  ]);
  await context.close();
});
