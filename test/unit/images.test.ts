import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCourseFolder } from '../../scripts/load/read-course-folder.js';
import { ImageCache, IMAGES_FOLDER } from '../../scripts/cache/image-cache.js';
import { MAX_IMAGE_WIDTH, packageImage, readImageSize } from '../../scripts/model/images.js';
import { checkCourse } from '../../scripts/pipeline.js';
import { renderModules } from '../../scripts/render/render-modules.js';
import { baseConfig } from './helpers/course-from-strings.js';

/** A phone photo: wider than the bound, with a GPS position, a camera serial and a sideways orientation. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'coursemark-images-'));
  await mkdir(join(folder, 'sections'));
  await mkdir(join(folder, 'assets'));
  await writeFile(join(folder, 'course.yaml'), baseConfig);
  await writeFile(join(folder, 'assets/photo.jpg'), await phonePhoto());
  await writeFile(join(folder, 'assets/small.png'), await sharp({ create: { width: 40, height: 30, channels: 4, background: '#ff000080' } }).png().toBuffer());
  await writeFile(
    join(folder, 'sections/01-a.md'),
    '---\ntitle: A\n---\n\n![A street](../assets/photo.jpg)\n\n::figure[A dot]{src="../assets/small.png" alt="A red dot"}\n',
  );
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('images', () => {
  it('writes the packaged width and height on images and figures, the orientation applied', async () => {
    const result = checkCourse(await readCourseFolder(folder));
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
    const media = [...(result.model?.media.values() ?? [])];
    // Orientation 6: the 3000×2000 sensor image is shown 2000 wide and 3000 high, then bounded.
    expect(media.find((file) => file.source === 'assets/photo.jpg')?.size).toEqual({ width: MAX_IMAGE_WIDTH, height: 2400 });
    expect(media.find((file) => file.source === 'assets/small.png')?.size).toEqual({ width: 40, height: 30 });
    const page = result.model ? renderModules(result.model, { componentsImport: '/c', pageSpecifier: (id) => id, footnoteLabel: 'Notes' }).pages.get('a') : '';
    expect(page).toContain('<img src=${safeUrl("media/assets/photo.jpg")} alt=${"A street"} width=${"1600"} height=${"2400"} loading=${"lazy"}>');
    expect(page).toMatch(/<cm-figure [^>]*width=\$\{"40"\} height=\$\{"30"\}/);
  });

  // Encoding a large photo takes seconds of CPU on a busy 2-core machine.
  it('packages a photo upright, bounded and without its metadata', { timeout: 30_000 }, async () => {
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const packaged = await packageImage(new Uint8Array(original), 'assets/photo.jpg');
    const metadata = await sharp(packaged).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: MAX_IMAGE_WIDTH, height: 2400 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(Buffer.from(packaged).includes('PhoneMaker')).toBe(false);
  });

  it('keeps a small image at its size and format, and a file that is no image unchanged', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#ff000080' } }).png().withExif({ IFD0: { Artist: 'Someone' } }).toBuffer();
    const packaged = await packageImage(new Uint8Array(png), 'a.png');
    expect(await sharp(packaged).metadata()).toMatchObject({ format: 'png', width: 40, height: 30, hasAlpha: true });
    expect((await sharp(packaged).metadata()).exif).toBeUndefined();
    const notAnImage = new TextEncoder().encode('not really a png');
    expect(await packageImage(notAnImage, 'b.png')).toBe(notAnImage);
  });

  it('measures a drawing as sharp does, from its own width, height and viewBox where they say it plainly', async () => {
    const drawings = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"/>',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80.4px" viewBox="0 0 10 10"/>',
      "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 640 480'/>",
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0,200,100" width="400"/>',
      '<svg xmlns="http://www.w3.org/2000/svg" height="50" viewBox="0 0 200 100"/>',
      // Units and comments are sharp's to read.
      '<svg xmlns="http://www.w3.org/2000/svg" width="4cm" height="3cm"/>',
      '<!-- <svg width="1" height="1"> --><svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"/>',
    ];
    for (const text of drawings) {
      const bytes = new TextEncoder().encode(text);
      const metadata = await sharp(bytes).metadata();
      expect(await readImageSize(bytes), text).toEqual({ width: metadata.width, height: metadata.height });
    }
  });

  it('packages a photo once across rebuilds, and again when its cached copy is damaged or it changed', { timeout: 30_000 }, async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'coursemark-images-'));
    try {
      const photo = new Uint8Array(await phonePhoto());
      let packed = 0;
      const pack = (bytes: Uint8Array) => async () => {
        packed += 1;
        return packageImage(bytes, 'a.jpg');
      };
      const first = await (await ImageCache.open(cacheDir)).packaged(photo, 'a.jpg', pack(photo));
      const again = await ImageCache.open(cacheDir);
      expect(await again.packaged(photo, 'a.jpg', pack(photo))).toEqual(first);
      expect(packed).toBe(1);
      const [entry] = await readdir(join(cacheDir, IMAGES_FOLDER));
      await writeFile(join(cacheDir, IMAGES_FOLDER, entry ?? ''), 'damaged');
      expect(await (await ImageCache.open(cacheDir)).packaged(photo, 'a.jpg', pack(photo))).toEqual(first);
      expect(packed).toBe(2);
      // Another photo is packaged; the first, unused by this build, is dropped.
      const other = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#aa3366' } }).jpeg().toBuffer());
      const cache = await ImageCache.open(cacheDir);
      await cache.packaged(other, 'a.jpg', pack(other));
      await cache.prune();
      expect(packed).toBe(3);
      expect(await readdir(join(cacheDir, IMAGES_FOLDER))).toHaveLength(1);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
