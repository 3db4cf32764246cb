import { access, link, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from './bundle-course.js';

export interface WriteOptions {
  /**
   * Take each file that the previous output in `target` already holds with exactly these bytes as
   * a hard link to it, instead of writing it again (a rebuild after a one-page edit changes a
   * handful of its files). Off for builds that keep nothing from earlier ones (`--no-cache`).
   * @default false
   */
  readonly linkUnchanged?: boolean;
}

/**
 * Writes `files` into `target` atomically: everything goes to a fresh sibling folder first, which
 * then replaces `target` with two renames. A build that fails or is interrupted half-way leaves the
 * previous output untouched; what an interrupted build left behind is tidied by the next one
 * (recoverOutputFolder).
 *
 * With `linkUnchanged`, a file of the new output may share its inode with the previous output's,
 * which is safe because no build ever writes into an existing file: new and changed files are
 * created afresh in the staging folder (flag `wx` refuses a path that exists), and a file whose
 * previous copy was edited in place since (its bytes differ) is written, never linked.
 */
export async function writeOutputFolder(target: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await recoverOutputFolder(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${target}.tmp-${stamp}`;
  const previous = `${target}.old-${stamp}`;
  let previousSaved = false;
  try {
    const paths = files.map((file) => join(staging, ...file.path.split('/')));
    for (const folder of new Set([staging, ...paths.map((path) => dirname(path))])) await mkdir(folder, { recursive: true });
    const place = options.linkUnchanged === true ? linkedOrWritten(target) : written;
    await inParallel(files.length, WRITES_AT_ONCE, (index) => place(paths[index]!, files[index]!));
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

/** Creates the file at `path` with `file`'s bytes; never opens an existing file. */
const written = (path: string, file: OutputFile): Promise<void> => writeFile(path, file.contents, { flag: 'wx' });

/**
 * A hard link to the previous output's copy of `file` when it holds the same bytes, else the file
 * written. Reading the old copy costs less than writing a new one, and leaves nothing to trust:
 * a missing, changed or unlinkable copy (another file system, one without hard links) is written.
 */
function linkedOrWritten(previous: string): (path: string, file: OutputFile) => Promise<void> {
  return async (path, file) => {
    const old = join(previous, ...file.path.split('/'));
    if ((await holdsBytes(old, file.contents)) && (await link(old, path).then(() => true, () => false))) return;
    await written(path, file);
  };
}

// Compared a slice at a time, so that a course's large videos are never held twice in memory.
const COMPARE_BYTES = 1024 * 1024;

/** Whether the file at `path` holds exactly `bytes` (false when it cannot be read). */
async function holdsBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return false;
  try {
    if ((await handle.stat()).size !== bytes.byteLength) return false;
    const buffer = Buffer.alloc(Math.min(COMPARE_BYTES, bytes.byteLength));
    for (let at = 0; at < bytes.byteLength; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.byteLength, bytes.byteLength - at), at);
      if (bytesRead === 0 || !buffer.subarray(0, bytesRead).equals(bytes.subarray(at, at + bytesRead))) return false;
      at += bytesRead;
    }
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * Files written at once: enough to keep the file system's thread pool busy, few enough that a
 * course with thousands of media files stays far from the open-file limit.
 */
const WRITES_AT_ONCE = 16;

/** Runs `task(0 .. count - 1)`, at most `limit` at a time; rejects with the first failure, after all have settled. */
async function inParallel(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async (): Promise<void> => {
    while (next < count && failures.length === 0) {
      const index = next++;
      await task(index).catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (failures.length > 0) throw failures[0];
}

/**
 * Tidies what a killed build left beside `target`: its staging folder (`.tmp-<pid>-<time>`) is
 * removed, and a previous output set aside for the swap (`.old-<pid>-<time>`) is put back when the
 * swap never completed. Folders of a build still running (its process alive) are left alone.
 */
export async function recoverOutputFolder(target: string): Promise<void> {
  const parent = dirname(target);
  const base = basename(target);
  const leftovers = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`));
  for (const name of leftovers.sort()) {
    const pid = Number(name.slice(base.length + 5).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    const path = join(parent, name);
    if (name.startsWith(`${base}.old-`) && !(await exists(target))) await rename(path, target);
    else await rm(path, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
