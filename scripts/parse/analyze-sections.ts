import { deserialize } from 'node:v8';
import type { VFile } from 'vfile';
import type { SectionCache } from '../cache/section-cache.js';
import type { InputLimits } from '../limits/input-limits.js';
import { analyzeInParallel, ParseWorkerError, parseWorkerScript, workersFor, type ParsedSection } from './parse-pool.js';
import { analyzeSectionText, isSectionAnalysis, type SectionAnalysis } from './section-analysis.js';
import { loadRenderersFor } from '../validate/formula-and-code-renderers.js';

export interface AnalyzeOptions {
  readonly limits: InputLimits;
  /** Earlier results by content hash; fresh ones are added to it. */
  readonly cache?: SectionCache | undefined;
  /**
   * Worker threads for the sections not in the cache, besides this thread: a number (0: this thread
   * alone), or 'auto' to use workers only when there is enough Markdown to pay for starting them
   * (parse-pool.ts).
   * @default 'auto'
   */
  readonly threads?: number | 'auto';
  /**
   * Whether this thread parses too while workers run; false sends every section through a worker.
   * @default true
   */
  readonly shareWork?: boolean;
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
  // This thread analyses sections in either case (alone, or sharing the work with the workers).
  await loadRenderersFor(missing.map((section) => section.text));
  const parsed: ParsedSection[] = workerUrl === undefined ? missing.map((section) => analyzeSectionText(section.path, section.text, limits)) : await analyzeInParallel(missing, limits, { workers: threads, workerUrl, shareWork: options.shareWork ?? true });
  for (const [position, section] of missing.entries()) {
    const result = parsed[position] as ParsedSection;
    const analysis: unknown = result instanceof Uint8Array ? deserialize(result) : result;
    if (!isSectionAnalysis(analysis)) throw new ParseWorkerError(`A parse worker sent something unexpected for ${section.path}.`);
    results[section.index] = analysis;
    cache?.store(keys[section.index] as string, analysis, result instanceof Uint8Array ? result : undefined);
  }
  return results.map((analysis) => analysis as SectionAnalysis);
}
