import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutputFile } from '../../../scripts/bundle/bundle-course.js';
import { packageTarget, PACKAGE_TARGETS } from '../../../scripts/package/package-target.js';
import { ZIP_ENTRIES_FOLDER, ZipEntryCache } from '../../../scripts/package/zip-entry-cache.js';
import { zipPackage } from '../../../scripts/package/zip-package.js';
import { fakeWebFiles, makeModel, readZip, text, type ZipInfo } from './package-helpers.js';

// Counts the files deflated, to show what a warm cache saves.
vi.mock('node:zlib', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:zlib')>();
  return { ...original, deflateRawSync: vi.fn(original.deflateRawSync) };
});
const deflations = (): number => vi.mocked(zlib.deflateRawSync).mock.calls.length;

const model = makeModel();
let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'coursemark-cache-'));
  vi.mocked(zlib.deflateRawSync).mockClear();
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** A web build with more than one page, as the packages of a build share it. */
const webFiles = (pageText = 'Page two.'): OutputFile[] => [
  ...fakeWebFiles(),
  { path: 'assets/page-1.js', contents: text(`export default ${JSON.stringify('Page one. '.repeat(50))};\n`) },
  { path: 'assets/page-2.js', contents: text(`export default ${JSON.stringify(`${pageText} `.repeat(50))};\n`) },
  { path: 'media/photo.jpg', contents: new Uint8Array(300).fill(9) },
];

/** Every package of one build, through a cache in `folder` (none when undefined), as the build does it. */
async function build(folder: string | undefined, web: readonly OutputFile[] = webFiles()): Promise<string[]> {
  const cache = await ZipEntryCache.open(folder);
  const zips: string[] = [];
  for (const target of PACKAGE_TARGETS) zips.push(sha256((await packageTarget(target, model, web, { compressor: cache.compressor })).bytes));
  await cache.save();
  return zips;
}

/** Every package of the same build, zipped without a cache, each read back. */
async function packages(web: readonly OutputFile[] = webFiles()): Promise<ZipInfo[]> {
  return Promise.all(PACKAGE_TARGETS.map(async (target) => readZip((await packageTarget(target, model, web)).bytes)));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const cacheFile = async (): Promise<string> => join(cacheDir, ZIP_ENTRIES_FOLDER, ...(await readdir(join(cacheDir, ZIP_ENTRIES_FOLDER))));

describe('compressed zip entries', () => {
  it('deflates each distinct file once per build and writes the same bytes into every package', async () => {
    const zips = await packages();
    vi.mocked(zlib.deflateRawSync).mockClear();
    await build(undefined);
    const deflated = zips.flatMap((zip) => zip.entries.filter((entry) => entry.method === 8));
    expect(deflations()).toBe(new Set(deflated.map((entry) => `${entry.crc32}-${entry.size}`)).size);
    expect(deflations()).toBeLessThan(deflated.length);
    // Every package that carries the player (a Common Cartridge carries static pages instead).
    const pageEntries = zips.flatMap((zip) => zip.entries.filter((entry) => entry.name === 'assets/page-1.js'));
    expect(pageEntries).toHaveLength(PACKAGE_TARGETS.length - 1);
    expect(new Set(pageEntries.map((entry) => entry.compressedSize)).size).toBe(1);
  });

  it('gives byte-identical packages with a cold cache, a warm cache and no cache', async () => {
    const none = await build(undefined);
    const cold = await build(cacheDir);
    vi.mocked(zlib.deflateRawSync).mockClear();
    const warm = await build(cacheDir);
    expect(cold).toEqual(none);
    expect(warm).toEqual(none);
    expect(deflations()).toBe(0);
  });

  it('after a one-file edit deflates only that file, and keeps only the entries the build used', async () => {
    await build(cacheDir);
    vi.mocked(zlib.deflateRawSync).mockClear();
    const edited = await build(cacheDir, webFiles('Page two, edited.'));
    expect(deflations()).toBe(1);
    expect(edited).toEqual(await build(undefined, webFiles('Page two, edited.')));
    // The old page-2 entry is gone: going back deflates it again.
    vi.mocked(zlib.deflateRawSync).mockClear();
    await build(cacheDir);
    expect(deflations()).toBe(1);
  });

  it('ignores a corrupted entry, a cut-short file and a foreign file, and still builds the same packages', async () => {
    const expected = await build(undefined);
    await build(cacheDir);
    const path = await cacheFile();
    const good = new Uint8Array(await readFile(path));

    const damaged = good.slice();
    damaged[damaged.length - 10]! ^= 0xff; // inside the last entry's deflated bytes
    await writeFile(path, damaged);
    vi.mocked(zlib.deflateRawSync).mockClear();
    expect(await build(cacheDir)).toEqual(expected);
    expect(deflations()).toBe(1);

    for (const broken of [good.subarray(0, good.length - 10), text('PK\u0003\u0004 not a cache'), new Uint8Array(0)]) {
      await writeFile(path, broken);
      expect(await build(cacheDir)).toEqual(expected);
      expect(sha256(await readFile(path))).toBe(sha256(good)); // rewritten whole
    }
  });

  it('never fails a build when the cache cannot be read or written', async () => {
    const blocked = join(cacheDir, 'a-file');
    await writeFile(blocked, 'not a folder');
    expect(await build(blocked)).toEqual(await build(undefined));
  });

  it('stores media as they are, never deflated or cached', async () => {
    const cache = await ZipEntryCache.open(cacheDir);
    const zip = readZip(await zipPackage(webFiles(), cache.compressor));
    expect(zip.entries.find((entry) => entry.name === 'media/photo.jpg')?.method).toBe(0);
    expect([...cache.compressor.deflated.values()].every((file) => file.method === 8 && file.size !== 300)).toBe(true);
  });
});
