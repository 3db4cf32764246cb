import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { DEFLATE_LEVEL, FileCompressor, type CompressedFile } from './compressed-file.js';

/**
 * Deflated zip entries kept between builds, so that a rebuild after a one-section edit deflates
 * only the files that changed. One file, `<cacheDir>/zip-entries/deflated.bin`:
 *
 *   header line   `coursemark zip entries 1 deflate-<level> zlib-<version>\n`
 *   per entry     SHA-256 of the file (32 bytes); its size, its CRC-32, the deflated length and a
 *                 CRC-32 of the entry so far and the deflated bytes (4 bytes each, little-endian);
 *                 the deflated bytes.
 *
 * The header names everything the deflated bytes depend on besides the file (method, level, zlib),
 * so a file written with other settings, or anything else, is ignored as a whole; an entry whose
 * deflated bytes or file size and CRC do not match is ignored alone. Each build rewrites the file
 * with only the entries it used (so it stays as large as one build's text), atomically.
 */

export const ZIP_ENTRIES_FOLDER = 'zip-entries';
const CACHE_FILE = 'deflated.bin';
const header = (): Uint8Array => new TextEncoder().encode(`coursemark zip entries 1 deflate-${DEFLATE_LEVEL} zlib-${process.versions.zlib}\n`);
const KEY_BYTES = 32;
const RECORD_HEADER = KEY_BYTES + 16;

export class ZipEntryCache {
  readonly compressor: FileCompressor;
  /** Entries read from the previous build, by content key; those reused are marked. */
  readonly #stored: ReadonlyMap<string, CompressedFile>;

  private constructor(
    private readonly folder: string | undefined,
    stored: ReadonlyMap<string, CompressedFile>,
  ) {
    this.#stored = stored;
    this.compressor = new FileCompressor((key, contents) => {
      const file = this.#stored.get(key);
      return file !== undefined && file.size === contents.byteLength && file.crc === crc32(contents) ? file : undefined;
    });
  }

  /** Opens the cache under `cacheDir` (nothing is kept when undefined: `--no-cache`). */
  static async open(cacheDir: string | undefined): Promise<ZipEntryCache> {
    if (cacheDir === undefined) return new ZipEntryCache(undefined, new Map());
    const folder = join(cacheDir, ZIP_ENTRIES_FOLDER);
    const bytes = await readFile(join(folder, CACHE_FILE)).catch(() => undefined);
    return new ZipEntryCache(folder, bytes === undefined ? new Map() : readEntries(bytes));
  }

  /**
   * Keeps this build's deflated entries for the next one, unless they are exactly those read.
   * A cache that cannot be written costs the next build time, never this build its output, so
   * write errors are dropped.
   */
  async save(): Promise<void> {
    if (this.folder === undefined) return;
    const used = this.compressor.deflated;
    if (used.size === this.#stored.size && [...used.keys()].every((key) => used.get(key) === this.#stored.get(key))) return;
    const path = join(this.folder, CACHE_FILE);
    const staging = `${path}.tmp-${process.pid}-${Date.now()}`;
    try {
      await mkdir(this.folder, { recursive: true });
      await writeFile(staging, writeEntries(used));
      await rename(staging, path);
    } catch {
      await rm(staging, { force: true }).catch(() => undefined);
    }
  }
}

/** Covers the key and sizes as well as the data, so that a damaged entry is never used for another file. */
const recordCrc = (head: Uint8Array, data: Uint8Array): number => crc32(data, crc32(head));

function readEntries(bytes: Uint8Array): Map<string, CompressedFile> {
  const entries = new Map<string, CompressedFile>();
  const expected = header();
  if (bytes.byteLength < expected.byteLength || !expected.every((byte, index) => bytes[index] === byte)) return entries;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = expected.byteLength;
  while (offset + RECORD_HEADER <= bytes.byteLength) {
    const key = Buffer.from(bytes.buffer, bytes.byteOffset + offset, KEY_BYTES).toString('hex');
    const size = view.getUint32(offset + KEY_BYTES, true);
    const crc = view.getUint32(offset + KEY_BYTES + 4, true);
    const length = view.getUint32(offset + KEY_BYTES + 8, true);
    const check = view.getUint32(offset + KEY_BYTES + 12, true);
    const start = offset + RECORD_HEADER;
    if (start + length > bytes.byteLength) break; // cut short: the rest cannot be located
    const data = bytes.subarray(start, start + length);
    if (recordCrc(bytes.subarray(offset, offset + RECORD_HEADER - 4), data) === check) entries.set(key, { method: 8, crc, size, data });
    offset = start + length;
  }
  return entries;
}

function writeEntries(entries: ReadonlyMap<string, CompressedFile>): Uint8Array {
  const head = header();
  const keys = [...entries.keys()].sort();
  const length = keys.reduce((sum, key) => sum + RECORD_HEADER + entries.get(key)!.data.byteLength, head.byteLength);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  bytes.set(head);
  let offset = head.byteLength;
  for (const key of keys) {
    const file = entries.get(key)!;
    bytes.set(Buffer.from(key, 'hex'), offset);
    view.setUint32(offset + KEY_BYTES, file.size, true);
    view.setUint32(offset + KEY_BYTES + 4, file.crc, true);
    view.setUint32(offset + KEY_BYTES + 8, file.data.byteLength, true);
    view.setUint32(offset + KEY_BYTES + 12, recordCrc(bytes.subarray(offset, offset + RECORD_HEADER - 4), file.data), true);
    bytes.set(file.data, offset + RECORD_HEADER);
    offset += RECORD_HEADER + file.data.byteLength;
  }
  return bytes;
}
