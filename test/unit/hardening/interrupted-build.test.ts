import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');

// Atomic output: a build killed while writing (power cut, Ctrl-C, CI timeout) leaves the previous
// output exactly as it was. The writer is the real writeOutputFolder, in a child process.
it('a build killed part-way through writing leaves the previous output intact', { timeout: 60_000 }, async () => {
  const out = await mkdtemp(join(tmpdir(), 'coursemark-kill-'));
  const target = join(out, 'web');
  await mkdir(target);
  await writeFile(join(target, 'index.html'), 'previous build');
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'test/fixtures/hardening/slow-writer.ts'), target], { cwd: repo, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Wait until the new output is half-written into its staging folder, then kill without warning.
  let staged = 0;
  for (let i = 0; i < 400 && staged < 20; i++) {
    await sleep(25);
    const staging = (await readdir(out)).find((name) => name.startsWith('web.tmp-'));
    staged = staging ? (await readdir(join(out, staging, 'assets')).catch(() => [])).length : 0;
  }
  expect(staged).toBeGreaterThanOrEqual(20);
  child.kill('SIGKILL');
  await exited;
  expect(await readdir(target)).toEqual(['index.html']);
  expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('previous build');
  await rm(out, { recursive: true, force: true });
});
