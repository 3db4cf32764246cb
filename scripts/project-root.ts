import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The coursemark installation folder (where package.json, components/ and schemas/ are). Found by
 * walking up from this module, so it is the same whether the CLI runs from its TypeScript sources
 * or from the compiled bundle in lib/.
 */
export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'coursemark') return dir;
    if (dirname(dir) === dir) throw new Error(`coursemark's package.json was not found above ${start}`);
  }
}

/** A path inside the installation folder. */
export const fromRoot = (...segments: string[]): string => join(projectRoot, ...segments);
