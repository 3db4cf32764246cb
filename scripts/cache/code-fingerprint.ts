import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromRoot } from '../project-root.js';

let fingerprint: Promise<string> | undefined;

/**
 * A hash of the code that turns a section into its cached result: coursemark's version, the code
 * that runs (the compiled lib/, or the TypeScript sources in scripts/ while developing), the
 * installed dependencies (npm's lock files) and the V8 serialization format. Any change to one of
 * them gives every cache entry a new key, so a cache never outlives the code that wrote it. Files
 * count by size and modification time (a stat, not a read: this runs on every build), which every
 * install, compile or edit changes.
 */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

let player: Promise<string> | undefined;

/**
 * codeFingerprint, and the player's sources (components/, which Vite bundles into every package):
 * the key of the cached player build (scripts/bundle/player-build-cache.ts).
 */
export function playerFingerprint(): Promise<string> {
  player ??= (async () => {
    const files = await filesUnder(fromRoot('components'), '.ts');
    return createHash('sha256').update(`${await codeFingerprint()}\n`).update(await statLines(files)).digest('hex');
  })();
  return player;
}

async function computeFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`v8 ${process.versions.v8}\n`);
  const fromSources = import.meta.url.endsWith('.ts');
  const code = fromSources ? await filesUnder(fromRoot('scripts'), '.ts') : await filesUnder(fromRoot('lib'), '.mjs', '.js');
  hash.update(await statLines([fromRoot('package.json'), fromRoot('package-lock.json'), fromRoot('node_modules', '.package-lock.json'), ...code]));
  return hash.digest('hex');
}

/** One line per file: its path in the project, size and modification time (or `-` when missing). All stats at once. */
async function statLines(paths: readonly string[]): Promise<string> {
  const infos = await Promise.all(paths.map((path) => stat(path).catch(() => undefined)));
  return paths.map((path, index) => {
    const info = infos[index];
    return `${path.slice(fromRoot().length)} ${info === undefined ? '-' : `${info.size} ${info.mtimeMs}`}\n`;
  }).join('');
}

async function filesUnder(folder: string, ...extensions: string[]): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
