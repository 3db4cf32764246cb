import { deserialize } from 'node:v8';
import type { VFile } from 'vfile';
import type { SectionCache } from '../cache/section-cache.js';
import type { InputLimits } from '../limits/input-limits.js';
import { analyzeInWorkers, ParseWorkerError, parseWorkerScript, workersFor } from './parse-pool.js';
import { analyzeSectionText, isSectionAnalysis, type SectionAnalysis } from './section-analysis.js';

export interface AnalyzeOptions {
  readonly limits: InputLimits;
  /** Earlier results by content hash; fresh ones are added to it. */
  readonly cache?: SectionCache | undefined;
  /**
   * Worker threads for the sections not in the cache: a number (0: in this thread), or 'auto' to
   * use workers only when there is enough Markdown to pay for starting them (parse-pool.ts).
   * @default 'auto'
   */
  readonly threads?: number | 'auto';
  /** Another worker script (tests). */
  readonly workerUrl?: URL;
}

/**
 * Analyses every section file (limits -> parse -> analyse), taking what it can from the cache and
 * parsing the rest in worker threads or in this one. Results are in the order of `files`.
 */
export async function analyzeSections(files: readonly VFile[], options: AnalyzeOptions): Promise<SectionAnalysis[]> {
  const { cache, limits } = options;
  const texts = files.map((file) => ({ path: file.path, text: String(file.value) }));
  const keys = cache ? texts.map(({ path, text }) => cache.keyOf(path, text, limits)) : [];
  const found = cache ? await cache.lookup(keys) : [];
  const missing = texts.flatMap((section, index) => (found[index] === undefined ? [{ ...section, index }] : []));
  const threads = options.threads === 'auto' || options.threads === undefined ? workersFor(missing.reduce((sum, section) => sum + section.text.length, 0)) : options.threads;
  const results: (SectionAnalysis | undefined)[] = [...found];
  const workerUrl = threads > 0 && missing.length > 0 ? (options.workerUrl ?? parseWorkerScript()) : undefined;
  if (workerUrl !== undefined) {
    const payloads = await analyzeInWorkers(missing, limits, { threads, workerUrl });
    for (const [position, section] of missing.entries()) {
      const payload = payloads[position] as Uint8Array;
      const analysis: unknown = deserialize(payload);
      if (!isSectionAnalysis(analysis)) throw new ParseWorkerError(`A parse worker sent something unexpected for ${section.path}.`);
      results[section.index] = analysis;
      cache?.store(keys[section.index] as string, analysis, payload);
    }
  } else {
    for (const section of missing) {
      const analysis = analyzeSectionText(section.path, section.text, limits);
      results[section.index] = analysis;
      cache?.store(keys[section.index] as string, analysis);
    }
  }
  return results.map((analysis) => analysis as SectionAnalysis);
}
