#!/usr/bin/env node
// Runs the compiled CLI (lib/coursemark.mjs, made by bin/compile-cli.mjs). In a clone of the
// repository, while the TypeScript sources are newer than it (or it is missing), the sources run
// instead through tsx. An installed package ships lib/ and no sources, so it always runs lib/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'lib', 'coursemark.mjs');
const fromSources = existsSync(join(root, 'scripts', 'cli', 'main.ts'));

function newestSource() {
  let newest = 0;
  for (const folder of ['scripts', 'components']) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

let main;
if (existsSync(compiled) && (!fromSources || statSync(compiled).mtimeMs >= newestSource())) {
  ({ main } = await import(compiled));
} else if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../scripts/cli/main.ts'));
} else {
  process.stderr.write('coursemark: this installation has no compiled command line (lib/coursemark.mjs). Reinstall coursemark.\n');
  process.exit(3);
}
process.exitCode = await main(process.argv.slice(2));
