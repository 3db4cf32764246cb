import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromRoot } from '../project-root.js';
import type { InputLimits } from '../limits/input-limits.js';
import type { ParseAnswer, ParseJob } from './parse-worker.js';

/** A section for the pool: its course path and text. */
export interface SectionText {
  readonly path: string;
  readonly text: string;
}

// A worker costs about 0.15 s to start (it loads the Markdown parser), and workers spend about a
// quarter more CPU time than one thread parsing everything (each compiles the parser anew; trees
// are serialized back). At 1-1.5 MB of Markdown a second, they win on two idle cores from about half
// a megabyte; from 1 MiB they win clearly, even on a busy machine. One worker per half megabyte,
// up to one per core.
const MIN_BYTES = 1024 * 1024;
const BYTES_PER_WORKER = 512 * 1024;

/** How many workers `bytes` of Markdown is worth: 0 means parse in-process. */
export function workersFor(bytes: number, cores: number = availableParallelism()): number {
  if (bytes < MIN_BYTES || cores < 2) return 0;
  return Math.min(cores, Math.ceil(bytes / BYTES_PER_WORKER));
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

/**
 * Analyses sections in `threads` worker threads and returns each one's serialized SectionAnalysis,
 * in the order given. Every worker is stopped before the promise settles, whatever happens, so
 * that nothing keeps the process alive; a worker that crashes or exits rejects the promise.
 */
export async function analyzeInWorkers(sections: readonly SectionText[], limits: InputLimits, options: { readonly threads: number; readonly workerUrl: URL }): Promise<Uint8Array[]> {
  const results: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(sections.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (sections.length === 0) return resolve();
      const fail = (reason: string): void => reject(new ParseWorkerError(reason));
      const send = (worker: Worker): void => {
        const index = next;
        if (index >= sections.length) return;
        next += 1;
        const section = sections[index] as SectionText;
        const job: ParseJob = { id: index, path: section.path, text: section.text, limits };
        worker.postMessage(job);
      };
      const count = Math.max(1, Math.min(options.threads, sections.length));
      for (let index = 0; index < count; index += 1) {
        const worker = new Worker(options.workerUrl);
        workers.push(worker);
        worker.on('message', (answer: ParseAnswer) => {
          if ('error' in answer) return fail(`A parse worker failed on ${sections[answer.id]?.path ?? 'a section'}: ${answer.error}`);
          results[answer.id] = answer.bytes;
          done += 1;
          if (done === sections.length) resolve();
          else send(worker);
        });
        worker.on('error', (error) => fail(`A parse worker stopped: ${error.message}`));
        worker.on('exit', (code) => {
          if (done < sections.length) fail(`A parse worker exited (code ${code}) before the sections were parsed.`);
        });
        // Two jobs in flight per worker, so that it never waits for the main thread between sections.
        send(worker);
        send(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((bytes, index) => {
    if (bytes === undefined) throw new ParseWorkerError(`No result for ${sections[index]?.path ?? 'a section'}.`);
    return bytes;
  });
}
