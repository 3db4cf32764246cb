import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromRoot } from '../project-root.js';
import type { InputLimits } from '../limits/input-limits.js';
import type { ParseAnswer, ParseWork, SectionText } from './parse-worker.js';
import { analyzeSectionText, type SectionAnalysis } from './section-analysis.js';

export type { SectionText };

// A worker costs about 0.15 s of CPU to start (it loads the Markdown parser, while this thread
// already parses), and parsing in two threads costs about a fifth more CPU time than in one (each
// compiles the parser anew; trees are serialized back). Workers therefore help only with enough
// Markdown, from half a megabyte (about 0.4 s of parsing), one thread per quarter megabyte (this one
// included), and only on cores that are free: on a machine already busy with other work a second
// thread gets no more CPU time and only adds its cost (measured: 500 sections checked in 4.5-5.5 s
// in one thread, 5.1-7.2 s in two, at a load average of 6 on 2 cores).
const MIN_BYTES = 512 * 1024;
const BYTES_PER_THREAD = 256 * 1024;

/**
 * How many workers `bytes` of Markdown is worth, besides this thread: 0 means parse here alone.
 * `load` is how many cores other work keeps busy (otherLoad).
 */
export function workersFor(bytes: number, cores: number = availableParallelism(), load: number = otherLoad()): number {
  const freeCores = Math.min(cores, Math.round(cores - load));
  if (bytes < MIN_BYTES || freeCores < 2) return 0;
  return Math.min(freeCores, Math.ceil(bytes / BYTES_PER_THREAD)) - 1;
}

/**
 * How many cores other work keeps busy: the lower of the last minute's load average and the tasks
 * runnable right now besides this one (Linux's /proc/loadavg). The average alone would count this
 * process's own previous build, run a moment ago, as other work. 0 where neither is known (Windows).
 */
export function otherLoad(): number {
  const average = loadavg()[0] ?? 0;
  let runnable = Number.POSITIVE_INFINITY;
  try {
    const running = /^\S+ \S+ \S+ (\d+)\//.exec(readFileSync('/proc/loadavg', 'utf8'))?.[1];
    if (running !== undefined) runnable = Number(running) - 1;
  } catch {
    // Not Linux: the load average is all there is.
  }
  return Math.max(0, Math.min(average, runnable));
}

/**
 * The worker script: the TypeScript source when this module runs from source (tests, tsx), else the
 * compiled one next to the compiled CLI; undefined when a lib/ compiled without it has none, and
 * the sections are then parsed in-process.
 */
export function parseWorkerScript(): URL | undefined {
  if (import.meta.url.endsWith('.ts')) return new URL('parse-worker-source.mjs', import.meta.url);
  const compiled = fromRoot('lib', 'parse-worker.mjs');
  return existsSync(compiled) ? pathToFileURL(compiled) : undefined;
}

/** A worker died or a section threw: a bug in coursemark, reported as an internal error (exit 3). */
export class ParseWorkerError extends Error {}

/** A section's analysis: as an object when this thread made it, serialized when a worker did. */
export type ParsedSection = SectionAnalysis | Uint8Array;

/**
 * Analyses sections in `workers` worker threads and, unless `shareWork` is false, in this thread
 * too: every thread takes the next section from one shared counter, so none waits while another
 * has work (this thread starts at once, while the workers load the parser). Results come in the
 * order given. Every worker has stopped before the promise settles, whatever happens, so nothing
 * keeps the process alive; a worker that crashes or exits early rejects the promise.
 */
export async function analyzeInParallel(sections: readonly SectionText[], limits: InputLimits, options: { readonly workers: number; readonly workerUrl: URL; readonly shareWork?: boolean }): Promise<ParsedSection[]> {
  const results = new Array<ParsedSection | undefined>(sections.length);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const work: ParseWork = { sections, limits, next };
  const workers: Worker[] = [];
  let received = 0;
  let working = 0;
  let settle: (() => void) | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    settle = () => {
      if (working === 0 && received === sections.length) resolve();
    };
    const fail = (reason: string): void => reject(new ParseWorkerError(reason));
    for (let index = 0; index < Math.max(1, options.workers); index += 1) {
      const worker = new Worker(options.workerUrl, { workerData: work });
      workers.push(worker);
      working += 1;
      let done = false;
      worker.on('message', (answer: ParseAnswer) => {
        if ('done' in answer) {
          done = true;
          working -= 1;
        } else if ('error' in answer) {
          return fail(`A parse worker failed on ${sections[answer.index]?.path ?? 'a section'}: ${answer.error}`);
        } else {
          results[answer.index] = answer.bytes;
          received += 1;
        }
        settle?.();
      });
      worker.on('error', (error) => fail(`A parse worker stopped: ${error.message}`));
      worker.on('exit', (code) => {
        if (!done) fail(`A parse worker exited (code ${code}) before its sections were parsed.`);
      });
    }
  });
  // Awaited below; should this thread fail first, workers stopped in `finally` must not reject unobserved.
  finished.catch(() => undefined);
  try {
    if (options.shareWork !== false) {
      for (let index = Atomics.add(counter, 0, 1); index < sections.length; index = Atomics.add(counter, 0, 1)) {
        const section = sections[index] as SectionText;
        results[index] = analyzeSectionText(section.path, section.text, limits);
        received += 1;
      }
    }
    settle?.();
    await finished;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((result, index) => {
    if (result === undefined) throw new ParseWorkerError(`No result for ${sections[index]?.path ?? 'a section'}.`);
    return result;
  });
}
