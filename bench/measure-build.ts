import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssKiB: number;
  readonly stagesMs: Readonly<Record<string, number>>;
}

const cli = join(import.meta.dirname, '..', 'bin', 'coursemark.js');

/** One whole-process `coursemark build`, timed from spawn to exit, with the CLI's own stage report. */
export async function buildOnce(courseDir: string, out: string, args: readonly string[] = []): Promise<BuildRun> {
  return runCli(['build', courseDir, '--out', out, ...args]);
}

/** One whole-process `coursemark check`. */
export async function checkOnce(courseDir: string): Promise<BuildRun> {
  return runCli(['check', courseDir]);
}

/** One whole-process run of the CLI with `args`: wall time from spawn to exit, and the CLI's own report. */
export async function runCli(args: readonly string[]): Promise<BuildRun> {
  const statsFile = join(await mkdtemp(join(tmpdir(), 'coursemark-stats-')), 'stats.json');
  const started = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, COURSEMARK_STATS: statsFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (status) => (status === 0 ? resolve(0) : reject(new Error(`coursemark ${args.join(' ')} failed (${String(status)}):\n${errors}`))));
  });
  const wallMs = performance.now() - started;
  const stats = JSON.parse(await readFile(statsFile, 'utf8')) as { stagesMs: Record<string, number>; userCpuMs: number; systemCpuMs: number; maxRssKiB: number };
  await rm(join(statsFile, '..'), { recursive: true, force: true });
  void code;
  return { wallMs, cpuMs: stats.userCpuMs + stats.systemCpuMs, maxRssKiB: stats.maxRssKiB, stagesMs: stats.stagesMs };
}

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}
