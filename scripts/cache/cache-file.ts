/**
 * What every cache of the build does with its files: write them whole or not at all (a temporary
 * file renamed into place), and read an entry back only when its SHA-256 still matches. A cache
 * that cannot be written only makes the next build slower, so write errors are ignored.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const sha256 = (data: string | Uint8Array): Buffer => createHash('sha256').update(data).digest();

const DIGEST = 32;

/** Writes `contents` to `path` atomically, creating its folder; never throws. */
export async function writeCacheFile(path: string, contents: string | Uint8Array): Promise<void> {
  const staging = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(staging, contents);
    await rename(staging, path);
  } catch {
    await rm(staging, { force: true }).catch(() => undefined);
  }
}

/** `header`, the SHA-256 of `payload`, then `payload`. */
export function seal(payload: Uint8Array, header: Uint8Array = new Uint8Array()): Buffer {
  return Buffer.concat([header, sha256(payload), payload]);
}

/** The payload of bytes `seal` made with this header, or undefined when they are short, foreign or damaged. */
export function unseal(bytes: Buffer | undefined, header: Uint8Array = new Uint8Array()): Buffer | undefined {
  if (bytes === undefined || bytes.length < header.length + DIGEST || !bytes.subarray(0, header.length).equals(header)) return undefined;
  const payload = bytes.subarray(header.length + DIGEST);
  return sha256(payload).equals(bytes.subarray(header.length, header.length + DIGEST)) ? payload : undefined;
}
