import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCacheFile } from '../cache/cache-file.js';
import { playerFingerprint } from '../cache/code-fingerprint.js';
import type { PlayerBuild, PlayerFile, PlayerInput } from './player-build.js';

/**
 * The player build of the previous run, for rebuilds: `<cacheDir>/player/<key>.json`. The key
 * covers every input of the build (the targets and their adapters, the interface strings, the kit
 * page modules import, and the code: the player's sources, the build's own code and the installed
 * packages, see playerFingerprint), so a hit is exactly what building again would give. Only the
 * latest build is kept. A file that is damaged or foreign is ignored and the player built again;
 * a cache that cannot be written costs the next build time, never this one its output.
 */
export const PLAYER_FOLDER = 'player';
const FORMAT = 'coursemark player build 1';

export async function playerBuildKey(input: PlayerInput): Promise<string> {
  const hash = createHash('sha256').update(`${FORMAT}\0${await playerFingerprint()}\0`);
  for (const [target, adapter] of [...input.adapters].sort()) hash.update(`adapter ${target} ${adapter}\0`);
  for (const [name, source] of [...input.kit].sort()) hash.update(`kit ${name}\0${source}\0`);
  hash.update(`messages\0${input.messages}\0view-messages\0${input.viewMessages}`);
  return hash.digest('hex');
}

interface StoredFile extends Omit<PlayerFile, 'contents'> {
  readonly contents: string;
}

/** The cached build for `key`, or undefined when there is none (or only a damaged one). */
export async function readPlayerBuild(cacheDir: string, key: string): Promise<PlayerBuild | undefined> {
  const text = await readFile(join(cacheDir, PLAYER_FOLDER, `${key}.json`), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const stored = JSON.parse(text) as { format?: unknown; key?: unknown; files?: unknown };
    if (stored.format !== FORMAT || stored.key !== key || !Array.isArray(stored.files) || !stored.files.every(isStoredFile)) return undefined;
    return { files: stored.files.map((file) => ({ ...file, contents: new Uint8Array(Buffer.from(file.contents, 'base64')) })) };
  } catch {
    return undefined;
  }
}

/** Keeps `build` as the only cached player build (atomically: a temporary file renamed into place). */
export async function writePlayerBuild(cacheDir: string, key: string, build: PlayerBuild): Promise<void> {
  const folder = join(cacheDir, PLAYER_FOLDER);
  const files: StoredFile[] = build.files.map((file) => ({ ...file, contents: Buffer.from(file.contents).toString('base64') }));
  await writeCacheFile(join(folder, `${key}.json`), JSON.stringify({ format: FORMAT, key, files }));
  const names = await readdir(folder).catch((): string[] => []);
  await Promise.all(names.filter((name) => name !== `${key}.json`).map((name) => rm(join(folder, name), { force: true, recursive: true }).catch(() => undefined)));
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.fileName === 'string' &&
    /^assets\/[\w.-]+$/.test(file.fileName) &&
    typeof file.contents === 'string' &&
    strings(file.imports) &&
    strings(file.loads) &&
    (file.entry === undefined || typeof file.entry === 'string') &&
    strings(file.moduleIds)
  );
}
