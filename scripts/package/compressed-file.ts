import { hash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { isPrecompressed } from './package-files.js';

/** A file as it goes into a zip: stored or deflated bytes, with what the zip headers need. */
export interface CompressedFile {
  /** ZIP compression method (APPNOTE §4.4.5): 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  /** CRC-32 of the uncompressed bytes. */
  readonly crc: number;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** The entry's data: the file itself when stored, raw deflate (RFC 1951) when deflated. */
  readonly data: Uint8Array;
}

/** Deflate level of every deflated entry: packages are built once and downloaded many times. */
export const DEFLATE_LEVEL = 9;

/** Already-compressed media are stored: deflating them again only costs time (standards Z1). */
export function storedFile(contents: Uint8Array): CompressedFile {
  return { method: 0, crc: crc32(contents), size: contents.byteLength, data: contents };
}

export function deflatedFile(contents: Uint8Array): CompressedFile {
  const data = deflateRawSync(contents, { level: DEFLATE_LEVEL });
  return { method: 8, crc: crc32(contents), size: contents.byteLength, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** SHA-256 of a file's bytes, hex: the key under which its deflated form is reused. */
export const contentKey = (contents: Uint8Array): string => hash('sha256', contents, 'hex');

/**
 * Compresses the files of one build, each distinct content once: the web build is the same in
 * every package, so its files are deflated for the first package and reused by the others.
 * `reuse` may offer a deflated form from an earlier build (see zip-entry-cache.ts).
 */
export class FileCompressor {
  readonly #deflated = new Map<string, CompressedFile>();
  // Every package of a build passes the same web build's byte arrays: each is hashed once, not once
  // per package (the arrays are never written to after the bundle stage).
  readonly #keys = new WeakMap<Uint8Array, string>();

  constructor(private readonly reuse: (key: string, contents: Uint8Array) => CompressedFile | undefined = () => undefined) {}

  compress(path: string, contents: Uint8Array): CompressedFile {
    if (isPrecompressed(path)) return storedFile(contents);
    let key = this.#keys.get(contents);
    if (key === undefined) {
      key = contentKey(contents);
      this.#keys.set(contents, key);
    }
    let file = this.#deflated.get(key);
    if (file === undefined) {
      file = this.reuse(key, contents) ?? deflatedFile(contents);
      this.#deflated.set(key, file);
    }
    return file;
  }

  /** The deflated files this build used, by content key. */
  get deflated(): ReadonlyMap<string, CompressedFile> {
    return this.#deflated;
  }
}
