import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import type { InputLimits } from '../limits/input-limits.js';
import { analyzeSectionText } from './section-analysis.js';

// A parse worker (parse-pool.ts): analyses the sections it is sent, one message per section, and
// answers with the analysis serialized (the same bytes the section cache stores), so the main
// thread neither clones the trees nor serializes them again for the cache.

/** A section to analyse, as the pool sends it. */
export interface ParseJob {
  readonly id: number;
  readonly path: string;
  readonly text: string;
  readonly limits: InputLimits;
}

/** The answer to one job: the serialized SectionAnalysis, or why it failed. */
export type ParseAnswer = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

parentPort?.on('message', (job: ParseJob) => {
  let answer: ParseAnswer;
  try {
    const buffer = serialize(analyzeSectionText(job.path, job.text, job.limits));
    // A Buffer may be a view into a shared pool; hand over a buffer of its own.
    const bytes = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer);
    answer = { id: job.id, bytes };
    parentPort?.postMessage(answer, [bytes.buffer]);
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    parentPort?.postMessage(answer);
  }
});
