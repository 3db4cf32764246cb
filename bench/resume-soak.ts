/**
 * `npm run soak:resume`: `coursemark verify --resume` run again and again on the sample course's
 * packages, as an author runs it, to show that a resume cannot race: each run walks the course, then
 * takes a new attempt to a page mid-course, closes the browser context and relaunches, and must land
 * on the page it left.
 *
 *   npm run soak:resume -- [--runs 50] [--targets scorm12,scorm2004,cmi5,xapi] [--busy]
 *
 * Runs go round the targets in turn (so every target meets the same load). `--busy` runs `npm test`
 * beside the soak, over and over until it ends, as on a busy 2-core machine; its results are
 * reported too. Prints, per target, the runs, the failures with their messages and the median time of
 * a run, and exits 1 on any failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyReport } from '../scripts/verify/verify-report.js';

const root = join(import.meta.dirname, '..');
const TARGETS = ['scorm12', 'scorm2004', 'cmi5', 'xapi'] as const;
type Target = (typeof TARGETS)[number];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

const runs = Number(option('runs') ?? 50);
const targets = (option('targets')?.split(',') ?? [...TARGETS]).filter((target): target is Target => (TARGETS as readonly string[]).includes(target));
const busy = process.argv.includes('--busy');

interface Outcome {
  readonly ms: number;
  readonly failure: string | undefined;
}

function run(command: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function verifyOnce(zip: string): Promise<Outcome> {
  const started = Date.now();
  const result = await run(process.execPath, [join(root, 'bin/coursemark.js'), 'verify', zip, '--resume', '--json']);
  const ms = Date.now() - started;
  let report: VerifyReport | undefined;
  try {
    report = JSON.parse(result.stdout) as VerifyReport;
  } catch {
    return { ms, failure: `no report (exit ${result.code}): ${result.stderr.trim().split('\n').at(-1) ?? ''}` };
  }
  const resume = report.resume;
  if (resume === undefined) return { ms, failure: `no resume check: ${report.findings.join(' ')}` };
  if (resume.leftOn !== resume.landedOn) return { ms, failure: `left on "${resume.leftOn}", landed on "${resume.landedOn}"` };
  if (result.code !== 0) return { ms, failure: [...report.manifest, ...report.findings].join(' ') };
  return { ms, failure: undefined };
}

/** `npm test` in a loop beside the soak; resolves with its results once stopped. */
function keepBusy(): { stop(): Promise<string[]> } {
  const results: string[] = [];
  let child: ChildProcess | undefined;
  let stopping = false;
  const loop = (): void => {
    const started = Date.now();
    child = spawn('npm', ['test'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let tail = '';
    const keep = (chunk: Buffer): void => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('close', (code) => {
      if (stopping) return;
      const summary = tail.match(/Tests\s+.*$/gm)?.map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim()) ?? [];
      results.push(`npm test exit ${code ?? '?'} in ${Math.round((Date.now() - started) / 1000)} s: ${summary.join(' | ')}`);
      loop();
    });
  };
  loop();
  return {
    async stop() {
      stopping = true;
      const pid = child?.pid;
      // The process group this script started (npm, vitest and its browsers), and nothing else.
      if (pid !== undefined && child?.exitCode === null) process.kill(-pid, 'SIGTERM');
      return results;
    },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
};

const out = await mkdtemp(join(tmpdir(), 'coursemark-soak-'));
try {
  const build = await run(process.execPath, [join(root, 'bin/coursemark.js'), 'build', join(root, 'course'), '--out', out, '--target', targets.join(',')]);
  if (build.code !== 0) throw new Error(`The sample course did not build: ${build.stderr}`);
  const files = await readdir(out);
  const zipOf = (target: Target): string => {
    const name = files.find((file) => file.endsWith(`-${target}.zip`));
    if (name === undefined) throw new Error(`no ${target} package`);
    return join(out, name);
  };
  const load = busy ? keepBusy() : undefined;
  const outcomes = new Map<Target, Outcome[]>(targets.map((target) => [target, []]));
  for (let index = 1; index <= runs; index++) {
    for (const target of targets) {
      const outcome = await verifyOnce(zipOf(target));
      outcomes.get(target)?.push(outcome);
      console.log(`${target} run ${index}/${runs}: ${outcome.failure === undefined ? 'ok' : `FAILED: ${outcome.failure}`} (${(outcome.ms / 1000).toFixed(1)} s)`);
    }
  }
  const busyResults = (await load?.stop()) ?? [];
  console.log('\ntarget     runs  failures  median run');
  let failed = 0;
  for (const [target, list] of outcomes) {
    const failures = list.filter((outcome) => outcome.failure !== undefined);
    failed += failures.length;
    console.log(`${target.padEnd(10)} ${String(list.length).padStart(4)}  ${String(failures.length).padStart(8)}  ${(median(list.map((outcome) => outcome.ms)) / 1000).toFixed(1)} s`);
    for (const failure of failures) console.log(`  - ${failure.failure ?? ''}`);
  }
  if (busy) console.log(`\nBeside it: ${busyResults.length === 0 ? 'npm test did not finish a run' : busyResults.join('\n           ')}`);
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  await rm(out, { recursive: true, force: true });
}
