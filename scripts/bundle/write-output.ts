import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from './bundle-course.js';

/**
 * Writes `files` into `target` atomically: everything goes to a fresh sibling folder first, which
 * then replaces `target` with two renames. A build that fails or is interrupted half-way leaves the
 * previous output untouched (at worst a stale `.tmp-*` sibling, removed by the next build).
 */
export async function writeOutputFolder(target: string, files: readonly OutputFile[]): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${target}.tmp-${stamp}`;
  const previous = `${target}.old-${stamp}`;
  let previousSaved = false;
  try {
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.contents);
    }
    try {
      await rename(target, previous);
      previousSaved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await rename(staging, target);
    previousSaved = false;
    await rm(previous, { recursive: true, force: true });
  } finally {
    // Put the earlier output back if the swap did not complete.
    if (previousSaved) await rename(previous, target);
    await rm(staging, { recursive: true, force: true });
  }
}
