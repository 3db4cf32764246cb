import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { InputLimits } from '../limits/input-limits.js';
import { analyzeSectionText } from './section-analysis.js';
import { loadRenderersFor } from '../validate/formula-and-code-renderers.js';

// A parse worker (parse-pool.ts). It takes sections from a counter shared with the other threads,
// so that whichever thread is free takes the next one, and answers each with its analysis
// serialized (the same bytes the section cache stores): the main thread neither clones the trees
// nor serializes them again for the cache.

/** A section: its course path and text. */
export interface SectionText {
  readonly path: string;
  readonly text: string;
}

/** What a worker is started with. */
export interface ParseWork {
  readonly sections: readonly SectionText[];
  readonly limits: InputLimits;
  /** One Int32: the index of the next section to take (Atomics.add). */
  readonly next: SharedArrayBuffer;
}

/** One section's serialized SectionAnalysis, a failure, or the end of this worker's share. */
export type ParseAnswer = { readonly index: number; readonly bytes: Uint8Array } | { readonly index: number; readonly error: string } | { readonly done: true };

if (parentPort !== null) {
  const port = parentPort;
  const work = workerData as ParseWork;
  const next = new Int32Array(work.next);
  await loadRenderersFor(work.sections.map((section) => section.text));
  for (let index = Atomics.add(next, 0, 1); index < work.sections.length; index = Atomics.add(next, 0, 1)) {
    const section = work.sections[index] as SectionText;
    try {
      const buffer = serialize(analyzeSectionText(section.path, section.text, work.limits));
      // A Buffer may be a view into a shared pool; hand over a buffer of its own.
      const bytes = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer);
      const answer: ParseAnswer = { index, bytes };
      port.postMessage(answer, [bytes.buffer]);
    } catch (error) {
      const answer: ParseAnswer = { index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(answer);
    }
  }
  const done: ParseAnswer = { done: true };
  port.postMessage(done);
}
