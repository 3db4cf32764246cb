import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { seal, unseal, writeCacheFile } from './cache-file.js';
import { codeFingerprint } from './code-fingerprint.js';

export const IMAGES_FOLDER = 'images';
const ENTRY = /^[0-9a-f]{64}\.bin$/;

/**
 * Packaged photos by content, for rebuilds: re-encoding a photo takes a good part of a second, and
 * a rebuild would otherwise do it for every photo of the course. `<cacheDir>/images/<key>.bin`
 * holds the packaged bytes after their SHA-256 (a damaged entry is packaged again); the key covers the original's bytes and name (which decides the
 * format and animation) and the code (codeFingerprint: coursemark and the installed sharp). Only the
 * images the latest build used are kept. Without a folder (`--no-cache`) every image is packaged.
 */
export class ImageCache {
  private readonly used = new Set<string>();

  private constructor(
    private readonly folder: string | undefined,
    private readonly fingerprint: string,
  ) {}

  static async open(cacheDir: string | undefined): Promise<ImageCache> {
    return new ImageCache(cacheDir === undefined ? undefined : join(cacheDir, IMAGES_FOLDER), await codeFingerprint());
  }

  /** The packaged image: from the cache when this original was packaged before, else `pack`'s (then kept). */
  async packaged(bytes: Uint8Array, path: string, pack: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const folder = this.folder;
    if (folder === undefined) return pack();
    const key = createHash('sha256').update(`${this.fingerprint}\0${path}\0`).update(bytes).digest('hex');
    this.used.add(key);
    const file = join(folder, `${key}.bin`);
    const known = unseal(await readFile(file).catch(() => undefined));
    if (known !== undefined) return new Uint8Array(known);
    const packed = await pack();
    await writeCacheFile(file, seal(packed));
    return packed;
  }

  /** Drops the entries this build did not use. */
  async prune(): Promise<void> {
    const folder = this.folder;
    if (folder === undefined) return;
    const names = await readdir(folder).catch((): string[] => []);
    await Promise.all(names.filter((name) => !ENTRY.test(name) || !this.used.has(name.slice(0, -'.bin'.length))).map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)));
  }
}
